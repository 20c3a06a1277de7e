using System.Net;

namespace JourneyOrg.Tests.Web;

/// <summary>Every read-only screen renders as a full page, and as its fragment for htmx, with the content a reader looks for.</summary>
public sealed class ScreenTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> PageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<!DOCTYPE html>", html);
        Assert.Contains("HX-Request", response.Headers.Vary);
        return html;
    }

    private async Task<string> FragmentAsync(string url)
    {
        var response = await _client.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<!DOCTYPE html>", html);
        return html;
    }

    [Fact]
    public async Task Dashboard_shows_the_workspace_and_links_to_every_screen()
    {
        var html = await PageAsync("/");
        Assert.Contains("How well is the organisation aligned", html);
        Assert.Contains("href=\"/journeys\"", html);
        Assert.Contains("4 journeys", html);
        Assert.Contains("5 teams", html);
        Assert.Contains("hx-headers=", html);
        Assert.Contains("/lib/htmx/htmx.min.js", html);
    }

    [Fact]
    public async Task Journey_framework_shows_the_hierarchy_and_reusable_subjourneys()
    {
        var html = await PageAsync("/journeys");
        Assert.Contains("Own a home", html);
        Assert.Contains("href=\"/journeys/j-mortgage\"", html);
        Assert.Contains("Reusable sub-journeys", html);
        Assert.Contains("2 journeys", html); // Verify identity is used by the mortgage and the switch journeys
    }

    [Fact]
    public async Task Journey_map_shows_phases_steps_owners_and_inheritance()
    {
        var html = await PageAsync("/journeys/j-mortgage");
        Assert.Contains("Apply", html);
        Assert.Contains("Fill in application", html);
        Assert.Contains("Applications", html);
        Assert.Contains("inherited from sub-journey Verify identity", html);
        Assert.Contains("inherited from the phase", html);
        Assert.Contains("overlap: 2 teams", html);
        Assert.Contains("no accountable team", html);
        Assert.Contains("Drop-off", html);
        Assert.Contains("off target", html);
        Assert.Contains("Contributing", html);
    }

    [Fact]
    public async Task Journey_map_fragment_is_the_map_alone()
    {
        var html = await FragmentAsync("/journeys/j-mortgage");
        Assert.StartsWith("<div id=\"journey-map\"", html.TrimStart());
    }

    [Fact]
    public async Task Unknown_journey_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/journeys/nope")).StatusCode);
    }

    [Fact]
    public async Task Teams_list_shows_hierarchy_flags_and_filters()
    {
        var html = await PageAsync("/teams?sort=hierarchy");
        Assert.Contains("Applications", html);
        Assert.Contains("no lead", html);
        Assert.Contains("size outside 5–9", html);
        var filtered = await FragmentAsync("/teams?q=under");
        Assert.Contains("Underwriting", filtered);
        Assert.DoesNotContain("Identity platform", filtered);
        Assert.Contains("id=\"teams-table\"", filtered);
    }

    [Fact]
    public async Task Team_page_shows_members_and_what_it_answers_for()
    {
        var html = await PageAsync("/teams/t-apply");
        Assert.Contains("Ben Ortiz", html);
        Assert.Contains("50%", html); // Dev's allocation
        Assert.Contains("Fill in application", html);
        // Set directly: its contributing assignment is listed as such.
        Assert.Contains("<tr data-edge=\"p-decide\">", html);
        Assert.Contains("<td>contributing</td>", html);
        Assert.Contains("href=\"/teams/t-lending\"", html);
    }

    [Fact]
    public async Task Person_page_shows_teams_manager_reports_and_journeys()
    {
        var html = await PageAsync("/people/u-ben");
        Assert.Contains("Applications", html);
        Assert.Contains("Ada Park", html);
        Assert.Contains("Cara Lund", html);
        Assert.Contains("Get a mortgage", html);
        Assert.Contains("Product lead", html);
    }

    [Fact]
    public async Task Org_chart_starts_at_the_top_and_expands_lazily()
    {
        var html = await PageAsync("/org");
        Assert.Contains("Ada Park", html);
        Assert.Contains("6 people", html);
        Assert.DoesNotContain("Cara Lund", html);
        var reports = await FragmentAsync("/org/people/u-ada/reports");
        Assert.Contains("Ben Ortiz", reports);
        Assert.Contains("id=\"reports-u-ben\"", reports);
        Assert.Matches("id=\"toggle-u-ada\"[^>]*hx-swap-oob=\"true\"[^>]*>Hide reports", reports);
        var deeper = await FragmentAsync("/org/people/u-ben/reports");
        Assert.Contains("Cara Lund", deeper);
        var collapsed = await FragmentAsync("/org/people/u-ben/collapse");
        Assert.Contains("Show reports", collapsed);
        Assert.DoesNotContain("Cara Lund", collapsed);
    }

    [Fact]
    public async Task Org_chart_without_javascript_focuses_on_a_person()
    {
        var html = await PageAsync("/org?root=u-ben");
        Assert.Contains("Cara Lund", html);
        var redirect = await _client.GetAsync("/org/people/u-ben/reports");
        Assert.Equal(HttpStatusCode.OK, redirect.StatusCode); // followed the redirect to the full page
    }

    [Fact]
    public async Task Team_hierarchy_expands_units()
    {
        var html = await PageAsync("/org/teams");
        Assert.Contains("Lending", html);
        Assert.Contains("5 people", html); // Ada, Ben, Cara, Dev, Eli in Lending and below
        var children = await FragmentAsync("/org/teams/t-lending/children");
        Assert.Contains("Underwriting", children);
    }

    [Fact]
    public async Task Matrix_groups_teams_under_units_and_marks_each_cell_in_words()
    {
        var html = await PageAsync("/matrix?journey=j-mortgage");
        Assert.Contains("Lending", html);
        Assert.Contains("id=\"cell-t-underwriting--p-decide\"", html);
        Assert.Contains("accountable (overlap)", html);
        Assert.Contains("inherited", html);
        Assert.Contains("contributing", html);
        var fragment = await FragmentAsync("/matrix?unit=t-lending");
        Assert.StartsWith("<div id=\"matrix-table\"", fragment.TrimStart());
        Assert.DoesNotContain("href=\"/teams/t-identity\"", fragment);
    }

    [Fact]
    public async Task Matrix_downloads_as_csv()
    {
        var response = await _client.GetAsync("/matrix.csv?journey=j-mortgage");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"unit\",\"team\",\"Get a mortgage / Apply\",\"Get a mortgage / Decide\",\"Get a mortgage / Complete\"", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("\"Lending\",\"Underwriting\",\"\",\"accountable (overlap)\""));
    }

    [Fact]
    public async Task Search_finds_people_teams_and_steps_as_you_type()
    {
        var html = await PageAsync("/search?q=identity");
        Assert.Contains("Identity platform", html);
        Assert.Contains("Verify identity", html);
        var fragment = await FragmentAsync("/search?q=ada");
        Assert.StartsWith("<div id=\"search-results\"", fragment.TrimStart());
        Assert.Contains("Ada Park", fragment);
    }

    [Fact]
    public async Task Dashboard_figures_come_from_the_analysis_and_link_to_their_explanation()
    {
        var html = await PageAsync("/");
        // Units: s-form, s-verify, s-assess, s-offer, p-complete, s-switch-verify, s-id-doc; unowned: p-complete only.
        Assert.Matches("data-figure=\"coverage\">\\s*<span class=\"value\">86%</span>", html);
        Assert.Matches("href=\"/journeys/gaps\\?status=unowned\" data-figure=\"unowned-phases\">\\s*<span class=\"value\">1</span>", html);
        Assert.Matches("data-figure=\"overlapping-phases\">\\s*<span class=\"value\">1</span>", html);
        Assert.Contains("Reporting", html); // unaligned: people, but no part in any journey
        Assert.Contains("Data quality", html);
    }

    [Fact]
    public async Task Gaps_list_the_phases_behind_a_dashboard_figure()
    {
        var html = await PageAsync("/journeys/gaps?status=unowned");
        Assert.Contains("href=\"/journeys/j-mortgage#phase-p-complete\"", html);
        Assert.DoesNotContain("#phase-p-apply", html);
    }

    [Fact]
    public async Task Journey_map_names_each_phases_lowest_common_manager()
    {
        var html = await PageAsync("/journeys/j-mortgage");
        Assert.Contains("Lowest common manager", html);
        Assert.Contains("data-phase-status=\"overlapping\"", html);
        Assert.Contains("data-phase-status=\"unowned\"", html);
        Assert.Contains("no lead", html); // Underwriting has no lead
    }
}
