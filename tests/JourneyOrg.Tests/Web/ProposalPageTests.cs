using System.Net;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Tests.Web;

/// <summary>"Propose a journey-aligned structure" on the Scenarios page.</summary>
public sealed class ProposalPageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Item1, f.Item2))),
        };
        request.Headers.Add(Htmx.AntiforgeryHeader, await WebAppFactory.AntiforgeryTokenAsync(client, "/teams"));
        return await client.SendAsync(request);
    }

    private HttpClient As(string user, params string[] roles) => app.CreateClient(new() { AllowAutoRedirect = false }).As(user, roles);

    [Fact]
    public async Task A_planner_drafts_a_proposal_that_opens_as_a_draft_scenario_with_a_reason_per_change()
    {
        var planner = As("pia", AppRoles.Planner, AppRoles.Viewer);
        Assert.Contains("Propose a journey-aligned structure", await planner.GetStringAsync("/scenarios"));

        var created = await PostAsync(planner, "/scenarios/propose", ("by", "journey"), ("minSize", "3"), ("maxSize", "12"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var stored = await app.Store.GetScenarioAsync(url.Split('/').Last());
        Assert.NotNull(stored);
        Assert.Equal((ScenarioStatus.Draft, "pia"), (stored!.Status, stored.Author));
        var parsed = ScenarioJson.Parse(stored.Document);
        Assert.True(parsed.Succeeded);
        Assert.StartsWith("Journey-aligned structure (by journey, 3–12 people)", parsed.Scenario!.Name);
        Assert.All(parsed.Scenario.Operations, op => Assert.False(string.IsNullOrWhiteSpace(op.Reason)));
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Bad_sizes_are_refused_with_the_reason_and_readers_cannot_propose()
    {
        var planner = As("pat", AppRoles.Planner, AppRoles.Viewer);
        var bad = await PostAsync(planner, "/scenarios/propose", ("by", "auto"), ("minSize", "8"), ("maxSize", "4"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("must not be below the minimum", await bad.Content.ReadAsStringAsync());

        var viewer = As("vic", AppRoles.Viewer);
        Assert.DoesNotContain("propose-heading", await viewer.GetStringAsync("/scenarios"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(viewer, "/scenarios/propose", ("by", "auto"))).StatusCode);
    }
}
