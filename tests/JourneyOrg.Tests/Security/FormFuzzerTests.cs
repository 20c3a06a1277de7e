using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Storage;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.SignIn;
using JourneyOrg.Web.Storage.Sqlite;
using JourneyOrg.Workspaces;
using Xunit.Abstractions;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// A hostile user on every form: signed in as each role, crawl the app from the dashboard (same-origin links, two clicks
/// deep), then post every form found with hostile values. No answer may be a server error, no answer may carry the
/// hostile markup as markup, and the store must still hold a valid workspace. Run against each store.
/// </summary>
/// <remarks>
/// Bounds, to keep the run short: at most <see cref="MaxPagesPerRole"/> pages per role; forms are deduplicated by action and
/// field names; each form gets <see cref="ValuesPerForm"/> of the hostile values (now all 16). Odd rounds make every field hostile, hidden ones (revision, version) and
/// the htmx header included; even rounds keep hidden fields, so the hostile value reaches the rules behind them. Each
/// form is also posted once with an unknown id in its address. The sign-out form and the Users page's forms for the
/// crawling accounts themselves are left out: they would end the crawler's session (the session tests cover them).
/// </remarks>
public abstract class FormFuzzerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "fuzzing password 1";
    private const int MaxPagesPerRole = 60;
    private const int MaxDepth = 2;
    private const string Marker = "jo_xss";

    /// <summary>The hostile values (16): empty, long, markup breaking out of text and of attributes, SQL and Cypher, numbers that do not parse, unknown ids, control characters.</summary>
    public static readonly IReadOnlyList<string> HostileValues =
    [
        "",
        new string('x', 3000),
        $"<script>{Marker}()</script>",
        $"\"><img src=x onerror={Marker}()>",
        $"' data-{Marker}='1",
        "'; DROP TABLE teams; --",
        "x' OR '1'='1",
        "\") MATCH (n) DETACH DELETE n //",
        "NaN",
        "1e309",
        "-99999999999999999999",
        "no-such-id-4711",
        "line\r\nbreak\0nul\u0001\u001f",
        "\u202Eevil\uFFFF",
        "../../etc/passwd",
        "{{7*7}}@(1+1)${x}",
    ];

    private static readonly (string User, string[] Roles)[] Crawlers =
    [
        ("fz-viewer", [AppRoles.Viewer]),
        ("fz-planner", [AppRoles.Viewer, AppRoles.Planner]),
        ("fz-hr", [AppRoles.Viewer, AppRoles.HR]),
        ("fz-admin", [.. AppRoles.All]),
    ];

    protected abstract Task<(IStore Store, string Spec)> CreateStoreAsync();
    /// <summary>All of them: about 2,300 posts, a minute or two per store; lower it (the values rotate over the forms) if that grows.</summary>
    private static int ValuesPerForm => HostileValues.Count;

    private IStore _store = null!;
    private StoreApp _app = null!;
    private readonly List<string> _problems = [];
    private readonly HtmlParser _parser = new();
    private int _posts;

    public async Task InitializeAsync()
    {
        (_store, var spec) = await CreateStoreAsync();
        await _store.ReplaceAsync(SampleWorkspace.Create());
        var accounts = (IAccountStore)_store;
        foreach (var (user, roles) in Crawlers)
        {
            var account = new Account(user, user, roles, null, false, false, 0, null, DateTimeOffset.UtcNow, null, 0);
            await accounts.SaveAccountAsync(account with { PasswordHash = LocalAccounts.Hash(account, Password) }, null,
                AuditEntry.Now(AuditActions.AccountCreate, user, "fuzzer setup"));
        }
        _app = new StoreApp(spec, environment: "Production");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    [StoreFact]
    public async Task Every_form_survives_hostile_values_as_every_role()
    {
        var pagesSeen = new List<string>();
        foreach (var (user, _) in Crawlers)
        {
            var client = await SignInAsync(user);
            var (pages, forms) = await CrawlAsync(client, user);
            pagesSeen.AddRange(pages);
            output.WriteLine($"{user}: {pages.Count} pages, {forms.Count} distinct forms");
            // Nobody is shown a form their role cannot use: a Viewer's pages hold none (but sign-out).
            if (user == "fz-viewer") Assert.True(forms.Count == 0, "a Viewer is offered " + string.Join(", ", forms.Select(f => $"{f.Action} on {f.FoundOn}")));
            var round = 0;
            foreach (var form in forms)
            {
                for (var i = 0; i < ValuesPerForm; i++, round++)
                {
                    var value = HostileValues[round % HostileValues.Count];
                    await PostAsync(client, form, value, allFields: i % 2 == 1, user);
                }
                await PostAsync(client, form with { Action = UnknownId(form.Action) }, null, allFields: false, user);
            }
        }
        output.WriteLine($"{_posts} posts");

        // What the posts stored shows as text on every page afterwards.
        var admin = await SignInAsync("fz-admin");
        foreach (var url in pagesSeen.Distinct())
            await CheckAsync(await admin.GetAsync(url), $"GET {url} (after the posts)");

        var errors = WorkspaceValidator.Validate((await _store.LoadAsync()).Workspace);
        Assert.True(errors.Count == 0, "the store holds an invalid workspace:\n" + string.Join("\n", errors.Take(20)));
        Assert.True(_problems.Count == 0, $"{_problems.Count} problems in {_posts} posts:\n" + string.Join("\n", _problems.Distinct().Take(60)));
        Assert.True(_posts > 100, $"only {_posts} posts: the crawl found too few forms");
    }

    private async Task<HttpClient> SignInAsync(string user)
    {
        var client = _app.Browser();
        var response = await SecureApp.SignInAsync(client, user, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private sealed record FormField(string Name, string Value, bool Hidden, bool File);

    private sealed record FuzzForm(string Action, bool Htmx, bool Multipart, IReadOnlyList<FormField> Fields, string Token, string FoundOn);

    private async Task<(List<string> Pages, List<FuzzForm> Forms)> CrawlAsync(HttpClient client, string user)
    {
        var pages = new List<string>();
        var forms = new Dictionary<string, FuzzForm>();
        var queue = new Queue<(string Url, int Depth)>([("/", 0)]);
        var seen = new HashSet<string> { "/" };
        while (queue.Count > 0 && pages.Count < MaxPagesPerRole)
        {
            var (url, depth) = queue.Dequeue();
            var response = await client.GetAsync(url);
            var body = await CheckAsync(response, $"{user} GET {url}");
            if (body is null || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            pages.Add(url);
            var document = _parser.ParseDocument(body);
            var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            foreach (var form in document.QuerySelectorAll("form"))
            {
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)) continue;
                var action = form.GetAttribute("hx-post") ?? form.GetAttribute("action") ?? url;
                if (action.Length == 0) action = url;
                if (action == "/account/signout" || action.StartsWith("/admin/users/fz-", StringComparison.Ordinal)) continue;
                var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]")
                    .Where(f => f.GetAttribute("name") != "__RequestVerificationToken")
                    .Select(f => new FormField(f.GetAttribute("name")!, DefaultValue(f),
                        string.Equals(f.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase),
                        string.Equals(f.GetAttribute("type"), "file", StringComparison.OrdinalIgnoreCase)))
                    .DistinctBy(f => f.Name).ToList();
                var key = action + "?" + string.Join("&", fields.Select(f => f.Name).Order());
                forms.TryAdd(key, new FuzzForm(action, form.HasAttribute("hx-post"),
                    string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase),
                    fields, form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? token, url));
            }
            if (depth >= MaxDepth) continue;
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!link.StartsWith('/') || link.StartsWith("//") || link.StartsWith("/css/") || link.StartsWith("/lib/")) continue;
                var target = link.Split('#')[0];
                if (target.Length > 0 && seen.Add(target)) queue.Enqueue((target, depth + 1));
            }
        }
        return (pages, forms.Values.ToList());
    }

    private static string DefaultValue(IElement field) => field.LocalName switch
    {
        "select" => field.QuerySelector("option[selected]")?.GetAttribute("value") ?? field.QuerySelector("option")?.GetAttribute("value") ?? "",
        "textarea" => field.TextContent,
        _ => field.GetAttribute("value") ?? "",
    };

    /// <summary>The action with its id segment (/teams/{id}/rename, /scenarios/{id}) replaced by one that does not exist.</summary>
    private static string UnknownId(string action)
    {
        var parts = action.Split('?')[0].Split('/');
        if (parts.Length < 3) return action;
        parts[2] = "no-such-id-4711";
        return string.Join('/', parts);
    }

    private async Task PostAsync(HttpClient client, FuzzForm form, string? value, bool allFields, string user)
    {
        var values = form.Fields.Select(f => (f.Name, Value: value is null || (f.Hidden && !allFields) ? f.Value : value, f.File)).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, form.Action);
        request.Headers.Add("RequestVerificationToken", form.Token);
        if (form.Htmx != allFields) request.Headers.Add("HX-Request", "true");
        if (form.Multipart)
        {
            var content = new MultipartFormDataContent { { new StringContent(form.Token), "__RequestVerificationToken" } };
            foreach (var (name, v, file) in values)
                if (file) content.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(v)), name, "hostile.json");
                else content.Add(new StringContent(v), name);
            request.Content = content;
        }
        else
            request.Content = new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))
                .Append(new("__RequestVerificationToken", form.Token)));
        _posts++;
        var what = $"{user} POST {form.Action} (from {form.FoundOn}) with {Describe(value)}{(allFields ? " in every field" : "")}";
        var response = await client.SendAsync(request);
        await CheckAsync(response, what);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            && response.Headers.Location?.OriginalString is { } location && location.StartsWith('/') && !location.StartsWith("//"))
        {
            if (location.StartsWith("/account/signin")) _problems.Add($"{what}: signed the crawler out");
            else await CheckAsync(await client.GetAsync(location), what + " → GET " + location);
        }
    }

    private static string Describe(string? value) => value switch
    {
        null => "its own values",
        "" => "empty values",
        { Length: > 40 } => $"{value.Length} characters",
        _ => "'" + string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "'",
    };

    /// <summary>Records a server error or hostile markup that came back as markup; returns the body.</summary>
    private async Task<string?> CheckAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            _problems.Add($"{what}: {(int)response.StatusCode}");
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType == "text/html" && body.Contains(Marker, StringComparison.Ordinal))
        {
            var document = _parser.ParseDocument(body);
            var injected = document.QuerySelectorAll("script").Any(s => s.TextContent.Contains(Marker))
                || document.All.Any(e => e.Attributes.Any(a => a.Name.Contains(Marker) || (a.Name.StartsWith("on") && a.Value.Contains(Marker))));
            if (injected) _problems.Add($"{what}: hostile markup came back unescaped");
        }
        return body;
    }
}

public sealed class SqliteFormFuzzerTests(ITestOutputHelper output) : FormFuzzerTests(output)
{
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-fuzz-").FullName;

    protected override async Task<(IStore, string)> CreateStoreAsync()
    {
        var store = new SqliteWorkspaceStore(Path.Combine(_directory, "fuzz.db"));
        await store.InitializeAsync();
        return (store, "sqlite:" + store.Path);
    }
}

[Collection(Neo4jCollection.Name)]
public sealed class Neo4jFormFuzzerTests(ITestOutputHelper output) : FormFuzzerTests(output), IStoreAvailability
{
    public static string? SkipReason => Neo4jTestServer.SkipReason;

    protected override async Task<(IStore, string)> CreateStoreAsync() =>
        (await Neo4jTestServer.CreateEmptyStoreAsync(), "neo4j:" + Neo4jTestServer.Url);
}
