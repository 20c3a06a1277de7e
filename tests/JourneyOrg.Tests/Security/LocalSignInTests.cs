using System.Net;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.SignIn;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Security;

/// <summary>Local accounts through the real sign-in page and cookie.</summary>
public sealed class LocalSignInTests : IDisposable
{
    private readonly SecureApp _app = new(settings: new Dictionary<string, string?>
    {
        ["JourneyOrg:Auth:MaxFailedSignIns"] = "3",
        ["JourneyOrg:Auth:SignInPermitsPerMinute"] = "100",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Nothing_but_health_sign_in_and_static_files_is_reachable_without_signing_in()
    {
        var client = _app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        var page = await client.GetAsync("/teams");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/signin?ReturnUrl=%2Fteams", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/analysis")).StatusCode);
        var htmx = new HttpRequestMessage(HttpMethod.Get, "/org/roots");
        htmx.Headers.Add("HX-Request", "true");
        var fragment = await client.SendAsync(htmx);
        Assert.Equal(HttpStatusCode.Unauthorized, fragment.StatusCode);
        Assert.Equal("/account/signin", fragment.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task A_right_password_signs_in_with_a_hardened_cookie_and_is_audited()
    {
        await _app.CreateAccountAsync("vera", "correct horse battery", false, AppRoles.Viewer);
        var client = _app.Browser();
        var response = await SecureApp.SignInAsync(client, "Vera", "correct horse battery");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/teams", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".JourneyOrg.Session="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).StatusCode);
        // Viewer: reading yes, admin pages no.
        var denied = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString);

        var log = await _app.Store.ListAuditAsync(new AuditQuery(Action: AuditActions.SignIn));
        Assert.Equal("vera", log.Single().Actor);
        Assert.NotNull((await _app.Store.GetAccountAsync("vera"))!.LastSignInAt);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_audited_and_lock_the_account()
    {
        await _app.CreateAccountAsync("bo", "correct horse battery", false, AppRoles.Viewer);
        var client = _app.Browser();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await SecureApp.SignInAsync(client, "bo", "wrong password " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains(LocalAccounts.WrongCredentials, await wrong.Content.ReadAsStringAsync());
        }
        var locked = await SecureApp.SignInAsync(client, "bo", "correct horse battery");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync());
        Assert.True((await _app.Store.GetAccountAsync("bo"))!.IsLockedOut(DateTimeOffset.UtcNow));

        var unknown = await SecureApp.SignInAsync(client, "nobody", "whatever it is");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var failures = await _app.Store.ListAuditAsync(new AuditQuery(Action: AuditActions.SignInFailed));
        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.Target == "bo" && f.Summary.Contains("locked for"));
        Assert.Contains(failures, f => f.Target == "nobody" && f.Summary == "no such account");
        Assert.DoesNotContain(failures, f => f.Summary.Contains("wrong password 0"));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_loses_its_session()
    {
        var account = await _app.CreateAccountAsync("cy", "correct horse battery", false, AppRoles.Viewer);
        var client = _app.Browser();
        await SecureApp.SignInAsync(client, "cy", "correct horse battery");
        account = (await _app.Store.GetAccountAsync("cy"))!;
        await _app.Store.SaveAccountAsync(account with { Disabled = true }, account.Version, AuditEntry.Now(AuditActions.AccountUpdate, "cy", "disabled"));
        var after = await client.GetAsync("/teams");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/signin", after.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SecureApp.SignInAsync(_app.Browser(), "cy", "correct horse battery")).StatusCode);
    }

    [Fact]
    public async Task A_one_time_password_must_be_changed_before_anything_else()
    {
        await _app.CreateAccountAsync("dee", "one time password 1", true, AppRoles.Viewer);
        var client = _app.Browser();
        var signedIn = await SecureApp.SignInAsync(client, "dee", "one time password 1");
        Assert.Equal(PasswordChangeGate.PasswordPath, signedIn.Headers.Location!.OriginalString);
        var page = await client.GetAsync("/teams");
        Assert.Equal(PasswordChangeGate.PasswordPath, page.Headers.Location!.OriginalString);

        var form = await client.GetStringAsync(PasswordChangeGate.PasswordPath);
        var tooShort = await client.PostAsync(PasswordChangeGate.PasswordPath, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", SecureApp.FormToken(form)), new("currentPassword", "one time password 1"), new("newPassword", "short"), new("confirmPassword", "short")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        var changed = await client.PostAsync(PasswordChangeGate.PasswordPath, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", SecureApp.FormToken(form)), new("currentPassword", "one time password 1"),
             new("newPassword", "my own long password"), new("confirmPassword", "my own long password")]));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).StatusCode);
        Assert.False((await _app.Store.GetAccountAsync("dee"))!.MustChangePassword);
        Assert.Single(await _app.Store.ListAuditAsync(new AuditQuery(Action: AuditActions.AccountPassword)));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await _app.CreateAccountAsync("eve", "correct horse battery", false, AppRoles.Viewer);
        var client = _app.Browser();
        await SecureApp.SignInAsync(client, "eve", "correct horse battery");
        var page = await client.GetStringAsync("/teams");
        var token = Web.WebAppFactory.AntiforgeryTokenAsync(client, "/teams");
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/signout");
        request.Headers.Add(JourneyOrg.Web.Features.Shared.Htmx.AntiforgeryHeader, await token);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(request)).StatusCode);
        Assert.Contains("eve", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/teams")).StatusCode);
    }

    [Fact]
    public async Task First_start_creates_admin_with_a_one_time_password_or_the_configured_one()
    {
        var accounts = _app.Services.GetRequiredService<LocalAccounts>();
        // The app's own start already created it (this store had no account): with a one-time password, to be changed.
        var admin = await _app.Store.GetAccountAsync("admin");
        Assert.NotNull(admin);
        Assert.True(admin.MustChangePassword);
        Assert.Equal(AppRoles.All, admin.Roles);
        Assert.False(await accounts.EnsureFirstAdminAsync("ignored", _ => { }));

        using var fresh = new SecureApp();
        var store = fresh.Store;
        var own = new LocalAccounts(store, fresh.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SecurityOptions>>(), TimeProvider.System);
        string? printed = null;
        // The fresh app created its admin at start too; a store without accounts gets one from the configured password.
        using var empty = new TemporaryAccountsStore();
        var bootstrap = new LocalAccounts(empty.Store, fresh.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SecurityOptions>>(), TimeProvider.System);
        Assert.True(await bootstrap.EnsureFirstAdminAsync("configured password 1", line => printed = line));
        Assert.DoesNotContain("configured password 1", printed);
        var configured = (await empty.Store.GetAccountAsync("admin"))!;
        Assert.False(configured.MustChangePassword);
        Assert.True((await own.SignInAsync("admin", "configured password 1")).Succeeded == false);
        Assert.True((await bootstrap.SignInAsync("admin", "configured password 1")).Succeeded);

        using var other = new TemporaryAccountsStore();
        var generated = new LocalAccounts(other.Store, fresh.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SecurityOptions>>(), TimeProvider.System);
        Assert.True(await generated.EnsureFirstAdminAsync(null, line => printed = line));
        var password = System.Text.RegularExpressions.Regex.Match(printed!, "one-time password  (\\S+)  ").Groups[1].Value;
        Assert.Equal(20, password.Length);
        var outcome = await generated.SignInAsync("admin", password);
        Assert.True(outcome.Succeeded);
        Assert.True(outcome.Account!.MustChangePassword);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        using var strict = new SecureApp(settings: new Dictionary<string, string?> { ["JourneyOrg:Auth:SignInPermitsPerMinute"] = "3" });
        var client = strict.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await SecureApp.SignInAsync(client, "admin", "guess " + i)).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>An initialized, empty SQLite store for account tests outside the app.</summary>
public sealed class TemporaryAccountsStore : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-accounts-").FullName;

    public TemporaryAccountsStore()
    {
        Store = new JourneyOrg.Web.Storage.Sqlite.SqliteWorkspaceStore(Path.Combine(_directory, "accounts.db"));
        Store.InitializeAsync().GetAwaiter().GetResult();
    }

    public JourneyOrg.Web.Storage.Sqlite.SqliteWorkspaceStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
