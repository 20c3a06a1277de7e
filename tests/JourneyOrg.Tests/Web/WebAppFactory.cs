using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Storage;
using JourneyOrg.Web.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Web;

/// <summary>The web app over its own temporary SQLite store, filled with <see cref="SampleWorkspace"/>.</summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-web-").FullName;

    public WebAppFactory() => Store = CreateStore(SampleWorkspace.Create());

    public SqliteWorkspaceStore Store { get; }

    /// <summary>
    /// Waits until the screens show the store's current revision. A test that writes through <see cref="Store"/> is another
    /// process to the app, whose pages show the revision before it until the background load has published the new one.
    /// </summary>
    public Task ScreensCaughtUpAsync() => Services.GetRequiredService<JourneyOrg.Web.Features.Shared.OrgReader>().LoadCurrentAsync();

    private SqliteWorkspaceStore CreateStore(Workspace workspace)
    {
        var store = new SqliteWorkspaceStore(Path.Combine(_directory, "web.db"));
        store.InitializeAsync().GetAwaiter().GetResult();
        store.ReplaceAsync(workspace).GetAwaiter().GetResult();
        return store;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(StoreLocation.ConfigurationKey, "sqlite:" + Store.Path);
        builder.UseEnvironment("Development");
        // Signed in as an admin with every role unless a request names another user (Security/TestSignIn.cs).
        builder.WithTestSignIn();
    }

    /// <summary>An htmx request (the app answers with a fragment).</summary>
    public static HttpRequestMessage Htmx(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("HX-Request", "true");
        return request;
    }

    /// <summary>Reads the antiforgery token from a page (the client keeps the cookie).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url = "/")
    {
        var html = await client.GetStringAsync(url);
        var match = Regex.Match(html, "RequestVerificationToken&quot;:&quot;([^&]+)&quot;");
        if (!match.Success) match = Regex.Match(html, "\"RequestVerificationToken\":\"([^\"]+)\"");
        Assert.True(match.Success, "the layout carries the antiforgery token in hx-headers");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
