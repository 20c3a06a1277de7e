using System.Text.Json;
using JourneyOrg.Domain;
using JourneyOrg.Web.Storage.Neo4j;
using JourneyOrg.Web.Storage.Sqlite;

namespace JourneyOrg.Tests.Storage;

/// <summary>
/// The bank workspace goes through Neo4j and through SQLite and comes back the same, so every analysis of it is the
/// same too (the engines are pure functions of the loaded <see cref="Workspace"/>).
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
        Assert.Equal(400, fromNeo4j.People.Count);

        // The leader queries of docs/neo4j.md run on this server against this workspace, and find something.
        foreach (var query in Neo4jCypherValidityTests.DocumentedQueries())
        {
            var results = await neo4j.Connection.RunAsync([new Neo4jStatement("docs", query, new Dictionary<string, object?>())], CancellationToken.None);
            Assert.True(results[0].Rows.Count > 0, "no rows from:\n" + query);
        }
    }
}

/// <summary>
/// Reads shared/data/bank-workspace.json (format journeyorg/v1) into the domain model with the spec's defaults.
/// A stand-in until the format branch's WorkspaceReader is in main; it trusts the file (no validation).
/// </summary>
internal static class BankWorkspace
{
    public static Workspace Load()
    {
        var path = Path.Combine(SharedData(), "bank-workspace.json");
        var file = JsonSerializer.Deserialize<FileDto>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return new Workspace(
            file.Journeys.Select(j => new Journey(j.Id, j.Name, j.ParentId, j.Description ?? "",
                (j.Phases ?? []).Select(p => new Phase(p.Id, p.Name, (p.Steps ?? []).Select(s => new Step(s.Id, s.Name, s.SubjourneyId)).ToList())).ToList())).ToList(),
            file.People.Select(p => new Person(p.Id, p.DisplayName, p.Mail, p.JobTitle, p.Department, p.ManagerId, p.RoleId, p.AccountEnabled ?? true)).ToList(),
            file.Teams.Select(t => new Team(t.Id, t.Name, t.ParentId, t.LeadId, t.Type,
                (t.Members ?? []).Select(m => new Membership(m.PersonId, m.Allocation ?? 1.0)).ToList())).ToList(),
            file.Roles.Select(r => new Role(r.Id, r.Title, r.Family, r.Level)).ToList(),
            file.Ownership.Select(o => new Ownership(o.TeamId, o.TargetId,
                o.Kind == OwnershipKinds.Contributing ? OwnershipKind.Contributing : OwnershipKind.Accountable)).ToList(),
            file.Metrics.Select(m => new Metric(m.Id, m.TargetId, m.Name, m.Unit, m.Value, m.Target, m.Direction)).ToList());
    }

    private static string SharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "bank-workspace.json"))) return candidate;
        }
        return "/work/shared/data";
    }

    private sealed record FileDto(List<JourneyDto> Journeys, List<PersonDto> People, List<TeamDto> Teams, List<RoleDto> Roles,
        List<OwnershipDto> Ownership, List<MetricDto> Metrics);
    private sealed record JourneyDto(string Id, string Name, string? ParentId, string? Description, List<PhaseDto>? Phases);
    private sealed record PhaseDto(string Id, string Name, List<StepDto>? Steps);
    private sealed record StepDto(string Id, string Name, string? SubjourneyId);
    private sealed record PersonDto(string Id, string DisplayName, string? Mail, string? JobTitle, string? Department, string? ManagerId,
        string? RoleId, bool? AccountEnabled);
    private sealed record TeamDto(string Id, string Name, string? ParentId, string? LeadId, string? Type, List<MemberDto>? Members);
    private sealed record MemberDto(string PersonId, double? Allocation);
    private sealed record RoleDto(string Id, string Title, string? Family, string? Level);
    private sealed record OwnershipDto(string TeamId, string TargetId, string? Kind);
    private sealed record MetricDto(string Id, string TargetId, string Name, string? Unit, double? Value, double? Target, string? Direction);
}
