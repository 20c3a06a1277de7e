using JourneyOrg.Storage;
using JourneyOrg.Web.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Workspaces;

/// <summary>A fresh SQLite store in a temporary folder, deleted afterwards; <see cref="Spec"/> is what <c>--store</c> takes.</summary>
public sealed class TemporaryStore : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("journeyorg-format-").FullName;

    public TemporaryStore()
    {
        Spec = "sqlite:" + Path.Combine(_directory, "journeyorg.db");
        Store = StoreFactory.Create(Spec);
        Store.InitializeAsync().GetAwaiter().GetResult();
    }

    public string Spec { get; }

    public IStore Store { get; }

    public string Directory => _directory;

    /// <summary>The stored workspace as an export: the byte-for-byte view the atomicity tests compare.</summary>
    public async Task<string> ExportAsync() => WorkspaceWriter.ToJson((await Store.LoadAsync()).Workspace);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
