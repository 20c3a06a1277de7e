namespace JourneyOrg.Storage;

/// <summary>
/// The stored reorg scenarios. The store keeps every scenario and shows all of them: who may see which is the web app's
/// rule, applied where a screen lists or opens one. Every save and delete appends an <see cref="AuditEntry"/> in the same
/// transaction.
/// </summary>
public interface IScenarioStore
{
    /// <summary>All stored scenarios, newest first.</summary>
    Task<IReadOnlyList<StoredScenario>> ListScenariosAsync(CancellationToken cancellationToken = default);

    /// <summary>One stored scenario, or null.</summary>
    Task<StoredScenario?> GetScenarioAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates (<paramref name="expectedVersion"/> null) or updates a scenario. An update whose expected version is
    /// not the stored one throws <see cref="ConcurrentChangeException"/>. Returns the stored scenario with its new version.
    /// </summary>
    Task<StoredScenario> SaveScenarioAsync(StoredScenario scenario, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes a scenario; false when there was none.</summary>
    Task<bool> DeleteScenarioAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>
/// A reorg scenario as stored. <see cref="Document"/> is the scenario's JSON (name, description, operations)
/// exactly as the scenario format defines it, so the store does not depend on the operation types.
/// </summary>
public sealed record StoredScenario(
    string Id,
    string Name,
    string Status,
    string Document,
    string? Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>
    /// User names (as <see cref="Account.UserName"/>) the author shared the scenario with. The author and these people see
    /// it; nobody else does. Empty for a scenario that is not shared.
    /// </summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];
}

/// <summary>Lifecycle states of a stored scenario.</summary>
public static class ScenarioStatus
{
    public const string Draft = "draft";
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Discarded = "discarded";
    /// <summary>Approved and then applied to the live organisation; final, and set only by applying.</summary>
    public const string Applied = "applied";
    /// <summary>The statuses a person sets by hand; <see cref="Applied"/> is reached only by applying.</summary>
    public static readonly IReadOnlyList<string> All = [Draft, Proposed, Approved, Discarded];
}
