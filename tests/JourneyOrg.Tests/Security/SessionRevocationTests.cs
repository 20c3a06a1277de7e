using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Storage;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.SignIn;
using JourneyOrg.Web.Storage;
using JourneyOrg.Web.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// An open session loses what its account lost on its very next request: a demoted Planner cannot save, a disabled
/// account, a changed password and a sign-out end the session. Two app instances share one store, as behind a load
/// balancer: the admin acts on one, the user's session lives on the other. Run against each store.
/// </summary>
public abstract class SessionRevocationTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly List<IDisposable> _owned = [];

    protected abstract Task<(IStore Store, string Spec)> CreateStoreAsync();

    private IStore _store = null!;
    private IAccountStore Accounts => (IAccountStore)_store;
    private StoreApp _userInstance = null!;
    private StoreApp _adminInstance = null!;

    public async Task InitializeAsync()
    {
        (_store, var spec) = await CreateStoreAsync();
        await _store.ReplaceAsync(SampleWorkspace.Create());
        _userInstance = new StoreApp(spec);
        _adminInstance = new StoreApp(spec);
        _owned.AddRange([_userInstance, _adminInstance]);
        await CreateAccountAsync("boss", AppRoles.All.ToArray());
    }

    public Task DisposeAsync()
    {
        foreach (var owned in _owned) owned.Dispose();
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    private async Task CreateAccountAsync(string userName, params string[] roles)
    {
        var account = new Account(userName, userName, roles, null, false, false, 0, null, DateTimeOffset.UtcNow, null, 0);
        await Accounts.SaveAccountAsync(account with { PasswordHash = LocalAccounts.Hash(account, Password) }, null,
            AuditEntry.Now(AuditActions.AccountCreate, userName, "test setup"));
    }

    private static async Task<HttpClient> SignedInAsync(StoreApp app, string userName, string password = Password)
    {
        var client = app.Browser();
        var response = await SecureApp.SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The admin's Users page action, as the admin's browser posts it on the other instance.</summary>
    private async Task AdminPostsAsync(string path, params (string, string)[] fields)
    {
        var admin = await SignedInAsync(_adminInstance, "boss");
        var page = await admin.GetStringAsync("/admin/users");
        var response = await admin.PostAsync(path, new FormUrlEncodedContent(
            fields.Append(("__RequestVerificationToken", SecureApp.FormToken(page))).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<long> VersionOfAsync(string userName) => (await Accounts.GetAccountAsync(userName))!.Version;

    private static bool SignedOut(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/signin");

    [StoreFact]
    public async Task A_demoted_planners_open_page_cannot_save_an_ownership_change()
    {
        await CreateAccountAsync("pia", AppRoles.Viewer, AppRoles.Planner);
        var pia = await SignedInAsync(_userInstance, "pia");
        var map = await pia.GetStringAsync("/journeys/j-mortgage");
        var token = SecureApp.FormToken(map);
        var revision = Regex.Match(map, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(revision);

        await AdminPostsAsync("/admin/users/pia/roles", ("roles", AppRoles.Viewer), ("version", (await VersionOfAsync("pia")).ToString()));

        // The tab opened as Planner posts its form: refused, nothing stored.
        var save = await pia.PostAsync("/journeys/j-mortgage/owners", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("TeamId", "t-underwriting"), new("TargetId", "p-complete"),
            new("Kind", "accountable"), new("Revision", revision),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains("/account/denied", save.Headers.Location!.OriginalString);
        Assert.DoesNotContain(new Ownership("t-underwriting", "p-complete", OwnershipKind.Accountable), (await _store.LoadAsync()).Workspace.Ownership);
        // Still signed in, as the Viewer she now is.
        Assert.Equal(HttpStatusCode.OK, (await pia.GetAsync("/teams")).StatusCode);
        Assert.DoesNotContain("name=\"Revision\"", await pia.GetStringAsync("/journeys/j-mortgage"));
    }

    [StoreFact]
    public async Task A_disabled_accounts_open_session_is_signed_out_on_its_next_request()
    {
        await CreateAccountAsync("dan", AppRoles.Viewer, AppRoles.Planner);
        var dan = await SignedInAsync(_userInstance, "dan");
        Assert.Equal(HttpStatusCode.OK, (await dan.GetAsync("/teams")).StatusCode);

        await AdminPostsAsync("/admin/users/dan/disable", ("disabled", "true"), ("version", (await VersionOfAsync("dan")).ToString()));

        Assert.True(SignedOut(await dan.GetAsync("/teams")));
        // Enabling the account again does not bring the old session back.
        await AdminPostsAsync("/admin/users/dan/disable", ("disabled", "false"), ("version", (await VersionOfAsync("dan")).ToString()));
        Assert.True(SignedOut(await dan.GetAsync("/teams")));
    }

    [StoreFact]
    public async Task Changing_the_password_ends_the_accounts_other_sessions_but_not_this_one()
    {
        await CreateAccountAsync("cho", AppRoles.Viewer);
        var laptop = await SignedInAsync(_userInstance, "cho");
        var phone = await SignedInAsync(_adminInstance, "cho");
        var page = await laptop.GetStringAsync("/account/password");
        var changed = await laptop.PostAsync("/account/password", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SecureApp.FormToken(page)), new("currentPassword", Password),
            new("newPassword", "a brand new passphrase"), new("confirmPassword", "a brand new passphrase"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/teams")).StatusCode);
        Assert.True(SignedOut(await phone.GetAsync("/teams")));
    }

    [StoreFact]
    public async Task A_reset_by_an_admin_ends_the_accounts_sessions()
    {
        await CreateAccountAsync("eve", AppRoles.Viewer);
        var eve = await SignedInAsync(_userInstance, "eve");
        await AdminPostsAsync("/admin/users/eve/password", ("version", (await VersionOfAsync("eve")).ToString()));
        Assert.True(SignedOut(await eve.GetAsync("/teams")));
    }

    [StoreFact]
    public async Task A_signed_out_sessions_cookie_is_worthless_even_when_replayed()
    {
        await CreateAccountAsync("sam", AppRoles.Viewer);
        var sam = await SignedInAsync(_userInstance, "sam");
        var cookie = _userInstance.SessionCookie(sam);
        var other = await SignedInAsync(_adminInstance, "sam");

        var page = await sam.GetStringAsync("/teams");
        var signOut = await sam.PostAsync("/account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", SecureApp.FormToken(page))]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // A copy of the cookie taken before signing out (a shared computer, a stolen cookie) gets nothing.
        var replay = new HttpRequestMessage(HttpMethod.Get, "/teams");
        replay.Headers.Add("Cookie", cookie);
        Assert.True(SignedOut(await _userInstance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .SendAsync(replay)));
        // Signing out ends every session of the account.
        Assert.True(SignedOut(await other.GetAsync("/teams")));
        Assert.Contains(await Accounts.ListAuditAsync(new AuditQuery(Action: AuditActions.SignOut)), e => e.Target == "sam");
    }

    [StoreFact]
    public async Task Signing_in_again_elsewhere_or_failing_to_does_not_end_a_session()
    {
        await CreateAccountAsync("ola", AppRoles.Viewer);
        var first = await SignedInAsync(_userInstance, "ola");
        await SignedInAsync(_adminInstance, "ola");
        await SecureApp.SignInAsync(_adminInstance.Browser(), "ola", "a wrong password");
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/teams")).StatusCode);
    }
}

public sealed class SqliteSessionRevocationTests : SessionRevocationTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-sessions-").FullName;

    protected override async Task<(IStore, string)> CreateStoreAsync()
    {
        var store = new SqliteWorkspaceStore(Path.Combine(_directory, "sessions.db"));
        await store.InitializeAsync();
        return (store, "sqlite:" + store.Path);
    }
}

[Collection(Neo4jCollection.Name)]
public sealed class Neo4jSessionRevocationTests : SessionRevocationTests, IStoreAvailability
{
    public static string? SkipReason => Neo4jTestServer.SkipReason;

    protected override async Task<(IStore, string)> CreateStoreAsync() =>
        (await Neo4jTestServer.CreateEmptyStoreAsync(), "neo4j:" + Neo4jTestServer.Url);
}

/// <summary>The app with its real sign-in over the store named by <paramref name="spec"/> (two of these over one store are two instances).</summary>
public sealed class StoreApp(string spec, string environment = "Development") : WebApplicationFactory<Program>
{
    private readonly Dictionary<HttpClient, CookieContainerHandler> _cookies = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(StoreLocation.ConfigurationKey, spec);
        builder.UseSetting("JourneyOrg:DemoData", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("JourneyOrg:Auth:SignInPermitsPerMinute", "1000");
        builder.UseEnvironment(environment);
    }

    public HttpClient Browser()
    {
        var handler = new CookieContainerHandler();
        // Outside Development the session cookie is Secure and plain http is redirected: browse over https.
        var client = CreateDefaultClient(BaseAddress, handler);
        _cookies[client] = handler;
        return client;
    }

    /// <summary>The session cookie as a Cookie header value, to replay it from elsewhere.</summary>
    public string SessionCookie(HttpClient client) =>
        _cookies[client].Container.GetCookieHeader(BaseAddress);

    private Uri BaseAddress => new(environment == "Development" ? "http://localhost/" : "https://localhost/");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}
