namespace JourneyOrg.Analysis;

/// <summary>
/// A manager whose §6 figures differ between two organisations (today and a scenario). Null on one side when they
/// manage nobody there.
/// </summary>
public sealed record ManagerChange(string Id, ManagerAlignment? Before, ManagerAlignment? After)
{
    public int PeopleBefore => Before?.People ?? 0;
    public int PeopleAfter => After?.People ?? 0;
    public int HandoffsBefore => Before?.Handoffs ?? 0;
    public int HandoffsAfter => After?.Handoffs ?? 0;
    public double UnmappedBefore => Before?.UnmappedFte ?? 0;
    public double UnmappedAfter => After?.UnmappedFte ?? 0;

    /// <summary>Journeys whose FTE under this manager differs (at the 4 decimals shown), largest change first.</summary>
    public IReadOnlyList<(string JourneyId, double Before, double After)> Journeys { get; init; } = [];
}

/// <summary>Compares the per-manager figures of two organisations.</summary>
public static class OrgAlignmentChanges
{
    /// <summary>
    /// Managers whose people, journey FTE, unmapped FTE or handoffs to settle differ, compared at the precision the
    /// figures are shown with; biggest change in handoffs first, then in people, then by id.
    /// </summary>
    public static IReadOnlyList<ManagerChange> Between(OrgAlignment before, OrgAlignment after)
    {
        var ids = before.Managers.Select(m => m.Id).Union(after.Managers.Select(m => m.Id), StringComparer.Ordinal);
        var changes = new List<ManagerChange>();
        foreach (var id in ids)
        {
            var (b, a) = (before.Manager(id), after.Manager(id));
            var journeys = (b?.JourneyFte ?? []).Select(j => j.JourneyId).Union((a?.JourneyFte ?? []).Select(j => j.JourneyId), StringComparer.Ordinal)
                .Select(j => (JourneyId: j, Before: b?.FteOn(j) ?? 0, After: a?.FteOn(j) ?? 0))
                .Where(j => AnalysisJson.Round(j.Before) != AnalysisJson.Round(j.After))
                .OrderByDescending(j => Math.Abs(j.After - j.Before)).ThenBy(j => j.JourneyId, StringComparer.Ordinal).ToList();
            var change = new ManagerChange(id, b, a) { Journeys = journeys };
            if (journeys.Count == 0 && change.PeopleBefore == change.PeopleAfter && change.HandoffsBefore == change.HandoffsAfter
                && AnalysisJson.Round(change.UnmappedBefore) == AnalysisJson.Round(change.UnmappedAfter)) continue;
            changes.Add(change);
        }
        return changes
            .OrderByDescending(c => Math.Abs(c.HandoffsAfter - c.HandoffsBefore))
            .ThenByDescending(c => Math.Abs(c.PeopleAfter - c.PeopleBefore))
            .ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }
}
