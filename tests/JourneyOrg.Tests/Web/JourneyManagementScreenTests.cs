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
