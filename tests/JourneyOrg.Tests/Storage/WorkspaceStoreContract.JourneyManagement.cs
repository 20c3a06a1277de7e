using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.JourneyManagement;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Storage;

// Journey management (metrics with series, insights, opportunities, solutions, weights) in every store.
public abstract partial class WorkspaceStoreContract
{
    private static Workspace JourneyWorkspace() => WorkspaceReader.Read(JourneyWorkspaceFormatTests.Full).Workspace!;

    [StoreFact]
    public async Task Journey_management_records_load_back_as_they_were_written()
    {
        var store = await CreateStoreAsync();
        var workspace = JourneyWorkspace();

        await store.ReplaceAsync(workspace);

        Assert.Equal(WorkspaceWriter.ToJson(workspace), WorkspaceWriter.ToJson((await store.LoadAsync()).Workspace));
    }

    [StoreFact]
    public async Task Journey_management_records_upsert_and_delete_and_lose_links_to_what_is_deleted()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(JourneyWorkspace());
        var workspace = JourneyWorkspace();

        await store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertInsights = [workspace.Insights[0] with { Title = "Form far too long", StepIds = ["s-claim-id", "s-claim-form"] }],
            UpsertOpportunities = [new Opportunity("o-2", "Chat", "", null, "t-claims", 10, 20, 1) { TargetIds = ["p-claim-report"] }],
            DeleteSolutions = ["sol-1"],
            UpsertMetrics = [workspace.Metrics[1] with { TargetId = "s-claim-id", DataPoints = [new MetricDataPoint(new DateOnly(2024, 3, 31), [], 7)] }],
            DeletePeople = ["u-2"],
            DeleteTeams = ["t-motor"],
            Weights = new PrioritisationWeights(1, 3),
        }, revision);

        var loaded = (await store.LoadAsync()).Workspace;
        var insight = Assert.Single(loaded.Insights);
        Assert.Equal(("Form far too long", null as string), (insight.Title, insight.OwnerId));
        Assert.Equal(["s-claim-id", "s-claim-form"], insight.StepIds);
        Assert.Equal(["o-1", "o-2"], loaded.Opportunities.Select(o => o.Id));
        Assert.Null(loaded.Opportunities[0].TeamId);
        Assert.Equal(["s-claim-form", "p-claim-settle"], loaded.Opportunities[0].TargetIds);
        Assert.Empty(loaded.Solutions);
        var linked = loaded.Metrics.Single(m => m.Id == "m-2");
        Assert.Equal(("s-claim-id", 7.0), (linked.TargetId, linked.DataPoints.Single().Value));
        Assert.Equal(new PrioritisationWeights(1, 3), loaded.Weights);
    }
}
