namespace JourneyOrg.Storage;

/// <summary>
/// The store could not be reached, or stayed busy, while reading or writing. A write that fails this way saved nothing
/// (it ran in one transaction that never committed), unless <see cref="MayHaveCommitted"/>: the connection broke while
/// the commit itself was under way, so the caller should reload to see. The web app answers 503 with this message.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null, bool mayHaveCommitted = false) : Exception(message, inner)
{
    public bool MayHaveCommitted { get; } = mayHaveCommitted;
}
