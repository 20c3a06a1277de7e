using JourneyOrg.Web.Storage.Neo4j;

namespace JourneyOrg.Tests.Storage;

/// <summary>
/// The Neo4j server the tests use: <c>NEO4J_URL</c> (e.g. <c>http://127.0.0.1:7474</c>, started by <c>.ci/neo4j.sh</c>).
/// Without it the Neo4j tests are skipped on a developer machine, and fail in CI (<c>CI=true</c>), where a skipped store
/// suite would hide that the Neo4j store was never tested.
/// </summary>
public static class Neo4jTestServer
{
    /// <summary>Why the Neo4j tests are skipped here, or null when they run (in CI they always run).</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("NEO4J_URL") is { Length: > 0 } || IsCi
            ? null
            : "NEO4J_URL is not set; run `eval \"$(.ci/neo4j.sh)\"` to test the Neo4j store.";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static Uri Url
    {
        get
        {
            if (Environment.GetEnvironmentVariable("NEO4J_URL") is { Length: > 0 } url) return new Uri(url);
            if (IsCi)
                throw new InvalidOperationException("CI=true but NEO4J_URL is not set: start Neo4j with `eval \"$(.ci/neo4j.sh)\"` before `dotnet test`.");
            throw new InvalidOperationException(SkipReason);
        }
    }

    /// <summary>An empty database (constraints stay), so each test starts from nothing.</summary>
    public static async Task<Neo4jWorkspaceStore> CreateEmptyStoreAsync()
    {
        var store = new Neo4jWorkspaceStore(Url);
        await store.Connection.RunAsync([new Neo4jStatement(nameof(Neo4jCypher.DeleteEverything), Neo4jCypher.DeleteEverything,
            new Dictionary<string, object?>())], CancellationToken.None);
        await store.InitializeAsync();
        return store;
    }
}

/// <summary>Every Neo4j test class joins this collection: they share one database, so they must never run at the same time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Neo4jCollection
{
    public const string Name = "Neo4j server";
}
