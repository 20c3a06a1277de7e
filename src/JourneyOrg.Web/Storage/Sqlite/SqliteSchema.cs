using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace JourneyOrg.Web.Storage.Sqlite;

/// <summary>
/// Applies the numbered schema scripts embedded from Storage/Sqlite/Schema in order, each once, each in its
/// own transaction, recording what ran in <c>schema_migrations</c>. Safe to run at every start, and from several
/// processes opening the same new store at once.
/// </summary>
public static class SqliteSchema
{
    private const string ResourcePrefix = "JourneyOrg.Web.Storage.Sqlite.Schema.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    public static void Apply(SqliteConnection connection)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """);
        var applied = connection.Query<long>("SELECT version FROM schema_migrations").ToHashSet();
        foreach (var (version, name, sql) in Scripts)
        {
            if (applied.Contains(version)) continue;
            // Another process (a second instance, a CLI verb) may be applying the same script: BEGIN IMMEDIATE takes the
            // write lock first, and the version is read again under it, so only one of them runs each script.
            using var transaction = connection.BeginTransaction(deferred: false);
            if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, transaction) > 0)
                continue;
            connection.Execute(sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                new { version, name, appliedAt = DateTimeOffset.UtcNow.ToString("O") }, transaction);
            transaction.Commit();
        }
    }

    private static IReadOnlyList<(int, string, string)> LoadScripts()
    {
        var assembly = typeof(SqliteSchema).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var versionText = name.Split('_', 2)[0];
            if (!int.TryParse(versionText, out var version))
                throw new InvalidOperationException($"Schema script '{name}' must start with a number, e.g. 0002_audit.sql.");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add((version, name, reader.ReadToEnd()));
        }
        var duplicates = scripts.GroupBy(s => s.Item1).FirstOrDefault(g => g.Count() > 1);
        if (duplicates is not null)
            throw new InvalidOperationException($"Two schema scripts share version {duplicates.Key}.");
        return scripts.OrderBy(s => s.Item1).ToList();
    }
}
