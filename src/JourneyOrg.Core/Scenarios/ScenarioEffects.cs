using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Scenarios;

/// <summary>What a change in a scenario does to the organisation it meets, when that is worth a word next to it.</summary>
public enum ChangeEffectKind
{
    /// <summary>The organisation already is as the change would make it (the person already moved, the team already owns it).</summary>
    Nothing,

    /// <summary>The change makes a team accountable for a journey part that already has another accountable team there.</summary>
    Overlap,
}

/// <summary>A note on operation <see cref="Index"/>; <see cref="OtherTeams"/> are the teams already accountable (for <see cref="ChangeEffectKind.Overlap"/>).</summary>
public sealed record ChangeEffect(int Index, ChangeEffectKind Kind, IReadOnlyList<string> OtherTeams);

/// <summary>
/// Checks each change of a scenario against the organisation the changes before it produced, starting from today's:
/// a scenario written weeks ago may hold changes that today's organisation has overtaken (the gap it closed was closed
/// directly, the person already moved). Such a change still applies (SPEC §4 does not refuse it) but does nothing, or
/// now makes an overlap, and the planner should know.
/// </summary>
public static class ScenarioEffects
{
    /// <summary>Notes for the operations that do nothing or now overlap, in order; stops at the first operation that cannot apply.</summary>
    public static IReadOnlyList<ChangeEffect> Check(AlignmentBaseline baseline, Scenario scenario)
    {
        var state = new ScenarioState(baseline);
        var effects = new List<ChangeEffect>();
        var before = state.ToWorkspace();
        for (var i = 0; i < scenario.Operations.Count; i++)
        {
            var operation = scenario.Operations[i];
            var overlap = AccountableElsewhere(state.CurrentOwnership, operation);
            var openings = state.Openings.Count;
            if (state.Apply(i, operation) is not null) break;
            var after = state.ToWorkspace();
            if (state.Openings.Count == openings && IsEmpty(ScenarioChanges.Between(before, after)))
                effects.Add(new ChangeEffect(i, ChangeEffectKind.Nothing, []));
            else if (overlap.Count > 0)
                effects.Add(new ChangeEffect(i, ChangeEffectKind.Overlap, overlap));
            before = after;
        }
        return effects;
    }

    /// <summary>Other teams directly accountable for the part an operation makes a team accountable for.</summary>
    private static IReadOnlyList<string> AccountableElsewhere(IReadOnlyList<Ownership> ownership, ScenarioOperation operation)
    {
        (string? teamId, string? targetId) = operation switch
        {
            AssignOwnership { Kind: OwnershipKind.Accountable } o => (o.TeamId, o.TargetId),
            TransferOwnership o when ownership.Any(e => e.TeamId == o.FromTeamId && e.TargetId == o.TargetId && e.Kind == OwnershipKind.Accountable)
                => (o.ToTeamId, o.TargetId),
            _ => (null, null),
        };
        if (teamId is null) return [];
        // A transfer hands the edge on: the team it leaves is not an overlap.
        var leaving = operation is TransferOwnership t ? t.FromTeamId : null;
        return ownership.Where(o => o.TargetId == targetId && o.Kind == OwnershipKind.Accountable && o.TeamId != teamId && o.TeamId != leaving)
            .Select(o => o.TeamId).Distinct().ToList();
    }

    private static bool IsEmpty(Storage.WorkspaceChangeSet c) =>
        c.UpsertPeople.Count == 0 && c.DeletePeople.Count == 0 && c.UpsertTeams.Count == 0 && c.DeleteTeams.Count == 0
        && c.UpsertRoles.Count == 0 && c.DeleteRoles.Count == 0 && c.UpsertOwnership.Count == 0 && c.DeleteOwnership.Count == 0;
}
