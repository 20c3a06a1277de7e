using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.JourneyManagement.Import;
using JourneyOrg.Tests.Workspaces;
using static JourneyOrg.Tests.JourneyManagement.TheyDoSamples;

namespace JourneyOrg.Tests.JourneyManagement;

public sealed class TheyDoImportTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    private static JourneyImportPlan Plan(Workspace workspace, string json) => TheyDoImport.Plan(workspace, TheyDoReader.Read(json).Document!);

    [Fact]
    public void Metric_data_points_of_every_type_become_values_with_the_standard_formulas()
    {
        var metrics = Plan(Org(), TheyDoSamples.Metrics).Result.Metrics.ToDictionary(m => m.ImportKey!);

        Assert.Equal(30.0, metrics["nps-app"].DataPoints[0].Value);          // (50 - 20) / 100
        Assert.Equal(0.0, metrics["nps-app"].Value);                         // 2024-02-29, EU and US pooled: (60 - 60) / 200
        Assert.Equal(50.0, metrics["csat"].Value);                           // (3 + 2) / 10
        Assert.Equal(3.5, metrics["ces"].Value);
        Assert.Equal(0.75, metrics["ratio"].Value);
        Assert.Equal(1200.5, metrics["other"].Value);
        Assert.Equal(("higher", 30.0), (metrics["nps-app"].Direction, metrics["nps-app"].Target!.Value));
        Assert.Equal("lower", metrics["ces"].Direction);
        Assert.Equal(MetricAggregations.Sum, metrics["other"].Aggregation);
        Assert.Equal(3, metrics["nps-app"].DataPoints[0].Inputs!.Count);
    }

    [Fact]
    public void Owner_emails_map_to_people_by_mail_and_groups_to_teams_by_name_and_misses_are_reported()
    {
        var plan = Plan(Org(), TheyDoSamples.Metrics);
        var nps = plan.Result.Metrics.Single(m => m.ImportKey == "nps-app");

        Assert.Equal("u-ada", nps.OwnerId);
        Assert.Equal(["t-lending"], nps.TeamIds);
        var note = Assert.Single(plan.NotMapped);
        Assert.Equal("$.metrics[0].groups[1]", note.Path);
        Assert.Contains("no team is named 'Nobody'", note.Message);
    }

    [Fact]
    public void Insights_map_type_source_link_and_report_what_is_not_kept()
    {
        var plan = Plan(Org(), TheyDoSamples.Insights);
        var insight = Assert.Single(plan.Result.Insights);

        Assert.Equal(InsightTypes.PainPoint, insight.Type);
        Assert.Equal("https://research.example/1", insight.SourceUrl);
        Assert.Equal((-2.0, 3.0), (insight.EmpathyScore!.Value, insight.Weight!.Value));
        Assert.Equal(["t-lending"], insight.TeamIds);
        Assert.Null(insight.OwnerId);
        Assert.Equal(
            ["$.insights[0].externalLinks[1]", "$.insights[0].groupTags", "$.insights[0].ownerEmail", "$.insights[0].tags"],
            plan.NotMapped.Select(n => n.Path));
    }

    [Fact]
    public void Opportunities_and_solutions_take_their_owning_team_from_groups()
    {
        var opportunities = Plan(Org(), TheyDoSamples.Opportunities).Result.Opportunities;
        Assert.Equal(["t-lending", null], opportunities.Select(o => o.TeamId));
        Assert.Equal("u-ada", opportunities[0].OwnerId);
        Assert.Equal(["https://jira.example/OPP-1"], opportunities[0].ExternalLinks);

        var solution = Assert.Single(Plan(Org(), TheyDoSamples.Solutions).Result.Solutions);
        Assert.Equal(("epic", "in progress", "HIGH", "t-lending"), (solution.Type, solution.Status, solution.Priority, solution.TeamId));
    }

    [Fact]
    public async Task Re_importing_updates_by_import_key_and_keeps_the_links_made_in_JourneyOrg()
    {
        var store = _temporary.Store;
        await store.ReplaceAsync(Org());
        var importer = new JourneyFileImporter(store);
        var first = await importer.ImportTheyDoAsync(System.Text.Encoding.UTF8.GetBytes(TheyDoSamples.Metrics));
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.Equal((5, 0), (first.Added, first.Updated));

        // Linked in the UI, then TheyDo sends a renamed metric and a new month.
        var snapshot = await store.LoadAsync();
        var nps = snapshot.Workspace.Metrics.Single(m => m.ImportKey == "nps-app");
        await store.ApplyAsync(new JourneyOrg.Storage.WorkspaceChangeSet { UpsertMetrics = [nps with { TargetId = "s-2" }] }, snapshot.Revision);
        var again = With(TheyDoSamples.Metrics, d =>
        {
            d["metrics"]![0]!["title"] = "App NPS (all)";
            d["metrics"]![0]!["dataPoints"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(
                """{ "dateOfMeasurement": "2024-03-31", "promoters": 70, "passives": 20, "detractors": 10 }"""));
        });
        var second = await importer.ImportTheyDoAsync(System.Text.Encoding.UTF8.GetBytes(again));

        Assert.Equal((0, 5), (second.Added, second.Updated));
        var after = (await store.LoadAsync()).Workspace;
        Assert.Equal(5, after.Metrics.Count);
        var reimported = after.Metrics.Single(m => m.ImportKey == "nps-app");
        Assert.Equal((nps.Id, "s-2", "App NPS (all)", 60.0), (reimported.Id, reimported.TargetId, reimported.Name, reimported.Value!.Value));
        Assert.Equal(4, reimported.DataPoints.Count);
    }

    [Fact]
    public async Task An_invalid_file_imports_nothing()
    {
        await _temporary.Store.ReplaceAsync(Org());
        var before = await _temporary.ExportAsync();

        var result = await new JourneyFileImporter(_temporary.Store).ImportTheyDoAsync(
            System.Text.Encoding.UTF8.GetBytes(With(TheyDoSamples.Metrics, d => d["metrics"]![3]!["type"] = "PERCENT")));

        Assert.False(result.Succeeded);
        Assert.Equal(before, await _temporary.ExportAsync());
    }

    [Fact]
    public void Points_whose_counts_total_zero_are_left_out_and_reported()
    {
        var plan = Plan(Org(), With(TheyDoSamples.Metrics, d => d["metrics"]![3]!["dataPoints"]![0]!["denominator"] = 0));

        Assert.Empty(plan.Result.Metrics.Single(m => m.ImportKey == "ratio").DataPoints);
        Assert.Contains(plan.NotMapped, n => n.Path == "$.metrics[3].dataPoints[0]" && n.Message.Contains("denominator is 0"));
    }

    [Theory]
    [InlineData(TheyDoFormats.Metrics, TheyDoSamples.Metrics)]
    [InlineData(TheyDoFormats.Insights, TheyDoSamples.Insights)]
    [InlineData(TheyDoFormats.Opportunities, TheyDoSamples.Opportunities)]
    [InlineData(TheyDoFormats.Solutions, TheyDoSamples.Solutions)]
    public void An_export_is_valid_against_the_schema_rules_and_imports_back_to_the_same_records(string format, string json)
    {
        var imported = Plan(Org(), json).Result;

        var export = TheyDoWriter.Write(imported, format);
        var read = TheyDoReader.Read(export.Json);
        Assert.True(read.IsValid, string.Join("\n", read.Errors) + "\n" + export.Json);
        var reimported = TheyDoImport.Plan(imported, read.Document!);

        Assert.Equal(0, reimported.Added);
        Assert.Equal(Workspaces.WorkspaceWriterJson(imported), Workspaces.WorkspaceWriterJson(reimported.Result));
    }

    [Fact]
    public void Export_leaves_out_points_that_have_no_counts_and_says_so()
    {
        var workspace = Org() with
        {
            Metrics = [new Metric("m-1", "", "NPS", null, 10, null, null) { Type = MetricTypes.Nps, DataPoints = [new MetricDataPoint(new DateOnly(2024, 1, 31), [], 10)] }],
        };

        var export = TheyDoWriter.Write(workspace, TheyDoFormats.Metrics);

        Assert.Contains("\"dataPoints\": []", export.Json);
        Assert.Contains("needs its counts", Assert.Single(export.Left).Message);
    }

    public void Dispose() => _temporary.Dispose();
}

file static class Workspaces
{
    public static string WorkspaceWriterJson(Workspace w) => JourneyOrg.Workspaces.WorkspaceWriter.ToJson(w);
}
