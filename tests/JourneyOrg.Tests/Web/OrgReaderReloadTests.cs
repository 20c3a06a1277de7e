using System.Reflection;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Web.Storage.Sqlite;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Web;

/// <summary>
/// A write by another process (here a second store on the same SQLite file, as the command line would be) is followed
/// from the store's change log, or loaded when it cannot be, once, in the background, however many requests notice it at the same time; every reader keeps the view it had until
/// the new one is published with its per-revision figures built, and a caller about to write waits for the new revision.
/// </summary>
public sealed class OrgReaderReloadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orgreader-").FullName;

    [Fact]
    public async Task Concurrent_requests_after_another_process_wrote_share_one_load_and_none_waits_for_it()
    {
        var path = Path.Combine(_directory, "org.db");
        var real = new SqliteWorkspaceStore(path);
        await real.InitializeAsync();
        await real.ReplaceAsync(WorkspaceGenerator.Generate(300, 5));
        var store = GatedStore.Wrap(real, out var gate);
        var figure = new CountedFigure();
        var reader = new OrgReader(store, new AlignmentBaselineCache()) { Figures = [figure] };
        var before = await reader.LoadAsync();
        Assert.Equal(1, gate.Loads);

        // The command line renames a team through its own store.
        var team = before.Workspace.Teams[0];
        var other = new SqliteWorkspaceStore(path);
        var written = await other.ApplyAsync(new WorkspaceChangeSet { UpsertTeams = [team with { Name = "Renamed elsewhere" }] }, before.Revision);

        gate.Hold();
        // The request that notices the write starts the load (held in the store) and is served the view before it.
        var noticing = await reader.LoadAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await gate.LoadStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var meanwhile = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => reader.LoadAsync())).WaitAsync(TimeSpan.FromSeconds(30));
        var writer = reader.LoadCurrentAsync();
        Assert.Same(before, noticing);
        Assert.All(meanwhile, view => Assert.Same(before, view));
        Assert.False(writer.IsCompleted);

        gate.Release();
        var after = await writer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(written, after.Revision);
        Assert.Equal("Renamed elsewhere", after.Teams[team.Id].Name);
        // Published only with its figure built: the first reader of the new revision does not build it.
        Assert.Contains(after.Revision, figure.Prepared);
        Assert.Same(after, await reader.LoadAsync());
        // Followed from the store's change log, not loaded again.
        Assert.Equal(1, gate.Loads);
        Assert.Equal(1, gate.Follows);
    }

    [Fact]
    public async Task Another_process_s_edits_are_applied_from_the_change_log_and_its_import_is_loaded()
    {
        var path = Path.Combine(_directory, "org.db");
        var real = new SqliteWorkspaceStore(path);
        await real.InitializeAsync();
        await real.ReplaceAsync(WorkspaceGenerator.Generate(300, 5));
        var store = GatedStore.Wrap(real, out var gate);
        var reader = new OrgReader(store, new AlignmentBaselineCache()) { ChangeKeepsValid = WorkspaceRules.KeepsValid };
        var before = await reader.LoadCurrentAsync();
        Assert.True(before.IsValid);
        var other = new SqliteWorkspaceStore(path);

        // Two edits in a row by the command line: a rename, then a person moved to another manager and a team deleted.
        var team = before.Workspace.Teams[0];
        var person = before.Workspace.People[^1];
        var gone = before.Workspace.Teams.Last(t => !before.TeamChildren[t.Id].Any());
        var first = await other.ApplyAsync(new WorkspaceChangeSet { UpsertTeams = [team with { Name = "Renamed elsewhere" }] }, before.Revision);
        var second = await other.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertPeople = [person with { ManagerId = before.Workspace.People[0].Id }],
            DeleteTeams = [gone.Id],
        }, first);

        var followed = await reader.LoadCurrentAsync();
        Assert.Equal(second, followed.Revision);
        Assert.Equal((Loads: 1, Follows: 1), (gate.Loads, gate.Follows));
        Assert.Equal(WorkspaceStoreContract.Comparable((await real.LoadAsync()).Workspace), WorkspaceStoreContract.Comparable(followed.Workspace));
        Assert.Equal("Renamed elsewhere", followed.Teams[team.Id].Name);
        Assert.False(followed.Teams.ContainsKey(gone.Id));

        // One more edit: checked by its change alone on a workspace known to be valid, so the view is known valid at once.
        var third = await other.ApplyAsync(new WorkspaceChangeSet { UpsertTeams = [team with { Name = "Renamed again" }] }, second);
        var next = await reader.LoadCurrentAsync();
        Assert.Equal(third, next.Revision);
        Assert.True(next.IsKnownValid);

        // An import replaces the workspace: nothing to follow, so it is loaded.
        var imported = await other.ReplaceAsync(WorkspaceGenerator.Generate(50, 9));
        var reloaded = await reader.LoadCurrentAsync();
        Assert.Equal(imported, reloaded.Revision);
        Assert.Equal(50, reloaded.Workspace.People.Count);
        Assert.Equal((Loads: 2, Follows: 3), (gate.Loads, gate.Follows));
    }

    /// <summary>A per-revision figure that remembers which revisions it was built for, and when.</summary>
    private sealed class CountedFigure : IRevisionFigure
    {
        public System.Collections.Concurrent.ConcurrentBag<long> Prepared { get; } = [];

        public Task PrepareAsync(OrgView org, CancellationToken cancellationToken)
        {
            Prepared.Add(org.Revision);
            return Task.CompletedTask;
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>The real store, with its full loads and change-log reads counted and, while held, kept waiting.</summary>
    public class GatedStore : DispatchProxy
    {
        private IWorkspaceStore _inner = null!;
        private TaskCompletionSource _open = new();
        public int Loads;
        /// <summary>Calls for the change log (each the start of a background load that may end up following it).</summary>
        public int Follows;
        public TaskCompletionSource LoadStarted { get; private set; } = new();

        public static IWorkspaceStore Wrap(IWorkspaceStore inner, out GatedStore gate)
        {
            var proxy = Create<IWorkspaceStore, GatedStore>();
            gate = (GatedStore)(object)proxy;
            gate._inner = inner;
            gate._open.SetResult();
            return proxy;
        }

        public void Hold()
        {
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            LoadStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release() => _open.TrySetResult();

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IWorkspaceStore.LoadAsync))
            {
                Interlocked.Increment(ref Loads);
                LoadStarted.TrySetResult();
                return WhenOpen(() => _inner.LoadAsync((CancellationToken)args![0]!));
            }
            if (method.Name == nameof(IWorkspaceStore.ChangesSinceAsync))
            {
                Interlocked.Increment(ref Follows);
                LoadStarted.TrySetResult();
                return WhenOpen(() => _inner.ChangesSinceAsync((long)args![0]!, (CancellationToken)args[1]!));
            }
            return method.Invoke(_inner, args);
        }

        private async Task<T> WhenOpen<T>(Func<Task<T>> call)
        {
            await _open.Task;
            return await call();
        }
    }
}
