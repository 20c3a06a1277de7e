using System.Collections.Concurrent;
using JourneyOrg.Analysis;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Web.Features.Teams;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// What a stored scenario does to one revision of the organisation, worked out once and shared by every request while
/// that revision and that version of the scenario last: the simulation behind the scenario list, the openings the
/// roles and team pages count, and the diff's costly parts (each leader's figures, teams' cognitive load). Before,
/// every visit to the list, the roles page or a scenario re-simulated every stored scenario (about 0.3–1 s at 100,000
/// people). The plan here is read-only: screens that change a scenario load their own.
/// </summary>
public sealed class ScenarioSummary
{
    private readonly OrgView _org;
    private readonly Lazy<ScenarioPlan> _plan;
    private readonly Lazy<IReadOnlyList<ManagerChange>> _managerChanges;
    private readonly Lazy<IReadOnlyList<TeamLoadChange>> _teamLoadChanges;

    private ScenarioSummary(OrgView org, StoredScenario stored)
    {
        _org = org;
        Stored = stored;
        _plan = new Lazy<ScenarioPlan>(() => ScenarioPlan.Load(stored, org.Baseline));
        _managerChanges = new Lazy<IReadOnlyList<ManagerChange>>(() => Plan.Simulation is { Valid: true, Workspace: { } after, Scenario: { } report }
            ? OrgAlignmentChanges.Between(_org.OrgAlignment, OrgAlignment.Compute(after, report))
            : []);
        _teamLoadChanges = new Lazy<IReadOnlyList<TeamLoadChange>>(() => Plan.Simulation is { Valid: true } simulation
            ? Teams.TeamLoadChanges.Of(_org, simulation)
            : []);
    }

    public StoredScenario Stored { get; }

    /// <summary>The scenario simulated against this revision. Never change it: it is shared.</summary>
    public ScenarioPlan Plan => _plan.Value;

    /// <summary>Leaders whose SPEC §6 figures the scenario changes.</summary>
    public IReadOnlyList<ManagerChange> ManagerChanges => _managerChanges.Value;

    /// <summary>Teams whose cognitive-load signals the scenario changes.</summary>
    public IReadOnlyList<TeamLoadChange> TeamLoadChanges => _teamLoadChanges.Value;

    /// <summary>The plans of the scenarios <paramref name="user"/> may see, as the scenario list shows them (shared, read-only).</summary>
    public static async Task<IReadOnlyList<ScenarioPlan>> VisiblePlansAsync(IScenarioStore store, System.Security.Claims.ClaimsPrincipal user, OrgView org,
        CancellationToken cancellationToken) =>
        [.. (await store.ListVisibleAsync(user, cancellationToken)).Select(s => Of(org, s).Plan)];

    /// <summary>
    /// The summary of <paramref name="stored"/> against <paramref name="org"/>'s revision. A stored scenario compares by
    /// value, so a newer version of it (or a new status) replaces the older one's summary.
    /// </summary>
    public static ScenarioSummary Of(OrgView org, StoredScenario stored)
    {
        var summaries = org.PerRevision(typeof(ScenarioSummary), () => new ConcurrentDictionary<string, ScenarioSummary>());
        return summaries.AddOrUpdate(stored.Id, _ => new ScenarioSummary(org, stored),
            (_, kept) => kept.Stored == stored ? kept : new ScenarioSummary(org, stored));
    }
}

/// <summary>
/// Every stored scenario simulated against each new revision before it is shown: the scenario list, the roles and
/// team pages (planned openings) and each scenario's page read these summaries.
/// </summary>
public sealed class ScenarioSummaryFigure(IScenarioStore store) : IRevisionFigure
{
    public async Task PrepareAsync(OrgView org, CancellationToken cancellationToken)
    {
        foreach (var stored in await store.ListScenariosAsync(cancellationToken)) _ = ScenarioSummary.Of(org, stored).Plan;
    }
}
