using System.Collections.Concurrent;
using System.Security.Claims;
using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// The organisation as a scenario would make it, for the "as it would be" twins of the screens: the journey map, team
/// hierarchy, matrix and team page render <see cref="After"/> with this lens set, and mark what differs from
/// <see cref="Today"/>. A screen without a lens is today's; the same views serve both.
/// </summary>
public sealed class ScenarioLens
{
    public ScenarioLens(StoredScenario scenario, OrgView today, OrgView after, SimulationResult simulation)
    {
        Scenario = scenario;
        Today = today;
        After = after;
        var diff = simulation.Diff!;
        OwnersBefore = diff.OwnerChanges.ToDictionary(c => c.UnitId, c => c.Before);
        GapsOpened = diff.NewlyUnowned.ToHashSet();
        GapsClosed = diff.ResolvedUnowned.ToHashSet();
        OverlapsOpened = diff.NewlyOverlapping.ToHashSet();
        OverlapsClosed = diff.ResolvedOverlapping.ToHashSet();
        NewTeams = after.Workspace.Teams.Where(t => !today.Teams.ContainsKey(t.Id)).Select(t => t.Id).ToHashSet();
        Openings = simulation.Openings.ToLookup(o => o.TeamId);
        // A person joins a team in the scenario when they are a member after and were not before.
        foreach (var team in after.Workspace.Teams)
        {
            var before = today.Teams.TryGetValue(team.Id, out var t) ? t.Members.Select(m => m.PersonId).ToHashSet() : [];
            var joined = team.Members.Where(m => !before.Contains(m.PersonId)).Select(m => m.PersonId).ToList();
            if (joined.Count > 0) Joiners[team.Id] = joined;
        }
    }

    public StoredScenario Scenario { get; }
    public OrgView Today { get; }
    public OrgView After { get; }

    /// <summary>Where the scenario's screens live: <c>/scenarios/{id}</c>.</summary>
    public string Base => "/scenarios/" + Uri.EscapeDataString(Scenario.Id);

    /// <summary>Units whose effective owners change, with the owners they have today.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> OwnersBefore { get; }
    public IReadOnlySet<string> GapsOpened { get; }
    public IReadOnlySet<string> GapsClosed { get; }
    public IReadOnlySet<string> OverlapsOpened { get; }
    public IReadOnlySet<string> OverlapsClosed { get; }
    public IReadOnlySet<string> NewTeams { get; }
    public ILookup<string, Opening> Openings { get; }

    /// <summary>People who are members of the keyed team after the scenario and are not today.</summary>
    public Dictionary<string, IReadOnlyList<string>> Joiners { get; } = [];

    private IReadOnlyDictionary<string, ReportingMove>? _moves;

    /// <summary>Per manager, the people who join or leave their organisation in the scenario (computed on first use).</summary>
    public ReportingMove MovesFor(string managerId) =>
        (_moves ??= ReportingMoves.Between(Today.Workspace, After.Workspace)).GetValueOrDefault(managerId);

    /// <summary>A team's page in the scenario (new teams exist only there).</summary>
    public string TeamHref(string teamId) => $"{Base}/teams/{Uri.EscapeDataString(teamId)}";

    /// <summary>The name of a team after the scenario, else today (a removed team keeps its name in "before" notes).</summary>
    public string TeamName(string teamId) => After.Teams.ContainsKey(teamId) ? After.TeamName(teamId) : Today.TeamName(teamId);
}

/// <summary>
/// Builds <see cref="ScenarioLens"/>es. The org chart of a scenario expands lazily, one request per level, so the simulated
/// organisation of the last few (scenario version, workspace revision) pairs is kept rather than rebuilt per click.
/// </summary>
public sealed class ScenarioLenses(OrgReader reader, IScenarioStore store)
{
    private readonly ConcurrentDictionary<(string Id, long Version, long Revision), ScenarioLens> _recent = new();

    /// <summary>
    /// The lens, or the plan alone (<c>Lens</c> null) when the scenario does not apply; null when there is no such scenario
    /// or <paramref name="user"/> may not see it.
    /// </summary>
    public async Task<(ScenarioPlan Plan, ScenarioLens? Lens)?> LoadAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var stored = await store.GetVisibleAsync(user, id, cancellationToken);
        if (stored is null) return null;
        var today = await reader.LoadAsync(cancellationToken);
        var key = (stored.Id, stored.Version, today.Revision);
        var plan = ScenarioPlan.Load(stored, today.Baseline);
        if (_recent.TryGetValue(key, out var cached)) return (plan, cached);
        if (plan.Simulation is not { Valid: true } simulation) return (plan, null);
        var after = new OrgView(new WorkspaceSnapshot(simulation.Workspace!, today.Revision), () => AlignmentAnalysis.Prepare(simulation.Workspace!));
        var lens = new ScenarioLens(stored, today, after, simulation);
        if (_recent.Count >= 8) _recent.Clear();
        _recent[key] = lens;
        return (plan, lens);
    }
}

/// <summary>The switch between a screen today (<see cref="TodayHref"/>) and as <see cref="Lens"/>'s scenario would make it.</summary>
public sealed record ScenarioSwitch(ScenarioLens Lens, string TodayHref, string What);

/// <summary>The Today → scenario choice on a screen of today: <see cref="Path"/> is the screen's path under <c>/scenarios/{id}</c>.</summary>
public sealed record ScenarioChoice(string Path, string What);
