using JourneyOrg.Storage;
using JourneyOrg.Web.Storage.Neo4j;

namespace JourneyOrg.Tests.Storage;

[Collection(Neo4jCollection.Name)]
public sealed class Neo4jWorkspaceStoreTests : WorkspaceStoreContract, IStoreAvailability, IDisposable
{
    public static string? SkipReason => Neo4jTestServer.SkipReason;

    private readonly List<Neo4jWorkspaceStore> _stores = [];

    protected override async Task<IWorkspaceStore> CreateStoreAsync()
    {
        var store = await Neo4jTestServer.CreateEmptyStoreAsync();
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
    }
}
