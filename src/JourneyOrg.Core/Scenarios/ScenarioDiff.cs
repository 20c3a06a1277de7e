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
}

/// <summary>A unit whose effective owners differ.</summary>
public sealed record OwnerChange(string UnitId, IReadOnlyList<string> Before, IReadOnlyList<string> After);

/// <summary>A journey whose number of handoffs differs.</summary>
public sealed record HandoffChange(string JourneyId, int Before, int After);

/// <summary>A phase whose FTE differs (at the 4 decimals shown).</summary>
public sealed record FteChange(string PhaseId, double Before, double After);

/// <summary>Org figures before and after.</summary>
public sealed record OrgChange(double AvgSpanBefore, double AvgSpanAfter, int MaxSpanBefore, int MaxSpanAfter, int LayersBefore, int LayersAfter);

/// <summary>Computes a <see cref="ScenarioDiff"/>.</summary>
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
        };
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
