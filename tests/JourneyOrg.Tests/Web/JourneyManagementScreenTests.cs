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
        Assert.Contains("<a href=\"#opportunity-o-prefill\" data-opportunity=\"o-prefill\">", html);
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
