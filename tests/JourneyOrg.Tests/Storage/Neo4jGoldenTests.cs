using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;
using JourneyOrg.Web.Storage.Neo4j;
using JourneyOrg.Web.Storage.Sqlite;

namespace JourneyOrg.Tests.Storage;

/// <summary>
/// The bank workspace goes through Neo4j and through SQLite: it comes back the same, and its analysis is the same
/// (and the golden one of shared/data).
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jGoldenTests : IStoreAvailability
{
    public static string? SkipReason => Neo4jTestServer.SkipReason;

    [StoreFact]
    public async Task The_bank_workspace_loads_back_from_Neo4j_exactly_as_from_SQLite()
    {
        var bank = BankWorkspace.Load();

        var directory = Directory.CreateTempSubdirectory("journeyorg-golden-").FullName;
        Workspace fromSqlite;
        try
        {
            var sqlite = new SqliteWorkspaceStore(Path.Combine(directory, "bank.db"));
            await sqlite.InitializeAsync();
            await sqlite.ReplaceAsync(bank);
            fromSqlite = (await sqlite.LoadAsync()).Workspace;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        using var neo4j = await Neo4jTestServer.CreateEmptyStoreAsync();
        await neo4j.ReplaceAsync(bank);
        var fromNeo4j = (await neo4j.LoadAsync()).Workspace;

        Assert.Equal(JsonSerializer.Serialize(fromSqlite), JsonSerializer.Serialize(fromNeo4j));
        Assert.Equal(JsonSerializer.Serialize(bank), JsonSerializer.Serialize(fromNeo4j));
        var analysis = AnalysisJson.Serialize(AlignmentAnalysis.Analyze(fromNeo4j));
        Assert.Equal(AnalysisJson.Serialize(AlignmentAnalysis.Analyze(fromSqlite)), analysis);
        var golden = File.ReadAllText(Path.Combine(Path.GetDirectoryName(BankWorkspace.Path)!, "bank-analysis.expected.json"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(golden), JsonNode.Parse(analysis)), "Neo4j analysis differs from bank-analysis.expected.json");
        Assert.Equal(400, fromNeo4j.People.Count);

        // The leader queries of docs/neo4j.md run on this server against this workspace, and find something.
        foreach (var query in Neo4jCypherValidityTests.DocumentedQueries())
        {
            var results = await neo4j.Connection.RunAsync([new Neo4jStatement("docs", query, new Dictionary<string, object?>())], CancellationToken.None);
            Assert.True(results[0].Rows.Count > 0, "no rows from:\n" + query);
        }
    }
}

internal static class BankWorkspace
{
    public static Workspace Load()
    {
        var result = WorkspaceReader.Read(File.ReadAllText(Path));
        Assert.Empty(result.Errors);
        return result.Workspace!;
    }

    public static string Path => Tests.SharedData.PathOf("bank-workspace.json");
}
