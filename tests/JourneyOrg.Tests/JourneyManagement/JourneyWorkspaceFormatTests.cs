using JourneyOrg.Domain;
using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Workspaces;
using static JourneyOrg.Tests.Workspaces.SampleDocuments;

namespace JourneyOrg.Tests.JourneyManagement;

public sealed class JourneyWorkspaceFormatTests
{
    /// <summary><see cref="SampleDocuments.Valid"/> with every journey-management record.</summary>
    internal static string Full => With(d =>
    {
        d["metrics"]![0]!["type"] = "NPS";
        d["metrics"]![0]!["ownerId"] = "u-1";
        d["metrics"]![0]!["teamIds"] = Json("[\"t-claims\"]");
        d["metrics"]![0]!["importKey"] = "nps-1";
        d["metrics"]![0]!["dataPoints"] = Json("""
            [ { "date": "2024-02-29", "dimensions": { "region": "EU" }, "value": 20, "inputs": { "promoters": 4, "passives": 4, "detractors": 2 } },
              { "date": "2024-01-31", "value": 31.5 } ]
            """);
        d["metrics"]!.AsArray().Add(Json("""{ "id": "m-2", "name": "Imported, not linked", "type": "OTHER", "aggregation": "SUM" }"""));
        d["insights"] = Json("""
            [ { "id": "i-1", "title": "Form too long", "description": "**Users** give up", "type": "pain-point",
                "sourceUrl": "https://research.example/42", "empathyScore": -2, "weight": 3, "stepIds": ["s-claim-form"], "ownerId": "u-2" } ]
            """);
        d["opportunities"] = Json("""
            [ { "id": "o-1", "title": "Prefill", "status": "open", "teamId": "t-motor", "customerValue": 80, "businessValue": 40, "effort": 2,
                "targetIds": ["s-claim-form", "p-claim-settle"], "externalLinks": ["https://jira.example/O-1"], "importKey": "opp-1" } ]
            """);
        d["solutions"] = Json("""
            [ { "id": "sol-1", "title": "Prefill epic", "type": "epic", "status": "planned", "teamId": "t-motor", "opportunityIds": ["o-1"],
                "priority": "HIGH", "externalLinks": ["https://jira.example/E-1"] } ]
            """);
        d["prioritisation"] = Json("""{ "customerValueWeight": 2, "businessValueWeight": 1 }""");
    });

    private static System.Text.Json.Nodes.JsonNode Json(string text) => System.Text.Json.Nodes.JsonNode.Parse(text)!;

    [Fact]
    public void A_workspace_with_journey_management_reads_and_exports_byte_identically()
    {
        var read = WorkspaceReader.Read(Full);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        var workspace = read.Workspace!;
        Assert.Equal(("i-1", "o-1", "sol-1", 2.0), (workspace.Insights[0].Id, workspace.Opportunities[0].Id, workspace.Solutions[0].Id, workspace.Weights.CustomerValue));
        Assert.Equal(new DateOnly(2024, 1, 31), workspace.Metrics[0].DataPoints[1].Date);
        Assert.False(workspace.Metrics[1].IsLinked);

        var first = WorkspaceWriter.ToJson(workspace);
        var second = WorkspaceWriter.ToJson(WorkspaceReader.Read(first).Workspace!);

        Assert.Equal(first, second);
        Assert.Contains("\"targetId\": null", first);
    }

    [Fact]
    public async Task A_workspace_with_journey_management_goes_through_the_store_unchanged()
    {
        using var temporary = new TemporaryStore();
        var workspace = WorkspaceReader.Read(Full).Workspace!;

        await temporary.Store.ReplaceAsync(workspace);

        Assert.Equal(WorkspaceWriter.ToJson(workspace), await temporary.ExportAsync());
    }

    [Fact]
    public void Older_files_without_the_new_arrays_still_import_with_defaults()
    {
        var workspace = WorkspaceReader.Read(Valid).Workspace!;
        Assert.Empty(workspace.Insights);
        Assert.Equal(PrioritisationWeights.Default, workspace.Weights);
        Assert.Null(workspace.Metrics[0].Type);
    }

    public static TheoryData<Action<System.Text.Json.Nodes.JsonObject>, string, string> Broken => new()
    {
        { d => d["insights"]![0]!["stepIds"]![0] = "s-nowhere", "$.insights[0].stepIds[0]", "no step with id 's-nowhere'" },
        { d => d["insights"]![0]!["stepIds"]![0] = "p-claim-report", "$.insights[0].stepIds[0]", "is a phase" },
        { d => d["insights"]![0]!["sourceUrl"] = "javascript:alert(1)", "$.insights[0].sourceUrl", "not an absolute http or https link" },
        { d => d["insights"]![0]!["type"] = "rant", "$.insights[0].type", "unknown value 'rant'" },
        { d => d["opportunities"]![0]!["customerValue"] = 101, "$.opportunities[0].customerValue", "out of range; customerValue is from 0 to 100" },
        { d => d["opportunities"]![0]!["effort"] = 6, "$.opportunities[0].effort", "effort is from 0 to 5" },
        { d => d["opportunities"]![0]!["targetIds"]![0] = "j-claim", "$.opportunities[0].targetIds[0]", "an opportunity is on steps or phases" },
        { d => d["opportunities"]![0]!["teamId"] = "t-none", "$.opportunities[0].teamId", "no team with id 't-none'" },
        { d => d["opportunities"]![0]!["externalLinks"]![0] = "data:text/html,x", "$.opportunities[0].externalLinks[0]", "not an absolute http or https link" },
        { d => d["solutions"]![0]!["opportunityIds"]![0] = "i-1", "$.solutions[0].opportunityIds[0]", "is a insight" },
        { d => d["solutions"]![0]!["priority"] = "NOW", "$.solutions[0].priority", "unknown value 'NOW'" },
        { d => d["metrics"]![0]!["type"] = "KPI", "$.metrics[0].type", "unknown value 'KPI'" },
        { d => d["metrics"]![0]!["ownerId"] = "t-claims", "$.metrics[0].ownerId", "is a team" },
        { d => d["metrics"]![0]!["dataPoints"]![1]!["date"] = "2024-02-30", "$.metrics[0].dataPoints[1].date", "not a date" },
        { d => { d["metrics"]![0]!["dataPoints"]![1]!["dimensions"] = Json("""{ "region": "EU" }"""); d["metrics"]![0]!["dataPoints"]![1]!["date"] = "2024-02-29"; },
          "$.metrics[0].dataPoints[1].date", "one per date and dimension set" },
        { d => d["metrics"]![0]!["dataPoints"]![0]!["inputs"]!["promoters"] = 1.5, "$.metrics[0].dataPoints[0].inputs.promoters", "not a count" },
        { d => d["metrics"]![0]!["dataPoints"]![0]!["inputs"]!.AsObject().Remove("passives"), "$.metrics[0].dataPoints[0].inputs.passives", "required for a NPS data point" },
        { d => d["metrics"]![1]!["importKey"] = "nps-1", "$.metrics[1].importKey", "already used at $.metrics[0]" },
        { d => d["prioritisation"]!["businessValueWeight"] = -1, "$.prioritisation.businessValueWeight", "0 or more" },
        { d => { d["prioritisation"]!["businessValueWeight"] = 0; d["prioritisation"]!["customerValueWeight"] = 0; }, "$.prioritisation", "both 0" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_journey_management_rule_is_reported_with_its_path(Action<System.Text.Json.Nodes.JsonObject> change, string path, string message)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Full)!.AsObject();
        change(node);

        var errors = ErrorsOf(node.ToJsonString());

        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Links_to_people_teams_and_steps_that_are_gone_are_tolerated_outside_an_import()
    {
        var workspace = WorkspaceReader.Read(Full).Workspace!;
        var withoutMotor = workspace with
        {
            Teams = workspace.Teams.Where(t => t.Id != "t-motor").ToList(),
            Ownership = workspace.Ownership.Where(o => o.TeamId != "t-motor").ToList(),
        };

        Assert.Empty(WorkspaceValidator.Validate(withoutMotor));
        Assert.NotEmpty(WorkspaceValidator.ValidateDocument(withoutMotor));
    }
}
