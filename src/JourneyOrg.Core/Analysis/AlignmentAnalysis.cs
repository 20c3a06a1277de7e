using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>
/// The alignment analysis of SPEC §3: who effectively owns each unit of each journey, and what that means for
/// phases, journeys, teams and the org. Pure functions over an in-memory <see cref="Workspace"/>: no I/O,
/// deterministic, safe to call from many threads.
/// </summary>
public static class AlignmentAnalysis
{
    /// <summary>Analyses a workspace from scratch.</summary>
    public static AlignmentReport Analyze(Workspace workspace) => Prepare(workspace).Report;

    /// <summary>
    /// Analyses a workspace and keeps the indexes built on the way, so scenarios simulated on it
    /// (<see cref="AlignmentBaseline.AnalyzeVariant"/>) reuse them instead of starting over.
    /// </summary>
    public static AlignmentBaseline Prepare(Workspace workspace) => new(workspace);

    internal static AlignmentReport Compute(JourneyMap map, Workspace workspace, OrgFigures? knownOrg)
    {
        var teams = workspace.Teams;
        var teamIndex = new Dictionary<string, int>(teams.Count, StringComparer.Ordinal);
        for (var t = 0; t < teams.Count; t++) teamIndex.TryAdd(teams[t].Id, t);

        // Owner sets are kept sorted by team id, so equal sets are equal sequences and output needs no sort.
        var rank = new int[teams.Count];
        var byId = new int[teams.Count];
        for (var t = 0; t < byId.Length; t++) byId[t] = t;
        Array.Sort(byId, (a, b) => string.CompareOrdinal(teams[a].Id, teams[b].Id));
        for (var r = 0; r < byId.Length; r++) rank[byId[r]] = r;

        var accountable = new List<int>?[map.TargetIds.Length];
        var contributes = new bool[teams.Count];
        foreach (var edge in workspace.Ownership)
        {
            if (!teamIndex.TryGetValue(edge.TeamId, out var t)) continue;
            if (!map.TargetIndex.TryGetValue(edge.TargetId, out var target)) continue;
            if (edge.Kind == OwnershipKind.Contributing) { contributes[t] = true; continue; }
            var owners = accountable[target] ??= [];
            if (!owners.Contains(t)) owners.Add(t);
        }

        // One owner array per target, shared by every unit that inherits from it.
        var ownerSets = new int[]?[accountable.Length];
        var ownerNames = new string[]?[accountable.Length];
        var units = map.Units;
        var unitOwners = new int[units.Length][];
        var unitOwnerNames = new string[units.Length][];
        for (var u = 0; u < units.Length; u++)
        {
            unitOwners[u] = [];
            unitOwnerNames[u] = [];
            foreach (var target in units[u].Lookup)
            {
                if (accountable[target] is not { } list) continue;
                if (ownerSets[target] is null)
                {
                    var sorted = list.ToArray();
                    Array.Sort(sorted, (a, b) => rank[a].CompareTo(rank[b]));
                    ownerSets[target] = sorted;
                    ownerNames[target] = Array.ConvertAll(sorted, i => teams[i].Id);
                }
                unitOwners[u] = ownerSets[target]!;
                unitOwnerNames[u] = ownerNames[target]!;
                break;
            }
        }

        var teamUnits = new int[teams.Count];
        var teamJourneys = new int[teams.Count];
        var teamBestJourney = new int[teams.Count];
        var inJourney = new int[teams.Count];
        var upstream = new SortedSet<string>?[teams.Count];
        var downstream = new SortedSet<string>?[teams.Count];
        var journeyHandoffs = new int[map.JourneyEntries.Length];
        var journeyTeams = new string[map.JourneyEntries.Length][];
        var touched = new List<int>();
        for (var j = 0; j < map.JourneyEntries.Length; j++)
        {
            var journey = map.JourneyEntries[j];
            touched.Clear();
            for (var u = journey.FirstUnit; u < journey.FirstUnit + journey.UnitCount; u++)
            {
                foreach (var t in unitOwners[u])
                {
                    if (inJourney[t]++ == 0) touched.Add(t);
                }
                if (u + 1 < journey.FirstUnit + journey.UnitCount && IsHandoff(unitOwners[u], unitOwners[u + 1]))
                {
                    journeyHandoffs[j]++;
                    foreach (var from in unitOwners[u])
                    foreach (var to in unitOwners[u + 1])
                    {
                        if (from == to) continue;
                        (upstream[to] ??= new SortedSet<string>(StringComparer.Ordinal)).Add(teams[from].Id);
                        (downstream[from] ??= new SortedSet<string>(StringComparer.Ordinal)).Add(teams[to].Id);
                    }
                }
            }
            touched.Sort((a, b) => rank[a].CompareTo(rank[b]));
            var names = new string[touched.Count];
            for (var i = 0; i < touched.Count; i++)
            {
                var t = touched[i];
                names[i] = teams[t].Id;
                teamUnits[t] += inJourney[t];
                teamJourneys[t]++;
                teamBestJourney[t] = Math.Max(teamBestJourney[t], inJourney[t]);
                inJourney[t] = 0;
            }
            journeyTeams[j] = names;
        }

        var teamFte = new double[teams.Count];
        for (var t = 0; t < teams.Count; t++)
        {
            var sum = 0.0;
            foreach (var m in teams[t].Members) sum += m.Allocation;
            teamFte[t] = sum;
        }

        var unitResults = new UnitAlignment[units.Length];
        var unitFte = new double[units.Length];
        for (var u = 0; u < units.Length; u++)
        {
            var fte = 0.0;
            foreach (var t in unitOwners[u]) fte += teamFte[t] / teamUnits[t];
            unitFte[u] = fte;
            var unit = units[u];
            unitResults[u] = new UnitAlignment(unit.Id, map.JourneyEntries[unit.Journey].Id, map.Phases[unit.Phase].Id, unitOwnerNames[u]);
        }

        var phaseResults = new PhaseAlignment[map.Phases.Length];
        var phaseFte = new double[map.Phases.Length];
        for (var p = 0; p < map.Phases.Length; p++)
        {
            var phase = map.Phases[p];
            int unowned = 0, overlapping = 0;
            var fte = 0.0;
            for (var u = phase.FirstUnit; u < phase.FirstUnit + phase.UnitCount; u++)
            {
                var count = unitOwners[u].Length;
                if (count == 0) unowned++;
                else if (count >= 2) overlapping++;
                fte += unitFte[u];
            }
            phaseFte[p] = fte;
            var status = overlapping > 0 ? PhaseStatus.Overlapping
                : unowned == phase.UnitCount ? PhaseStatus.Unowned
                : unowned > 0 ? PhaseStatus.Partial
                : PhaseStatus.Owned;
            phaseResults[p] = new PhaseAlignment(phase.Id, map.JourneyEntries[phase.Journey].Id, phase.UnitCount, unowned, overlapping, status, fte);
        }

        var journeyResults = new JourneyAlignment[map.JourneyEntries.Length];
        for (var j = 0; j < journeyResults.Length; j++)
        {
            var journey = map.JourneyEntries[j];
            var owned = 0;
            for (var u = journey.FirstUnit; u < journey.FirstUnit + journey.UnitCount; u++)
                if (unitOwners[u].Length > 0) owned++;
            var fte = 0.0;
            for (var p = journey.FirstPhase; p < journey.FirstPhase + journey.PhaseCount; p++) fte += phaseFte[p];
            var coverage = journey.UnitCount == 0 ? 1.0 : (double)owned / journey.UnitCount;
            journeyResults[j] = new JourneyAlignment(journey.Id, journey.UnitCount, owned, coverage, journeyHandoffs[j], journeyTeams[j], fte);
        }

        var teamResults = new TeamAlignment[teams.Count];
        for (var t = 0; t < teams.Count; t++)
        {
            var focus = teamUnits[t] == 0 ? 0.0 : (double)teamBestJourney[t] / teamUnits[t];
            var unaligned = teamFte[t] > 0 && teamUnits[t] == 0 && !contributes[t];
            teamResults[t] = new TeamAlignment(teams[t].Id, teamUnits[t], teamJourneys[t], focus, teamFte[t],
                upstream[t] is { } up ? [.. up] : [], downstream[t] is { } down ? [.. down] : [], unaligned);
        }

        var org = knownOrg ?? OrgAnalysis.Figures(workspace.People);
        return new AlignmentReport(unitResults, phaseResults, journeyResults, teamResults, org)
        {
            Cost = CostAnalysis.Compute(workspace, map, unitOwners, teamUnits),
        };
    }

    private static bool IsHandoff(int[] a, int[] b) =>
        a.Length > 0 && b.Length > 0 && !ReferenceEquals(a, b) && !a.AsSpan().SequenceEqual(b);
}
