using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Features.Security;

namespace JourneyOrg.Tests.Web;

/// <summary>The screens as a scenario would make the organisation: journey map, team hierarchy, matrix and team page.</summary>
public sealed class ScenarioViewTests : IDisposable
{
    private readonly WebAppFactory _factory = new();
    private readonly HttpClient _client;

    public ScenarioViewTests() => _client = _factory.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>Merge underwriting into applications, split identity, open two engineer positions.</summary>
    private async Task<string> ScenarioAsync()
    {
        var document = """
            { "name": "Lending reshaped", "operations": [
              { "op": "mergeTeams", "sourceTeamId": "t-underwriting", "targetTeamId": "t-apply" },
              { "op": "createTeam", "teamId": "t-doc", "name": "Document checks", "parentId": "t-lending" },
              { "op": "movePerson", "personId": "u-fay", "toTeamId": "t-doc" },
              { "op": "assignOwnership", "teamId": "t-doc", "targetId": "p-complete", "kind": "accountable" },
              { "op": "addOpening", "teamId": "t-doc", "roleId": "r-eng", "count": 2 } ] }
            """;
        var now = DateTimeOffset.UtcNow;
        await _factory.Store.SaveScenarioAsync(new StoredScenario("sc-view", "Lending reshaped", ScenarioStatus.Draft, document, null, now, now, 0), null);
        return "sc-view";
    }

    [Fact]
    public async Task The_journey_map_as_it_would_be_marks_changed_owners_with_todays_and_closed_gaps()
    {
        var id = await ScenarioAsync();
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync($"/scenarios/{id}/journeys/j-mortgage"));
        Assert.Contains("As it would be:", html);
        Assert.Contains("href=\"/journeys/j-mortgage\">Today</a>", html);
        var offer = Regex.Match(html, "<div class=\"step-card changed\" data-unit=\"s-offer\".*?</div>\\s*</div>", RegexOptions.Singleline).Value;
        Assert.Contains("overlap closed", offer);
        Assert.Contains("Today: Applications + Underwriting", offer);
        var complete = Regex.Match(html, "data-unit=\"p-complete\".*?step-name", RegexOptions.Singleline).Value;
        Assert.Contains("gap closed", complete);
        Assert.DoesNotContain("owners/remove", html);
        Assert.Contains("→", Regex.Match(html, "<p class=\"journey-summary\">.*?</p>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task The_team_hierarchy_matrix_and_team_page_as_they_would_be()
    {
        var id = await ScenarioAsync();
        var tops = await _client.GetStringAsync($"/scenarios/{id}/org");
        Assert.Contains("Lending", tops);
        var request = WebAppFactory.Htmx(HttpMethod.Get, $"/scenarios/{id}/org/teams/t-lending/children");
        var children = WebUtility.HtmlDecode(await (await _client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Underwriting", children);
        Assert.Contains("Document checks", children);
        Assert.Contains("new team", children);
        Assert.Matches(new Regex(@"data-opening><span class=""flag"">vacant</span> 2 × Engineer \(2 FTE\)"), children);
        Assert.Contains("+2 FTE planned", children);
        Assert.Contains("joins</span> Eli Stone", children);

        var matrix = await _client.GetStringAsync($"/scenarios/{id}/matrix");
        Assert.Contains("data-changed=\"true\"", matrix);
        Assert.DoesNotContain(">Underwriting<", matrix);

        var team = WebUtility.HtmlDecode(await _client.GetStringAsync($"/scenarios/{id}/teams/t-doc"));
        Assert.Contains("Document checks", team);
        Assert.Contains("data-joins", team);
        Assert.DoesNotContain("/members/remove", team);

        var plan = WebUtility.HtmlDecode(await _client.GetStringAsync($"/scenarios/{id}"));
        Assert.Contains($"/scenarios/{id}/journeys/j-mortgage", plan);
        Assert.Matches(new Regex(@"data-coverage=""j-mortgage"">\d+ ?% → 100 ?%"), plan);
    }

    [Fact]
    public async Task Openings_are_vacant_positions_under_their_team_with_planned_fte_and_cost_for_hr_only()
    {
        var workspace = (await _factory.Store.LoadAsync()).Workspace;
        await _factory.Store.ReplaceAsync(workspace with { Roles = [.. workspace.Roles.Select(r => r.Id == "r-eng" ? r with { AnnualCost = 90_000 } : r)], Currency = "EUR" });
        await _factory.ScreensCaughtUpAsync();
        var id = await ScenarioAsync();
        var url = $"/scenarios/{id}/org/teams/t-lending/children";

        var hr = _factory.CreateClient().As("harriet", AppRoles.HR);
        var children = WebUtility.HtmlDecode(await (await hr.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, url))).Content.ReadAsStringAsync());
        var doc = Regex.Match(children, "data-team=\"t-doc\".*?</li>", RegexOptions.Singleline).Value;
        Assert.Contains("+2 FTE planned · EUR 180,000 a year", doc);
        Assert.Contains("vacant</span> 2 × Engineer (2 FTE, EUR 180,000 a year)", doc);
        var team = WebUtility.HtmlDecode(await hr.GetStringAsync($"/scenarios/{id}/teams/t-doc"));
        Assert.Contains("2 × Engineer (2 FTE, EUR 180,000 a year)", team);

        foreach (var role in new[] { AppRoles.Planner, AppRoles.Viewer })
        {
            var reader = _factory.CreateClient().As("reader-" + role, role);
            var seen = await (await reader.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, url))).Content.ReadAsStringAsync();
            Assert.Contains("Document checks", seen);
            Assert.DoesNotContain("data-opening", seen);
            Assert.DoesNotContain("planned", seen);
            Assert.DoesNotContain("180,000", seen);
        }
    }

    [Fact]
    public async Task The_reporting_lines_as_they_would_be_show_span_people_and_who_moves_per_manager()
    {
        var document = """
            { "name": "Fay to Ben", "operations": [ { "op": "setManager", "personId": "u-fay", "managerId": "u-ben" } ] }
            """;
        var now = DateTimeOffset.UtcNow;
        await _factory.Store.SaveScenarioAsync(new StoredScenario("sc-lines", "Fay to Ben", ScenarioStatus.Draft, document, null, now, now, 0), null);

        var top = WebUtility.HtmlDecode(await _client.GetStringAsync("/scenarios/sc-lines/org/people"));
        Assert.Contains("As it would be:", top);
        Assert.Contains("data-person=\"u-ada\"", top);
        // Ada keeps Fay in her organisation (one layer further down): her span drops, her people do not.
        Assert.Matches(new Regex(@"data-manager-figures>span 4 → 3 · 6 people"), top);
        Assert.Contains("href=\"/scenarios/sc-lines/org/people?root=u-ada\"", top);

        var request = WebAppFactory.Htmx(HttpMethod.Get, "/scenarios/sc-lines/org/people/u-ada/reports");
        var reports = WebUtility.HtmlDecode(await (await _client.SendAsync(request)).Content.ReadAsStringAsync());
        var ben = Regex.Match(reports, "<div class=\"org-node[^\"]*\" data-person=\"u-ben\".*?(?=data-person=|$)", RegexOptions.Singleline).Value;
        Assert.StartsWith("<div class=\"org-node changed\"", ben);
        Assert.Contains("span 2 → 3 · 3 → 4 people", ben);
        Assert.Contains("</span> · 1 move in</span>", ben);
        Assert.Contains("hx-get=\"/scenarios/sc-lines/org/people/u-ben/reports\"", ben);
        Assert.DoesNotContain("data-person=\"u-fay\"", reports);
        var benReports = WebUtility.HtmlDecode(await (await _client.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, "/scenarios/sc-lines/org/people/u-ben/reports"))).Content.ReadAsStringAsync());
        Assert.Contains("new manager</span> <span class=\"muted\">was under Ada Park", benReports);
    }

    [Fact]
    public async Task A_change_today_has_overtaken_says_so_next_to_it()
    {
        // Ben already reports to Ada: the first change does nothing; the second still moves Fay.
        var document = """
            { "name": "Overtaken", "operations": [
              { "op": "setManager", "personId": "u-ben", "managerId": "u-ada" },
              { "op": "setManager", "personId": "u-fay", "managerId": "u-ben" } ] }
            """;
        var now = DateTimeOffset.UtcNow;
        await _factory.Store.SaveScenarioAsync(new StoredScenario("sc-old", "Overtaken", ScenarioStatus.Draft, document, null, now, now, 0), null);

        var page = WebUtility.HtmlDecode(await _client.GetStringAsync("/scenarios/sc-old"));
        var changes = Regex.Matches(page, "<li class=\"operation[^\"]*\">.*?</li>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains("data-effect=\"nothing\">Does nothing any more", changes[0]);
        Assert.DoesNotContain("data-effect", changes[1]);
    }

    [Fact]
    public async Task Scenarios_compare_journey_by_journey()
    {
        var now = DateTimeOffset.UtcNow;
        await _factory.Store.SaveScenarioAsync(new StoredScenario("sc-merge", "Merge", ScenarioStatus.Draft, """
            { "name": "Merge", "operations": [ { "op": "mergeTeams", "sourceTeamId": "t-underwriting", "targetTeamId": "t-apply" } ] }
            """, null, now, now, 0), null);
        await _factory.Store.SaveScenarioAsync(new StoredScenario("sc-close", "Close the gap", ScenarioStatus.Draft, """
            { "name": "Close the gap", "operations": [ { "op": "assignOwnership", "teamId": "t-underwriting", "targetId": "p-complete", "kind": "accountable" } ] }
            """, null, now, now, 0), null);

        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/scenarios/compare?ids=sc-merge&ids=sc-close"));
        var mortgage = Regex.Match(html, "data-compare-journey=\"j-mortgage\".*?</section>", RegexOptions.Singleline).Value;
        string Row(string label) => Regex.Replace(Regex.Match(mortgage, $"<th scope=\"row\">{Regex.Escape(label)}</th>.*?</tr>", RegexOptions.Singleline).Value, @">\s+<", "><");
        Assert.Contains("<td>1</td><td class=\"\">1</td><td class=\"changed\">0</td>", Row("Steps nobody is accountable for (gaps)"));
        Assert.Contains("<td>1</td><td class=\"changed\">0</td><td class=\"\">1</td>", Row("Steps with several accountable teams (overlaps)"));
        var teams = Regex.Match(Row("Teams serving it"), @"<td>(\d+)</td><td class=""changed"">(\d+)</td>");
        Assert.Equal(int.Parse(teams.Groups[1].Value) - 1, int.Parse(teams.Groups[2].Value));
        Assert.Matches(new Regex("<th scope=\"row\">FTE · [^<]*Decide</th>"), mortgage);
        Assert.Contains("href=\"/scenarios/sc-merge/journeys/j-mortgage\"", mortgage);
        // Verify identity changes in neither scenario.
        Assert.DoesNotContain("data-compare-journey=\"j-identity\"", html);
    }

    [Fact]
    public async Task Todays_screens_offer_the_open_scenarios_the_reader_may_see()
    {
        var id = await ScenarioAsync();
        var now = DateTimeOffset.UtcNow;
        await _factory.Store.SaveScenarioAsync(new StoredScenario("sc-private", "Private idea", ScenarioStatus.Draft,
            """{ "name": "Private idea", "operations": [] }""", "someone-else", now, now, 0), null);
        var reader = _factory.CreateClient().As("vera", AppRoles.Viewer);
        foreach (var (today, twin) in new[]
        {
            ("/journeys/j-mortgage", $"/scenarios/{id}/journeys/j-mortgage"), ("/matrix", $"/scenarios/{id}/matrix"),
            ("/teams/t-apply", $"/scenarios/{id}/teams/t-apply"), ("/org", $"/scenarios/{id}/org/people"), ("/org/teams", $"/scenarios/{id}/org"),
        })
        {
            var html = await reader.GetStringAsync(today);
            var choice = Regex.Match(html, "<details class=\"scenario-choice.*?</details>", RegexOptions.Singleline).Value;
            Assert.Contains($"href=\"{twin}\"", choice);
            Assert.DoesNotContain("sc-private", choice);
        }
        // The twin leads back: no choice there, the switch instead.
        Assert.DoesNotContain("data-scenario-choice", await reader.GetStringAsync($"/scenarios/{id}/matrix"));
    }

    public void Dispose() => _factory.Dispose();
}
