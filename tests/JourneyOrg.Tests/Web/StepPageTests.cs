using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Features.Security;

namespace JourneyOrg.Tests.Web;

/// <summary>The step page: what is known about one step, and linking or unlinking KPIs, insights and opportunities on it.</summary>
public sealed class StepPageTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    private const string FormStep = "/journeys/j-mortgage/steps/s-form";

    private static string Revision(string html) => Regex.Match(html, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string kind, string itemId, string? revision = null, bool htmx = true)
    {
        var page = await client.GetStringAsync(FormStep);
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, FormStep);
        var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, $"{FormStep}/{action}") : new HttpRequestMessage(HttpMethod.Post, $"{FormStep}/{action}");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = kind, ["ItemId"] = itemId, ["Revision"] = revision ?? Revision(page),
        });
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_step_page_shows_its_journey_owners_insight_opportunity_and_the_solution_addressing_it()
    {
        var html = await app.CreateClient().GetStringAsync(FormStep);
        Assert.Contains("<a href=\"/journeys/j-mortgage\">Get a mortgage</a>", html);
        Assert.Contains("<a href=\"/journeys/j-mortgage#phase-p-apply\">Apply</a>", html);
        Assert.Contains("<h1>Fill in application</h1>", html);
        Assert.Contains("href=\"/teams/t-apply\"", html);

        Assert.Contains("Forms are too long", html);
        Assert.Contains("<strong>give up</strong>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
        // The planner's edit form shows the Markdown as typed (encoded text); no link may point at it.
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Contains("href=\"https://example.com/study\"", html);
        Assert.Contains("href=\"https://example.com/research\"", html);

        Assert.Contains("<a href=\"/opportunities/o-prefill\">Prefill the application</a>", html);
        Assert.Contains("Value 70 · Effort 2 · open", html);
        Assert.Contains("Prefill epic", html);
        // The phase's own KPI is listed apart from the step's.
        Assert.Matches("On the whole phase Apply</h2>\\s*<div class=\"step-kpi\" data-phase-metric=\"m-dropoff\">", html);
    }

    [Fact]
    public async Task A_KPI_on_a_step_reads_against_its_target_with_its_latest_data_points()
    {
        await app.Store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertMetrics =
            [
                new Metric("m-assess-days", "s-assess", "Days to assess", " days", null, 5, "lower")
                {
                    DataPoints = [new(new DateOnly(2024, 1, 31), [], 9), new(new DateOnly(2024, 2, 29), [], 7)],
                },
            ],
        }, null);
        await app.ScreensCaughtUpAsync();
        var html = await app.CreateClient().GetStringAsync("/journeys/j-mortgage/steps/s-assess");
        Assert.Contains("Days to assess</a>:", html);
        Assert.Contains("target ≤ 5 days", html);
        Assert.Contains("off target", html);
        Assert.Contains("Latest data points of Days to assess", html);
        Assert.Matches("<td>2024-02-29</td>\\s*<td>overall</td>\\s*<td class=\"num\">7 days</td>", html);
    }

    [Theory]
    [InlineData("insight", "i-unlinked", "Brokers want status updates")]
    [InlineData("metric", "m-app-nps", "App NPS")]
    [InlineData("opportunity", "o-unlinked", "Broker portal")]
    public async Task A_planner_links_an_unlinked_record_to_the_step_and_unlinks_it_again(string kind, string id, string name)
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync(FormStep);
        Assert.Matches($"<select id=\"link-{kind}\" name=\"ItemId\" required>[\\s\\S]*?<option value=\"{id}\">", page);

        var linked = await PostAsync(client, "link", kind, id);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var html = await linked.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"step-journey-management\"", html.TrimStart());
        Assert.Contains($"{name} is now on this step.", html);
        Assert.Contains($"aria-label=\"Unlink {name} from this step\"", html);
        Assert.True(IsOnFormStep((await app.Store.LoadAsync()).Workspace, kind, id));
        var audit = (await app.Store.ListAuditAsync(new AuditQuery(Action: AuditActions.WorkspaceEdit, Text: id))).First();
        Assert.Contains($"[POST {FormStep}/link]", audit.Summary);

        var unlinked = await PostAsync(client, "unlink", kind, id);
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Contains($"{name} is no longer on this step.", await unlinked.Content.ReadAsStringAsync());
        var w = (await app.Store.LoadAsync()).Workspace;
        Assert.False(IsOnFormStep(w, kind, id));
        Assert.Contains($"data-unlinked=\"{id}\"", await client.GetStringAsync("/links"));
    }

    private static bool IsOnFormStep(Workspace w, string kind, string id) => kind switch
    {
        "insight" => w.Insights.Single(i => i.Id == id).StepIds.Contains("s-form"),
        "metric" => w.Metrics.Single(m => m.Id == id).TargetId == "s-form",
        _ => w.Opportunities.Single(o => o.Id == id).TargetIds.Contains("s-form"),
    };

    [Fact]
    public async Task Unlinking_an_insight_from_one_step_keeps_it_on_its_other_steps_and_a_plain_post_returns_to_the_step()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await app.Store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertInsights = [new Insight("i-two-steps", "Two steps", "", InsightTypes.Quote, null, null, null) { StepIds = ["s-form", "s-assess"] }],
        }, null);
        await app.ScreensCaughtUpAsync();
        var response = await PostAsync(client, "unlink", "insight", "i-two-steps", htmx: false);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FormStep, response.Headers.Location?.OriginalString);
        Assert.Equal(["s-assess"], (await app.Store.LoadAsync()).Workspace.Insights.Single(i => i.Id == "i-two-steps").StepIds);
    }

    [Fact]
    public async Task A_stale_revision_is_refused_with_a_message_and_nothing_changes()
    {
        var client = app.CreateClient();
        var stale = Revision(await client.GetStringAsync(FormStep));
        await app.Store.ApplyAsync(new WorkspaceChangeSet { UpsertSolutions = [new Solution("sol-other", "Other", "", null, null, null)] }, null);

        var response = await PostAsync(client, "link", "opportunity", "o-unlinked", stale);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Someone else changed the workspace while you were editing.", await response.Content.ReadAsStringAsync());
        Assert.Empty((await app.Store.LoadAsync()).Workspace.Opportunities.Single(o => o.Id == "o-unlinked").TargetIds);
    }

    [Fact]
    public async Task Unlinking_what_is_not_on_the_step_says_so()
    {
        var response = await PostAsync(app.CreateClient(), "unlink", "opportunity", "o-complete");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The opportunity Faster completion is not on Get a mortgage › Apply › Fill in application any more.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/journeys/j-mortgage/steps/s-nope")]
    [InlineData("/journeys/j-switch/steps/s-form")]
    [InlineData("/journeys/j-nope/steps/s-form")]
    public async Task An_unknown_step_or_a_step_of_another_journey_is_not_found(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Linking_a_record_that_does_not_exist_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(app.CreateClient(), "link", "metric", "m-nope")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_sees_the_step_without_forms_and_is_refused_a_link()
    {
        var viewer = app.CreateClient().As("vera", AppRoles.Viewer);
        var html = await viewer.GetStringAsync(FormStep);
        Assert.Contains("Forms are too long", html);
        Assert.DoesNotContain("<form", html[html.IndexOf("<main", StringComparison.Ordinal)..]);

        var request = new HttpRequestMessage(HttpMethod.Post, $"{FormStep}/unlink")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Kind"] = "insight", ["ItemId"] = "i-forms", ["Revision"] = Revision(await app.CreateClient().GetStringAsync(FormStep)) }),
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(request)).StatusCode);
        Assert.Contains("s-form", (await app.Store.LoadAsync()).Workspace.Insights.Single(i => i.Id == "i-forms").StepIds);
    }

    [Fact]
    public async Task The_journey_map_links_each_step_to_its_page_and_shows_a_viewer_no_edit_forms()
    {
        var viewer = app.CreateClient().As("vera", AppRoles.Viewer);
        var map = await viewer.GetStringAsync("/journeys/j-mortgage");
        Assert.Contains("<a href=\"/journeys/j-mortgage/steps/s-form\">Fill in application</a>", map);
        Assert.DoesNotContain("/owners", map);
        Assert.DoesNotContain("Edit phases and steps", map);

        var planner = await app.CreateClient().As("pat", AppRoles.Planner).GetStringAsync("/journeys/j-mortgage");
        Assert.Contains("action=\"/journeys/j-mortgage/owners\"", planner);
    }

    [Fact]
    public async Task Search_points_a_step_to_its_page()
    {
        var html = await app.CreateClient().GetStringAsync("/search?q=fill+in");
        Assert.Contains("<a href=\"/journeys/j-mortgage/steps/s-form\">Fill in application</a>", html);
    }

    [Fact]
    public async Task Search_finds_KPIs_opportunities_and_insights_and_opens_their_pages()
    {
        // Its own app: other tests here link and unlink the records searched for.
        using var fresh = new JourneyManagementApp();
        var client = fresh.CreateClient();
        Assert.Contains("<a href=\"/metrics/m-complete\">Days to complete</a>", await client.GetStringAsync("/search?q=days+to"));
        Assert.Contains("<a href=\"/opportunities/o-prefill\">Prefill the application</a>", await client.GetStringAsync("/search?q=prefill"));
        var insights = await client.GetStringAsync("/search?q=too+long");
        Assert.Contains("<a href=\"/journeys/j-mortgage/steps/s-form\">Forms are too long</a>", insights);
        Assert.Contains("<a href=\"/links/insight/i-unlinked\">Brokers want status updates</a>", await client.GetStringAsync("/search?q=brokers+want"));
    }

    private static async Task<HttpResponseMessage> RecordInsightAsync(HttpClient client, params (string, string)[] fields)
    {
        var page = await client.GetStringAsync(FormStep);
        var request = WebAppFactory.Htmx(HttpMethod.Post, $"{FormStep}/insights");
        request.Content = new FormUrlEncodedContent(fields.Append(("Revision", Revision(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));
        request.Headers.Add("RequestVerificationToken", await WebAppFactory.AntiforgeryTokenAsync(client, FormStep));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_planner_records_an_insight_on_the_step_and_its_Markdown_is_rendered_safely()
    {
        var response = await RecordInsightAsync(app.CreateClient(),
            ("Title", "Brokers <b>re-key</b> the form"), ("Type", "observation"), ("Description", "They copy it **by hand**. <img src=x onerror=alert(1)>"),
            ("SourceUrl", "https://example.com/interviews"), ("EmpathyScore", "3"), ("Weight", "0.5"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Brokers &lt;b&gt;re-key&lt;/b&gt; the form is recorded on this step.", html);
        Assert.Contains("<strong>by hand</strong>", html);
        Assert.DoesNotContain("<img", html);
        var insight = (await app.Store.LoadAsync()).Workspace.Insights.Single(i => i.Title == "Brokers <b>re-key</b> the form");
        Assert.Equal(["s-form"], insight.StepIds);
        Assert.Equal(("observation", 3.0, 0.5), (insight.Type, insight.EmpathyScore, insight.Weight));
    }

    [Fact]
    public async Task An_insight_with_bad_fields_is_refused_naming_each_and_nothing_is_stored()
    {
        var before = (await app.Store.LoadAsync()).Revision;
        var response = await RecordInsightAsync(app.CreateClient(), ("Title", ""), ("Type", "rumour"), ("SourceUrl", "javascript:alert(1)"), ("Weight", "-1"), ("EmpathyScore", "high"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Title: give the insight a title.", html);
        Assert.Contains("Type: choose one of pain-point, gain, quote, observation.", html);
        Assert.Contains("Source: &#x27;javascript:alert(1)&#x27; is not an http or https link.", html);
        Assert.Contains("Empathy score: &#x27;high&#x27; is not a number", html);
        Assert.Contains("Weight: weights are 0 or more.", html);
        Assert.Equal(before, (await app.Store.LoadAsync()).Revision);
        var viewer = app.CreateClient().As("vera", AppRoles.Viewer);
        Assert.DoesNotContain("Record a new insight", await viewer.GetStringAsync(FormStep));
    }

    [Fact]
    public async Task A_planner_edits_an_insight_keeping_its_steps_and_import_key_then_deletes_it()
    {
        using var fresh = new JourneyManagementApp();
        var imported = (await fresh.Store.LoadAsync()).Workspace.Insights.Single(i => i.Id == "i-forms") with { ImportKey = "theydo-ins-7" };
        await fresh.Store.ApplyAsync(new WorkspaceChangeSet { UpsertInsights = [imported] }, null);
        var client = fresh.CreateClient();

        async Task<HttpResponseMessage> Post(string action, params (string, string)[] fields)
        {
            var page = await client.GetStringAsync(FormStep);
            var request = WebAppFactory.Htmx(HttpMethod.Post, $"{FormStep}/insights/i-forms/{action}");
            request.Content = new FormUrlEncodedContent(fields.Append(("Revision", Revision(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));
            request.Headers.Add("RequestVerificationToken", await WebAppFactory.AntiforgeryTokenAsync(client, FormStep));
            return await client.SendAsync(request);
        }

        var edited = await Post("edit", ("Title", "Forms are far too long"), ("Type", "pain-point"), ("Description", "Page **three** loses half."), ("EmpathyScore", "5"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("Forms are far too long is saved.", await edited.Content.ReadAsStringAsync());
        var insight = (await fresh.Store.LoadAsync()).Workspace.Insights.Single(i => i.Id == "i-forms");
        Assert.Equal(("Forms are far too long", 5.0, "theydo-ins-7", (double?)null), (insight.Title, insight.EmpathyScore!.Value, insight.ImportKey, insight.Weight));
        Assert.Equal(["s-form"], insight.StepIds);

        var deleted = await Post("delete");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("Forms are far too long is deleted.", await deleted.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await fresh.Store.LoadAsync()).Workspace.Insights, i => i.Id == "i-forms");
    }
}
