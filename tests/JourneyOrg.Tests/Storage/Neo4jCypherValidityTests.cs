using System.Diagnostics;
using System.Text.Json;
using JourneyOrg.Web.Storage.Neo4j;

namespace JourneyOrg.Tests.Storage;

/// <summary>
/// The store's Cypher runs on the Neo4j 3.1 test server; this proves it is also valid Cypher 5, by Neo4j's own parser
/// and semantic analysis (npm <c>@neo4j-cypher/language-support</c>, pinned in tests/cypher-lint). Needs Node and npm,
/// not a server.
/// </summary>
public sealed class Neo4jCypherValidityTests
{
    [Fact]
    public void Every_statement_the_store_sends_is_valid_Cypher_5()
    {
        var statements = Neo4jCypher.Statements.Select(s => new { name = s.Name, text = s.Text })
            .Concat(Neo4jCypher.Constraints.Select((c, i) => new { name = $"Constraints[{i}]", text = c }))
            .ToList();
        Assert.True(statements.Count > 40, "the catalogue should list every statement");

        var (exitCode, output) = Lint(statements);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"linted {statements.Count} statements, 0 diagnostics", output);
    }

    [Fact]
    public void The_leader_queries_in_the_docs_are_valid_Cypher_5()
    {
        var queries = DocumentedQueries().Select((q, i) => new { name = $"docs/neo4j.md query {i + 1}", text = q }).ToList();
        Assert.Equal(10, queries.Count);

        var (exitCode, output) = Lint(queries);

        Assert.True(exitCode == 0, output);
    }

    /// <summary>The <c>```cypher</c> blocks of docs/neo4j.md.</summary>
    internal static IReadOnlyList<string> DocumentedQueries()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "neo4j.md"));
        return System.Text.RegularExpressions.Regex.Matches(text, "```cypher\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    [Fact]
    public void The_linter_catches_syntax_that_Neo4j_5_removed()
    {
        // Guards the test above against a linter that accepts anything: 3.x constraint syntax is gone from Cypher 5.
        var (exitCode, output) = Lint(new[] { new { name = "legacy", text = Neo4jCypher.LegacyConstraints[0] } });
        Assert.True(exitCode == 1, output);
    }

    private static (int ExitCode, string Output) Lint(object statements)
    {
        var folder = Path.Combine(RepositoryFiles.Root, "tests", "cypher-lint");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@neo4j-cypher")))
        {
            var (installed, log) = Run(folder, "npm", "ci --no-audit --no-fund");
            Assert.True(installed == 0, "npm ci in tests/cypher-lint failed:\n" + log);
        }
        var input = Path.Combine(Path.GetTempPath(), $"journeyorg-cypher-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, JsonSerializer.Serialize(statements));
        try
        {
            return Run(folder, "node", $"lint.mjs \"{input}\"");
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static (int ExitCode, string Output) Run(string folder, string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5));
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

}
