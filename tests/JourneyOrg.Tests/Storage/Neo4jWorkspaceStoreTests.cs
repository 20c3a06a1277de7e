using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Storage.Neo4j;

namespace JourneyOrg.Tests.Storage;

[Collection(Neo4jCollection.Name)]
public sealed class Neo4jWorkspaceStoreTests : WorkspaceStoreContract, IStoreAvailability, IDisposable
{
    public static string? SkipReason => Neo4jTestServer.SkipReason;

    private readonly List<Neo4jWorkspaceStore> _stores = [];

    protected override async Task<IStore> CreateStoreAsync()
    {
        var store = await Neo4jTestServer.CreateEmptyStoreAsync();
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
    }

    [StoreFact]
    public async Task A_read_under_the_lock_is_never_torn_by_concurrent_replaces()
    {
        var store = (Neo4jWorkspaceStore)await CreateStoreAsync();
        store.OptimisticReadAttempts = 0; // every read takes the lock, as when writers keep landing
        var small = SmallWorkspace();
        var other = small with
        {
            People = [.. small.People.Select(p => p with { DisplayName = p.DisplayName + " (2)" })],
            Teams = [.. small.Teams.Select(t => t with { Name = t.Name + " (2)" })],
        };
        await store.ReplaceAsync(small);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++) await store.ReplaceAsync(i % 2 == 0 ? other : small);
        });
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var read = Canonical((await store.LoadAsync()).Workspace);
                Assert.True(read == Canonical(small) || read == Canonical(other), "a read mixed two writes: " + read);
            }
        }
        finally
        {
            stop.Cancel();
            await writer;
        }
    }

    // The contract's half-way failures happen in the client; these fail on the server, inside the open transaction.
    [StoreFact]
    public async Task An_import_that_the_server_fails_half_way_is_rolled_back_whole()
    {
        var store = (Neo4jWorkspaceStore)await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        store.FailBeforeStatement = nameof(Neo4jCypher.CreateMemberships);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => store.ReplaceAsync(SmallWorkspace() with { Journeys = [], Ownership = [], Metrics = [] }));
        Assert.StartsWith("Neo.ClientError.", error.Code);

        var after = await store.LoadAsync();
        Assert.Equal(Canonical(SmallWorkspace()), Canonical(after.Workspace));
        Assert.Equal(revision, after.Revision);
    }

    [StoreFact]
    public async Task Changes_that_the_server_fails_half_way_are_rolled_back_whole()
    {
        var store = (Neo4jWorkspaceStore)await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        store.FailBeforeStatement = nameof(Neo4jCypher.UpsertOwnership);

        await Assert.ThrowsAsync<Neo4jException>(() => store.ApplyAsync(new WorkspaceChangeSet
        {
            DeleteMetrics = ["m-1"],
            UpsertPeople = [new Person("u-9", "Nine", null, null, null, "u-1", null, true)],
            UpsertOwnership = [new Ownership("t-loans", "j-loan", OwnershipKind.Accountable)],
        }, revision));
        store.FailBeforeStatement = null;

        var after = await store.LoadAsync();
        Assert.Equal(Canonical(SmallWorkspace()), Canonical(after.Workspace));
        Assert.Equal(revision, after.Revision);
        // The lock was released with the rollback: the next writer gets through at once.
        Assert.Equal(revision + 1, await store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-x", "X", null, null)] }, revision));
    }

    [StoreFact]
    public async Task The_graph_has_the_shape_of_the_spec()
    {
        var store = (Neo4jWorkspaceStore)await CreateStoreAsync();
        await store.ReplaceAsync(SmallWorkspace());
        var results = await store.Connection.RunAsync([new Neo4jStatement("shape",
            "MATCH (a)-[r]->(b) RETURN labels(a)[0] + '-' + type(r) + '->' + labels(b)[0] AS edge, count(*) AS n ORDER BY edge",
            new Dictionary<string, object?>())], CancellationToken.None);
        var edges = results[0].Rows.ToDictionary(r => r[0].GetString()!, r => r[1].GetInt64());
        Assert.Equal(new Dictionary<string, long>
        {
            ["Journey-HAS_PHASE->Phase"] = 3,
            ["Journey-PART_OF->Journey"] = 1,
            ["Metric-MEASURES->Phase"] = 1,
            ["Person-HOLDS->Role"] = 1,
            ["Person-MEMBER_OF->Team"] = 3,
            ["Person-REPORTS_TO->Person"] = 2,
            ["Phase-HAS_STEP->Step"] = 4,
            ["Step-USES->Journey"] = 1,
            ["Team-OWNS->Journey"] = 1,
            ["Team-OWNS->Phase"] = 1,
            ["Team-PART_OF->Team"] = 1,
        }, edges);
    }

    [StoreFact]
    public void The_password_never_appears_in_the_description()
    {
        using var store = new Neo4jWorkspaceStore(new Uri("http://neo4j:s3cret@db.example:7474/org"));
        Assert.Equal("neo4j:http://neo4j:***@db.example:7474/org", store.Description);
    }
}
