using System.Net;

namespace JourneyOrg.Tests.Web;

/// <summary>The list of every insight: where each sits, who answers for it, and the filters a researcher uses.</summary>
public sealed class InsightListTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<string> ListAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Lists_every_insight_with_its_steps_its_accountable_team_and_a_way_onto_another_step()
    {
        var html = await ListAsync("/insights");
        Assert.Contains("2 insights", html);
        var forms = Row(html, "i-forms");
        Assert.Contains("href=\"/journeys/j-mortgage/steps/s-form\">Get a mortgage › Apply › Fill in application</a>", forms);
        Assert.Contains("href=\"/teams/t-apply\"", forms);
        Assert.Contains("href=\"/links/insight/i-forms\">Put on another step…</a>", forms);
        Assert.Contains("on no step", Row(html, "i-unlinked"));
        Assert.Contains("href=\"/insights\"", html); // in the navigation
    }

    [Fact]
    public async Task Filters_by_journey_step_type_source_and_team()
    {
        Assert.Contains("1 insight<", await ListAsync("/insights?journey=j-mortgage"));
        Assert.Contains("1 insight<", await ListAsync("/insights?journey=j-mortgage&step=s-form"));
        Assert.Contains("0 insights", await ListAsync("/insights?journey=j-mortgage&step=s-offer"));
        var observations = await ListAsync("/insights?type=observation");
        Assert.Contains("Brokers want status updates", observations);
        Assert.DoesNotContain("Forms are too long", observations);
        Assert.Contains("2 insights", await ListAsync("/insights?source=recorded"));
        Assert.Contains("0 insights", await ListAsync("/insights?source=imported"));
        Assert.Contains("Forms are too long", await ListAsync("/insights?team=Applications"));
        Assert.Contains("0 insights", await ListAsync("/insights?team=t-underwriting"));
        Assert.Contains("no team is called or has the id", await ListAsync("/insights?team=Nobody"));
    }

    [Fact]
    public async Task The_filtered_list_is_one_fragment_for_htmx()
    {
        var response = await _client.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, "/insights?journey=j-mortgage"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"insight-list\"", html.TrimStart());
    }

    private static string Row(string html, string insightId)
    {
        var start = html.IndexOf($"data-insight=\"{insightId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, insightId + " is listed");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
