using JourneyOrg.Storage;
using JourneyOrg.Tests.DirectorySync;
using JourneyOrg.Web.Features.DirectorySync;
using JourneyOrg.Workspaces;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace JourneyOrg.Tests.Faults;

/// <summary>
/// A directory sync killed with SIGKILL (the <c>sync</c> verb as its own process, against the Graph stand-in): on
/// restart the store holds all of the run or none of it, its delta links match what it holds, and the next sync runs at
/// once instead of waiting for the dead run's lease to expire.
/// </summary>
public sealed class SyncKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private SyncTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await SyncTestBed.StartAsync();
        _bed.SeedBank();
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _bed.DisposeAsync();
    }

    private AppProcess StartSync() =>
        AppProcess.Start("sync", "--graph-url", _bed.Graph.BaseUrl, "--token", "test-token", "--store", "sqlite:" + _bed.Store.Path);

    private async Task<(string? Users, string? Groups)> LinksAsync() =>
        (await _bed.Store.GetStateAsync(SyncStateKeys.UsersDeltaLink), await _bed.Store.GetStateAsync(SyncStateKeys.GroupsDeltaLink));

    [Fact]
    public async Task A_sync_killed_while_reading_Graph_leaves_the_mirror_and_its_delta_links_as_they_were_and_the_next_sync_runs()
    {
        var first = await _bed.SyncAsync();
        Assert.Equal(SyncOutcomes.Succeeded, first.Outcome);
        var links = await LinksAsync();
        var mirror = await _bed.WorkspaceAsync();
        var revision = await _bed.Store.GetRevisionAsync();
        _bed.Tenant.AddUser("u-new", "Nia New", "Retail", "u-ana", "Engineer");
        _bed.Tenant.AddMember("g-pay", "u-new");

        // Graph holds its answers: the process is inside its run (lease taken, run recorded) when it is killed.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bed.Graph.Release = release.Task;
        var asked = _bed.Graph.Requests;
        using (var sync = StartSync())
        {
            for (var i = 0; i < 600 && _bed.Graph.Requests == asked && !sync.HasExited; i++) await Task.Delay(100);
            Assert.False(sync.HasExited, "the sync ended before it was killed: " + sync.Stderr);
            sync.KillHard();
        }
        release.SetResult();
        SqliteConnection.ClearAllPools();

        Assert.Equal(revision, await _bed.Store.GetRevisionAsync());
        Assert.Equal(links, await LinksAsync());
        Assert.Equal(mirror.People.Select(p => p.Id).Order(), (await _bed.WorkspaceAsync()).People.Select(p => p.Id).Order());
        var killed = (await SyncState.ListRunsAsync(_bed.Store)).First();
        Assert.Equal(SyncOutcomes.Running, killed.Outcome);

        // Restarted: the dead process's lease does not block the next run, which picks up the change from the delta link.
        var next = await _bed.SyncAsync();
        Assert.Equal(SyncOutcomes.Succeeded, next.Outcome);
        Assert.Equal("delta", next.Mode);
        Assert.Contains((await _bed.WorkspaceAsync()).People, p => p.Id == "u-new");
        var closed = (await SyncState.ListRunsAsync(_bed.Store)).Single(r => r.Id == killed.Id);
        Assert.Equal(SyncOutcomes.Failed, closed.Outcome);
        Assert.Contains("killed or crashed", closed.Error);
    }

    [Fact]
    public async Task A_sync_killed_at_any_moment_leaves_all_of_the_run_or_none_of_it()
    {
        for (var i = 1; i <= 1_200; i++) _bed.Tenant.AddUser($"u-bulk-{i}", $"Bulk Person {i}", "Platform", "u-ceo", "Engineer");
        _bed.Graph.UserPageSize = 50;
        var killedMidway = 0;
        foreach (var delay in new[] { 700, 1_200, 1_800, 2_600, 3_600 })
        {
            var before = await _bed.WorkspaceAsync();
            var linksBefore = await LinksAsync();
            using (var sync = StartSync())
            {
                await Task.Delay(delay);
                if (!sync.HasExited) { sync.KillHard(); killedMidway++; }
                else Assert.True(await sync.ExitCodeAsync(Timeout) == 0, sync.Stderr);
            }
            SqliteConnection.ClearAllPools();

            var after = await _bed.WorkspaceAsync();
            var links = await LinksAsync();
            output.WriteLine($"after {delay} ms: {after.People.Count} people, links {(links == linksBefore ? "unchanged" : "new")}");
            Assert.Empty(WorkspaceValidator.Validate(after));
            if (links == linksBefore)
                Assert.Equal(before.People.Count, after.People.Count);
            else
                Assert.Equal(_bed.Tenant.Users.Count, after.People.Count); // links move only with the whole mirror

            // The next run is never blocked by the killed one, and brings the mirror up to date.
            var next = await _bed.SyncAsync();
            Assert.True(next.Outcome == SyncOutcomes.Succeeded, next.Error);
            Assert.Equal(_bed.Tenant.Users.Count, (await _bed.WorkspaceAsync()).People.Count);
            _bed.Tenant.AddUser($"u-more-{delay}", $"More {delay}", "Platform", "u-ceo", "Engineer");
        }
        output.WriteLine($"{killedMidway} of 5 runs killed mid-way");
        Assert.True(killedMidway > 0, "no sync was still running when killed: use a bigger tenant");
    }
}
