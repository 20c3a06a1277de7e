using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Security;
using JourneyOrg.Tests.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Analysis;

public sealed class AnalysisApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly TemporaryStore _store = WithBank();

    private static TemporaryStore WithBank()
    {
        var store = new TemporaryStore();
        store.Store.ReplaceAsync(GoldenData.Bank).GetAwaiter().GetResult();
        return store;
    }

    /// <summary>Signed in (test scheme) with the antiforgery token every POST needs, as the pages' htmx sends it.</summary>
    private async Task<HttpClient> ClientAsync()
    {
        var client = factory.WithWebHostBuilder(b => b.WithTestSignIn().ConfigureTestServices(s =>
            s.AddSingleton<IStore>(_store.Store))).CreateClient();
        client.DefaultRequestHeaders.Add(JourneyOrg.Web.Features.Shared.Htmx.AntiforgeryHeader, await JourneyOrg.Tests.Web.WebAppFactory.AntiforgeryTokenAsync(client));
        return client;
    }

    [Fact]
    public async Task Get_analysis_serves_the_same_json_as_analyze()
    {
        var response = await (await ClientAsync()).GetAsync("/api/analysis");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-analysis.expected.json"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_analysis_with_org_adds_the_managers_of_analyze_org()
    {
        var response = await (await ClientAsync()).GetAsync("/api/analysis?org=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonNode.Parse(GoldenData.Text("bank-analysis.expected.json"))!.AsObject();
        expected["managers"] = JsonNode.Parse(GoldenData.Text("bank-org.expected.json"))!["managers"]!.DeepClone();
        GoldenData.AssertJsonEquivalent(expected.ToJsonString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_simulate_serves_the_same_json_as_simulate()
    {
        var response = await (await ClientAsync()).PostAsync("/api/scenarios/simulate",
            new StringContent(GoldenData.Text("bank-scenario-3.json"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-scenario-3.expected.json"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_simulate_answers_422_for_an_invalid_scenario_and_400_for_a_body_that_is_not_json()
    {
        var client = await ClientAsync();
        var invalid = await client.PostAsync("/api/scenarios/simulate",
            new StringContent(GoldenData.Text("bank-scenario-invalid.json"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var json = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
        Assert.False(json["valid"]!.GetValue<bool>());
        Assert.Equal(1, json["errors"]![0]!["index"]!.GetValue<int>());

        var garbage = await client.PostAsync("/api/scenarios/simulate", new StringContent("{oops", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    public void Dispose() => _store.Dispose();
}
