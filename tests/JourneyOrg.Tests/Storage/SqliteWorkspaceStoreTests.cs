using JourneyOrg.Storage;
using JourneyOrg.Web.Storage.Sqlite;

namespace JourneyOrg.Tests.Storage;

public sealed class SqliteWorkspaceStoreTests : WorkspaceStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-sqlite-").FullName;

    protected override async Task<IStore> CreateStoreAsync()
    {
        var store = new SqliteWorkspaceStore(Path.Combine(_directory, $"{Guid.NewGuid():N}.db"));
        await store.InitializeAsync();
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
