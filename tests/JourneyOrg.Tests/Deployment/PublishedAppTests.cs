using JourneyOrg.Workspaces;
using System.Net;

namespace JourneyOrg.Tests.Deployment;

/// <summary>
/// The published app in Production, as an admin runs it: straight on plain HTTP, and behind a TLS-terminating proxy
/// that says so in X-Forwarded-Proto. See <see cref="PublishedApp"/> for how it is published and started.
/// </summary>
public sealed class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private const string SessionCookie = ".JourneyOrg.Session";
    private const string AntiforgeryCookie = ".JourneyOrg.Antiforgery";

    /// <summary>Screens an admin opens first; none may fail.</summary>
    private static readonly string[] Screens = ["/", "/journeys", "/teams", "/matrix", "/metrics", "/opportunities", "/scenarios", "/admin/users"];

    [Fact]
    public async Task Over_plain_HTTP_the_admin_signs_in_through_the_form_and_sees_the_demo_organisation()
    {
        var app = published.Direct;
        using var browser = new RawBrowser(app);

        var signedIn = await browser.SignInAsync("admin", PublishedApp.AdminPassword);
        browser.AssertStatus(HttpStatusCode.Redirect, signedIn, "sign-in");
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        // Plain HTTP: the cookies must work without TLS, so they are not Secure (a browser would drop Secure cookies here).
        Assert.DoesNotContain("secure", browser.CookieHeader(AntiforgeryCookie), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", browser.CookieHeader(SessionCookie), StringComparison.OrdinalIgnoreCase);

        var dashboard = await browser.GetAsync("/");
        browser.AssertStatus(HttpStatusCode.OK, dashboard, "/");
        Assert.Contains("How well is the organisation aligned", await dashboard.Content.ReadAsStringAsync());
        Assert.False(dashboard.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
        // The demo workspace came from seed/ in the published folder, not from the working directory (which is empty).
        Assert.Contains("Get covered", await (await browser.GetAsync("/journeys")).Content.ReadAsStringAsync());
        foreach (var screen in Screens)
        {
            var response = await browser.GetAsync(screen);
            browser.AssertStatus(HttpStatusCode.OK, response, screen);
        }

        // The published wwwroot is served although the working directory is elsewhere.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/lib/htmx/htmx.min.js")).StatusCode);

        Assert.Contains("Hosting environment: Production", app.Output);
        Assert.Single(app.Output.Split('\n'), line => line.Contains("Serving plain HTTP without TLS on http://127.0.0.1:"));
        Assert.DoesNotContain("fail:", app.Output);
    }

    [Fact]
    public async Task The_favicon_is_served_without_signing_in()
    {
        using var anonymous = new RawBrowser(published.Direct);
        var icon = await anonymous.GetAsync("/favicon.ico");
        anonymous.AssertStatus(HttpStatusCode.OK, icon, "/favicon.ico");
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }

    [Fact]
    public async Task Behind_a_trusted_TLS_proxy_the_cookies_are_Secure_and_HSTS_is_sent()
    {
        var app = published.BehindProxy;
        using var proxy = new RawBrowser(app, fromAddress: PublishedApp.TrustedProxy, forwardedProto: "https", host: "journeyorg.example");

        var signedIn = await proxy.SignInAsync("admin", PublishedApp.AdminPassword);
        proxy.AssertStatus(HttpStatusCode.Redirect, signedIn, "sign-in");
        // Relative: the browser stays on the proxy's https address; no redirect to the app's own (absent) HTTPS port.
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("secure", proxy.CookieHeader(AntiforgeryCookie), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", proxy.CookieHeader(SessionCookie), StringComparison.OrdinalIgnoreCase);

        var dashboard = await proxy.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("max-age=31536000", dashboard.Headers.GetValues("Strict-Transport-Security").Single());
        foreach (var screen in Screens)
        {
            var response = await proxy.GetAsync(screen);
            proxy.AssertStatus(HttpStatusCode.OK, response, screen);
        }
        Assert.DoesNotContain("fail:", app.Output);
    }

    [Fact]
    public async Task A_forwarded_scheme_from_an_address_that_is_not_a_trusted_proxy_is_ignored()
    {
        // 127.0.0.1 is not in KnownProxies (127.0.0.2 only): its X-Forwarded-Proto must not make the request HTTPS.
        using var stranger = new RawBrowser(published.BehindProxy, forwardedProto: "https", host: "journeyorg.example");
        var page = await stranger.GetAsync("/account/signin");
        stranger.AssertStatus(HttpStatusCode.OK, page, "/account/signin");
        Assert.DoesNotContain("secure", stranger.CookieHeader(AntiforgeryCookie), StringComparison.OrdinalIgnoreCase);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>
    /// The import form posted without JavaScript: the antiforgery token is in the body, so the check that reads it must
    /// already have the import's limit, not every request's 4 MB (Kestrel's own limit; the in-memory test server has none).
    /// The file is large enough that its people are read on every core.
    /// </summary>
    [Fact]
    public async Task A_workspace_file_over_4_MB_is_imported_through_the_plain_form()
    {
        await using var app = await RunningApp.StartAsync(published, "large-import", []);
        using var browser = new RawBrowser(app);
        browser.AssertStatus(HttpStatusCode.Redirect, await browser.SignInAsync("admin", PublishedApp.AdminPassword), "sign-in");
        var page = await browser.GetAsync("/workspace");
        var token = Security.SecureApp.FormToken(await page.Content.ReadAsStringAsync());

        using var file = new MemoryStream();
        var workspace = WorkspaceGenerator.Generate(12_000, seed: 2);
        WorkspaceWriter.Write(workspace, file);
        Assert.True(file.Length > WorkspaceFastReader.SplitThreshold, $"{file.Length} bytes");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("replace"), "mode" },
            { new ByteArrayContent(file.ToArray()) { Headers = { ContentType = new("application/json") } }, "file", "large.json" },
        };
        var imported = await browser.SendAsync(HttpMethod.Post, "/workspace/import", form);
        browser.AssertStatus(HttpStatusCode.OK, imported, "/workspace/import");
        Assert.Contains("Imported large.json", await imported.Content.ReadAsStringAsync());

        var org = await (await browser.GetAsync("/org")).Content.ReadAsStringAsync();
        Assert.Contains($"{workspace.People.Count(p => p.AccountEnabled):N0}".Replace(",", ""), org.Replace(",", ""));
    }

    [Fact]
    public async Task The_healthcheck_verb_exits_0_when_the_app_answers_and_1_when_nothing_listens()
    {
        var cwd = published.NewDirectory("healthcheck-cwd");
        var up = await PublishedApp.RunAsync(PublishedApp.Dotnet, [published.AppDll, "healthcheck", "--url", published.Direct.BaseUrl], cwd, TimeSpan.FromMinutes(1));
        Assert.True(up.ExitCode == 0, up.Output);
        Assert.Contains("healthy", up.Output);

        // As in the container: no --url, the port comes from ASPNETCORE_URLS with a wildcard host.
        var port = new Uri(published.Direct.BaseUrl).Port;
        var fromEnvironment = await PublishedApp.RunAsync(PublishedApp.Dotnet, [published.AppDll, "healthcheck"], cwd, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://+:{port}" });
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.Output);

        var nobody = await PublishedApp.RunAsync(PublishedApp.Dotnet, [published.AppDll, "healthcheck", "--url", $"http://127.0.0.1:{PublishedApp.FreePort()}"],
            cwd, TimeSpan.FromMinutes(1));
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("unhealthy", nobody.Output);
    }
}
