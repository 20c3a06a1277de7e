using JourneyOrg.Storage;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.SignIn;
using JourneyOrg.Web.Infrastructure;
using JourneyOrg.Web.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JourneyOrg.EndToEnd;

/// <summary>
/// The real app on a Kestrel port on 127.0.0.1 over a fresh SQLite store holding the sample organisation,
/// and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly Func<Task<JourneyOrg.Domain.Workspace>> _workspace;

    /// <summary>The app over the sample organisation (the shared browser collection; xUnit needs one public constructor).</summary>
    public BrowserApp() : this(() => Task.FromResult(SampleWorkspace.Create())) { }

    /// <summary>The app over another workspace (the demo organisation for the team screens).</summary>
    internal BrowserApp(Func<Task<JourneyOrg.Domain.Workspace>> workspace) => _workspace = workspace;

    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-e2e-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    /// <summary>The app's store, for a test that sets up or checks what the browser cannot (accounts, stored records).</summary>
    public SqliteWorkspaceStore Store { get; private set; } = null!;

    /// <summary>
    /// Waits until the screens show the store's current revision: a write through <see cref="Store"/> is another process's
    /// to the app, whose pages show the revision before it until the background load has published the new one.
    /// </summary>
    public Task ScreensCaughtUpAsync() => _app!.Services.GetRequiredService<JourneyOrg.Web.Features.Shared.OrgReader>().LoadCurrentAsync();
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots go: docs/screenshots/ of the repository.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "docs", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Install it with 'apt-get install -y chromium' (in CI, .ci/run does this); browser tests never skip in CI.");
        var storePath = Path.Combine(_directory, "e2e.db");
        var store = Store = new SqliteWorkspaceStore(storePath);
        await store.InitializeAsync();
        await store.ReplaceAsync(await _workspace());
        // The browser signs in through the real sign-in page as this admin (every role).
        var admin = new Account(AdminUser, "E2E admin", AppRoles.All, null, false, false, 0, null, DateTimeOffset.UtcNow, null, 0);
        await store.SaveAccountAsync(admin with { PasswordHash = LocalAccounts.Hash(admin, AdminPassword) }, null,
            AuditEntry.Now(AuditActions.AccountCreate, AdminUser, "end-to-end test setup"));
        // One account per role holding only that role, to see each screen as that role sees it.
        foreach (var role in AppRoles.All)
        {
            var account = new Account(RoleUser(role), $"E2E {role}", [role], null, false, false, 0, null, DateTimeOffset.UtcNow, null, 0);
            await store.SaveAccountAsync(account with { PasswordHash = LocalAccounts.Hash(account, AdminPassword) }, null,
                AuditEntry.Now(AuditActions.AccountCreate, AdminUser, "end-to-end test setup"));
        }

        _app = WebApp.Build([
            "--urls=http://127.0.0.1:0",
            "--contentRoot=" + Path.Combine(RepositoryRoot(), "src", "JourneyOrg.Web"),
            "--JourneyOrg:Store=sqlite:" + storePath,
            "--Logging:LogLevel:Default=Warning",
            // Every test signs in afresh from 127.0.0.1: the per-address sign-in limit (tested in the integration tests)
            // would otherwise turn a class's later sign-ins away.
            "--JourneyOrg:Auth:SignInPermitsPerMinute=1000",
            // Development: cookies without Secure over plain http on loopback, no HTTPS redirect.
            "--environment=Development",
        ]);
        await _app.InitializeStoreAsync();
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public const string AdminUser = "e2e-admin";
    public const string AdminPassword = "end-to-end password";

    /// <summary>The account that holds only <paramref name="role"/> (same password as the admin).</summary>
    public static string RoleUser(string role) => "e2e-role-" + role.ToLowerInvariant();

    /// <summary>A new browser page, signed in as <see cref="AdminUser"/> unless <paramref name="signIn"/> is false.</summary>
    public Task<IPage> NewPageAsync(bool signIn = true) => NewPageAsync(signIn ? AdminUser : null);

    /// <summary>A new browser page <paramref name="width"/> CSS pixels wide, signed in as <paramref name="userName"/> with the shared test password (null: not signed in).</summary>
    public Task<IPage> NewPageAsync(string? userName, int width = 1440) => NewPageAsync(userName, AdminPassword, width);

    /// <summary>A new browser (its own cookies) signed in as <paramref name="userName"/> with <paramref name="password"/>, or not signed in when null.</summary>
    public async Task<IPage> NewPageAsync(string? userName, string password, int width = 1440)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, BaseURL = BaseUrl });
        page.SetDefaultTimeout(10_000);
        if (userName is not null)
        {
            await page.GotoAsync("/account/signin");
            await page.GetByLabel("User name").FillAsync(userName);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/signin"), new() { Timeout = 30_000 });
        }
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "JourneyOrg.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the end-to-end tests from within the repository (JourneyOrg.sln not found above " + AppContext.BaseDirectory + ").");
    }
}

/// <summary>
/// A browser test. Without Chromium it is skipped on a developer machine, but in CI (CI=true) it runs and
/// fails with the install instruction, so a missing browser can never pass silently.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserApp.ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = $"Chromium is not installed at {BrowserApp.ChromiumPath} (apt-get install -y chromium).";
    }
}

/// <summary>A browser theory: skipped like <see cref="BrowserFactAttribute"/> only off CI without Chromium.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(BrowserApp.ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = $"Chromium is not installed at {BrowserApp.ChromiumPath} (apt-get install -y chromium).";
    }
}
