using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Web;

/// <summary>Taking a scenario to a decision on the screens: status flow, read-only once approved, export/import, the change list, apply.</summary>
public sealed class ScenarioDecisionTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    private HttpClient Client(string user, params string[] roles) =>
        _factory.CreateClient(new() { AllowAutoRedirect = false }).As(user, roles);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/scenarios");
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", token);
        request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return await client.SendAsync(request);
    }

    private static async Task<string> VersionAsync(HttpClient client, string id) =>
        Regex.Match(await client.GetStringAsync($"/scenarios/{id}"), "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

    private static async Task<string> CreateAsync(HttpClient planner, string name, params (string, string)[][] operations)
    {
        var created = await PostAsync(planner, "/scenarios", ("name", name));
        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        foreach (var op in operations)
        {
            var response = await PostAsync(planner, $"/scenarios/{id}/operations", [.. op, ("version", await VersionAsync(planner, id))]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return id;
    }

    private static async Task<HttpStatusCode> SetStatusAsync(HttpClient client, string id, string status) =>
        (await PostAsync(client, $"/scenarios/{id}/status", ("status", status), ("version", await VersionAsync(client, id)))).StatusCode;

    [Fact]
    public async Task An_approved_scenario_is_read_only_and_only_an_admin_moves_it_back_with_an_audit_entry()
    {
        var planner = Client("pia", AppRoles.Planner);
        var id = await CreateAsync(planner, "Merge underwriting", [("op", "mergeTeams"), ("sourceTeamId", "t-underwriting"), ("targetTeamId", "t-apply")]);
        Assert.Equal(HttpStatusCode.Redirect, await SetStatusAsync(planner, id, "proposed"));
        Assert.Equal(HttpStatusCode.Forbidden, await SetStatusAsync(planner, id, "approved"));
        var hr = Client("pia", AppRoles.HR, AppRoles.Planner);
        Assert.Equal(HttpStatusCode.Redirect, await SetStatusAsync(hr, id, "approved"));

        var edit = await PostAsync(planner, $"/scenarios/{id}/operations", ("op", "deleteTeam"), ("teamId", "t-reporting"), ("version", await VersionAsync(planner, id)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        Assert.Contains("approved, so it is read-only", await edit.Content.ReadAsStringAsync());
        var removal = await PostAsync(planner, $"/scenarios/{id}/operations/0/remove", ("version", await VersionAsync(planner, id)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, removal.StatusCode);
        Assert.DoesNotContain("Add a change", await planner.GetStringAsync($"/scenarios/{id}"));

        Assert.Equal(HttpStatusCode.Forbidden, await SetStatusAsync(hr, id, "proposed"));
        var admin = Client("ada", AppRoles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, await SetStatusAsync(admin, id, "proposed"));
        var audit = await ((IAccountStore)_factory.Store).ListAuditAsync(new AuditQuery(Action: AuditActions.ScenarioUpdate, Actor: "ada"));
        Assert.Contains(audit, e => e.Summary.Contains("reopen approved scenario") && e.Summary.Contains("status approved → proposed"));
    }

    [Fact]
    public async Task A_scenario_travels_as_a_file_and_comes_back_as_a_draft()
    {
        var planner = Client("pia", AppRoles.Planner);
        var id = await CreateAsync(planner, "Hand over reporting",
            [("op", "transferOwnership"), ("fromTeamId", "t-apply"), ("toTeamId", "t-underwriting"), ("targetId", "p-apply")],
            [("op", "movePerson"), ("personId", "u-dev"), ("fromTeamId", "t-apply"), ("toTeamId", "t-identity")]);
        var export = await planner.GetAsync($"/scenarios/{id}/export.json");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var json = await export.Content.ReadAsStringAsync();
        var document = JsonNode.Parse(json)!;
        Assert.Equal("Hand over reporting", (string?)document["name"]);
        Assert.Equal("draft", (string?)document["status"]);
        Assert.Equal(["transferOwnership", "movePerson"], document["operations"]!.AsArray().Select(o => (string?)o!["op"]));

        var imported = await UploadAsync(planner, json);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var newId = imported.Headers.Location!.OriginalString.Split('/').Last();
        Assert.NotEqual(id, newId);
        var page = await planner.GetStringAsync($"/scenarios/{newId}");
        Assert.Contains("Move Dev Rao from Applications to Identity platform", page);

        var broken = await UploadAsync(planner, """{ "name": "Bad", "operations": [ { "op": "mergeTeams", "sourceTeamId": "t-apply" }, { "op": "addPhase" } ] }""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        var errors = WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync());
        // Changes numbered as the planner's list numbers them, not as the file's array indexes.
        Assert.Contains("Change 1 (merge teams): ", errors);
        Assert.Contains("Change 2 (add phase): a scenario cannot change journeys", errors);
        Assert.DoesNotContain("operation 0", errors);
        Assert.Equal(2, (await _factory.Store.ListScenariosAsync()).Count);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json)
    {
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/scenarios");
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "scenario.json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/scenarios/import") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_change_list_names_each_person_and_team_that_changes()
    {
        // Openings are planned by HR (SPEC §5): the author here is a planner who is also an HR partner.
        var author = Client("pia", AppRoles.Planner, AppRoles.HR);
        var planner = Client("pia", AppRoles.Planner);
        var id = await CreateAsync(author, "Reshape",
            [("op", "mergeTeams"), ("sourceTeamId", "t-underwriting"), ("targetTeamId", "t-apply")],
            [("op", "setManager"), ("personId", "u-fay"), ("managerId", "u-ben")],
            [("op", "renameTeam"), ("teamId", "t-identity"), ("name", "=Identity")],
            [("op", "addOpening"), ("teamId", "t-identity"), ("roleId", "r-eng"), ("count", "2")]);
        var csv = await planner.GetStringAsync($"/scenarios/{id}/changes.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("change,id,name,mail,teams before,teams after,manager before,manager after,role before,role after,note", lines[0]);
        Assert.Contains("person,u-eli,Eli Stone,,Underwriting (t-underwriting) 1,Applications (t-apply) 1,Ada Park (u-ada),Ada Park (u-ada),,,", lines);
        Assert.Contains(lines, l => l.StartsWith("person,u-fay,Fay Chen,,Identity platform (t-identity) 1,", StringComparison.Ordinal)
            && l.Contains(",Ada Park (u-ada),Ben Ortiz (u-ben),"));
        Assert.Contains("team merged,t-underwriting,Underwriting,,,,,,,,into Applications (t-apply)", lines);
        Assert.Contains(lines, l => l.StartsWith("team renamed,t-identity,'=Identity,", StringComparison.Ordinal) || l.StartsWith("team renamed,t-identity,\"'=Identity\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("opening,", StringComparison.Ordinal));
        var hrCsv = await Client("pia", AppRoles.HR).GetStringAsync($"/scenarios/{id}/changes.csv");
        Assert.Contains("opening,t-identity,=Identity", hrCsv.Replace("'", "").Replace("\"", ""));
    }

    [Fact]
    public async Task An_admin_applies_an_approved_scenario_and_today_shows_it()
    {
        var planner = Client("pia", AppRoles.Planner);
        var id = await CreateAsync(planner, "Merge underwriting", [("op", "mergeTeams"), ("sourceTeamId", "t-underwriting"), ("targetTeamId", "t-apply")]);
        var admin = Client("ada", AppRoles.Admin, AppRoles.HR);
        // A draft is the author's own; proposed, it reaches HR and the Admins who decide and apply it.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, $"/scenarios/{id}/apply")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await SetStatusAsync(planner, id, "proposed"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(planner, $"/scenarios/{id}/apply")).StatusCode);
        var notApproved = await PostAsync(admin, $"/scenarios/{id}/apply");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notApproved.StatusCode);
        Assert.Contains("Only an approved scenario can be applied", WebUtility.HtmlDecode(await notApproved.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, await SetStatusAsync(admin, id, "approved"));
        var page = await admin.GetStringAsync($"/scenarios/{id}");
        Assert.Contains("Apply to the organisation", page);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/scenarios/{id}/apply")).StatusCode);

        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Teams, t => t.Id == "t-underwriting");
        var applied = await admin.GetStringAsync($"/scenarios/{id}");
        Assert.Contains("data-scenario=\"applied\"", applied);
        Assert.Contains("by <strong>ada</strong>", applied);
        Assert.DoesNotContain("Apply to the organisation", applied);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(admin, $"/scenarios/{id}/status", ("status", "draft"), ("version", await VersionAsync(admin, id)))).StatusCode);
    }

    [Fact]
    public async Task Applied_openings_leave_the_plans_on_the_role_page_and_the_applied_scenario_lists_them_to_recruit()
    {
        var hr = Client("harriet", AppRoles.HR);
        var id = await CreateAsync(hr, "Grow identity", [("op", "addOpening"), ("teamId", "t-identity"), ("roleId", "r-eng"), ("count", "3")]);
        Assert.Contains("Grow identity", await hr.GetStringAsync("/roles/r-eng"));
        Assert.Equal(HttpStatusCode.Redirect, await SetStatusAsync(hr, id, "approved"));
        var admin = Client("ada", AppRoles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/scenarios/{id}/apply")).StatusCode);

        Assert.DoesNotContain("Grow identity", await hr.GetStringAsync("/roles/r-eng"));
        var applied = WebUtility.HtmlDecode(await hr.GetStringAsync($"/scenarios/{id}"));
        Assert.Contains("Openings to recruit", applied);
        Assert.Contains("3 × Engineer in <a href=\"/teams/t-identity\">Identity platform</a> (3 FTE)", applied);
    }

    [Fact]
    public async Task Applying_to_people_from_entra_records_overrides_the_directory_page_lists_as_pending()
    {
        var workspace = (await _factory.Store.LoadAsync()).Workspace;
        await _factory.Store.ReplaceAsync(workspace with { People = [.. workspace.People.Select(p => p.Id == "u-fay" ? p with { Source = RecordSource.Entra } : p)] });
        await _factory.ScreensCaughtUpAsync();
        var admin = Client("ada", AppRoles.Admin, AppRoles.Planner, AppRoles.HR);
        var id = await CreateAsync(admin, "Fay to Ben", [("op", "setManager"), ("personId", "u-fay"), ("managerId", "u-ben")]);
        Assert.Equal(HttpStatusCode.Redirect, await SetStatusAsync(admin, id, "approved"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/scenarios/{id}/apply")).StatusCode);

        var directory = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/directory"));
        var pending = Regex.Match(directory, "<table data-pending-overrides.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("Fay Chen", pending);
        Assert.Contains("Manager: Ada Park (u-ada) → Ben Ortiz (u-ben)", pending);
        Assert.Contains("Fay to Ben", pending);
    }

    [Fact]
    public async Task Only_a_discarded_scenario_is_deleted()
    {
        var planner = Client("pia", AppRoles.Planner);
        var id = await CreateAsync(planner, "Throwaway");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(planner, $"/scenarios/{id}/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await SetStatusAsync(planner, id, "discarded"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(planner, $"/scenarios/{id}/delete")).StatusCode);
        Assert.Null(await _factory.Store.GetScenarioAsync(id));
    }

    public void Dispose() => _factory.Dispose();
}
