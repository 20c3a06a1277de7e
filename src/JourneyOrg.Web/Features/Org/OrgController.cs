using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Org;

/// <summary>
/// The reporting tree and the team hierarchy. Both expand lazily (htmx) and page their children, so no response
/// holds more than a screenful of nodes whatever the size of the organisation.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class OrgController(OrgReader reader) : Controller
{
    public const int PageSize = 25;

    [HttpGet("/org")]
    public async Task<IActionResult> Index(string? root, int skip, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        Person? focus = root is not null && org.People.TryGetValue(root, out var p) ? p : null;
        var level = focus is null
            ? org.TopPeople
            : org.Reports[focus.Id];
        return View(new OrgChartModel(org, focus, PersonNodes.Page(org, level, skip, focus is null ? "/org/roots" : $"/org/people/{Uri.EscapeDataString(focus.Id)}/reports")));
    }

    /// <summary>The next page of people at the top of the reporting tree.</summary>
    [HttpGet("/org/roots")]
    public async Task<IActionResult> Roots(int skip, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var page = PersonNodes.Page(org, org.TopPeople, skip, "/org/roots");
        return Request.IsHtmx() ? PartialView("_PersonNodes", page) : Redirect("/org");
    }

    [HttpGet("/org/people/{id}/reports")]
    public async Task<IActionResult> Reports(string id, int skip, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.People.ContainsKey(id)) return NotFound();
        if (!Request.IsHtmx()) return Redirect($"/org?root={Uri.EscapeDataString(id)}");
        if (skip == 0) ViewData["Expanded"] = org.People[id];
        return PartialView("_PersonNodes", PersonNodes.Page(org, org.Reports[id], skip, $"/org/people/{Uri.EscapeDataString(id)}/reports"));
    }

    /// <summary>What a manager's organisation serves and the handoffs they settle (SPEC §6).</summary>
    [HttpGet("/org/people/{id}/alignment")]
    public async Task<IActionResult> Alignment(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.People.TryGetValue(id, out var person)) return NotFound();
        return View(ManagerAlignmentPage.Build(org, person));
    }

    /// <summary>Folds a person's reports away again: an empty list and the toggle back to "Show".</summary>
    [HttpGet("/org/people/{id}/collapse")]
    public async Task<IActionResult> Collapse(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.People.TryGetValue(id, out var person)) return NotFound();
        if (!Request.IsHtmx()) return Redirect("/org");
        return PartialView("_OrgToggle", new OrgToggle(person, false, true));
    }

    [HttpGet("/org/teams")]
    public async Task<IActionResult> Teams(string? root, int skip, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        Team? focus = root is not null && org.Teams.TryGetValue(root, out var t) ? t : null;
        var level = focus is null
            ? org.TopTeams
            : org.TeamChildren[focus.Id];
        return View(new TeamChartModel(org, focus, TeamNodes.Page(org, level, skip, focus is null ? "/org/teams/roots" : $"/org/teams/{Uri.EscapeDataString(focus.Id)}/children")));
    }

    [HttpGet("/org/teams/roots")]
    public async Task<IActionResult> TeamRoots(int skip, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return Request.IsHtmx() ? PartialView("_TeamNodes", TeamNodes.Page(org, org.TopTeams, skip, "/org/teams/roots")) : Redirect("/org/teams");
    }

    [HttpGet("/org/teams/{id}/children")]
    public async Task<IActionResult> TeamChildren(string id, int skip, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Teams.ContainsKey(id)) return NotFound();
        if (!Request.IsHtmx()) return Redirect($"/org/teams?root={Uri.EscapeDataString(id)}");
        return PartialView("_TeamNodes", TeamNodes.Page(org, org.TeamChildren[id], skip, $"/org/teams/{Uri.EscapeDataString(id)}/children"));
    }

    /// <summary>
    /// Hides a unit's child teams: the list empties and the control turns back into "Show teams" (out of band).
    /// A scenario's hierarchy has its own (<c>/scenarios/{id}/org/teams/{teamId}/collapse</c>), which knows its new teams.
    /// </summary>
    [HttpGet("/org/teams/{id}/collapse")]
    public async Task<IActionResult> CollapseTeam(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Teams.TryGetValue(id, out var team)) return NotFound();
        if (!Request.IsHtmx()) return Redirect("/org/teams");
        return PartialView("_TeamToggle", new TeamToggle(team.Id, team.Name, Expanded: false, Oob: true, ""));
    }
}

/// <summary>The show / hide control of a unit's child teams; <see cref="LensBase"/> is "" for today's hierarchy or a scenario's address.</summary>
public sealed record TeamToggle(string TeamId, string TeamName, bool Expanded, bool Oob, string LensBase)
{
    public string ChildrenUrl => $"{LensBase}/org/teams/{Uri.EscapeDataString(TeamId)}/children";

    public string CollapseUrl => $"{LensBase}/org/teams/{Uri.EscapeDataString(TeamId)}/collapse";
}

/// <summary>The show / hide control of a person's reports; <see cref="Base"/> is "" today and the scenario's path in a scenario.</summary>
public sealed record OrgToggle(Person Person, bool Expanded, bool Oob, string Base = "");
public sealed record OrgChartModel(OrgView Org, Person? Focus, PersonNodes Nodes);
public sealed record TeamChartModel(OrgView Org, Team? Focus, TeamNodes Nodes);

/// <summary>One page of people at one level of the tree; <see cref="MoreUrl"/> fetches the next page.</summary>
public sealed record PersonNodes(OrgView Org, IReadOnlyList<Person> People, int Remaining, string? MoreUrl)
{
    /// <summary>Set for the reporting lines a scenario would draw: per manager span, people, and who moves in or out.</summary>
    public Scenarios.ScenarioLens? Lens { get; init; }

    public static PersonNodes Page(OrgView org, IEnumerable<Person> level, int skip, string url)
    {
        var all = level.OrderByDescending(p => org.OrgAlignment.Manager(p.Id)?.People ?? 0).ThenBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
        skip = Math.Max(0, skip);
        var page = all.Skip(skip).Take(OrgController.PageSize).ToList();
        var remaining = Math.Max(0, all.Count - skip - page.Count);
        return new PersonNodes(org, page, remaining, remaining > 0 ? $"{url}?skip={skip + page.Count}" : null);
    }
}

public sealed record TeamNodes(OrgView Org, IReadOnlyList<Team> Teams, int Remaining, string? MoreUrl)
{
    /// <summary>Set for the team hierarchy a scenario would make: new teams, joiners and openings (as vacant positions) marked.</summary>
    public Scenarios.ScenarioLens? Lens { get; init; }

    /// <summary>Where a unit's children load from (today's chart or the scenario's).</summary>
    public string ChildrenUrl(string teamId) => $"{Lens?.Base}/org/teams/{Uri.EscapeDataString(teamId)}/children";

    public static TeamNodes Page(OrgView org, IEnumerable<Team> level, int skip, string url)
    {
        var all = level.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        skip = Math.Max(0, skip);
        var page = all.Skip(skip).Take(OrgController.PageSize).ToList();
        var remaining = Math.Max(0, all.Count - skip - page.Count);
        return new TeamNodes(org, page, remaining, remaining > 0 ? $"{url}?skip={skip + page.Count}" : null) { FirstPage = skip == 0 };
    }

    /// <summary>Whether this is the first page of its level (then the unit above it has just been expanded).</summary>
    public bool FirstPage { get; init; }

    /// <summary>The unit whose children these are, when they are its first page: its control turns into "Hide teams".</summary>
    public Team? ExpandedParent => FirstPage && Teams.Count > 0 && Teams[0].ParentId is { } parent && Org.Teams.TryGetValue(parent, out var team) ? team : null;

    /// <summary>Distinct people in the team and every unit below it (kept per revision: a top unit's count walks the whole tree).</summary>
    public static int Headcount(OrgView org, Team team) =>
        org.PerRevision(typeof(TeamNodes), () => new System.Collections.Concurrent.ConcurrentDictionary<string, int>())
            .GetOrAdd(team.Id, _ => CountHeads(org, team));

    private static int CountHeads(OrgView org, Team team)
    {
        var people = new HashSet<string>();
        var seen = new HashSet<string>();
        var stack = new Stack<Team>([team]);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (!seen.Add(t.Id)) continue;
            foreach (var m in t.Members) people.Add(m.PersonId);
            foreach (var c in org.TeamChildren[t.Id]) stack.Push(c);
        }
        return people.Count;
    }
}
