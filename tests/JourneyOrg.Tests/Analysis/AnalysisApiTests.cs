using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Analysis;

public sealed class AnalysisApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private HttpClient Client() => factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
    {
        s.AddSingleton<IWorkspaceStore>(new BankStore());
        s.AddSingleton<AlignmentBaselineCache>();
    })).CreateClient();

    [Fact]
    public async Task Get_analysis_serves_the_same_json_as_analyze()
    {
        var response = await Client().GetAsync("/api/analysis");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-analysis.expected.json"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_simulate_serves_the_same_json_as_simulate()
    {
        var response = await Client().PostAsync("/api/scenarios/simulate",
            new StringContent(GoldenData.Text("bank-scenario-3.json"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-scenario-3.expected.json"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_simulate_answers_422_for_an_invalid_scenario_and_400_for_a_body_that_is_not_json()
    {
        var client = Client();
        var invalid = await client.PostAsync("/api/scenarios/simulate",
            new StringContent(GoldenData.Text("bank-scenario-invalid.json"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var json = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
        Assert.False(json["valid"]!.GetValue<bool>());
        Assert.Equal(1, json["errors"]![0]!["index"]!.GetValue<int>());

        var garbage = await client.PostAsync("/api/scenarios/simulate", new StringContent("{oops", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    private sealed class BankStore : IWorkspaceStore
    {
        public string Description => "test:bank";
        public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
        public Task<WorkspaceSnapshot> LoadAsync(CancellationToken cancellationToken = default) => Task.FromResult(new WorkspaceSnapshot(GoldenData.Bank, 1));
        public Task<long> ReplaceAsync(Workspace workspace, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<long> ApplyAsync(WorkspaceChangeSet changes, long? expectedRevision, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<StoredScenario>> ListScenariosAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<StoredScenario?> GetScenarioAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<StoredScenario> SaveScenarioAsync(StoredScenario scenario, long? expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> DeleteScenarioAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
        public Task SetStateAsync(string key, string? value, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<KeyValuePair<string, string>>> ListStateAsync(string prefix, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
