namespace JourneyOrg.Analysis;

/// <summary>What an edit did to the alignment of one unit, or to the pair of units a handoff sits between.</summary>
public enum AlignmentEffectKind
{
    /// <summary>A unit had no accountable team and now has one.</summary>
    GapClosed,
    /// <summary>A unit had an accountable team and now has none.</summary>
    GapOpened,
    /// <summary>A unit now has two or more accountable teams.</summary>
    OverlapOpened,
    /// <summary>A unit had two or more accountable teams and now has at most one.</summary>
    OverlapClosed,
    /// <summary>Two neighbouring units are now answered for by different teams (SPEC §3 handoff).</summary>
    HandoffAdded,
    /// <summary>Two neighbouring units are no longer a handoff.</summary>
    HandoffRemoved,
}

/// <summary>One change in alignment: on <see cref="UnitId"/>, or for a handoff between it and <see cref="NextUnitId"/>.</summary>
public sealed record AlignmentEffect(AlignmentEffectKind Kind, string JourneyId, string UnitId, string? NextUnitId = null);

/// <summary>
/// Compares two analyses of the same framework (before and after an ownership edit) unit by unit, in the terms of SPEC §3:
/// gaps (no effective accountable team), overlaps (two or more) and handoffs (neighbours with different non-empty sets).
/// </summary>
public static class AlignmentEffects
{
    /// <summary>The effects in the order of the journeys and their units; units only one side knows are left out.</summary>
    public static IReadOnlyList<AlignmentEffect> Between(AlignmentReport before, AlignmentReport after)
    {
        var was = before.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var effects = new List<AlignmentEffect>();
        foreach (var unit in after.Units)
        {
            if (!was.TryGetValue(unit.Id, out var old)) continue;
            int b = old.Owners.Count, a = unit.Owners.Count;
            if (b == 0 && a > 0) effects.Add(new(AlignmentEffectKind.GapClosed, unit.JourneyId, unit.Id));
            if (b > 0 && a == 0) effects.Add(new(AlignmentEffectKind.GapOpened, unit.JourneyId, unit.Id));
            if (b < 2 && a >= 2) effects.Add(new(AlignmentEffectKind.OverlapOpened, unit.JourneyId, unit.Id));
            if (b >= 2 && a < 2) effects.Add(new(AlignmentEffectKind.OverlapClosed, unit.JourneyId, unit.Id));
        }

        var handoffsBefore = Handoffs(before);
        var handoffsAfter = Handoffs(after);
        foreach (var h in handoffsAfter.Where(h => !handoffsBefore.Contains(h) && was.ContainsKey(h.From) && was.ContainsKey(h.To)))
            effects.Add(new(AlignmentEffectKind.HandoffAdded, h.JourneyId, h.From, h.To));
        var now = after.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var h in handoffsBefore.Where(h => !handoffsAfter.Contains(h) && now.Contains(h.From) && now.Contains(h.To)))
            effects.Add(new(AlignmentEffectKind.HandoffRemoved, h.JourneyId, h.From, h.To));
        return effects;
    }

    /// <summary>The handoffs of a report: adjacent units of one journey, both owned, with different owner sets.</summary>
    private static List<(string JourneyId, string From, string To)> Handoffs(AlignmentReport report)
    {
        var handoffs = new List<(string, string, string)>();
        for (var i = 0; i + 1 < report.Units.Count; i++)
        {
            UnitAlignment u = report.Units[i], v = report.Units[i + 1];
            if (u.JourneyId != v.JourneyId || u.Owners.Count == 0 || v.Owners.Count == 0) continue;
            if (!u.Owners.ToHashSet(StringComparer.Ordinal).SetEquals(v.Owners)) handoffs.Add((u.JourneyId, u.Id, v.Id));
        }
        return handoffs;
    }
}
