using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>
/// People cost of SPEC §5, laid over the alignment analysis: each list is index-aligned with the report's list of the
/// same name (units, phases, journeys, teams). Figures are exact; output rounds them to 2 decimals
/// (<see cref="AnalysisJson.Money"/>). HR-only: whoever shows a report to someone else drops this part first.
/// </summary>
public sealed record CostFigures(
    string Currency,
    IReadOnlyList<double> Units,
    IReadOnlyList<double> Phases,
    IReadOnlyList<double> Journeys,
    IReadOnlyList<double> Teams,
    double TotalCost,
    double UnmappedCost);

/// <summary>The rules of SPEC §5: team cost from its own members, spread over its units exactly as FTE is.</summary>
internal static class CostAnalysis
{
    /// <param name="workspace">The analysed workspace; without cost data the result is null.</param>
    /// <param name="map">Its indexed journeys.</param>
    /// <param name="unitOwners">E(u) per unit, as team positions in <c>workspace.Teams</c>.</param>
    /// <param name="teamUnits">units(t) per team position.</param>
    public static CostFigures? Compute(Workspace workspace, JourneyMap map, int[][] unitOwners, int[] teamUnits)
    {
        if (!workspace.HasCosts) return null;
        var annualCost = new Dictionary<string, double>(workspace.Costs.Count, StringComparer.Ordinal);
        foreach (var c in workspace.Costs) annualCost.TryAdd(c.PersonId, c.AnnualCost);

        var teams = workspace.Teams;
        var teamCost = new double[teams.Count];
        var allocated = new Dictionary<string, double>(StringComparer.Ordinal);
        var unmapped = 0.0;
        for (var t = 0; t < teams.Count; t++)
        {
            var sum = 0.0;
            foreach (var m in teams[t].Members)
            {
                // A person without an entry counts 0; only the team's own members count, not its child teams'.
                if (annualCost.TryGetValue(m.PersonId, out var cost)) sum += m.Allocation * cost;
                allocated[m.PersonId] = allocated.GetValueOrDefault(m.PersonId) + m.Allocation;
            }
            teamCost[t] = sum;
            if (teamUnits[t] == 0) unmapped += sum;
        }

        // Each person counted once, at most full time, however their time is split across teams.
        var total = 0.0;
        foreach (var (person, allocation) in allocated)
            if (annualCost.TryGetValue(person, out var cost)) total += cost * Math.Min(1.0, allocation);

        var units = new double[map.Units.Length];
        for (var u = 0; u < units.Length; u++)
        {
            var sum = 0.0;
            foreach (var t in unitOwners[u]) sum += teamCost[t] / teamUnits[t];
            units[u] = sum;
        }
        var phases = new double[map.Phases.Length];
        for (var p = 0; p < phases.Length; p++)
        {
            var phase = map.Phases[p];
            for (var u = phase.FirstUnit; u < phase.FirstUnit + phase.UnitCount; u++) phases[p] += units[u];
        }
        var journeys = new double[map.JourneyEntries.Length];
        for (var j = 0; j < journeys.Length; j++)
        {
            var journey = map.JourneyEntries[j];
            for (var p = journey.FirstPhase; p < journey.FirstPhase + journey.PhaseCount; p++) journeys[j] += phases[p];
        }
        return new CostFigures(workspace.Currency, units, phases, journeys, teamCost, total, unmapped);
    }
}

/// <summary>Views of a report's people cost for the HR screens.</summary>
public static class CostViews
{
    /// <summary>
    /// What each team's cost contributes to each journey: for every unit, each owner's share (its cost over its units), summed
    /// per journey and team. The row sums are the journeys' cost; teams without units contribute nothing (unmapped cost).
    /// </summary>
    public static IReadOnlyDictionary<(string JourneyId, string TeamId), double> JourneyTeamCost(AlignmentReport report)
    {
        var result = new Dictionary<(string, string), double>();
        if (report.Cost is not { } cost) return result;
        var share = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < report.Teams.Count; t++)
            if (report.Teams[t].Units > 0) share[report.Teams[t].Id] = cost.Teams[t] / report.Teams[t].Units;
        foreach (var unit in report.Units)
        foreach (var owner in unit.Owners)
        {
            var key = (unit.JourneyId, owner);
            result[key] = result.GetValueOrDefault(key) + share.GetValueOrDefault(owner);
        }
        return result;
    }
}
