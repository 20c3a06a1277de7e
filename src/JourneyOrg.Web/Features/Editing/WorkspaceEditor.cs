using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Editing;

/// <summary>The outcome of an edit: applied (with the new revision) or refused with reasons a reader can act on.</summary>
public sealed record EditResult(bool Applied, long Revision, IReadOnlyList<string> Errors)
{
    public static EditResult Refused(long revision, params string[] errors) => new(false, revision, errors);
}

/// <summary>
/// Every edit from the screens goes through here. The change set is the only description of an edit: its result is
/// <see cref="WorkspaceChanges.ApplyTo"/> of the workspace the editor saw, validated like an import; the store then
/// applies the same change set in one transaction, only if nobody changed the workspace since; and the screens' cached
/// view moves to that result without reading the store back.
/// </summary>
public sealed class WorkspaceEditor(IWorkspaceStore store, OrgReader reader)
{
    /// <summary>
    /// The same after a form's own checks: with <paramref name="formErrors"/> the edit is refused with them and the
    /// change is not even built; otherwise <paramref name="change"/> builds it and it is applied as above.
    /// </summary>
    public Task<EditResult> ApplyAsync(
        IReadOnlyList<string> formErrors, Func<WorkspaceChangeSet> change, long expectedRevision,
        CancellationToken cancellationToken = default)
    {
        if (formErrors.Count > 0) return Task.FromResult(new EditResult(false, expectedRevision, formErrors));
        return ApplyAsync(change(), expectedRevision, cancellationToken);
    }

    public async Task<EditResult> ApplyAsync(WorkspaceChangeSet changes, long expectedRevision, CancellationToken cancellationToken = default)
    {
        var seen = await reader.LoadCurrentAsync(cancellationToken);
        if (seen.Revision != expectedRevision) return Conflict(expectedRevision);
        var resulting = WorkspaceChanges.ApplyTo(seen.Workspace, changes);
        var errors = WorkspaceRules.Check(seen, changes, resulting);
        if (errors.Count > 0) return new EditResult(false, expectedRevision, errors);
        try
        {
            var revision = await store.ApplyAsync(changes, expectedRevision, cancellationToken);
            reader.Advance(new WorkspaceSnapshot(resulting, revision), validated: true);
            return new EditResult(true, revision, []);
        }
        catch (ConcurrentChangeException)
        {
            return Conflict(expectedRevision);
        }
        catch (DanglingReferenceException refused)
        {
            // The rules above passed, so the store saw something else than this editor did; say what it refused.
            return EditResult.Refused(expectedRevision, refused.Message);
        }
    }

    private static EditResult Conflict(long expectedRevision) => EditResult.Refused(expectedRevision,
        "Someone else changed the workspace while you were editing. The page now shows their changes; please check and try again.");
}
