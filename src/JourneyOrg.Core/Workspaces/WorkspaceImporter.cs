using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Workspaces;

/// <summary>How an imported document meets the stored workspace.</summary>
public enum WorkspaceImportMode
{
    /// <summary>The document becomes the whole workspace (scenarios, sync state and history are kept).</summary>
    Replace,
    /// <summary>The document's records are upserted by id; records it does not mention stay.</summary>
    Merge,
}

/// <summary>
/// The outcome of an import. On any error nothing was written: <see cref="Errors"/> lists them all and
/// <see cref="Revision"/> is null.
/// </summary>
public sealed record WorkspaceImportResult(IReadOnlyList<WorkspaceError> Errors, Workspace? Imported, long? Revision, int Added, int Updated)
{
    /// <summary>Whether the import was written.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a <c>journeyorg/v1</c> document into a store, all or nothing: the document (and, for a merge, the workspace
/// that would result) is validated whole before a single write, and the write itself is one store transaction.
/// </summary>
public sealed class WorkspaceImporter(IWorkspaceStore store)
{
    /// <summary>Reads <paramref name="input"/> and writes it to the store if, and only if, it is valid.</summary>
    public async Task<WorkspaceImportResult> ImportAsync(Stream input, WorkspaceImportMode mode, CancellationToken cancellationToken = default)
    {
        if (mode == WorkspaceImportMode.Replace)
        {
            var read = await WorkspaceReader.ReadAsync(input, cancellationToken);
            if (!read.IsValid) return Rejected(read.Errors);
            var workspace = read.Workspace!;
            var revision = await store.ReplaceAsync(workspace, cancellationToken);
            return new WorkspaceImportResult([], workspace, revision, Count(workspace), 0);
        }

        var parsed = await WorkspaceReader.ParseAsync(input, cancellationToken);
        if (parsed.Errors.Count > 0 || parsed.Workspace is null) return Rejected(parsed.Errors);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await store.LoadAsync(cancellationToken);
            var merge = WorkspaceMerge.Of(snapshot.Workspace, parsed.Workspace);
            var errors = WorkspaceValidator.ValidateDocument(merge.Workspace, merge.Paths);
            if (errors.Count > 0) return Rejected(WorkspacePlaces.InWords(errors, parsed.Workspace));
            try
            {
                // Passing the revision we merged into means a concurrent edit is never overwritten: the merge is redone on
                // top of it (and validated again), since upserting the file's records is what was asked either way.
                var merged = await store.ApplyAsync(merge.Changes, snapshot.Revision, cancellationToken);
                return new WorkspaceImportResult([], parsed.Workspace, merged, merge.Added, merge.Updated);
            }
            catch (ConcurrentChangeException) when (attempt < MaxMergeAttempts)
            {
            }
        }
    }

    /// <summary>How often a merge is redone when another writer changed the store in between; then the caller is told to try again.</summary>
    public const int MaxMergeAttempts = 5;

    private static WorkspaceImportResult Rejected(IReadOnlyList<WorkspaceError> errors) => new(errors, null, null, 0, 0);

    private static int Count(Workspace w) =>
        w.Journeys.Count + w.People.Count + w.Teams.Count + w.Roles.Count + w.Ownership.Count + w.Metrics.Count +
        w.Insights.Count + w.Opportunities.Count + w.Solutions.Count + w.Costs.Count;
}
