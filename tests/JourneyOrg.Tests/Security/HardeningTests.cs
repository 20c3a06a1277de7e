using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.Audit;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Security;

public sealed class HardeningTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Every_response_carries_the_security_headers_and_a_strict_content_security_policy()
    {
        var client = app.CreateClient();
        foreach (var url in new[] { "/", "/teams", "/css/site.css", "/healthz" })
        {
            var response = await client.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public void No_view_has_inline_script_or_style_that_the_policy_would_block()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "JourneyOrg.Web", "Features");
        var offenders = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"<script(?![^>]*\ssrc=)|<style|\sstyle=""|\son[a-z]+=""|hx-on|javascript:"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_even_from_htmx()
    {
        var client = app.CreateClient();
        var withoutToken = WebAppFactory.Htmx(HttpMethod.Post, "/roles");
        withoutToken.Content = new FormUrlEncodedContent([new("id", "r-csrf"), new("title", "Forged")]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(withoutToken)).StatusCode);
        var api = await client.PostAsync("/api/scenarios/simulate", new StringContent("{\"operations\":[]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.DoesNotContain((await app.Store.LoadAsync()).Workspace.Roles, r => r.Id == "r-csrf");

        var withToken = WebAppFactory.Htmx(HttpMethod.Post, "/roles");
        withToken.Headers.Add(Htmx.AntiforgeryHeader, await WebAppFactory.AntiforgeryTokenAsync(client));
        withToken.Content = new FormUrlEncodedContent([new("id", "r-csrf"), new("title", "Allowed")]);
        Assert.NotEqual(HttpStatusCode.BadRequest, (await client.SendAsync(withToken)).StatusCode);
    }

    [Fact]
    public async Task Outside_development_errors_show_a_correlation_id_and_no_details_and_HTTPS_is_enforced()
    {
        using var production = new SecureApp("Production", new Dictionary<string, string?> { ["https_port"] = "443" });
        var broken = production.WithWebHostBuilder(b => b.WithTestSignIn().ConfigureTestServices(s =>
            s.AddSingleton<IStore>(new BrokenStore(production.Store))));
        var https = broken.CreateClient(new() { BaseAddress = new Uri("https://journeyorg.example"), AllowAutoRedirect = false });
        var page = await https.GetAsync("/teams");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("correlation-id", html);
        Assert.DoesNotContain("s3cret-connection", html);
        Assert.DoesNotContain("BrokenStore", html);
        Assert.DoesNotContain(" at ", html);
        var api = await https.GetAsync("/api/analysis");
        var json = await api.Content.ReadAsStringAsync();
        Assert.Contains("correlationId", json);
        Assert.DoesNotContain("s3cret-connection", json);

        Assert.Contains("max-age=", (await https.GetAsync("/healthz")).Headers.GetValues("Strict-Transport-Security").Single());
        var plain = broken.CreateClient(new() { BaseAddress = new Uri("http://journeyorg.example"), AllowAutoRedirect = false });
        var redirect = await plain.GetAsync("/healthz");
        Assert.True(redirect.StatusCode is HttpStatusCode.RedirectKeepVerb or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, $"{redirect.StatusCode}");
        Assert.Equal("https", redirect.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task An_import_larger_than_the_configured_limit_is_refused_before_it_is_read()
    {
        var limited = app.WithWebHostBuilder(b => b.UseSetting("JourneyOrg:Auth:MaxImportBytes", "1000"));
        var client = limited.CreateClient();
        var token = await WebAppFactory.AntiforgeryTokenAsync(client);
        var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[5000]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, "file", "big.json" } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/workspace/import") { Content = form };
        request.Headers.Add(Htmx.AntiforgeryHeader, token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("import limit", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_with_a_clear_error()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Htmx.AntiforgeryHeader, await WebAppFactory.AntiforgeryTokenAsync(client));
        var deep = new string('[', 200) + new string(']', 200);
        var response = await client.PostAsync("/api/scenarios/simulate", new StringContent($"{{\"operations\":{deep}}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("depth", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var import = WorkspaceReader.Read("{\"journeys\":" + deep + "}");
        Assert.Null(import.Workspace);
        Assert.Contains(import.Errors, e => e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Names_longer_than_200_characters_or_with_control_characters_are_refused_with_a_clear_error()
    {
        var workspace = new Workspace([], [new Person("u-1", new string('x', 201), null, null, null, null, null, true)],
            [new Team("t-1", "Bell\u0007team", null, null, null, [])], [], [], []);
        var errors = WorkspaceValidator.Validate(workspace);
        Assert.Contains(errors, e => e.Path == "$.people[0].displayName" && e.Message.Contains("at most 200"));
        Assert.Contains(errors, e => e.Path == "$.teams[0].name" && e.Message.Contains("control character (U+0007)"));
        Assert.Empty(WorkspaceValidator.Validate(workspace with
        {
            People = [workspace.People[0] with { DisplayName = new string('x', 200) }],
            Teams = [workspace.Teams[0] with { Name = "<img src=x onerror=alert(1)>" }],
        }));
    }

    [Fact]
    public void Audit_csv_cells_cannot_run_as_spreadsheet_formulas()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\")\"", AuditController.Cell("=HYPERLINK(\"http://evil\")"));
        Assert.Equal("\"'@SUM(A1)\"", AuditController.Cell("@SUM(A1)"));
        Assert.Equal("\"a, b\"", AuditController.Cell("a, b"));
        Assert.Equal("plain", AuditController.Cell("plain"));
    }

    /// <summary>A store whose reads fail with a message that must never reach the browser.</summary>
    private sealed class BrokenStore(IStore inner) : IStore
    {
        private static Exception Boom() => new InvalidOperationException("s3cret-connection string refused");
        public string Description => inner.Description;
        public Task InitializeAsync(CancellationToken c = default) => inner.InitializeAsync(c);
        public Task<bool> IsEmptyAsync(CancellationToken c = default) => inner.IsEmptyAsync(c);
        public Task<WorkspaceSnapshot> LoadAsync(CancellationToken c = default) => throw Boom();
        public Task<long> GetRevisionAsync(CancellationToken c = default) => throw Boom();
        public Task<long> ReplaceAsync(Workspace w, CancellationToken c = default) => throw Boom();
        public Task<long> ApplyAsync(WorkspaceChangeSet s, long? r, CancellationToken c = default) => throw Boom();
        public Task<WorkspaceChangesSince?> ChangesSinceAsync(long r, CancellationToken c = default) => throw Boom();
        public Task<IReadOnlyList<StoredScenario>> ListScenariosAsync(CancellationToken c = default) => throw Boom();
        public Task<StoredScenario?> GetScenarioAsync(string id, CancellationToken c = default) => throw Boom();
        public Task<StoredScenario> SaveScenarioAsync(StoredScenario s, long? v, CancellationToken c = default) => throw Boom();
        public Task<bool> DeleteScenarioAsync(string id, CancellationToken c = default) => throw Boom();
        public Task<string?> GetStateAsync(string key, CancellationToken c = default) => inner.GetStateAsync(key, c);
        public Task SetStateAsync(string key, string? value, CancellationToken c = default) => inner.SetStateAsync(key, value, c);
        public Task<IReadOnlyList<KeyValuePair<string, string>>> ListStateAsync(string prefix, CancellationToken c = default) => inner.ListStateAsync(prefix, c);
        public Task<bool> TryAcquireLeaseAsync(string n, string h, TimeSpan d, CancellationToken c = default) => inner.TryAcquireLeaseAsync(n, h, d, c);
        public Task ReleaseLeaseAsync(string n, string h, CancellationToken c = default) => inner.ReleaseLeaseAsync(n, h, c);
        private IAccountStore Accounts => inner;
        public Task<Account?> GetAccountAsync(string u, CancellationToken c = default) => Accounts.GetAccountAsync(u, c);
        public Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken c = default) => Accounts.ListAccountsAsync(c);
        public Task<Account> SaveAccountAsync(Account a, long? v, AuditEntry e, CancellationToken c = default) => Accounts.SaveAccountAsync(a, v, e, c);
        public Task AppendAuditAsync(AuditEntry e, CancellationToken c = default) => Accounts.AppendAuditAsync(e, c);
        public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery q, CancellationToken c = default) => Accounts.ListAuditAsync(q, c);
    }
}
