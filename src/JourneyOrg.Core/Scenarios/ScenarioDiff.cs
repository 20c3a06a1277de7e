using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;

namespace JourneyOrg.Scenarios;

/// <summary>What a scenario changes compared with its baseline (SPEC §4, <c>diff</c>). Lists follow journey order.</summary>
public sealed record ScenarioDiff(
    IReadOnlyList<OwnerChange> OwnerChanges,
    IReadOnlyList<string> NewlyUnowned,
    IReadOnlyList<string> ResolvedUnowned,
    IReadOnlyList<string> NewlyOverlapping,
    IReadOnlyList<string> ResolvedOverlapping,
    IReadOnlyList<HandoffChange> Handoffs,
    int TeamsBefore,
    int TeamsAfter,
    int PeopleMoved,
    IReadOnlyList<FteChange> Fte,
    double PlannedFte,
    OrgChange Org)
{
    /// <summary>
    /// Beyond SPEC §4: opportunities whose accountable teams (the effective owners of the units they are on) change.
    /// Written to JSON as <c>opportunityOwnerChanges</c> only when the workspace has opportunities.
    /// </summary>
    public IReadOnlyList<OpportunityOwnerChange> OpportunityOwnerChanges { get; init; } = [];

    /// <summary>SPEC §5 <c>diff.cost</c>: total people cost before and after, and the planned cost of openings. Null without cost data.</summary>
    public CostChange? Cost { get; init; }

    /// <summary>SPEC §5 <c>diff.journeyCost</c>: journeys whose cost changed (at the 2 decimals shown), sorted by journey id.</summary>
    public IReadOnlyList<JourneyCostChange> JourneyCost { get; init; } = [];

    /// <summary>This diff as a reader without access to people cost may see it.</summary>
    public ScenarioDiff WithoutCost() => Cost is null ? this : this with { Cost = null, JourneyCost = [] };
}

/// <summary>Total people cost before and after a scenario, and what its openings would add (count × allocation × role cost).</summary>
public sealed record CostChange(double Before, double After, double Planned);

/// <summary>A journey whose cost to serve differs.</summary>
public sealed record JourneyCostChange(string JourneyId, double Before, double After);

/// <summary>A unit whose effective owners differ.</summary>
public sealed record OwnerChange(string UnitId, IReadOnlyList<string> Before, IReadOnlyList<string> After);

/// <summary>A journey whose number of handoffs differs.</summary>
public sealed record HandoffChange(string JourneyId, int Before, int After);

/// <summary>A phase whose FTE differs (at the 4 decimals shown).</summary>
public sealed record FteChange(string PhaseId, double Before, double After);

public sealed record OrgChange(double AvgSpanBefore, double AvgSpanAfter, int MaxSpanBefore, int MaxSpanAfter, int LayersBefore, int LayersAfter);

public static class ScenarioComparison
{
    /// <summary>
    /// Compares a scenario's workspace and analysis with its baseline's. Units, phases and journeys are the same in
    /// both (scenarios never change journeys), so they are compared position by position.
    /// </summary>
    public static ScenarioDiff Compare(AlignmentBaseline baseline, Workspace scenario, AlignmentReport after, IReadOnlyList<Opening> openings)
    {
        var before = baseline.Report;
        var ownerChanges = new List<OwnerChange>();
        List<string> newlyUnowned = [], resolvedUnowned = [], newlyOverlapping = [], resolvedOverlapping = [];
        for (var i = 0; i < before.Units.Count; i++)
        {
            var (b, a) = (before.Units[i].Owners, after.Units[i].Owners);
            if (ReferenceEquals(b, a) || b.SequenceEqual(a)) continue;
            var id = before.Units[i].Id;
            ownerChanges.Add(new OwnerChange(id, b, a));
            if (b.Count > 0 && a.Count == 0) newlyUnowned.Add(id);
            if (b.Count == 0 && a.Count > 0) resolvedUnowned.Add(id);
            if (b.Count < 2 && a.Count >= 2) newlyOverlapping.Add(id);
            if (b.Count >= 2 && a.Count < 2) resolvedOverlapping.Add(id);
        }

        var handoffs = new List<HandoffChange>();
        for (var j = 0; j < before.Journeys.Count; j++)
            if (before.Journeys[j].Handoffs != after.Journeys[j].Handoffs)
                handoffs.Add(new HandoffChange(before.Journeys[j].Id, before.Journeys[j].Handoffs, after.Journeys[j].Handoffs));

        var fte = new List<FteChange>();
        for (var p = 0; p < before.Phases.Count; p++)
        {
            // Compared as shown: sums in a different order must not report a change of 1e-15.
            if (AnalysisJson.Round(before.Phases[p].Fte) != AnalysisJson.Round(after.Phases[p].Fte))
                fte.Add(new FteChange(before.Phases[p].Id, before.Phases[p].Fte, after.Phases[p].Fte));
        }

        return new ScenarioDiff(ownerChanges, newlyUnowned, resolvedUnowned, newlyOverlapping, resolvedOverlapping, handoffs,
            baseline.Workspace.Teams.Count, scenario.Teams.Count, PeopleMoved(baseline, scenario), fte,
            openings.Sum(o => o.Fte),
            new OrgChange(before.Org.AvgSpan, after.Org.AvgSpan, before.Org.MaxSpan, after.Org.MaxSpan, before.Org.Layers, after.Org.Layers))
        {
            OpportunityOwnerChanges = Prioritisation.AccountableChanges(baseline.Workspace, before, after),
            Cost = before.Cost is { } costBefore && after.Cost is { } costAfter
                ? new CostChange(costBefore.TotalCost, costAfter.TotalCost, PlannedCost(scenario, openings))
                : null,
            JourneyCost = JourneyCostChanges(before, after),
        };
    }

    /// <summary>What the openings would cost a year: count × allocation × the role's opening cost (a role without one counts 0).</summary>
    public static double PlannedCost(Workspace scenario, IReadOnlyList<Opening> openings)
    {
        if (openings.Count == 0) return 0;
        var roleCost = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in scenario.Roles)
            if (r.AnnualCost is { } c) roleCost.TryAdd(r.Id, c);
        return openings.Sum(o => o.Fte * roleCost.GetValueOrDefault(o.RoleId));
    }

    private static IReadOnlyList<JourneyCostChange> JourneyCostChanges(AlignmentReport before, AlignmentReport after)
    {
        if (before.Cost is not { } b || after.Cost is not { } a) return [];
        var changes = new List<JourneyCostChange>();
        for (var j = 0; j < b.Journeys.Count; j++)
            if (AnalysisJson.Money(b.Journeys[j]) != AnalysisJson.Money(a.Journeys[j]))
                changes.Add(new JourneyCostChange(before.Journeys[j].Id, b.Journeys[j], a.Journeys[j]));
        // Sorted by id, as the contract's golden file lists them.
        changes.Sort((x, y) => string.CompareOrdinal(x.JourneyId, y.JourneyId));
        return changes;
    }

    /// <summary>
    /// People whose set of teams differs. Only members of teams the scenario touched can have moved, so only they
    /// are looked at; untouched teams are the very same objects as in the baseline.
    /// </summary>
    private static int PeopleMoved(AlignmentBaseline baseline, Workspace scenario)
    {
        var baselineTeams = new Dictionary<string, Team>(StringComparer.Ordinal);
        foreach (var t in baseline.Workspace.Teams) baselineTeams.TryAdd(t.Id, t);
        var unchanged = new HashSet<string>(StringComparer.Ordinal);
        var changedAfter = new List<Team>();
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in scenario.Teams)
        {
            if (baselineTeams.TryGetValue(t.Id, out var old) && ReferenceEquals(old.Members, t.Members))
            {
                unchanged.Add(t.Id);
                continue;
            }
            changedAfter.Add(t);
            foreach (var m in t.Members) candidates.Add(m.PersonId);
        }
        foreach (var t in baseline.Workspace.Teams)
            if (!unchanged.Contains(t.Id))
                foreach (var m in t.Members) candidates.Add(m.PersonId);
        if (candidates.Count == 0) return 0;

        var afterChanged = AlignmentBaseline.TeamsOfPerson(changedAfter);
        var moved = 0;
        foreach (var person in candidates)
        {
            var beforeSet = baseline.TeamsOf(person);
            var afterSet = new SortedSet<string>(beforeSet.Where(unchanged.Contains), StringComparer.Ordinal);
            if (afterChanged.TryGetValue(person, out var extra)) afterSet.UnionWith(extra);
            if (!afterSet.SequenceEqual(beforeSet)) moved++;
        }
        return moved;
    }
}
