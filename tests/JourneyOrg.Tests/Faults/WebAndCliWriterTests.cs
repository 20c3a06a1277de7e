using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Cli;
using JourneyOrg.Web.Storage.Sqlite;
using JourneyOrg.Workspaces;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace JourneyOrg.Tests.Faults;

/// <summary>
/// The published shape of a busy installation: the web app serving planners while an operator's CLI import writes to
/// the same SQLite file, each its own operating-system process. Every write either lands whole, or is refused in words
/// that say to try again (the CLI's exit code 3; the web's 422 "changed meanwhile" or 503 "busy"), and nothing that was
/// reported saved is lost to the other writer.
/// </summary>
public sealed class WebAndCliWriterTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private const string Password = "a long enough password 42";
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-writers-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_web_app_and_a_CLI_import_writing_one_store_at_once_lose_nothing()
    {
        var path = Path.Combine(_directory, "store.db");
        var store = new SqliteWorkspaceStore(path);
        await store.InitializeAsync();
        await store.ReplaceAsync(SampleWorkspace.Create());
        var (added, _, addError) = await AppProcess.RunAsync(Timeout, "users", "add", "ops", "--role", "Planner", "--password", Password, "--store", "sqlite:" + path);
        Assert.True(added == CliApp.Success, addError);

        using var web = AppProcess.Start("--urls=http://127.0.0.1:0", $"JourneyOrg:Store=sqlite:{path}");
        var deadline = DateTime.UtcNow + Timeout;
        while (!web.Stdout.Contains("Now listening on") && !web.HasExited && DateTime.UtcNow < deadline) await Task.Delay(100);
        var address = Regex.Match(web.Stdout, @"Now listening on: (http://\S+)").Groups[1].Value;
        Assert.True(address.Length > 0, "the web app started: " + web.Stdout + web.Stderr);
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(address),
        };
        await SignInAsync(client);

        var cliLanded = new List<string>();
        var cliRefused = new List<string>();
        var webSaved = new List<string>();
        var webRefused = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var prefix = $"t-cli{round}";
            using var import = AppProcess.Start("import", WorkspaceFileWithTeams(prefix, 400), "--merge", "--store", "sqlite:" + path);
            // The planner keeps saving new teams while the import runs (and a few times after, to see the web recover).
            for (var i = 0; !import.HasExited || i < 3; i++)
            {
                var name = $"Web {round}-{i}";
                var (status, location, html) = await CreateTeamAsync(client, name);
                switch (status)
                {
                    case HttpStatusCode.Redirect when location?.StartsWith("/teams/t-", StringComparison.Ordinal) == true: webSaved.Add(name); break;
                    case HttpStatusCode.UnprocessableEntity:
                        Assert.Contains("changed the workspace", WebUtility.HtmlDecode(html));
                        webRefused.Add(name);
                        break;
                    case HttpStatusCode.ServiceUnavailable:
                        Assert.Contains("try again", html, StringComparison.OrdinalIgnoreCase);
                        webRefused.Add(name);
                        break;
                    default: Assert.Fail($"creating {name} answered {(int)status} {location}: {html}"); break;
                }
                if (i > 200) Assert.Fail("the import did not finish while the web app was saving");
            }
            var exit = await import.ExitCodeAsync(Timeout);
            output.WriteLine($"round {round}: import exit {exit} {import.Stderr.Trim()}; web saved {webSaved.Count}, refused {webRefused.Count} so far");
            if (exit == CliApp.Success) cliLanded.Add(prefix);
            else
            {
                Assert.Equal(CliApp.TryAgain, exit);
                Assert.Contains("Try again", import.Stderr);
                cliRefused.Add(prefix);
            }
        }

        SqliteConnection.ClearAllPools();
        var after = (await new SqliteWorkspaceStore(path).LoadAsync()).Workspace;
        Assert.Empty(WorkspaceValidator.Validate(after));
        var ids = after.Teams.Select(t => t.Id).ToHashSet();
        var names = after.Teams.Select(t => t.Name).ToHashSet();
        // Whole or not at all, on both sides; nothing reported saved is lost.
        foreach (var prefix in cliLanded) Assert.All(Enumerable.Range(0, 400), i => Assert.Contains($"{prefix}-{i}", ids));
        foreach (var prefix in cliRefused) Assert.DoesNotContain(ids, id => id.StartsWith(prefix + "-", StringComparison.Ordinal));
        Assert.All(webSaved, name => Assert.Contains(name, names));
        Assert.All(webRefused, name => Assert.DoesNotContain(name, names));
        Assert.Equal(webSaved.Count, after.Teams.Count(t => t.Name.StartsWith("Web ", StringComparison.Ordinal)));
        // The writers took turns rather than one shutting the other out.
        Assert.NotEmpty(cliLanded);
        Assert.NotEmpty(webSaved);

        // The web app caught up with the command line's merges by applying the store's change log, not by loading it
        // again, and shows what the store holds.
        var stored = await new SqliteWorkspaceStore(path).GetRevisionAsync();
        var teams = await client.GetStringAsync("/teams");
        for (var wait = 0; ShownRevision(teams) != stored && wait < 300; wait++)
        {
            await Task.Delay(100);
            teams = await client.GetStringAsync("/teams");
        }
        Assert.Equal(stored, ShownRevision(teams));
        Assert.Contains($"Team {cliLanded[^1]} 399", await client.GetStringAsync($"/teams/{cliLanded[^1]}-399"));
        Assert.Contains("Followed the store to revision", web.Stdout);
    }

    private static long ShownRevision(string page) => long.Parse(Regex.Match(page, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value);

    private static async Task SignInAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/signin");
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "ops", ["password"] = Password, ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    /// <summary>Posts the new-team form as a browser would: the page's token and the revision it shows.</summary>
    private static async Task<(HttpStatusCode Status, string? Location, string Html)> CreateTeamAsync(HttpClient client, string name)
    {
        var page = await client.GetStringAsync("/teams");
        var revision = Regex.Match(page, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var response = await client.PostAsync("/teams", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name, ["Revision"] = revision, ["__RequestVerificationToken"] = Token(page),
        }));
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    private static string Token(string page) =>
        WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    private string WorkspaceFileWithTeams(string prefix, int count) => AppProcess.SampleFileWithTeams(_directory, prefix, count);
}
