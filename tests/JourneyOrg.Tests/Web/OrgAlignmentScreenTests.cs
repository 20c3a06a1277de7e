using System.Net;
using System.Text.RegularExpressions;

namespace JourneyOrg.Tests.Web;

/// <summary>The org chart aligned to journeys (SPEC §6) on screen: chart nodes, the manager's page, the journey map.</summary>
public sealed class OrgAlignmentScreenTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> PageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Org_chart_nodes_show_the_journeys_served_the_unmapped_FTE_and_the_handoffs_to_settle()
    {
        var top = await PageAsync("/org");
        // Ada's organisation: Applications (2.5 FTE) and Underwriting (1.5) on the mortgage; Identity (1 FTE over its three
        // units: the mortgage's and the switch's identity steps, and its own); Ada (Lending) and Gus (Reporting) own nothing.
        Assert.Contains("6 people", top);
        Assert.Contains("aria-label=\"Their organisation's FTE: Get a mortgage 62%, Switch mortgage 5%, Verify identity 5%, unmapped 29%\"", top);
        Assert.Contains(">Get a mortgage</a> 4.33", top);
        Assert.Contains(">Verify identity</a> 0.33", top);
        Assert.Contains("unmapped 2", top);
        Assert.Contains("href=\"/org/people/u-ada/alignment#handoffs\">1 handoff to settle", top);

        var reports = await _client.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, "/org/people/u-ada/reports"));
        var html = await reports.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/org/people/u-ben/alignment#handoffs\">1 handoff to settle", html);
        Assert.DoesNotContain("/org/people/u-fay/alignment#handoffs", html); // Fay has no reports: no organisation to show
    }

    [Fact]
    public async Task Headcounts_agree_on_the_org_chart_the_dashboard_and_the_workspace_summary()
    {
        // Seven people records, one disabled account: every screen counts the six active ones, or says what it counts.
        var chart = await PageAsync("/org");
        var dashboard = await PageAsync("/");
        Assert.Contains("6 people", chart);
        Assert.Contains("<span class=\"value\">6</span><span class=\"label\">people with active accounts</span>", chart);
        Assert.Matches(@"People \(active accounts\)</dt><dd class=""value""><a href=""/org"">6</a>", dashboard);
        Assert.Contains("<a href=\"/org\">6 people</a> (active accounts; 1 disabled not counted)", dashboard);
    }

    [Fact]
    public async Task On_the_demo_workspace_the_top_of_the_org_chart_and_the_dashboard_count_the_same_people()
    {
        // The demo once read 288 (everyone below the top), 284 (active accounts) and 289 (records) on three screens.
        using var demo = new WebAppFactory();
        var workspace = await JourneyOrg.Web.Infrastructure.DemoData.LoadAsync();
        await demo.Store.ReplaceAsync(workspace);
        await demo.ScreensCaughtUpAsync();
        var client = demo.CreateClient();
        var active = workspace.People.Count(p => p.AccountEnabled);
        var disabled = workspace.People.Count - active;
        Assert.True(disabled > 0, "the demo has disabled accounts, so the counts could differ");

        var chart = await client.GetStringAsync("/org");
        Assert.Single(workspace.People, p => p.ManagerId is null);
        Assert.Contains($"direct · {active} people", chart);
        var dashboard = await client.GetStringAsync("/");
        Assert.Contains($"<dd class=\"value\"><a href=\"/org\">{active}</a>", dashboard);
        Assert.Contains($"<a href=\"/org\">{active} people</a> (active accounts; {disabled} disabled not counted)", dashboard);
    }

    [Fact]
    public async Task A_managers_page_lists_journeys_and_phases_served_gaps_and_the_handoffs_they_settle()
    {
        var html = await PageAsync("/org/people/u-ada/alignment");
        Assert.Contains("What Ada Park's organisation serves", html);
        Assert.Contains("href=\"/journeys/j-mortgage\">Get a mortgage</a>", html);
        // The whole mortgage FTE sits under Ada: share 100%.
        Assert.Matches(@"Get a mortgage</a></th>\s*<td class=""num"">4.33</td>\s*<td class=""num"">100%</td>", html);
        Assert.Contains("Get a mortgage › Decide</a>", html);   // overlapping phase
        Assert.Contains("Get a mortgage › Complete</a>", html); // unowned phase
        // The handoff Applications → Identity platform: both leads (Ben, Fay) report to Ada.
        Assert.Contains("href=\"/journeys/j-mortgage#handoff-s-form\">Get a mortgage</a>", html);
        Assert.Contains("Fill in application", html);
        Assert.Contains("Verify identity", html);
        Assert.Contains("(<a href=\"/people/u-ben\">Ben Ortiz</a>)", html);
        Assert.Contains("(<a href=\"/people/u-fay\">Fay Chen</a>)", html);
        Assert.DoesNotContain("Assess affordability", html); // settled by Fay, not Ada
    }

    [Fact]
    public async Task A_lead_without_reports_still_sees_the_handoffs_they_settle_and_an_unknown_person_is_not_found()
    {
        var html = await PageAsync("/org/people/u-fay/alignment");
        Assert.Contains("no direct reports", html);
        Assert.Contains("1 handoff Fay Chen settles", html);
        Assert.Contains("Assess affordability", html);
        Assert.Contains("<span class=\"flag warn\">no lead</span>", html); // Underwriting has no lead
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/org/people/u-nobody/alignment")).StatusCode);
    }

    [Fact]
    public async Task Person_page_and_journey_map_link_to_the_escalation_managers_page()
    {
        var person = await PageAsync("/people/u-ada");
        Assert.Contains("href=\"/org/people/u-ada/alignment\"", person);

        var map = await PageAsync("/journeys/j-mortgage");
        var rows = Regex.Matches(map, @"<tr id=""handoff-([^""]+)"">.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("href=\"/org/people/u-ada/alignment\">Ada Park</a>", rows[0]);
        Assert.Contains("href=\"/org/people/u-fay/alignment\">Fay Chen</a>", rows[1]);
        Assert.Contains("href=\"/org/people/u-ben/alignment\">Ben Ortiz</a>", rows[2]);
    }
}

/// <summary>The scenario diff shows the per-manager figures that a reorg changes.</summary>
public sealed class ScenarioManagerChangeTests : IDisposable
{
    private readonly WebAppFactory _factory = new();
    private readonly HttpClient _client;

    public ScenarioManagerChangeTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Moving_a_lead_under_another_turns_a_handoff_their_manager_settled_into_one_the_new_manager_settles()
    {
        var token = await WebAppFactory.AntiforgeryTokenAsync(_client, "/scenarios");
        async Task<HttpResponseMessage> Post(string url, bool htmx, params (string, string)[] fields)
        {
            var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, url) : new HttpRequestMessage(HttpMethod.Post, url);
            request.Headers.Add(JourneyOrg.Web.Features.Shared.Htmx.AntiforgeryHeader, token);
            request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
            return await _client.SendAsync(request);
        }
        var created = await Post("/scenarios", false, ("name", "Identity under Ben"));
        var id = created.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[2];
        var page = await _client.GetStringAsync($"/scenarios/{id}");
        var version = Regex.Match(page, @"name=""version"" value=""([^""]+)""").Groups[1].Value;

        // Fay (Identity platform) moves under Ben (Applications): the Applications → Identity handoff is now Ben's, not Ada's.
        var response = await Post($"/scenarios/{id}/operations", true, ("op", "setManager"), ("personId", "u-fay"), ("managerId", "u-ben"), ("version", version));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var table = Regex.Match(html, @"<table data-diff=""managers"">.*?</table>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(table, @"<tr>\s*<td><a href=""/org/people/([^/]+)/alignment"">.*?</tr>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => Regex.Replace(m.Value, @"\s+", " "));
        Assert.Equal(["u-ada", "u-ben"], rows.Keys.Order());
        Assert.Contains("<td class=\"num\">1 → 0</td>", rows["u-ada"]);          // handoffs Ada settles
        Assert.Contains("<td class=\"num\">3 → 4</td>", rows["u-ben"]);          // people under Ben
        Assert.Contains("<td class=\"num\">1 → 2</td>", rows["u-ben"]);          // handoffs Ben settles
        Assert.Contains("Verify identity: 0 → 0.33", rows["u-ben"]);
    }
}
