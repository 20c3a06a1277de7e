using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Editing;

/// <summary>An ownership edit as posted from the journey map, the matrix or a team's page.</summary>
public sealed class OwnershipForm
{
    /// <summary>The team's id: chosen in a name picker, or fixed on a button (remove, change kind).</summary>
    public string? TeamId { get; set; }
    /// <summary>What was typed in the team picker (<see cref="NamePick"/>); a name resolves like a choice.</summary>
    [ModelBinder(Name = "TeamId" + NamePick.TextSuffix)]
    public string? TeamText { get; set; }
    public string? TargetId { get; set; }
    /// <summary>What was typed in a journey-part picker (a team's page picks what the team should own by name).</summary>
    [ModelBinder(Name = "TargetId" + NamePick.TextSuffix)]
    public string? TargetText { get; set; }
    public string? Kind { get; set; }
    /// <summary>Which form of the page posted (a phase's, the journey's), so a refusal is shown next to it.</summary>
    public string? Place { get; set; }
    /// <summary>The workspace revision the editor saw; the edit is refused if the workspace moved on.</summary>
    public long Revision { get; set; }
}

/// <summary>
/// An undo as posted: the edges to put back as they were and the ones to take away. Sent back by the page that showed the
/// change, with the revision the change made, so an undo after someone else's edit is refused instead of undoing theirs.
/// </summary>
public sealed class OwnershipUndoForm
{
    public List<string> SetTeam { get; set; } = [];
    public List<string> SetTarget { get; set; } = [];
    public List<string> SetKind { get; set; } = [];
    public List<string> DropTeam { get; set; } = [];
    public List<string> DropTarget { get; set; } = [];
    public long Revision { get; set; }
}

/// <summary>What puts the ownership back as it was before an edit: edges to set (with their old kind) and edges to remove.</summary>
public sealed record OwnershipUndo(IReadOnlyList<Ownership> Set, IReadOnlyList<OwnershipKey> Drop)
{
    public WorkspaceChangeSet ToChangeSet() => new() { UpsertOwnership = Set, DeleteOwnership = Drop };

    /// <summary>The inverse of an ownership change set applied to <paramref name="before"/>.</summary>
    public static OwnershipUndo Of(Workspace before, WorkspaceChangeSet changes)
    {
        var edges = before.Ownership.ToDictionary(o => (o.TeamId, o.TargetId));
        var set = new List<Ownership>();
        var drop = new List<OwnershipKey>();
        foreach (var key in changes.UpsertOwnership.Select(o => (o.TeamId, o.TargetId)).Concat(changes.DeleteOwnership.Select(k => (k.TeamId, k.TargetId))).Distinct())
        {
            if (edges.TryGetValue(key, out var old)) set.Add(old);
            else drop.Add(new OwnershipKey(key.TeamId, key.TargetId));
        }
        return new OwnershipUndo(set, drop);
    }
}

/// <summary>
/// The outcome of an ownership edit for the page that asked: refused (with the reasons and the form as posted), or done,
/// with a sentence saying what changed, what that did to gaps, overlaps and handoffs, and how to undo it.
/// </summary>
public sealed record OwnershipOutcome(EditResult Result, OwnershipForm Form)
{
    public bool Applied => Result.Applied;
    public string? Message { get; init; }
    public IReadOnlyList<string> Effects { get; init; } = [];
    public OwnershipUndo? Undo { get; init; }
    /// <summary>The team the change was about (resolved from the picker), for focus and messages.</summary>
    public string? TeamId { get; init; }
    /// <summary>A refusal that belongs to the team field (unknown or ambiguous name), shown in the picker.</summary>
    public string? TeamProblem { get; init; }
    /// <summary>A refusal that belongs to the journey-part field, shown in its picker.</summary>
    public string? TargetProblem { get; init; }

    /// <summary>The reasons that belong to no picker, shown under the form.</summary>
    public IEnumerable<string> OtherErrors => Result.Errors.Where(e => e != TeamProblem && e != TargetProblem);
}

/// <summary>
/// Assigns, re-kinds and removes OWNS edges at journey, phase and step level, and undoes such a change. Each is one
/// validated, audited edit through <see cref="WorkspaceEditor"/>; the outcome says what it did to the alignment.
/// </summary>
public sealed class OwnershipEdits(OrgReader reader, WorkspaceEditor editor)
{
    /// <summary>Most lines of effects a page lists after an edit; the rest are counted.</summary>
    public const int MaxEffects = 12;

    /// <summary>Assigns a team to a journey, phase or step, or changes the kind of an edge it already has.</summary>
    public async Task<OwnershipOutcome> AssignAsync(OwnershipForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!OwnershipKinds.TryParse(string.IsNullOrWhiteSpace(form.Kind) ? OwnershipKinds.Accountable : form.Kind.Trim(), out var kind))
            return Refused(org, form, "Ownership is either accountable or contributing.");
        if (form.TargetText is not null)
        {
            if (NamePick.Resolve(org, "target", "Journey, phase or step", form.TargetId, form.TargetText, out var targetProblem) is not { } picked)
                return Refused(org, form, targetProblem!) with { TargetProblem = targetProblem };
            form.TargetId = picked;
        }
        if (string.IsNullOrWhiteSpace(form.TargetId) || org.JourneyOf(form.TargetId) is null)
            return Refused(org, form, "Choose the journey, phase or step the team should own.");
        if (NamePick.Resolve(org, "team", "Team", form.TeamId, form.TeamText, out var problem) is not { } teamId)
            return Refused(org, form, problem!) with { TeamProblem = problem };
        var existing = org.OwnershipByTarget[form.TargetId].FirstOrDefault(o => o.TeamId == teamId);
        var team = org.TeamName(teamId);
        var target = org.TargetName(form.TargetId);
        if (existing?.Kind == kind)
            return Refused(org, form, $"{team} is already {Describe(kind)} {target}.") with { TeamId = teamId };
        var message = existing is null
            ? $"{team} is now {Describe(kind)} {target}."
            : $"{team} is now {Describe(kind)} {target} (was {Describe(existing.Kind)} it).";
        return await RunAsync(org, form, teamId, new WorkspaceChangeSet { UpsertOwnership = [new Ownership(teamId, form.TargetId, kind)] }, message, cancellationToken);
    }

    public async Task<OwnershipOutcome> RemoveAsync(OwnershipForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        // From a picker (the matrix) the team comes by name; from a remove button, by id.
        if (form.TeamText is not null)
        {
            if (NamePick.Resolve(org, "team", "Team", form.TeamId, form.TeamText, out var problem) is not { } teamId)
                return Refused(org, form, problem!) with { TeamProblem = problem };
            form.TeamId = teamId;
        }
        var edge = org.Workspace.Ownership.FirstOrDefault(o => o.TeamId == form.TeamId && o.TargetId == form.TargetId);
        if (edge is null) return Refused(org, form, "That team does not own this any more.");
        var message = $"{org.TeamName(edge.TeamId)} is no longer {Describe(edge.Kind)} {org.TargetName(edge.TargetId)}.";
        return await RunAsync(org, form, edge.TeamId, new WorkspaceChangeSet { DeleteOwnership = [new OwnershipKey(edge.TeamId, edge.TargetId)] }, message, cancellationToken);
    }

    /// <summary>Puts the edges of an undo form back; itself undoable (which redoes the change).</summary>
    public async Task<OwnershipOutcome> UndoAsync(OwnershipUndoForm undo, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var form = new OwnershipForm { Revision = undo.Revision };
        if (undo.SetTeam.Count != undo.SetTarget.Count || undo.SetTeam.Count != undo.SetKind.Count || undo.DropTeam.Count != undo.DropTarget.Count)
            return Refused(org, form, "The undo was not sent whole; reload the page and change the ownership again.");
        var set = new List<Ownership>();
        for (var i = 0; i < undo.SetTeam.Count; i++)
        {
            if (!OwnershipKinds.TryParse(undo.SetKind[i], out var kind)) return Refused(org, form, "Ownership is either accountable or contributing.");
            set.Add(new Ownership(undo.SetTeam[i], undo.SetTarget[i], kind));
        }
        var drop = undo.DropTeam.Zip(undo.DropTarget, (team, target) => new OwnershipKey(team, target)).ToList();
        if (set.Count + drop.Count == 0) return Refused(org, form, "There is nothing to undo.");
        var changes = new OwnershipUndo(set, drop).ToChangeSet();
        var what = set.Select(o => $"{org.TeamName(o.TeamId)} {Describe(o.Kind)} {org.TargetName(o.TargetId)} again")
            .Concat(drop.Select(k => $"{org.TeamName(k.TeamId)} no longer on {org.TargetName(k.TargetId)}"));
        var teamId = set.Select(o => o.TeamId).Concat(drop.Select(k => k.TeamId)).First();
        form.TargetId = set.Select(o => o.TargetId).Concat(drop.Select(k => k.TargetId)).First();
        return await RunAsync(org, form, teamId, changes, $"Undone: {string.Join("; ", what)}.", cancellationToken);
    }

    private async Task<OwnershipOutcome> RunAsync(OrgView before, OwnershipForm form, string teamId, WorkspaceChangeSet changes, string message, CancellationToken cancellationToken)
    {
        var result = await editor.ApplyAsync(changes, form.Revision, cancellationToken);
        if (!result.Applied) return new OwnershipOutcome(result, form) { TeamId = teamId };
        var after = await reader.LoadAsync(cancellationToken);
        return new OwnershipOutcome(result, form)
        {
            Message = message,
            TeamId = teamId,
            Effects = EffectsText(after, before.Report is { } b && after.Report is { } a ? AlignmentEffects.Between(b, a) : null),
            Undo = OwnershipUndo.Of(before.Workspace, changes),
        };
    }

    /// <summary>The effects as sentences, at most <see cref="MaxEffects"/> and a count of the rest.</summary>
    public static IReadOnlyList<string> EffectsText(OrgView org, IReadOnlyList<AlignmentEffect>? effects)
    {
        if (effects is null) return ["The alignment analysis is not available, so what this did to gaps and overlaps is not shown."];
        if (effects.Count == 0) return ["No gap, overlap or handoff changed."];
        string Unit(string id) => org.TargetName(id);
        string Short(string id) => org.TargetName(id).Split(" › ")[^1];
        var lines = effects.Take(MaxEffects).Select(e => e.Kind switch
        {
            AlignmentEffectKind.GapClosed => $"closed the gap on {Unit(e.UnitId)}",
            AlignmentEffectKind.GapOpened => $"opened a gap on {Unit(e.UnitId)}: no team is accountable for it now",
            AlignmentEffectKind.OverlapOpened => $"opened an overlap on {Unit(e.UnitId)}",
            AlignmentEffectKind.OverlapClosed => $"closed the overlap on {Unit(e.UnitId)}",
            AlignmentEffectKind.HandoffAdded => $"added a handoff in {org.JourneyName(e.JourneyId)}: {Short(e.UnitId)} → {Short(e.NextUnitId!)}",
            _ => $"removed the handoff in {org.JourneyName(e.JourneyId)}: {Short(e.UnitId)} → {Short(e.NextUnitId!)}",
        }).ToList();
        if (effects.Count > MaxEffects) lines.Add($"and {effects.Count - MaxEffects} more changes in gaps, overlaps and handoffs");
        return lines;
    }

    /// <summary>"accountable for" or "contributing to", as a sentence needs it.</summary>
    public static string Describe(OwnershipKind kind) => kind == OwnershipKind.Accountable ? "accountable for" : "contributing to";

    private static OwnershipOutcome Refused(OrgView org, OwnershipForm form, string error) =>
        new(EditResult.Refused(org.Revision, error), form);
}

/// <summary>An ownership change to confirm on a page, with its undo posted to <see cref="UndoUrl"/> at <see cref="Revision"/>.</summary>
public sealed record OwnershipDone(OwnershipOutcome Outcome, string UndoUrl, long Revision);
