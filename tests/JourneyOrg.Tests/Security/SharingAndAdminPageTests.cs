using System.Net;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Tests.Security;

/// <summary>Scenario sharing through the screens and the API, and the Users and Audit log admin pages.</summary>
public sealed class SharingAndAdminPageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Item1, f.Item2))),
        };
        request.Headers.Add(Htmx.AntiforgeryHeader, await WebAppFactory.AntiforgeryTokenAsync(client, "/teams"));
        return await client.SendAsync(request);
    }

    private HttpClient As(string user, params string[] roles) => app.CreateClient(new() { AllowAutoRedirect = false }).As(user, roles);

    [Fact]
    public async Task A_scenario_is_seen_by_its_author_and_the_people_it_is_shared_with_only()
    {
        var author = As("pia", AppRoles.Planner, AppRoles.Viewer);
        var created = await PostAsync(author, "/scenarios", ("name", "Secret reorg"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var id = url.Split('/').Last();

        var other = As("otto", AppRoles.Planner, AppRoles.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("Secret reorg", await other.GetStringAsync("/scenarios"));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, $"/scenarios/{id}/status", ("status", "proposed"), ("version", "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, $"/scenarios/{id}/sharing", ("sharedWith", "otto"), ("version", "1"))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(author, $"/scenarios/{id}/sharing", ("sharedWith", "Otto, vera"), ("version", "1"))).StatusCode);
        Assert.Equal(["otto", "vera"], (await app.Store.GetScenarioAsync(id))!.SharedWith);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(url)).StatusCode);
        Assert.Contains("Secret reorg", await other.GetStringAsync("/scenarios"));
        // Only the author changes who sees it.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, $"/scenarios/{id}/sharing", ("sharedWith", ""), ("version", "2"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await As("zed", AppRoles.Viewer).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task An_unshared_or_missing_scenario_is_a_page_with_a_way_back_not_a_blank_error()
    {
        var author = As("pia", AppRoles.Planner, AppRoles.Viewer);
        var url = (await PostAsync(author, "/scenarios", ("name", "Private plan"))).Headers.Location!.OriginalString;
        var other = As("otto", AppRoles.Planner, AppRoles.Viewer);
        foreach (var address in new[] { url, "/scenarios/sc-no-such", "/teams/t-no-such", "/no/such/page" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Referrer = new Uri("http://localhost/scenarios");
            var response = await other.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Not found</h1>", html);
            Assert.Contains("<a href=\"/scenarios\">Go back</a>", html);
            Assert.DoesNotContain("Private plan", html);
        }
        // htmx callers keep the bare status (they act on it).
        var fragment = WebAppFactory.Htmx(HttpMethod.Get, "/scenarios/sc-no-such");
        Assert.Equal("", await (await other.SendAsync(fragment)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Approving_a_scenario_needs_HR()
    {
        var planner = As("pat", AppRoles.Planner, AppRoles.Viewer);
        var url = (await PostAsync(planner, "/scenarios", ("name", "Needs approval"))).Headers.Location!.OriginalString;
        var id = url.Split('/').Last();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(planner, $"/scenarios/{id}/status", ("status", "proposed"), ("version", "1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(planner, $"/scenarios/{id}/status", ("status", "approved"), ("version", "2"))).StatusCode);
        await PostAsync(planner, $"/scenarios/{id}/sharing", ("sharedWith", "hana"), ("version", "2"));
        var hr = As("hana", AppRoles.HR, AppRoles.Viewer);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(hr, $"/scenarios/{id}/status", ("status", "approved"), ("version", "3"))).StatusCode);
        Assert.Equal(ScenarioStatus.Approved, (await app.Store.GetScenarioAsync(id))!.Status);
    }

    [Fact]
    public async Task Openings_and_grades_are_shown_to_HR_only()
    {
        Assert.DoesNotContain("openings-heading", await As("vera", AppRoles.Viewer).GetStringAsync("/roles"));
        Assert.Contains("openings-heading", await As("hana", AppRoles.HR).GetStringAsync("/roles"));
    }

    [Theory]
    [InlineData("/journeys", "new-journey-heading")]
    [InlineData("/teams", "new-team-heading")]
    [InlineData("/scenarios", "new-scenario-heading")]
    [InlineData("/matrix", "matrix-assign-team")]
    [InlineData("/teams/t-apply", "edit-heading")]
    [InlineData("/teams/t-apply", "/members/remove")]
    public async Task Editing_forms_are_offered_to_planners_only(string page, string formMarker)
    {
        Assert.DoesNotContain(formMarker, await As("vera", AppRoles.Viewer).GetStringAsync(page));
        Assert.Contains(formMarker, await As("paul", AppRoles.Planner).GetStringAsync(page));
    }

    [Fact]
    public async Task A_shared_scenario_offers_its_change_and_status_forms_by_role()
    {
        var planner = As("pam", AppRoles.Planner, AppRoles.Viewer);
        var url = (await PostAsync(planner, "/scenarios", ("name", "Read-only for some"))).Headers.Location!.OriginalString;
        var id = url.Split('/').Last();
        await PostAsync(planner, $"/scenarios/{id}/operations", ("version", "1"), ("op", "renameTeam"), ("teamId", "t-apply"), ("name", "Applications"));
        await PostAsync(planner, $"/scenarios/{id}/sharing", ("sharedWith", "vic, hedda"), ("version", "2"));

        var mine = await planner.GetStringAsync(url);
        Assert.Contains("op-kind", mine);
        Assert.Contains($"/scenarios/{id}/operations/0/remove", mine);
        Assert.Contains("Mark proposed", mine);
        Assert.DoesNotContain("Mark approved", mine);

        var viewer = await As("vic", AppRoles.Viewer).GetStringAsync(url);
        Assert.DoesNotContain("op-kind", viewer);
        Assert.DoesNotContain("/operations/0/remove", viewer);
        Assert.DoesNotContain("Mark ", viewer);

        Assert.Contains("Mark approved", await As("hedda", AppRoles.HR, AppRoles.Viewer).GetStringAsync(url));
    }

    [Fact]
    public async Task The_role_catalog_form_is_offered_to_HR_only()
    {
        Assert.DoesNotContain("role-form-heading", await As("vera", AppRoles.Viewer).GetStringAsync("/roles"));
        Assert.Contains("role-form-heading", await As("hana", AppRoles.HR).GetStringAsync("/roles"));
    }

    [Fact]
    public async Task Admins_create_accounts_set_roles_reset_passwords_and_disable_and_every_step_is_audited()
    {
        var admin = As("root-admin", AppRoles.Admin);
        var created = await PostAsync(admin, "/admin/users", ("userName", "Nora"), ("displayName", "Nora N"), ("roles", "Viewer"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains("One-time password for <strong>nora</strong>", page);
        var nora = (await app.Store.GetAccountAsync("nora"))!;
        Assert.True(nora.MustChangePassword);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "/admin/users/nora/roles", ("roles", "Viewer"), ("roles", "Planner"), ("version", nora.Version.ToString()))).StatusCode);
        nora = (await app.Store.GetAccountAsync("nora"))!;
        Assert.Equal([AppRoles.Viewer, AppRoles.Planner], nora.Roles);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "/admin/users/nora/password", ("version", nora.Version.ToString()))).StatusCode);
        nora = (await app.Store.GetAccountAsync("nora"))!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "/admin/users/nora/disable", ("disabled", "true"), ("version", nora.Version.ToString()))).StatusCode);
        Assert.True((await app.Store.GetAccountAsync("nora"))!.Disabled);
        // A stale form is refused, not applied.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(admin, "/admin/users/nora/disable", ("disabled", "false"), ("version", nora.Version.ToString()))).StatusCode);

        var log = await app.Store.ListAuditAsync(new AuditQuery(Text: "nora"));
        Assert.Equal([AuditActions.AccountUpdate, AuditActions.AccountPassword, AuditActions.AccountRoles, AuditActions.AccountCreate], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal("root-admin", e.Actor));
        Assert.Equal("Viewer → Viewer, Planner", log[2].Summary);
    }

    [Fact]
    public async Task The_audit_page_filters_and_exports_csv()
    {
        await app.Store.AppendAuditAsync(new AuditEntry(0, DateTimeOffset.UtcNow, "mallory", AuditActions.SignInFailed, "mallory", "=cmd|' /C calc'!A0", null));
        var admin = As("root-admin", AppRoles.Admin);
        var page = await admin.GetStringAsync("/admin/audit?actor=mallory");
        Assert.Contains("account.signin-failed", page);
        var fragment = await admin.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, "/admin/audit?actor=nobody-at-all"));
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.StartsWith($"<div id=\"{DomIds.AuditRows}\">", html.Trim().Split('\n').First(l => l.Contains("<div")).Trim());
        Assert.DoesNotContain("mallory", html);

        var csv = await admin.GetAsync("/admin/audit.csv?actor=mallory");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("id,at,actor,action,target,summary,correlation_id", text);
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", text);
        Assert.Single(await app.Store.ListAuditAsync(new AuditQuery(Action: AuditActions.AuditExport)));
    }
}
