using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Search;

[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class SearchController(OrgReader reader) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var model = SearchResults.Find(org, q);
        return Request.IsHtmx() ? PartialView("_SearchResults", model) : View(model);
    }
}

public sealed record SearchHit(string Name, string Url, string? Detail);
public sealed record SearchGroup(string Title, IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>
/// People, teams, journeys, phases, steps, KPIs, opportunities and insights whose name or title (or a person's mail or
/// job title) contains the query.
/// </summary>
public sealed record SearchResults(string Query, IReadOnlyList<SearchGroup> Groups)
{
    public const int PerGroup = 10;

    public static SearchResults Find(OrgView org, string? query)
    {
        var q = (query ?? "").Trim();
        if (q.Length == 0) return new SearchResults("", []);
        bool Match(string? text) => text is not null && text.Contains(q, StringComparison.OrdinalIgnoreCase);
        // Only the hits shown are built; the rest are counted (a short query matches tens of thousands of people).
        SearchGroup Group<T>(string title, IEnumerable<T> matches, Func<T, SearchHit> hit)
        {
            var shown = new List<SearchHit>(PerGroup);
            var total = 0;
            foreach (var match in matches)
                if (total++ < PerGroup) shown.Add(hit(match));
            return new SearchGroup(title, shown, total);
        }
        var w = org.Workspace;
        var groups = new[]
        {
            Group("People", PeopleMatching(org, q),
                p => new SearchHit(p.DisplayName, $"/people/{Uri.EscapeDataString(p.Id)}", p.JobTitle)),
            Group("Teams", w.Teams.Where(t => Match(t.Name)),
                t => new SearchHit(t.Name, $"/teams/{Uri.EscapeDataString(t.Id)}", t.ParentId is null ? null : "in " + org.TeamName(t.ParentId))),
            Group("Journeys", w.Journeys.Where(j => Match(j.Name)),
                j => new SearchHit(j.Name, $"/journeys/{Uri.EscapeDataString(j.Id)}", j.ParentId is null ? null : "in " + org.JourneyName(j.ParentId))),
            Group("Phases", w.Journeys.SelectMany(j => j.Phases.Where(p => Match(p.Name)).Select(p => (j, p))),
                x => new SearchHit(x.p.Name, $"/journeys/{Uri.EscapeDataString(x.j.Id)}#phase-{DomIds.Safe(x.p.Id)}", "phase of " + x.j.Name)),
            Group("Steps", w.Journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps.Where(s => Match(s.Name)).Select(s => (j, p, s)))),
                x => new SearchHit(x.s.Name, Steps.StepUrls.Page(x.j.Id, x.s.Id), $"step of {x.j.Name} › {x.p.Name}")),
            Group("KPIs", w.Metrics.Where(m => Match(m.Name)),
                m => new SearchHit(m.Name, $"/metrics/{Uri.EscapeDataString(m.Id)}", m.IsLinked ? "on " + org.TargetName(m.TargetId) : "not on a journey yet")),
            Group("Opportunities", w.Opportunities.Where(o => Match(o.Title)),
                o => new SearchHit(o.Title, $"/opportunities/{Uri.EscapeDataString(o.Id)}", o.Status)),
            // An insight has no page of its own: it opens on the (first) step it is evidence for.
            Group("Insights", w.Insights.Where(i => Match(i.Title)),
                i => new SearchHit(i.Title, InsightUrl(org, i), i.StepIds.Count > 0 ? "on " + org.TargetName(i.StepIds[0]) : "not on a journey yet")),
        };
        return new SearchResults(q, groups.Where(g => g.Total > 0).ToList());
    }

    /// <summary>People whose name, mail or job title contains the query, ignoring case (as <c>OrdinalIgnoreCase</c>).</summary>
    private static IEnumerable<JourneyOrg.Domain.Person> PeopleMatching(OrgView org, string query)
    {
        if (query.Contains('\0')) yield break;
        var upper = query.ToUpperInvariant();
        var texts = org.PeopleSearchText;
        for (var i = 0; i < texts.Count; i++)
            if (texts[i].Contains(upper, StringComparison.Ordinal)) yield return org.Workspace.People[i];
    }

    private static string InsightUrl(OrgView org, JourneyOrg.Domain.Insight insight) =>
        insight.StepIds.Count > 0 && org.Steps.TryGetValue(insight.StepIds[0], out var s)
            ? Steps.StepUrls.Page(s.Journey.Id, s.Step.Id)
            : $"/links/insight/{Uri.EscapeDataString(insight.Id)}";
}
