using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Editing;

/// <summary>An ownership edit as posted from the journey map or the matrix.</summary>
public sealed class OwnershipForm
{
    public string? TeamId { get; set; }
    public string? TargetId { get; set; }
    public string? Kind { get; set; }
    /// <summary>The workspace revision the editor saw; the edit is refused if the workspace moved on.</summary>
    public long Revision { get; set; }
}

/// <summary>Assigns and removes OWNS edges, each as one validated, atomic edit.</summary>
public sealed class OwnershipEdits(OrgReader reader, WorkspaceEditor editor)
{
    public async Task<EditResult> AssignAsync(OwnershipForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(form.TeamId)) return EditResult.Refused(org.Revision, "Choose a team.");
        if (string.IsNullOrWhiteSpace(form.TargetId)) return EditResult.Refused(org.Revision, "Choose what the team should own.");
        if (!OwnershipKinds.TryParse(form.Kind ?? OwnershipKinds.Accountable, out var kind))
            return EditResult.Refused(org.Revision, "Ownership is either accountable or contributing.");
        // Above TeamChoiceModel.ListedUpTo teams the form has a typed field: a name resolves like an id.
        if (org.FindTeam(form.TeamId.Trim(), "Team", out var problem) is not { } teamId) return EditResult.Refused(org.Revision, problem!);
        var edge = new Ownership(teamId, form.TargetId, kind);
        return await editor.ApplyAsync(new WorkspaceChangeSet { UpsertOwnership = [edge] }, form.Revision, cancellationToken);
    }

    public async Task<EditResult> RemoveAsync(OwnershipForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var exists = org.Workspace.Ownership.Any(o => o.TeamId == form.TeamId && o.TargetId == form.TargetId);
        if (!exists) return EditResult.Refused(org.Revision, "That team does not own this any more.");
        return await editor.ApplyAsync(new WorkspaceChangeSet { DeleteOwnership = [new OwnershipKey(form.TeamId!, form.TargetId!)] },
            form.Revision, cancellationToken);
    }
}
