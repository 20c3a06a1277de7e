using System.Net;
using System.Text.RegularExpressions;

namespace JourneyOrg.Tests.Web;

public sealed class ScenarioPlannerTests : IDisposable
{
    private readonly WebAppFactory _factory = new();
    private readonly HttpClient _client;
    private string _token = "";

    public ScenarioPlannerTests() => _client = _factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> PostAsync(string url, bool htmx, params (string, string)[] fields)
    {
        if (_token.Length == 0) _token = await WebAppFactory.AntiforgeryTokenAsync(_client, "/scenarios");
        var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, url) : new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", _token);
        request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return await _client.SendAsync(request);
    }

    private async Task<string> CreateAsync(string name)
    {
        var response = await PostAsync("/scenarios", false, ("name", name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString.Split('/').Last();
    }

    private async Task<string> VersionAsync(string id) =>
        Regex.Match(await _client.GetStringAsync($"/scenarios/{id}"), "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

    [Fact]
    public async Task Merging_two_teams_updates_the_diff_in_place()
    {
        var id = await CreateAsync("Fold underwriting into applications");
        var response = await PostAsync($"/scenarios/{id}/operations", true,
            ("op", "mergeTeams"), ("sourceTeamId", "t-underwriting"), ("targetTeamId", "t-apply"), ("version", await VersionAsync(id)));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.StartsWith("<section id=\"scenario-operations\"", html.TrimStart());
        Assert.Contains("Merge Underwriting into Applications", html);
        Assert.Contains("id=\"scenario-diff\"", html);
        Assert.Contains("hx-swap-oob=\"true\"", html);
        Assert.Contains("5 → 4", html);
        Assert.Contains("overlap resolved", html);
    }

    [Fact]
    public async Task A_change_that_cannot_apply_names_the_people_and_teams_as_the_list_does()
    {
        var id = await CreateAsync("Moves");
        // Eli Stone is in Underwriting, not in Identity platform: the second change cannot apply.
        var stored = (await _factory.Store.GetScenarioAsync(id))!;
        await _factory.Store.SaveScenarioAsync(stored with
        {
            Document = """{"name":"Moves","operations":[{"op":"renameTeam","teamId":"t-reporting","name":"Reports"},{"op":"movePerson","personId":"u-eli","fromTeamId":"t-identity","toTeamId":"t-reporting"}]}""",
        }, stored.Version);

        var html = System.Net.WebUtility.HtmlDecode(await _client.GetStringAsync($"/scenarios/{id}"));
        Assert.Contains("Cannot apply:</strong> person “Eli Stone” is not a member of team “Identity platform”", html);
        Assert.Contains("Change 2 (move Eli Stone from Identity platform to Reporting): person “Eli Stone” is not a member of team “Identity platform”", html);
        var list = System.Net.WebUtility.HtmlDecode(await _client.GetStringAsync("/scenarios"));
        Assert.Contains("Change 2 (move Eli Stone from Identity platform to Reporting)", list);
        Assert.DoesNotContain("person 'u-eli'", html);
        Assert.DoesNotContain("'t-identity'", html);
    }

    [Fact]
    public async Task An_operation_that_cannot_apply_is_shown_with_its_reason_and_others_stay_editable()
    {
        var id = await CreateAsync("Broken");
        // The form refuses an unknown team at the field now; a scenario can still stop applying when the organisation
        // moves on, which is what a stored change naming a team that is gone stands for here.
        var stored = (await _factory.Store.GetScenarioAsync(id))!;
        await _factory.Store.SaveScenarioAsync(stored with { Document = """{"name":"Broken","operations":[{"op":"deleteTeam","teamId":"t-ghost"}]}""" }, stored.Version);
        await PostAsync($"/scenarios/{id}/operations", true, ("op", "renameTeam"), ("teamId", "t-apply"), ("name", "Apps"), ("version", await VersionAsync(id)));
        var html = await _client.GetStringAsync($"/scenarios/{id}");
        Assert.Contains("Cannot apply:", html);
        Assert.Contains("Not checked", html);
        // Numbered and named as the list shows the changes, not as the JSON has them.
        // An id that names nothing any more can only be quoted.
        Assert.Contains("Change 1 (delete t-ghost): team 't-ghost' does not exist", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("operation 0", html);
        var removed = await PostAsync($"/scenarios/{id}/operations/0/remove", true, ("version", await VersionAsync(id)));
        var after = await removed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Cannot apply:", after);
        Assert.Contains("Rename Applications to “Apps”", after);
    }

    [Fact]
    public async Task A_change_with_a_missing_field_is_refused_with_the_field_named()
    {
        var id = await CreateAsync("Incomplete");
        var response = await PostAsync($"/scenarios/{id}/operations", true, ("op", "renameTeam"), ("teamId", "t-apply"), ("version", await VersionAsync(id)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("name", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Rename", Regex.Match(await _client.GetStringAsync($"/scenarios/{id}"), "<ol class=\"operations\">(.*?)</ol>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task Operations_reorder_and_the_form_shows_fields_per_type()
    {
        var id = await CreateAsync("Order");
        await PostAsync($"/scenarios/{id}/operations", true, ("op", "renameTeam"), ("teamId", "t-apply"), ("name", "A"), ("version", await VersionAsync(id)));
        await PostAsync($"/scenarios/{id}/operations", true, ("op", "renameTeam"), ("teamId", "t-identity"), ("name", "B"), ("version", await VersionAsync(id)));
        var html = await (await PostAsync($"/scenarios/{id}/operations/1/move", true, ("direction", "up"), ("version", await VersionAsync(id)))).Content.ReadAsStringAsync();
        Assert.True(html.IndexOf("to “B”", StringComparison.Ordinal) < html.IndexOf("to “A”", StringComparison.Ordinal));
        var request = WebAppFactory.Htmx(HttpMethod.Get, $"/scenarios/{id}/operation-form?op=addOpening");
        var fields = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"roleId\"", fields);
        Assert.Contains("name=\"count\"", fields);
    }

    [Fact]
    public async Task A_stale_version_is_refused()
    {
        var id = await CreateAsync("Stale");
        var version = await VersionAsync(id);
        await PostAsync($"/scenarios/{id}/operations", true, ("op", "renameTeam"), ("teamId", "t-apply"), ("name", "A"), ("version", version));
        var stale = await PostAsync($"/scenarios/{id}/operations", true, ("op", "renameTeam"), ("teamId", "t-apply"), ("name", "B"), ("version", version));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("Someone else changed this scenario", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Status_list_and_comparison()
    {
        var a = await CreateAsync("Plan A");
        var b = await CreateAsync("Plan B");
        await PostAsync($"/scenarios/{a}/operations", false, ("op", "deleteTeam"), ("teamId", "t-reporting"), ("version", await VersionAsync(a)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/scenarios/{a}/status", false, ("status", "approved"), ("version", await VersionAsync(a)))).StatusCode);
        var list = await _client.GetStringAsync("/scenarios");
        Assert.Contains("Plan A", list);
        Assert.Contains("approved", list);
        var compare = await _client.GetStringAsync($"/scenarios/compare?ids={a}&ids={b}");
        Assert.Contains("5 → 4", compare);
        Assert.Contains("Plan B", compare);
    }

    [Fact]
    public async Task Openings_planned_in_a_scenario_show_on_the_roles_and_team_pages()
    {
        var id = await CreateAsync("Hire engineers");
        await PostAsync($"/scenarios/{id}/operations", true, ("op", "addOpening"), ("teamId", "t-identity"), ("roleId", "r-eng"), ("count", "2"), ("allocation", "0.5"), ("version", await VersionAsync(id)));
        var roles = await _client.GetStringAsync("/roles");
        Assert.Contains("Hire engineers", roles);
        Assert.Contains("Identity platform", roles);
        var team = await _client.GetStringAsync("/teams/t-identity");
        Assert.Contains("2 × Engineer (1 FTE)", team);
    }

    public void Dispose() => _factory.Dispose();
}
