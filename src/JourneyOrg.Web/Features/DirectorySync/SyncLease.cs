using System.Diagnostics;
using JourneyOrg.Storage;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>
/// The store lease that lets one process at a time sync. A holder is <c>machine/process id/run id</c>. When the holder
/// was a process on this machine that no longer runs (killed, crashed), its lease is taken over at once instead of
/// blocking every sync until it expires, and its run, still "running" in the history, is closed as interrupted. A
/// holder on another machine cannot be checked from here and keeps its lease until it expires.
/// </summary>
public static class SyncLease
{
    public static async Task<bool> AcquireAsync(IStateStore store, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (await store.TryAcquireLeaseAsync(SyncStateKeys.LeaseName, holder, duration, cancellationToken)) return true;
        if (await store.GetStateAsync("lease." + SyncStateKeys.LeaseName, cancellationToken) is not { } value
            || Lease.Parse(value) is not { } lease || !IsDeadHereAndNow(lease.Holder))
            return false;
        await store.ReleaseLeaseAsync(SyncStateKeys.LeaseName, lease.Holder, cancellationToken);
        if (!await store.TryAcquireLeaseAsync(SyncStateKeys.LeaseName, holder, duration, cancellationToken)) return false;
        await CloseInterruptedRunAsync(store, lease.Holder.Split('/')[^1], cancellationToken);
        return true;
    }

    private static bool IsDeadHereAndNow(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length < 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid)) return false;
        if (pid == Environment.ProcessId) return false; // a run of this very process: the coordinator knows about it
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    private static async Task CloseInterruptedRunAsync(IStateStore store, string runId, CancellationToken cancellationToken)
    {
        foreach (var run in await SyncState.ListRunsAsync(store, 10, cancellationToken))
        {
            if (run.Id != runId || run.Outcome != SyncOutcomes.Running) continue;
            await store.SetStateAsync(run.Key, (run with
            {
                Outcome = SyncOutcomes.Failed,
                Error = "The process running this sync stopped before it recorded its end (it was killed or crashed). " +
                        "A sync applies all of its changes with its delta links in one transaction, so the store holds all of them or none.",
            }).ToJson(), cancellationToken);
        }
    }
}
