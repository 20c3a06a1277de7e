using JourneyOrg.Analysis;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>One journey's figures in one organisation: unowned and overlapping units, handoffs, teams, FTE per phase, cost (HR).</summary>
public sealed record JourneyFigures(int Gaps, int Overlaps, int Handoffs, int Teams, IReadOnlyList<double> PhaseFte, double? Cost)
{
    /// <summary>Whether a reader would see a difference (FTE at the 2 decimals shown, cost to the unit).</summary>
    public bool SameAs(JourneyFigures other) =>
        Gaps == other.Gaps && Overlaps == other.Overlaps && Handoffs == other.Handoffs && Teams == other.Teams
        && PhaseFte.Zip(other.PhaseFte).All(p => Math.Round(p.First, 2) == Math.Round(p.Second, 2))
        && Math.Round(Cost ?? 0) == Math.Round(other.Cost ?? 0);
}

/// <summary>
/// A journey today and in each compared scenario (null where the scenario does not apply), so that leaders compare
/// scenarios where customers meet them, not only in totals.
/// </summary>
public sealed record JourneyComparison(string JourneyId, IReadOnlyList<string> PhaseIds, JourneyFigures Today, IReadOnlyList<JourneyFigures?> Scenarios)
{
    /// <summary>The journeys at least one scenario changes, in journey order.</summary>
    /// <param name="withCost">Whether cost is read at all: for readers who may not see it, a journey whose cost alone changes is not listed.</param>
    public static IReadOnlyList<JourneyComparison> Build(AlignmentReport today, IReadOnlyList<AlignmentReport?> scenarios, bool withCost)
    {
        var phasesToday = today.Phases.ToLookup(p => p.JourneyId);
        var result = new List<JourneyComparison>();
        var indexed = scenarios.Select(s => s is null ? null : new
        {
            Report = s,
            Journeys = s.Journeys.Select((j, i) => (j, i)).ToDictionary(x => x.j.Id, x => x.i),
            Phases = s.Phases.Select((p, i) => (p, i)).ToDictionary(x => x.p.Id, x => x.i),
        }).ToList();
        for (var i = 0; i < today.Journeys.Count; i++)
        {
            var journey = today.Journeys[i];
            var phaseIds = phasesToday[journey.Id].Select(p => p.Id).ToList();
            var now = Figures(today, i, today.Phases.Select((p, k) => (p, k)).Where(x => x.p.JourneyId == journey.Id).Select(x => x.k).ToList(), withCost);
            var after = indexed.Select(s => s is null || !s.Journeys.TryGetValue(journey.Id, out var j) ? null
                : Figures(s.Report, j, phaseIds.Select(p => s.Phases.GetValueOrDefault(p, -1)).ToList(), withCost)).ToList();
            if (after.Any(a => a is not null && !a.SameAs(now))) result.Add(new JourneyComparison(journey.Id, phaseIds, now, after));
        }
        return result;
    }

    private static JourneyFigures Figures(AlignmentReport report, int journey, IReadOnlyList<int> phases, bool withCost)
    {
        var j = report.Journeys[journey];
        var ph = phases.Select(k => k < 0 ? null : report.Phases[k]).ToList();
        return new JourneyFigures(
            ph.Sum(p => p?.UnownedUnits ?? 0), ph.Sum(p => p?.OverlappingUnits ?? 0), j.Handoffs, j.Teams.Count,
            ph.Select(p => p?.Fte ?? 0).ToList(), withCost ? report.Cost?.Journeys[journey] : null);
    }
}
