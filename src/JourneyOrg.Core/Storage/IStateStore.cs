namespace JourneyOrg.Storage;

/// <summary>
/// The store's bookkeeping: key/value state (sync delta links and run history, settings, keys) and named leases. It does
/// not move the workspace revision and is not audited.
/// </summary>
public interface IStateStore
{
    /// <summary>A value of the store's key/value state (sync delta links, settings), or null.</summary>
    Task<string?> GetStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes (or, with null, deletes) one state value on its own, without touching the workspace revision.</summary>
    Task SetStateAsync(string key, string? value, CancellationToken cancellationToken = default);

    /// <summary>All state entries whose key starts with <paramref name="prefix"/>, ordered by key (e.g. a run history).</summary>
    Task<IReadOnlyList<KeyValuePair<string, string>>> ListStateAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes or renews the named lease for <paramref name="holder"/> until now + <paramref name="duration"/>. Succeeds when the
    /// lease is free, expired, or already held by the same holder; so only one app instance runs, say, a directory sync.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it.</summary>
    Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default);
}
