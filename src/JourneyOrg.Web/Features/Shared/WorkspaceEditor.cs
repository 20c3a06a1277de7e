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
    /// <summary>
    /// The same after a form's own checks: with <paramref name="formErrors"/> the edit is refused with them and the
    /// change is not even built; otherwise <paramref name="change"/> builds it and it is applied as above.
    /// </summary>
    public Task<EditResult> ApplyAsync(
        IReadOnlyList<string> formErrors, Func<(WorkspaceChangeSet Changes, Workspace Resulting)> change, long expectedRevision,
        CancellationToken cancellationToken = default)
    {
        if (formErrors.Count > 0) return Task.FromResult(new EditResult(false, expectedRevision, formErrors));
        var (changes, resulting) = change();
        return ApplyAsync(changes, resulting, expectedRevision, cancellationToken);
    }

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
