using System.Net;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.Security;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// A draft scenario is its author's until shared. Every GET endpoint the app maps (route values filled with every id,
/// the private scenario's among them) is requested, as a page and as an htmx fragment, by someone it is not shared with,
/// in each role; no answer may name the scenario, its team, role or opening. A new screen that lists or opens scenarios
/// without <see cref="ScenarioAccess.ListVisibleAsync"/> or <see cref="ScenarioAccess.GetVisibleAsync"/> fails here.
/// </summary>
public sealed class ScenarioVisibilityTests : IClassFixture<ScenarioVisibilityTests.PrivateScenarioApp>
{
    public sealed class PrivateScenarioApp : WebAppFactory
    {
        public const string ScenarioId = "sc-private-7x";
        public const string Author = "pia";

        public PrivateScenarioApp()
        {
            // Every word the scenario adds carries "quokka", so one search finds any of them in an answer.
            var document = """
                { "name": "Quokka reorg", "operations": [
                  { "op": "createTeam", "teamId": "t-quokka", "name": "Quokka squad", "parentId": null },
                  { "op": "renameTeam", "teamId": "t-underwriting", "name": "Quokka underwriting" },
                  { "op": "createRole", "roleId": "r-quokka", "title": "Quokka wrangler", "family": "Quokkafamily", "level": "QUOKKA-1", "annualCost": 100000 },
                  { "op": "addOpening", "teamId": "t-apply", "roleId": "r-quokka", "count": 2 } ] }
                """;
            var now = DateTimeOffset.UtcNow;
            Store.SaveScenarioAsync(new StoredScenario(ScenarioId, "Quokka reorg", ScenarioStatus.Draft, document, Author, now, now, 0), null)
                .GetAwaiter().GetResult();
        }
    }

    private readonly PrivateScenarioApp _app;

    public ScenarioVisibilityTests(PrivateScenarioApp app) => _app = app;

    private IEnumerable<string> Urls()
    {
        _ = _app.Server;
        var workspace = SampleWorkspace.Create();
        foreach (var url in EndpointUrls.Get(_app.Services, EndpointUrls.ValuesFor(workspace, PrivateScenarioApp.ScenarioId, "t-quokka", "r-quokka")))
            yield return url;
        yield return $"/scenarios/compare?ids={PrivateScenarioApp.ScenarioId}&ids={PrivateScenarioApp.ScenarioId}";
        yield return $"/scenarios/{PrivateScenarioApp.ScenarioId}?op=addOpening";
        yield return "/search?q=quokka";
    }

    /// <summary>What each answer says about the scenario, apart from the id the request itself carried.</summary>
    private async Task<Dictionary<string, (HttpStatusCode Status, bool Names)>> RequestEverythingAsync(HttpClient client)
    {
        var answers = new Dictionary<string, (HttpStatusCode, bool)>();
        foreach (var url in Urls())
        {
            foreach (var htmx in new[] { false, true })
            {
                var request = htmx ? WebAppFactory.Htmx(HttpMethod.Get, url) : new HttpRequestMessage(HttpMethod.Get, url);
                var response = await client.SendAsync(request);
                // What the request itself carried (an id, a search term) may come back; the scenario's own words may not.
                var body = await response.Content.ReadAsStringAsync();
                foreach (var part in url.Split(['/', '?', '&', '=']).Where(p => p.Length > 2))
                    body = body.Replace(part, "", StringComparison.Ordinal);
                answers[(htmx ? "htmx " : "") + url] = (response.StatusCode, body.Contains("quokka", StringComparison.OrdinalIgnoreCase)
                                                                             || body.Contains(PrivateScenarioApp.ScenarioId, StringComparison.Ordinal));
            }
        }
        return answers;
    }

    [Theory]
    [InlineData(AppRoles.Viewer)]
    [InlineData(AppRoles.Planner)]
    [InlineData(AppRoles.HR)]
    [InlineData(AppRoles.Admin)]
    public async Task No_answer_shows_a_scenario_to_someone_it_is_not_shared_with(string role)
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false }).As("otto-" + role.ToLowerInvariant(), role, AppRoles.Viewer);
        var answers = await RequestEverythingAsync(client);
        // The audit log is the Admin's record of every write, scenarios included; it is not a way to open one.
        var leaks = answers.Where(a => a.Value.Names && !a.Key.Contains("/admin/audit", StringComparison.Ordinal))
            .Select(a => $"GET {a.Key} ({(int)a.Value.Status}) names the scenario").ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        // Opening it answers exactly as a scenario that does not exist.
        foreach (var (url, answer) in answers.Where(a => a.Key.Contains(PrivateScenarioApp.ScenarioId, StringComparison.Ordinal)))
        {
            var missing = url.Replace(PrivateScenarioApp.ScenarioId, "sc-no-such", StringComparison.Ordinal);
            var request = url.StartsWith("htmx ", StringComparison.Ordinal)
                ? WebAppFactory.Htmx(HttpMethod.Get, missing["htmx ".Length..]) : new HttpRequestMessage(HttpMethod.Get, missing);
            var expected = (await client.SendAsync(request)).StatusCode;
            Assert.True(answer.Status == expected, $"GET {url} answered {(int)answer.Status}, a scenario that does not exist {(int)expected}");
        }
        Assert.True(answers.Count(a => a.Value.Status == HttpStatusCode.OK) > 60, "too few pages answered 200 OK to mean anything");
    }

    [Fact]
    public async Task The_author_sees_it_wherever_the_others_do_not()
    {
        // The same requests as the author (HR too, so the planned opening shows): the check above looks where the scenario is.
        var client = _app.CreateClient(new() { AllowAutoRedirect = false }).As(PrivateScenarioApp.Author, AppRoles.Planner, AppRoles.HR, AppRoles.Viewer);
        var seen = (await RequestEverythingAsync(client)).Where(a => a.Value.Names).Select(a => a.Key).ToHashSet();
        Assert.Contains("/scenarios", seen);
        Assert.Contains("/org", seen);                // the Today → scenario choice
        Assert.Contains("/roles", seen);              // the opening it plans
        Assert.Contains("/teams/t-apply", seen);      // the opening on its team's page
        Assert.Contains($"/scenarios/{PrivateScenarioApp.ScenarioId}", seen);
        Assert.Contains($"/scenarios/{PrivateScenarioApp.ScenarioId}/print", seen);
        Assert.True(seen.Count > 20, $"the author sees the scenario on only {seen.Count} answers");
    }
}
