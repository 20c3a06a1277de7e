using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.DirectorySync;
using JourneyOrg.Web.Storage.Sqlite;

namespace JourneyOrg.Tests.DirectorySync;

/// <summary>A fake Graph tenant on loopback, a temporary SQLite store, and the real sync (real Graph SDK) between them.</summary>
public sealed class SyncTestBed : IAsyncDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("journeyorg-sync-").FullName;
    public required FakeGraphServer Graph { get; init; }
    public required SqliteWorkspaceStore Store { get; init; }
    public DirectorySyncOptions Options { get; set; } = new();
    public FakeTenant Tenant => Graph.Tenant;

    public static async Task<SyncTestBed> StartAsync()
    {
        var graph = await FakeGraphServer.StartAsync();
        var directory = System.IO.Directory.CreateTempSubdirectory("journeyorg-sync-").FullName;
        var store = new SqliteWorkspaceStore(Path.Combine(directory, "sync.db"));
        await store.InitializeAsync();
        return new SyncTestBed
        {
            Graph = graph,
            Store = store,
            Options = new DirectorySyncOptions
            {
                GraphUrl = graph.BaseUrl,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                MaxRetryDelay = TimeSpan.FromSeconds(5),
                MaxRetries = 3,
            },
        };
    }

    public Task<SyncRun> SyncAsync(bool full = false, IProgress<SyncProgress>? progress = null) =>
        new DirectorySyncRunner(Store, Store, Options).RunAsync(new SyncRequest("test", "test-token", full), progress);

    public async Task<Workspace> WorkspaceAsync() => (await Store.LoadAsync()).Workspace;

    public async Task<Person> PersonAsync(string id) => (await WorkspaceAsync()).People.Single(p => p.Id == id);

    public async Task<Team> TeamAsync(string id) => (await WorkspaceAsync()).Teams.Single(t => t.Id == id);

    public async Task<IReadOnlyList<(string TeamId, double Allocation)>> MembershipsAsync(string personId) =>
        (await WorkspaceAsync()).Teams.SelectMany(t => t.Members.Where(m => m.PersonId == personId).Select(m => (t.Id, m.Allocation)))
            .OrderBy(m => m.Item1, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The bank tenant: a CEO, two managers, people in teams; "Team - Payments" nested in "Team - Retail"; a big
    /// "Team - Platform" whose members span several pages; "All staff" which is not a team; one person whose manager
    /// is outside the directory; a disabled account.
    /// </summary>
    public void SeedBank()
    {
        var t = Tenant;
        t.AddUser("u-ceo", "Cora CEO", "Board", jobTitle: "CEO");
        t.AddUser("u-ana", "Ana Lead", "Retail", "u-ceo", "Head of Payments");
        t.AddUser("u-ben", "Ben Dev", "Retail", "u-ana", "Engineer");
        t.AddUser("u-cat", "Cat Former", "Retail", "u-ana", enabled: false);
        t.AddUser("u-dan", "Dan Cards", "Cards", "u-ghost", "Analyst");
        for (var i = 1; i <= 8; i++) t.AddUser($"u-p{i}", $"Platform Person {i}", "Platform", "u-ceo", "Engineer");

        t.AddGroup("g-retail", "Team - Retail", "Retail banking");
        t.AddGroup("g-pay", "Team - Payments", "Moves money");
        t.AddGroup("g-card", "Team - Cards");
        t.AddGroup("g-plat", "Team - Platform");
        t.AddGroup("g-all", "All staff");
        t.AddMember("g-retail", "u-ceo");
        t.AddMember("g-retail", "g-pay", isGroup: true);
        t.AddMember("g-pay", "u-ana");
        t.AddMember("g-pay", "u-ben");
        t.AddMember("g-card", "u-cat");
        t.AddMember("g-card", "u-dan");
        t.AddMember("g-plat", "u-ben");
        for (var i = 1; i <= 8; i++) t.AddMember("g-plat", $"u-p{i}");
        foreach (var u in t.Users) t.AddMember("g-all", u.Id);
        Graph.UserPageSize = 3;      // 13 users: 5 pages
        Graph.GroupPageMembers = 4;  // Platform's 9 members and All staff's 13 span several pages
        Graph.GroupPageSize = 3;
    }

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Path.GetDirectoryName(Store.Path)!, recursive: true); } catch (IOException) { }
        try { System.IO.Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
