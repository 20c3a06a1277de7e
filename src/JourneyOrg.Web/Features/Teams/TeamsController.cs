using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using JourneyOrg.Teams;

namespace JourneyOrg.Web.Features.Teams;

[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class TeamsController(OrgReader reader, Scenarios.ScenarioOpenings openings) : Controller
{
    public const int PageSize = 100;

    [HttpGet("/teams")]
    public async Task<IActionResult> Index([FromQuery] TeamListQuery query, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var model = TeamListModel.Build(org, query);
        return Request.IsHtmx() ? PartialView("_TeamsTable", model) : View(model);
    }

    [HttpGet("/teams/{id}")]
    public async Task<IActionResult> Team(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Teams.TryGetValue(id, out var team)) return NotFound();
        var planned = (await openings.ListAsync(org, User, cancellationToken)).Where(o => o.Opening.TeamId == team.Id).ToList();
        return View(TeamPageModel.Build(org, team) with { Openings = planned });
    }

    /// <summary>The team's Team API document (the same JSON as <c>team-api --team ID</c>).</summary>
    [HttpGet("/teams/{id}/team-api.json")]
    public async Task<IActionResult> TeamApi(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Teams.ContainsKey(id)) return NotFound();
        if (org.TeamApis is not { } documents) return StatusCode(StatusCodes.Status503ServiceUnavailable, "No analysis engine is installed.");
        return Content(TeamApiJson.Serialize(documents[id]), "application/json; charset=utf-8");
    }
}

public sealed class TeamListQuery
{
    public string? Q { get; set; }
    /// <summary>unaligned, size, nolead, load (any cognitive-load concern)</summary>
    public string? Flag { get; set; }
    public string? Unit { get; set; }
    public string Sort { get; set; } = "hierarchy";
    public bool Desc { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record TeamRow(Team Team, int Depth, string? ParentName, int Headcount, double Fte, TeamAlignment? Alignment, IReadOnlyList<string> Flags)
{
    /// <summary>The team's cognitive-load signals (null while there is no analysis).</summary>
    public CognitiveLoad? Load { get; init; }
}

public sealed record TeamListModel(OrgView Org, TeamListQuery Query, IReadOnlyList<TeamRow> Rows, int Total, int Pages)
{
    /// <summary>Why the last edit was refused, at the new-team form's fields.</summary>
    public FormProblems Problems { get; init; } = FormProblems.None;
    /// <summary>What was typed in the refused new-team form.</summary>
    public TeamForm? Draft { get; init; }

    public static TeamListModel Build(OrgView org, TeamListQuery query)
    {
        IEnumerable<TeamRow> filtered = org.PerRevision(typeof(TeamRow), () => AllRows(org));
        if (!string.IsNullOrWhiteSpace(query.Q))
            filtered = filtered.Where(r => r.Team.Name.Contains(query.Q, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(query.Unit))
            filtered = filtered.Where(r => org.TeamAncestry(r.Team.Id).Any(t => t.Id == query.Unit));
        filtered = query.Flag switch
        {
            "unaligned" => filtered.Where(r => r.Flags.Contains("unaligned")),
            "size" => filtered.Where(r => r.Flags.Contains("size outside 5–9")),
            "nolead" => filtered.Where(r => r.Flags.Contains("no lead")),
            "load" => filtered.Where(r => r.Load?.Concerns.Count > 0),
            _ => filtered,
        };
        // "hierarchy" keeps the tree order; any other sort flattens the list.
        Func<TeamRow, object> key = query.Sort switch
        {
            "headcount" => r => r.Headcount,
            "fte" => r => r.Fte,
            "units" => r => r.Alignment?.Units ?? -1,
            "focus" => r => r.Alignment?.Focus ?? -1,
            "journeys" => r => r.Load?.Journeys ?? -1,
            "counterparts" => r => r.Load?.Counterparts ?? -1,
            "handoffs" => r => r.Load?.HandoffShare ?? -1,
            "shared" => r => r.Load?.PeopleInOtherTeams ?? -1,
            "name" => r => r.Team.Name.ToLowerInvariant(),
            _ => r => 0,
        };
        if (query.Sort != "hierarchy")
            filtered = query.Desc ? filtered.OrderByDescending(key) : filtered.OrderBy(key);
        var list = filtered.ToList();
        var pages = Math.Max(1, (list.Count + TeamsController.PageSize - 1) / TeamsController.PageSize);
        query.Page = Math.Clamp(query.Page, 1, pages);
        return new TeamListModel(org, query,
            list.Skip((query.Page - 1) * TeamsController.PageSize).Take(TeamsController.PageSize).ToList(), list.Count, pages);
    }

    /// <summary>Every team in hierarchy order with its figures: the same for every request of a revision, so kept with it.</summary>
    private static IReadOnlyList<TeamRow> AllRows(OrgView org)
    {
        var alignment = org.Report?.Teams.ToDictionary(t => t.Id);
        var apis = org.TeamApis;
        var rows = new List<TeamRow>();
        var visited = new HashSet<string>();
        void Walk(Team team, int depth)
        {
            if (!visited.Add(team.Id)) return;
            var a = alignment?.GetValueOrDefault(team.Id);
            var headcount = team.Members.Count;
            var flags = new List<string>();
            if (a?.Unaligned == true) flags.Add("unaligned");
            // Team Topologies' 5–9 applies to teams, not to the units that hold them.
            if (CognitiveLoad.IsOutsideRange(headcount, org.TeamChildren[team.Id].Any())) flags.Add("size outside 5–9");
            if (team.LeadId is null) flags.Add("no lead");
            rows.Add(new TeamRow(team, depth, team.ParentId is null ? null : org.TeamName(team.ParentId), headcount,
                team.Members.Sum(m => m.Allocation), a, flags) { Load = apis?.GetValueOrDefault(team.Id)?.CognitiveLoad });
            foreach (var child in org.TeamChildren[team.Id].OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)) Walk(child, depth + 1);
        }
        foreach (var root in org.TopTeams.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
            Walk(root, 0);
        return rows;
    }

    public string Link(string? sort = null, bool? desc = null, int? page = null, string? flag = null)
    {
        var s = sort ?? Query.Sort;
        var d = desc ?? (sort is not null && sort == Query.Sort ? !Query.Desc : sort is null && Query.Desc);
        var args = new List<string> { "sort=" + Uri.EscapeDataString(s) };
        if (d) args.Add("desc=true");
        if (!string.IsNullOrEmpty(Query.Q)) args.Add("q=" + Uri.EscapeDataString(Query.Q));
        var f = flag ?? Query.Flag;
        if (!string.IsNullOrEmpty(f)) args.Add("flag=" + Uri.EscapeDataString(f));
        if (!string.IsNullOrEmpty(Query.Unit)) args.Add("unit=" + Uri.EscapeDataString(Query.Unit));
        if (page is > 1) args.Add("page=" + page);
        return "/teams?" + string.Join("&", args);
    }
}

public sealed record OwnedUnit(string JourneyId, string UnitId, string UnitName, string PhaseName, bool Inherited, string? FromName);

public sealed record TeamPageModel(
    OrgView Org, Team Team, TeamAlignment? Alignment,
    IReadOnlyList<(Person Person, double Allocation, Role? Role)> Members,
    IReadOnlyList<Team> Ancestors, IReadOnlyList<Team> Children,
    IReadOnlyList<IGrouping<string, OwnedUnit>> UnitsByJourney,
    IReadOnlyList<Ownership> ExplicitOwnership)
{
    /// <summary>Why the last edit was refused, at the fields of the form that posted it.</summary>
    public FormProblems Problems { get; init; } = FormProblems.None;
    /// <summary>What was typed in the refused form (a <see cref="TeamForm"/> or <see cref="MemberForm"/>).</summary>
    public object? Draft { get; init; }
    /// <summary>Positions the stored scenarios plan in this team.</summary>
    public IReadOnlyList<Scenarios.PlannedOpening> Openings { get; init; } = [];
    /// <summary>The ownership change just saved from this page, shown with its effects and undo.</summary>
    public OwnershipOutcome? OwnershipDone { get; init; }
    /// <summary>An ownership change refused: its reasons are shown next to the form that posted it.</summary>
    public OwnershipOutcome? OwnershipRefusal { get; init; }
    /// <summary>Set for the team as a scenario would make it: joiners and new teams marked, nothing editable.</summary>
    public Scenarios.ScenarioLens? Lens { get; init; }

    /// <summary>Where a team links: its page today, or in the scenario.</summary>
    public string TeamHref(string teamId) => Lens?.TeamHref(teamId) ?? $"/teams/{teamId}";

    public static TeamPageModel Build(OrgView org, Team team)
    {
        var members = team.Members
            .Select(m => org.People.TryGetValue(m.PersonId, out var p)
                ? (p, m.Allocation, p.RoleId is null ? null : org.Roles.GetValueOrDefault(p.RoleId))
                : (new Person(m.PersonId, m.PersonId, null, null, null, null, null, true), m.Allocation, null))
            .OrderBy(m => m.Item1.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(m => (m.Item1, m.Allocation, m.Item3))
            .ToList();

        var owned = UnitsByOwner.Of(org).OwnedBy(team.Id)
            .Select(u => new OwnedUnit(u.Journey.Id, u.Id, u.Name, u.Phase.Name, u.Owners.IsInherited, Describe(org, u.Owners)))
            .ToList();

        return new TeamPageModel(org, team, org.TeamAlignment(team.Id), members,
            org.TeamAncestry(team.Id).Skip(1).Reverse().ToList(),
            org.TeamChildren[team.Id].OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            owned.GroupBy(u => u.JourneyId).ToList(),
            org.OwnershipByTeam[team.Id].ToList());
    }

    private static string? Describe(OrgView org, EffectiveOwners e) => e.Source switch
    {
        OwnerSource.Phase => "the phase",
        OwnerSource.Subjourney or OwnerSource.Journey => org.JourneyName(e.FromId!),
        _ => null,
    };
}
