using JourneyOrg.Domain;

namespace JourneyOrg.Storage;

/// <summary>
/// The workspace part of a store (the embedded SQLite store by default, Neo4j for organisations that run it); scenarios
/// are <see cref="IScenarioStore"/>, bookkeeping <see cref="IStateStore"/>, and <see cref="IStore"/> is all of it.
/// Every write is one transaction: it happens whole or not at all. Writes that depend on what the caller
/// read pass the <see cref="WorkspaceSnapshot.Revision"/> they read, so two concurrent editors cannot
/// silently overwrite each other (the second gets a <see cref="ConcurrentChangeException"/>).
/// Every write also appends an <see cref="AuditEntry"/> (by <see cref="AuditContext.Current"/>, summarised by
/// <see cref="WorkspaceAudit"/>) in the same transaction.
/// </summary>
public interface IWorkspaceStore
{
    /// <summary>A short description for logs and the UI, without secrets (e.g. <c>sqlite:/data/journeyorg.db</c>).</summary>
    string Description { get; }

    /// <summary>Creates or upgrades the schema / constraints. Idempotent; called once at start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the store holds no journeys, teams or people (first start: load the demo data).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);

    /// <summary>Loads the whole workspace in a few queries, with the revision it was read at.</summary>
    Task<WorkspaceSnapshot> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>The current revision alone: one cheap read, so a reader can keep a loaded workspace until it changes.</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole workspace (import without <c>--merge</c>). Scenarios, sync state and history are kept.</summary>
    Task<long> ReplaceAsync(Workspace workspace, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a set of upserts and deletes in one transaction. The caller has validated the workspace that
    /// results; when <paramref name="expectedRevision"/> is given and the store has moved on since, nothing is
    /// written and <see cref="ConcurrentChangeException"/> is thrown. Returns the new revision.
    /// </summary>
    Task<long> ApplyAsync(WorkspaceChangeSet changes, long? expectedRevision, CancellationToken cancellationToken = default);

    /// <summary>
    /// The change sets that took the store from <paramref name="revision"/> to its current revision (read together, one
    /// per revision, from the store's <see cref="WorkspaceChangeLog"/>), so a process holding that revision can apply
    /// them instead of loading the whole workspace. Null when the store cannot say: a replace in between, a change set too
    /// large to be logged, one older than the log keeps, or a revision that went backwards (a store emptied and filled anew).
    /// </summary>
    Task<WorkspaceChangesSince?> ChangesSinceAsync(long revision, CancellationToken cancellationToken = default);
}

/// <summary>The workspace as read, with the store revision it was read at.</summary>
public sealed record WorkspaceSnapshot(Workspace Workspace, long Revision);

/// <summary>
/// Upserts and deletes to apply in one transaction. An upserted team replaces its whole membership list;
/// an upserted journey replaces its phases and steps. Deleting a person or team also deletes their
/// memberships and (for a team) its ownership edges; the caller is expected to have validated the result.
/// <see cref="State"/> entries are written in the same transaction (a null value deletes the key), so a
/// directory sync can store its new delta links together with the changes they describe.
/// </summary>
public sealed record WorkspaceChangeSet
{
    public IReadOnlyList<Journey> UpsertJourneys { get; init; } = [];
    public IReadOnlyList<string> DeleteJourneys { get; init; } = [];
    public IReadOnlyList<Person> UpsertPeople { get; init; } = [];
    public IReadOnlyList<string> DeletePeople { get; init; } = [];
    public IReadOnlyList<Team> UpsertTeams { get; init; } = [];
    public IReadOnlyList<string> DeleteTeams { get; init; } = [];
    public IReadOnlyList<Role> UpsertRoles { get; init; } = [];
    public IReadOnlyList<string> DeleteRoles { get; init; } = [];
    /// <summary>Adds an edge or changes its kind (one edge per team and target).</summary>
    public IReadOnlyList<Ownership> UpsertOwnership { get; init; } = [];
    public IReadOnlyList<OwnershipKey> DeleteOwnership { get; init; } = [];
    public IReadOnlyList<Metric> UpsertMetrics { get; init; } = [];
    public IReadOnlyList<string> DeleteMetrics { get; init; } = [];
    public IReadOnlyList<Insight> UpsertInsights { get; init; } = [];
    public IReadOnlyList<string> DeleteInsights { get; init; } = [];
    public IReadOnlyList<Opportunity> UpsertOpportunities { get; init; } = [];
    public IReadOnlyList<string> DeleteOpportunities { get; init; } = [];
    public IReadOnlyList<Solution> UpsertSolutions { get; init; } = [];
    public IReadOnlyList<string> DeleteSolutions { get; init; } = [];
    /// <summary>New prioritisation weights, or null to keep them.</summary>
    public PrioritisationWeights? Weights { get; init; }
    /// <summary>People cost to add or change (one per person; HR-only data).</summary>
    public IReadOnlyList<PersonCost> UpsertCosts { get; init; } = [];
    /// <summary>People whose cost entry goes (the person stays).</summary>
    public IReadOnlyList<string> DeleteCosts { get; init; } = [];
    /// <summary>A new currency for cost figures, or null to keep it.</summary>
    public string? Currency { get; init; }
    public IReadOnlyDictionary<string, string?> State { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether applying this would change nothing.</summary>
    public bool IsEmpty =>
        UpsertJourneys.Count + DeleteJourneys.Count + UpsertPeople.Count + DeletePeople.Count +
        UpsertTeams.Count + DeleteTeams.Count + UpsertRoles.Count + DeleteRoles.Count +
        UpsertOwnership.Count + DeleteOwnership.Count + UpsertMetrics.Count + DeleteMetrics.Count +
        UpsertInsights.Count + DeleteInsights.Count + UpsertOpportunities.Count + DeleteOpportunities.Count +
        UpsertSolutions.Count + DeleteSolutions.Count + (Weights is null ? 0 : 1) +
        UpsertCosts.Count + DeleteCosts.Count + (Currency is null ? 0 : 1) +
        State.Count == 0;
}

/// <summary>Identifies one OWNS edge.</summary>
public sealed record OwnershipKey(string TeamId, string TargetId);

/// <summary>Thrown when a write expected a revision or version that another writer has already moved past.</summary>
public sealed class ConcurrentChangeException(string message) : Exception(message)
{
    /// <summary>
    /// The optimistic-concurrency rule for versioned records (scenarios, accounts): a create (<paramref name="expected"/>
    /// null) needs no stored record; an update needs the stored version to be the one the caller read.
    /// <paramref name="what"/> names the record in the message, e.g. <c>Scenario 'sc-1'</c>.
    /// </summary>
    public static void ThrowIfStale(string what, long? expected, long? stored)
    {
        if (expected is null && stored is not null)
            throw new ConcurrentChangeException($"{what} already exists.");
        if (expected is { } e && stored != e)
            throw new ConcurrentChangeException(stored is null
                ? $"{what} no longer exists."
                : $"{what} was changed by someone else (version {e}, now {stored}). Reload and try again.");
    }
}

/// <summary>
/// State keys that describe the stored workspace as a mirror of the directory (Entra ID delta links). A replace
/// (an import, demo data) makes the stored people no longer that mirror, so every store's <c>ReplaceAsync</c> deletes
/// these keys in its own transaction: the next directory sync is then a full one instead of a delta on top of a
/// workspace it never saw.
/// </summary>
public static class MirrorStateKeys
{
    public const string UsersDeltaLink = "directory.deltaLink.users";
    public const string GroupsDeltaLink = "directory.deltaLink.groups";

    public static readonly IReadOnlyList<string> DroppedByReplace = [UsersDeltaLink, GroupsDeltaLink];
}
