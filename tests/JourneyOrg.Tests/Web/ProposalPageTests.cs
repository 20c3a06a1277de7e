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

        // First the summary: what the proposal achieves, before it becomes a draft.
        var preview = await PostAsync(planner, "/scenarios/propose", ("by", "journey"), ("minSize", "3"), ("maxSize", "12"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var summary = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        var proposal = JourneyOrg.Proposals.StructureProposal.Propose((await app.Store.LoadAsync()).Workspace,
            new JourneyOrg.Proposals.ProposalOptions(JourneyOrg.Proposals.ProposalGrouping.Journey, 3, 12)).Summary;
        Assert.Contains($"data-summary=\"gaps\"><span class=\"value\">{proposal.GapsBefore} → {proposal.GapsAfter}</span>", summary);
        Assert.Contains($"data-summary=\"overlaps\"><span class=\"value\">{proposal.OverlapsBefore} → {proposal.OverlapsAfter}</span>", summary);
        Assert.Contains($"data-summary=\"moved\"><span class=\"value\">{proposal.PeopleMoved}</span>", summary);
        Assert.Contains("data-histogram=\"teams\"", summary);
        Assert.Contains("data-histogram=\"journeys\"", summary);
        Assert.Empty(await app.Store.ListScenariosAsync());

        var created = await PostAsync(planner, "/scenarios/propose", ("by", "journey"), ("minSize", "3"), ("maxSize", "12"), ("accept", "true"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var stored = await app.Store.GetScenarioAsync(url.Split('/').Last());
        Assert.NotNull(stored);
        Assert.Equal((ScenarioStatus.Draft, "pia"), (stored!.Status, stored.Author));
        var parsed = ScenarioJson.Parse(stored.Document);
        Assert.True(parsed.Succeeded);
        Assert.StartsWith("Journey-aligned structure (by journey, 3–12 people)", parsed.Scenario!.Name);
        Assert.All(parsed.Scenario.Operations, op => Assert.False(string.IsNullOrWhiteSpace(op.Reason)));
        var page = await planner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Each change shows its reason next to it.
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"Why: {parsed.Scenario.Operations[0].Reason}", html);
        Assert.Equal(parsed.Scenario.Operations.Count, System.Text.RegularExpressions.Regex.Matches(html, "data-reason").Count);
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
