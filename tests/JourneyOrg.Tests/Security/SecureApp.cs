using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.SignIn;
using JourneyOrg.Web.Storage;
using JourneyOrg.Web.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// The app with its real sign-in (no test scheme) over a temporary SQLite store holding the sample organisation.
/// <see cref="Settings"/> become configuration; <see cref="Environment"/> picks Development or Production behaviour.
/// </summary>
public sealed class SecureApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-secure-").FullName;

    public SecureApp(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    {
        Environment = environment;
        Settings = settings ?? new Dictionary<string, string?>();
        Store = new SqliteWorkspaceStore(Path.Combine(_directory, "secure.db"));
        Store.InitializeAsync().GetAwaiter().GetResult();
        Store.ReplaceAsync(SampleWorkspace.Create()).GetAwaiter().GetResult();
    }

    public string Environment { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }
    public SqliteWorkspaceStore Store { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(StoreLocation.ConfigurationKey, "sqlite:" + Store.Path);
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Creates a local account directly in the store.</summary>
    public async Task<Account> CreateAccountAsync(string userName, string password, bool mustChange = false, params string[] roles)
    {
        var account = new Account(userName, userName, roles, null, false, mustChange, 0, null, DateTimeOffset.UtcNow, null, 0);
        account = account with { PasswordHash = LocalAccounts.Hash(account, password) };
        return await Store.SaveAccountAsync(account, null, AuditEntry.Now(AuditActions.AccountCreate, userName, "test setup"));
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the sign-in page as a browser would (antiforgery field included); returns the POST's response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/signin");
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", FormToken(page)), new("userName", userName), new("password", password), new("returnUrl", "/teams"),
        ]));
    }

    public static string FormToken(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "the page carries the antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
