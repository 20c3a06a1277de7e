using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.JourneyManagement;

/// <summary>
/// Who answers for a KPI or an opportunity, from the effective owners of the alignment analysis (SPEC §3), which it
/// takes as they are and never recomputes. A journey, phase or step covers units: a step is its own unit, a phase covers
/// its steps (or is itself the unit when it has none), a journey covers the units of its phases.
/// </summary>
public sealed class Accountability
{
    private readonly Dictionary<string, List<UnitAlignment>> _unitsByTarget = new(StringComparer.Ordinal);

    public Accountability(AlignmentReport report)
    {
        foreach (var unit in report.Units)
        {
            Add(unit.Id, unit);
            if (unit.PhaseId != unit.Id) Add(unit.PhaseId, unit);
            Add(unit.JourneyId, unit);
        }
    }

    /// <summary>The units a journey, phase or step covers (empty for an unknown id).</summary>
    public IReadOnlyList<UnitAlignment> UnitsOf(string targetId) =>
        _unitsByTarget.TryGetValue(targetId, out var units) ? units : [];

    /// <summary>The effective owners of every unit the targets cover, sorted.</summary>
    public IReadOnlyList<string> TeamsFor(IEnumerable<string> targetIds) =>
        targetIds.SelectMany(UnitsOf).SelectMany(u => u.Owners).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether some unit the targets cover has no effective owner.</summary>
    public bool TouchesUnownedUnit(IEnumerable<string> targetIds) => targetIds.SelectMany(UnitsOf).Any(u => u.Owners.Count == 0);

    public IReadOnlyList<string> JourneysOf(IEnumerable<string> targetIds) =>
        targetIds.SelectMany(UnitsOf).Select(u => u.JourneyId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// "KPIs nobody is accountable for": linked metrics none of whose units has an effective owner. A metric that is
    /// not linked to any part of a journey is not on a unit and is not listed here.
    /// </summary>
    public IReadOnlyList<Metric> UnaccountableMetrics(Workspace workspace) =>
        workspace.Metrics.Where(m => m.IsLinked && TeamsFor([m.TargetId]).Count == 0).ToList();

    private void Add(string key, UnitAlignment unit)
    {
        if (!_unitsByTarget.TryGetValue(key, out var list)) _unitsByTarget[key] = list = [];
        list.Add(unit);
    }
}
