using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>
/// Keeps the analysed baseline of the latest store revision, so repeated analyses and simulations on an unchanged
/// workspace reuse it. Register one per process (singleton); thread-safe.
/// </summary>
public sealed class AlignmentBaselineCache
{
    private readonly object _gate = new();
    private (long Revision, AlignmentBaseline Baseline)? _latest;

    /// <summary>The baseline for <paramref name="revision"/>: the cached one, or <paramref name="workspace"/> analysed now.</summary>
    public AlignmentBaseline Get(long revision, Workspace workspace)
    {
        lock (_gate)
        {
            if (_latest is { } latest && latest.Revision == revision) return latest.Baseline;
        }
        // Analysed outside the lock: a slow analysis must not block readers of another revision.
        var baseline = AlignmentAnalysis.Prepare(workspace);
        lock (_gate)
        {
            if (_latest is null || _latest.Value.Revision <= revision) _latest = (revision, baseline);
        }
        return baseline;
    }
}
