using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>The outcome of an edit: applied (with the new revision) or refused with reasons a reader can act on.</summary>
public sealed record EditResult(bool Applied, long Revision, IReadOnlyList<string> Errors)
{
    public static EditResult Refused(long revision, params string[] errors) => new(false, revision, errors);
}

/// <summary>
/// Every edit from the screens goes through here: the workspace it would produce is validated like an import,
/// then the change set is applied in one transaction, only if nobody changed the workspace since the editor read it.
/// </summary>
public sealed class WorkspaceEditor(IWorkspaceStore store)
{
    public async Task<EditResult> ApplyAsync(
        WorkspaceChangeSet changes, Workspace resulting, long expectedRevision, CancellationToken cancellationToken = default)
    {
        var errors = WorkspaceRules.Check(resulting);
        if (errors.Count > 0) return new EditResult(false, expectedRevision, errors);
        try
        {
            var revision = await store.ApplyAsync(changes, expectedRevision, cancellationToken);
            return new EditResult(true, revision, []);
        }
        catch (ConcurrentChangeException)
        {
            return EditResult.Refused(expectedRevision,
                "Someone else changed the workspace while you were editing. The page now shows their changes; please check and try again.");
        }
    }
}
