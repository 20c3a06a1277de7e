using JourneyOrg.Domain;
using JourneyOrg.Workspaces;
using static JourneyOrg.Tests.Workspaces.SampleDocuments;

namespace JourneyOrg.Tests.Workspaces;

public sealed class WorkspaceWriterTests
{
    public static TheoryData<string> Files => new() { DemoWorkspacePath, BankWorkspacePath };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Exporting_an_imported_export_gives_identical_bytes(string file)
    {
        var first = WorkspaceWriter.ToJson(await ReadValid(file));

        var second = WorkspaceWriter.ToJson(WorkspaceReader.Read(first).Workspace!);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task An_export_through_the_store_matches_the_export_of_the_file(string file)
    {
        using var temporary = new TemporaryStore();
        var workspace = await ReadValid(file);

        await temporary.Store.ReplaceAsync(workspace);

        Assert.Equal(WorkspaceWriter.ToJson(workspace), await temporary.ExportAsync());
    }

    [Fact]
    public async Task Writing_asynchronously_gives_the_same_bytes()
    {
        var demo = await ReadValid(DemoWorkspacePath);
        using var stream = new MemoryStream();

        await WorkspaceWriter.WriteAsync(demo, stream);

        Assert.Equal(WorkspaceWriter.ToJson(demo), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Export_writes_every_field_including_defaults()
    {
        var json = WorkspaceWriter.ToJson(WorkspaceReader.Read(Valid).Workspace!);

        foreach (var field in new[]
                 {
                     "\"description\": \"\"", "\"subjourneyId\": null", "\"userPrincipalName\": null", "\"source\": \"local\"",
                     "\"accountEnabled\": false", "\"type\": null", "\"allocation\": 1", "\"kind\": \"contributing\"", "\"family\": null",
                 })
            Assert.Contains(field, json);
        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain("\r", json);
    }

    [Fact]
    public void Export_does_not_depend_on_the_order_records_were_stored_in()
    {
        var workspace = WorkspaceReader.Read(Valid).Workspace!;
        var shuffled = workspace with
        {
            Journeys = workspace.Journeys.Reverse().ToList(),
            People = workspace.People.Reverse().ToList(),
            Teams = workspace.Teams.Reverse().Select(t => t with { Members = t.Members.Reverse().ToList() }).ToList(),
            Ownership = workspace.Ownership.Reverse().ToList(),
        };

        Assert.Equal(WorkspaceWriter.ToJson(workspace), WorkspaceWriter.ToJson(shuffled));
    }

    [Fact]
    public void Export_keeps_the_order_of_phases_and_steps()
    {
        var json = WorkspaceWriter.ToJson(WorkspaceReader.Read(Valid).Workspace!);

        Assert.True(json.IndexOf("p-claim-report", StringComparison.Ordinal) < json.IndexOf("p-claim-settle", StringComparison.Ordinal));
        Assert.True(json.IndexOf("s-claim-form", StringComparison.Ordinal) < json.IndexOf("s-claim-id", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_keeps_names_with_accents_readable()
    {
        var workspace = Workspace.Empty with { Roles = [new Role("r-1", "Responsable de l'expérience client", null, null)] };

        Assert.Contains("Responsable de l'expérience client", WorkspaceWriter.ToJson(workspace));
    }

    [Fact]
    public void Export_round_trips_directory_fields_and_numbers()
    {
        var workspace = new Workspace(
            Journeys: [new Journey("j-1", "Claim", null, "", [new Phase("p-1", "Report", [])])],
            People: [new Person("u-1", "Ada", "ada@x.example", "Lead", "Claims", null, null, false, "ada@x.example", "E1", "Contractor", "Cardiff", RecordSource.Entra)],
            Teams: [new Team("t-1", "Claims", null, "u-1", "platform", [new Membership("u-1", 0.3333)], "Synced", RecordSource.Entra)],
            Roles: [],
            Ownership: [new Ownership("t-1", "p-1", OwnershipKind.Contributing)],
            Metrics: [new Metric("m-1", "j-1", "Cycle time", "days", 12.25, null, null)]);

        var read = WorkspaceReader.Read(WorkspaceWriter.ToJson(workspace));

        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(workspace.People, read.Workspace!.People);
        Assert.Equal(workspace.Teams[0] with { Members = [] }, read.Workspace.Teams[0] with { Members = [] });
        Assert.Equal(workspace.Teams[0].Members, read.Workspace.Teams[0].Members);
        Assert.Equal(workspace.Ownership, read.Workspace.Ownership);
        Assert.Equal(workspace.Metrics, read.Workspace.Metrics);
    }

    private static async Task<Workspace> ReadValid(string file)
    {
        await using var stream = File.OpenRead(file);
        var result = await WorkspaceReader.ReadAsync(stream);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Workspace!;
    }
}
