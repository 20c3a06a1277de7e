using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Insights;

/// <summary>Every insight in one list, filtered by journey, step, type, source and team; each links to where it sits.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class InsightsController(OrgReader reader) : Controller
{
    [HttpGet("/insights")]
    public async Task<IActionResult> Index([FromQuery] InsightQuery query, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var model = InsightList.Build(org, query);
        return Request.IsHtmx() ? PartialView("_InsightList", model) : View(model);
    }
}

public sealed class InsightQuery
{
    public string? Journey { get; set; }
    public string? Step { get; set; }
    public string? Type { get; set; }
    /// <summary><see cref="InsightList.Imported"/>, <see cref="InsightList.Recorded"/>, or empty for both.</summary>
    public string? Source { get; set; }
    /// <summary>A team id: insights it is named on, or on steps it answers for.</summary>
    public string? Team { get; set; }
    public int Page { get; set; } = 1;
}

/// <summary>Where an insight sits: each of its steps with its journey.</summary>
public sealed record InsightPlace(Journey Journey, Phase Phase, Step Step);

public sealed record InsightRow(Insight Insight, IReadOnlyList<InsightPlace> Places, IReadOnlyList<string> AccountableTeams);

public sealed record InsightList(
    OrgView Org, InsightQuery Query, IReadOnlyList<InsightRow> Rows, int Total, int Pages,
    IReadOnlyList<string> Types, IReadOnlyList<(Step Step, Phase Phase)> StepsOfJourney, string? TeamProblem)
{
    public const int PerPage = 100;
    public const string Imported = "imported";
    public const string Recorded = "recorded";

    public static InsightList Build(OrgView org, InsightQuery query)
    {
        var w = org.Workspace;
        var journey = !string.IsNullOrEmpty(query.Journey) && org.Journeys.TryGetValue(query.Journey, out var j) ? j : null;
        var steps = journey?.Phases.SelectMany(p => p.Steps.Select(s => (s, p))).ToList() ?? [];
        string? teamProblem = null;
        var teamId = string.IsNullOrWhiteSpace(query.Team) ? null : org.FindTeam(query.Team.Trim(), "Team", out teamProblem);

        IEnumerable<Insight> insights = w.Insights;
        if (journey is not null)
        {
            var ids = steps.Select(x => x.s.Id).ToHashSet(StringComparer.Ordinal);
            insights = insights.Where(i => i.StepIds.Any(ids.Contains));
        }
        if (!string.IsNullOrEmpty(query.Step)) insights = insights.Where(i => i.StepIds.Contains(query.Step));
        if (!string.IsNullOrEmpty(query.Type)) insights = insights.Where(i => string.Equals(i.Type, query.Type, StringComparison.OrdinalIgnoreCase));
        if (query.Source == Imported) insights = insights.Where(i => i.ImportKey is not null);
        else if (query.Source == Recorded) insights = insights.Where(i => i.ImportKey is null);

        var rows = insights
            .Select(i => new InsightRow(i, Places(org, i), org.Accountability?.TeamsFor(i.StepIds) ?? []))
            .Where(r => teamProblem is null && (teamId is null || r.Insight.TeamIds.Contains(teamId) || r.AccountableTeams.Contains(teamId)))
            .OrderBy(r => r.Insight.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var pages = Math.Max(1, (rows.Count + PerPage - 1) / PerPage);
        query.Page = Math.Clamp(query.Page, 1, pages);
        var types = w.Insights.Select(i => i.Type).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new InsightList(org, query, rows.Skip((query.Page - 1) * PerPage).Take(PerPage).ToList(), rows.Count, pages, types,
            steps.Select(x => (x.s, x.p)).ToList(), teamProblem);
    }

    private static IReadOnlyList<InsightPlace> Places(OrgView org, Insight insight) =>
        insight.StepIds.Where(org.Steps.ContainsKey).Select(id => org.Steps[id]).Select(s => new InsightPlace(s.Journey, s.Phase, s.Step)).ToList();

    public string Link(int page)
    {
        var args = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) args.Add(name + "=" + Uri.EscapeDataString(value)); }
        Add("journey", Query.Journey); Add("step", Query.Step); Add("type", Query.Type); Add("source", Query.Source); Add("team", Query.Team);
        if (page > 1) args.Add("page=" + page);
        return "/insights" + (args.Count > 0 ? "?" + string.Join("&", args) : "");
    }
}
