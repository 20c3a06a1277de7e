using System.Net;

namespace JourneyOrg.Tests.Web;

/// <summary>The journey-management screens: KPIs on the dashboard, prioritisation, insights and opportunities on the map.</summary>
public sealed class JourneyManagementScreenTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<string> PageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Dashboard_sums_up_the_KPIs_against_their_targets_in_words()
    {
        var html = await PageAsync("/");
        var kpis = Section(html, "data-section=\"kpis\"");
        Assert.Contains("Days to complete", kpis);
        Assert.Contains("off target", kpis);
        Assert.Contains("on target", kpis);
        Assert.Contains("class=\"sparkline\"", kpis);
        Assert.Contains("href=\"/journeys/j-mortgage\"", kpis);
        Assert.True(kpis.IndexOf("Days to complete") < kpis.IndexOf("Satisfaction"), "off-target KPIs come first");
        Assert.Contains("1 imported KPI is not linked", kpis);
    }

    [Fact]
    public async Task Dashboard_names_the_opportunities_to_act_on_first_and_flags_those_nobody_answers_for()
    {
        var top = Section(await PageAsync("/"), "data-section=\"top-opportunities\"");
        // Ranked by Value: Prefill 70, Broker portal 60, Faster completion 30 (on a phase nobody is accountable for).
        Assert.Matches(new System.Text.RegularExpressions.Regex("Prefill the application.*?Broker portal.*?Faster completion", System.Text.RegularExpressions.RegexOptions.Singleline), top);
        Assert.Contains("<a href=\"/opportunities/o-prefill\">Prefill the application</a>", top);
        Assert.Contains("part of it has no accountable team", top);
        Assert.Contains("All 3 opportunities</a>; 1 touch a step nobody is accountable for", top);
    }

    [Fact]
    public async Task Dashboard_lists_the_KPIs_nobody_is_accountable_for_with_links()
    {
        var html = await PageAsync("/");
        var nobody = Section(html, "data-section=\"unaccountable-kpis\"");
        Assert.Contains("Days to complete", nobody);
        Assert.Contains("<a href=\"/journeys/j-mortgage\">Get a mortgage › Complete</a>", nobody);
        Assert.DoesNotContain("Satisfaction", nobody);
        Assert.DoesNotContain("App NPS", nobody); // not linked: listed apart
    }

    /// <summary>The markup from the element carrying <paramref name="marker"/> to the end of its section.</summary>
    internal static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{marker} is on the page");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}

public sealed class PrioritisationScreenTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Matrix_plots_each_scored_opportunity_as_a_labelled_linked_dot_with_a_title()
    {
        var html = await _client.GetStringAsync("/opportunities");
        Assert.Contains("<svg class=\"scatter\"", html);
        // Value of Prefill = (80 + 60) / 2 = 70, the highest: rank 1.
        Assert.Contains("<title>#1 Prefill the application: Value 70, Effort 2</title>", html);
        Assert.Contains("<a href=\"/opportunities/o-prefill\" data-opportunity=\"o-prefill\">", html);
        Assert.Contains("1. Prefill the application</text>", html);
        Assert.Contains("<tr id=\"opportunity-o-prefill\"", html);
    }

    [Fact]
    public async Task Ranked_list_orders_by_value_and_flags_opportunities_nobody_is_accountable_for_in_words()
    {
        var html = await _client.GetStringAsync("/opportunities");
        var prefill = html.IndexOf("<tr id=\"opportunity-o-prefill\"");
        var broker = html.IndexOf("<tr id=\"opportunity-o-unlinked\""); // (30 + 90) / 2 = 60
        var complete = html.IndexOf("<tr id=\"opportunity-o-complete\""); // (40 + 20) / 2 = 30
        Assert.True(prefill < broker && broker < complete);
        var row = html[complete..html.IndexOf("</tr>", complete)];
        Assert.Contains("flagged: part of it has no accountable team", row);
        Assert.Contains("#3 Faster completion: Value 30, Effort 4, no accountable team for part of it</title>", html);
        Assert.DoesNotContain("flagged", html[prefill..html.IndexOf("</tr>", prefill)]);
    }

    [Theory]
    [InlineData("?journey=j-mortgage", new[] { "o-prefill", "o-complete" }, new[] { "o-unlinked" })]
    [InlineData("?team=t-underwriting", new[] { "o-unlinked" }, new[] { "o-prefill", "o-complete" })]
    [InlineData("?status=in+progress", new[] { "o-complete" }, new[] { "o-prefill", "o-unlinked" })]
    public async Task Ranked_list_filters_by_journey_team_and_status(string query, string[] shown, string[] hidden)
    {
        var response = await _client.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, "/opportunities" + query));
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"prioritisation\"", html.TrimStart());
        Assert.All(shown, id => Assert.Contains($"<tr id=\"opportunity-{id}\"", html));
        Assert.All(hidden, id => Assert.DoesNotContain($"<tr id=\"opportunity-{id}\"", html));
    }
}

public sealed class JourneyMapLaneTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Insights_lane_shows_title_type_empathy_weight_and_the_description_as_Markdown()
    {
        var html = await _client.GetStringAsync("/journeys/j-mortgage");
        var lane = html[html.IndexOf("data-lane=\"insights\"")..html.IndexOf("data-lane=\"opportunities\"")];
        Assert.Contains("Forms are too long", lane);
        Assert.Contains("pain point on Fill in application · empathy 4 · weight 0.8", lane);
        Assert.Contains("<strong>give up</strong>", lane);
        Assert.Contains("<a href=\"https://example.com/study\">the study</a>", lane);
        Assert.Contains("href=\"https://example.com/research\"", lane);
    }

    [Fact]
    public async Task Insight_descriptions_carry_no_script_and_no_javascript_links()
    {
        var html = await _client.GetStringAsync("/journeys/j-mortgage");
        var lane = html[html.IndexOf("data-lane=\"insights\"")..html.IndexOf("data-lane=\"opportunities\"")];
        Assert.DoesNotContain("<script", lane, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", lane); // shown as text
        Assert.DoesNotContain("javascript:", lane, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("see research", lane); // the link's text stays
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("[x](JAVASCRIPT:alert(1))", "JAVASCRIPT:")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz4=)", "data:")]
    [InlineData("[x][r]\n\n[r]: vbscript:msgbox(1)", "vbscript:")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a href")]
    public void Safe_Markdown_drops_what_could_run_script(string markdown, string absent)
    {
        var html = JourneyOrg.Web.Features.Shared.SafeMarkdown.ToHtml(markdown).ToString()!;
        Assert.DoesNotContain(absent, html);
    }

    [Fact]
    public void Safe_Markdown_keeps_web_and_mail_links()
    {
        var html = JourneyOrg.Web.Features.Shared.SafeMarkdown.ToHtml("[a](https://example.com) [b](mailto:x@example.com) [c](/relative)").ToString()!;
        Assert.Contains("<a href=\"https://example.com\">a</a>", html);
        Assert.Contains("<a href=\"mailto:x@example.com\">b</a>", html);
        Assert.DoesNotContain("/relative", html);
    }

    [Fact]
    public async Task Opportunities_lane_shows_each_opportunity_on_its_step_or_phase()
    {
        var html = await _client.GetStringAsync("/journeys/j-mortgage");
        var lane = html[html.IndexOf("data-lane=\"opportunities\"")..];
        Assert.Contains("<a href=\"/opportunities/o-prefill\">Prefill the application</a>", lane);
        Assert.Contains("on Fill in application · Value 70 · Effort 2 · open", lane);
        Assert.Contains("on the whole phase · Value 30 · Effort 4 · in progress", lane);
        Assert.DoesNotContain("Broker portal", lane);
    }
}

public sealed class TeamJourneyManagementTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Team_page_lists_its_opportunities_and_solutions()
    {
        var html = await _client.GetStringAsync("/teams/t-apply");
        var opportunities = JourneyManagementScreenTests.Section(html, "data-section=\"team-opportunities\"");
        Assert.Contains("Prefill the application", opportunities);
        Assert.Contains("owned by this team; on steps it is accountable for", opportunities);
        Assert.DoesNotContain("Broker portal", opportunities);
        var solutions = JourneyManagementScreenTests.Section(html, "data-section=\"team-solutions\"");
        Assert.Contains("Prefill epic", solutions);
        Assert.Contains("EPIC · in progress · priority high", solutions);
        Assert.Contains("Addresses", solutions);
        Assert.Contains("<a href=\"/opportunities/o-prefill\">Prefill the application</a>", solutions);
    }

    [Fact]
    public async Task A_team_without_any_says_so()
    {
        var html = await _client.GetStringAsync("/teams/t-reporting");
        Assert.Contains("No opportunity is owned by this team", html);
        Assert.Contains("This team owns no solution.", html);
    }
}
