using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using JourneyOrg.JourneyManagement;
using JourneyOrg.JourneyManagement.Import;
using JourneyOrg.Tests.JourneyManagement;

namespace JourneyOrg.Tests.Web;

/// <summary>Linking imported KPIs, insights and opportunities to steps and phases, and keeping the link across re-imports.</summary>
public sealed class LinkingTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<HttpResponseMessage> LinkAsync(string kind, string id, string targetId)
    {
        var chooser = $"/links/{kind}/{id}?journey=j-mortgage";
        var page = await _client.GetStringAsync(chooser);
        var token = await WebAppFactory.AntiforgeryTokenAsync(_client, chooser);
        var revision = Regex.Match(page, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var request = WebAppFactory.Htmx(HttpMethod.Post, $"/links/{kind}/{id}");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["TargetId"] = targetId, ["Revision"] = revision });
        request.Headers.Add("RequestVerificationToken", token);
        return await _client.SendAsync(request);
    }

    private async Task<JourneyImportResult> ImportAsync(string json)
    {
        var result = await new JourneyFileImporter(app.Store).ImportTheyDoAsync(Encoding.UTF8.GetBytes(json));
        await app.ScreensCaughtUpAsync();
        return result;
    }

    [Fact]
    public async Task A_metric_linked_to_a_step_stays_linked_when_the_TheyDo_file_is_imported_again()
    {
        Assert.True((await ImportAsync(TheyDoSamples.Metrics)).Succeeded);
        var id = (await app.Store.LoadAsync()).Workspace.Metrics.Single(m => m.ImportKey == "nps-app").Id;
        Assert.Contains($"data-unlinked=\"{id}\"", await _client.GetStringAsync("/links"));
        Assert.Contains($"href=\"/links/metric/{id}\"", await _client.GetStringAsync("/links"));

        var response = await LinkAsync("metric", id, "s-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"link-choice\"", html.TrimStart());
        Assert.Contains("App NPS is now on Get a mortgage › Apply › Fill in application.", html);
        Assert.Contains("href=\"/journeys/j-mortgage/steps/s-form\"", html);
        Assert.DoesNotContain($"data-unlinked=\"{id}\"", await _client.GetStringAsync("/links"));

        var again = await ImportAsync(TheyDoSamples.Metrics);
        Assert.True(again.Succeeded);
        Assert.Equal("s-form", (await app.Store.LoadAsync()).Workspace.Metrics.Single(m => m.Id == id).TargetId);
        var map = await _client.GetStringAsync("/journeys/j-mortgage");
        Assert.Contains("App NPS</a>:", map);
        Assert.Contains("target ≥ 30", map);
    }

    [Fact]
    public async Task Insights_and_opportunities_are_linked_and_keep_the_link_on_re_import()
    {
        Assert.True((await ImportAsync(TheyDoSamples.Insights)).Succeeded);
        Assert.True((await ImportAsync(TheyDoSamples.Opportunities)).Succeeded);
        var w = (await app.Store.LoadAsync()).Workspace;
        var insight = w.Insights.Single(i => i.ImportKey == "ins-1").Id;
        var opportunity = w.Opportunities.Single(o => o.ImportKey == "opp-1").Id;

        Assert.Equal(HttpStatusCode.OK, (await LinkAsync("insight", insight, "s-assess")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync("opportunity", opportunity, "p-decide")).StatusCode);
        Assert.True((await ImportAsync(TheyDoSamples.Insights)).Succeeded);
        Assert.True((await ImportAsync(TheyDoSamples.Opportunities)).Succeeded);

        w = (await app.Store.LoadAsync()).Workspace;
        Assert.Equal(["s-assess"], w.Insights.Single(i => i.Id == insight).StepIds);
        Assert.Equal(["p-decide"], w.Opportunities.Single(o => o.Id == opportunity).TargetIds);
        var map = await _client.GetStringAsync("/journeys/j-mortgage");
        Assert.Contains("Form is too long", map);
        Assert.Contains("Prefill from bank data", map);
    }

    [Fact]
    public async Task An_insight_is_only_linked_to_a_step_and_a_refusal_says_why()
    {
        var own = TheyDoSamples.With(TheyDoSamples.Insights, d => d["insights"]![0]!["importKey"] = "ins-refused");
        Assert.True((await ImportAsync(own)).Succeeded);
        var insight = (await app.Store.LoadAsync()).Workspace.Insights.Single(i => i.ImportKey == "ins-refused");
        var response = await LinkAsync("insight", insight.Id, "p-decide");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose a step for the insight Form is too long.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Linking_something_that_does_not_exist_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/links/metric/m-nope")).StatusCode);
        var token = await WebAppFactory.AntiforgeryTokenAsync(_client, "/links");
        var request = WebAppFactory.Htmx(HttpMethod.Post, "/links/metric/m-nope");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["TargetId"] = "s-form", ["Revision"] = "1" });
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Choosing_a_journey_offers_its_steps_and_phases_and_only_steps_for_an_insight()
    {
        var own = TheyDoSamples.With(TheyDoSamples.Insights, d => d["insights"]![0]!["importKey"] = "ins-choice");
        Assert.True((await ImportAsync(own)).Succeeded);
        var insight = (await app.Store.LoadAsync()).Workspace.Insights.Single(i => i.ImportKey == "ins-choice").Id;

        var first = await _client.GetStringAsync($"/links/insight/{insight}");
        Assert.Contains("<option value=\"j-mortgage\">Get a mortgage</option>", first);
        Assert.DoesNotContain("name=\"TargetId\"", first);

        var request = WebAppFactory.Htmx(HttpMethod.Get, $"/links/insight/{insight}?journey=j-mortgage");
        var html = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"link-choice\"", html.TrimStart());
        Assert.Contains("<option value=\"s-assess\">Decide › Assess affordability</option>", html);
        Assert.DoesNotContain("(whole phase)", html);
        Assert.DoesNotContain("s-switch-verify", html);
    }

    [Fact]
    public async Task The_inbox_lists_every_unlinked_item_a_hundred_per_page()
    {
        var many = Enumerable.Range(1, 130).Select(n => new JourneyOrg.Domain.Opportunity($"o-bulk-{n:000}", $"Bulk {n:000}", "", null, null, null, null, null)).ToList();
        await app.Store.ApplyAsync(new JourneyOrg.Storage.WorkspaceChangeSet { UpsertOpportunities = many }, null);
        var first = await _client.GetStringAsync("/links");
        Assert.Contains("data-unlinked=\"o-bulk-100\"", first);
        Assert.DoesNotContain("data-unlinked=\"o-bulk-101\"", first);
        Assert.Contains("href=\"/links?page=2\"", first);
        var second = await _client.GetStringAsync("/links?page=2");
        Assert.Contains("data-unlinked=\"o-bulk-130\"", second);
    }
}

public sealed class LinkingForViewersTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    [Fact]
    public async Task A_viewer_sees_what_is_unlinked_but_is_offered_no_link_form()
    {
        var viewer = JourneyOrg.Tests.Security.TestSignIn.As(app.CreateClient(), "vera", JourneyOrg.Web.Features.Security.AppRoles.Viewer);
        var html = await viewer.GetStringAsync("/links");
        Assert.Contains("App NPS", html);
        Assert.DoesNotContain("href=\"/links/metric/", html);
    }
}
