using System.Text;
using System.Text.Json.Nodes;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;
using static JourneyOrg.Tests.Workspaces.SampleDocuments;

namespace JourneyOrg.Tests.Workspaces;

public sealed class WorkspaceImporterTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    private Task<WorkspaceImportResult> Import(string json, WorkspaceImportMode mode = WorkspaceImportMode.Replace) =>
        new WorkspaceImporter(_temporary.Store).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), mode);

    [Fact]
    public async Task Importing_replaces_the_whole_workspace()
    {
        await Import(File.ReadAllText(DemoWorkspacePath));

        var result = await Import(Valid);

        Assert.True(result.Succeeded);
        Assert.Equal(WorkspaceWriter.ToJson(WorkspaceReader.Read(Valid).Workspace!), await _temporary.ExportAsync());
    }

    [Fact]
    public async Task A_failing_import_leaves_the_store_exactly_as_it_was()
    {
        await Import(File.ReadAllText(DemoWorkspacePath));
        var before = await _temporary.ExportAsync();
        var revision = (await _temporary.Store.LoadAsync()).Revision;

        var result = await Import(With(d => d["teams"]![1]!["members"]![0]!["allocation"] = 3));

        Assert.False(result.Succeeded);
        Assert.Null(result.Revision);
        Assert.Equal(before, await _temporary.ExportAsync());
        Assert.Equal(revision, (await _temporary.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task A_failing_merge_leaves_the_store_exactly_as_it_was()
    {
        await Import(Valid);
        var before = await _temporary.ExportAsync();

        var result = await Import("""{ "format": "journeyorg/v1", "people": [ { "id": "u-9", "displayName": "Di", "managerId": "u-404" } ] }""",
            WorkspaceImportMode.Merge);

        Assert.Equal("$.people[0].managerId: no person with id 'u-404'", Assert.Single(result.Errors).ToString());
        Assert.Equal(before, await _temporary.ExportAsync());
    }

    [Fact]
    public async Task A_malformed_file_leaves_the_store_exactly_as_it_was()
    {
        await Import(Valid);
        var before = await _temporary.ExportAsync();

        var result = await Import("""{ "format": "journeyorg/v1", "people": [ """);

        Assert.NotNull(Assert.Single(result.Errors).Line);
        Assert.Equal(before, await _temporary.ExportAsync());
    }

    [Fact]
    public async Task Merging_upserts_by_id_and_keeps_what_the_file_does_not_mention()
    {
        await Import(Valid);

        var result = await Import("""
            { "format": "journeyorg/v1",
              "people": [ { "id": "u-2", "displayName": "Bo Chen-Ward", "managerId": "u-1" },
                          { "id": "u-4", "displayName": "Dee Evans", "managerId": "u-2", "roleId": "r-lead" } ],
              "teams": [ { "id": "t-motor", "name": "Motor claims", "parentId": "t-claims",
                           "members": [ { "personId": "u-2" }, { "personId": "u-4", "allocation": 0.5 } ] } ],
              "ownership": [ { "teamId": "t-motor", "targetId": "p-claim-report", "kind": "accountable" } ] }
            """, WorkspaceImportMode.Merge);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((1, 3), (result.Added, result.Updated));
        var stored = (await _temporary.Store.LoadAsync()).Workspace;
        Assert.Equal(["u-1", "u-2", "u-3", "u-4"], stored.People.Select(p => p.Id).Order());
        Assert.Equal("Bo Chen-Ward", stored.People.Single(p => p.Id == "u-2").DisplayName);
        Assert.Equal(["u-2", "u-4"], stored.Teams.Single(t => t.Id == "t-motor").Members.Select(m => m.PersonId).Order());
        Assert.Equal(OwnershipKind.Accountable, stored.Ownership.Single(o => o.TeamId == "t-motor").Kind);
        Assert.Equal(3, stored.Journeys.Count);
    }

    [Fact]
    public async Task A_merge_reports_stored_records_it_would_break_by_their_id()
    {
        await Import(Valid);
        var before = await _temporary.ExportAsync();

        // The new version of the journey drops the phase that a stored ownership edge and metric point at.
        var result = await Import("""
            { "format": "journeyorg/v1",
              "journeys": [ { "id": "j-claim", "name": "Report a car accident", "parentId": "j-life",
                              "phases": [ { "id": "p-claim-settle", "name": "Settle" } ] } ] }
            """, WorkspaceImportMode.Merge);

        Assert.Equal(
        [
            "store:$.ownership[teamId='t-motor',targetId='p-claim-report'].targetId: no journey, phase or step with id 'p-claim-report'",
            "store:$.metrics[id='m-1'].targetId: no journey, phase or step with id 'p-claim-report'",
        ], result.Errors.Select(e => e.ToString()));
        Assert.Equal(before, await _temporary.ExportAsync());
    }

    [Fact]
    public async Task A_merge_reports_an_id_that_a_stored_record_of_another_kind_uses()
    {
        await Import(Valid);

        var result = await Import("""{ "format": "journeyorg/v1", "roles": [ { "id": "t-claims", "title": "Claims lead" } ] }""",
            WorkspaceImportMode.Merge);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.roles[0].id", error.Path);
        Assert.Contains("already used by the team at store:$.teams[id='t-claims']", error.Message);
    }

    [Fact]
    public async Task A_merge_reports_shape_errors_before_looking_at_the_store()
    {
        var result = await Import(With(d => d["people"]![0]!["accountEnabled"] = JsonValue.Create("no")), WorkspaceImportMode.Merge);

        Assert.Equal("$.people[0].accountEnabled", Assert.Single(result.Errors).Path);
        Assert.True(await _temporary.Store.IsEmptyAsync());
    }

    public void Dispose() => _temporary.Dispose();
}
