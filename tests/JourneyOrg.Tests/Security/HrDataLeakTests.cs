using System.Globalization;
using System.Net;
using System.Text;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.Security;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// SPEC §5 and issue 16: people cost, role families and levels, and openings reach HR and Admin only. Every GET endpoint the
/// app maps (route values filled with every id of a workspace seeded with unmistakable figures), the search, the analysis
/// API, the simulation API and a scenario edit are requested as a Viewer and as a Planner; no answer may carry any of them.
/// </summary>
public sealed class HrDataLeakTests : IClassFixture<HrDataLeakTests.CostApp>
{
    public sealed class CostApp : WebAppFactory
    {
        public const string ScenarioId = "sc-hr-leak";

        public CostApp()
        {
            Workspace = SampleWorkspace.Create() with
            {
                Roles = [new Role("r-lead", "Product lead", "Zetafamily", "GRADE-QX6") { AnnualCost = 191_919 }, new Role("r-eng", "Engineer", "Etafamily", "GRADE-QX4") { AnnualCost = 181_818 }],
                Costs =
                [
                    new PersonCost("u-ada", 271_828.18), new PersonCost("u-ben", 314_159.26), new PersonCost("u-cara", 161_803.39),
                    new PersonCost("u-dev", 141_421.36), new PersonCost("u-eli", 173_205.08), new PersonCost("u-fay", 223_606.79),
                    new PersonCost("u-gus", 244_948.97),
                ],
                Currency = "CHF",
            };
            Store.ReplaceAsync(Workspace).GetAwaiter().GetResult();
            var document = """
                { "name": "Grow applications", "operations": [
                  { "op": "createRole", "roleId": "r-zanzibar", "title": "Zanzibar navigator", "family": "Zetafamily", "level": "GRADE-QX9", "annualCost": 123457 },
                  { "op": "addOpening", "teamId": "t-apply", "roleId": "r-zanzibar", "count": 7, "allocation": 0.5 },
                  { "op": "addOpening", "teamId": "t-underwriting", "roleId": "r-eng", "count": 3 },
                  { "op": "movePerson", "personId": "u-dev", "fromTeamId": "t-underwriting", "toTeamId": "t-apply" } ] }
                """;
            var now = DateTimeOffset.UtcNow;
            Store.SaveScenarioAsync(new StoredScenario(ScenarioId, "Grow applications", ScenarioStatus.Draft, document, null, now, now, 0), null)
                .GetAwaiter().GetResult();
        }

        public Workspace Workspace { get; }
    }

    private readonly CostApp _app;

    public HrDataLeakTests(CostApp app) => _app = app;

    /// <summary>
    /// Every cost figure the HR screens can show, in every form a page or file writes it, and the other HR-only words. The
    /// currency is looked for as the screens write it ("CHF 1,234"): three letters alone turn up in antiforgery tokens.
    /// </summary>
    private IReadOnlyList<string> Forbidden()
    {
        var report = AlignmentAnalysis.Analyze(_app.Workspace);
        var cost = report.Cost!;
        var figures = cost.Teams.Concat(cost.Phases).Concat(cost.Journeys).Concat(cost.Units)
            .Concat(_app.Workspace.Costs.Select(c => c.AnnualCost))
            .Append(cost.TotalCost).Append(cost.UnmappedCost).Append(191_919).Append(181_818).Append(123_457)
            .Append(7 * 0.5 * 123_457).Append(3 * 181_818.0)
            .Where(f => f >= 10_000).ToList();
        var forbidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in figures)
        {
            var rounded = Math.Round(f, MidpointRounding.AwayFromZero);
            forbidden.Add(rounded.ToString("#,0", CultureInfo.InvariantCulture));
            forbidden.Add(Math.Truncate(f).ToString("0", CultureInfo.InvariantCulture));
            forbidden.Add(rounded.ToString("0", CultureInfo.InvariantCulture));
        }
        forbidden.UnionWith(["GRADE-QX", "Zetafamily", "Etafamily", "Zanzibar", "r-zanzibar", "planned-fte", "Planned FTE", "FTE planned", "data-openings",
            "openings-heading", "\"cost\"", "totalCost", "unmappedCost", "journeyCost", "annualCost", "CHF "]);
        return [.. forbidden];
    }

    private IEnumerable<string> GetUrls()
    {
        _ = _app.Server;
        foreach (var url in EndpointUrls.Get(_app.Services, EndpointUrls.ValuesFor(_app.Workspace, "r-zanzibar", CostApp.ScenarioId)))
            yield return url;
        foreach (var q in new[] { "Zanzibar", "GRADE", "Zetafamily", "Product lead", "Ada", "271828", "CHF", "opening" })
            yield return "/search?q=" + Uri.EscapeDataString(q);
        yield return $"/scenarios/compare?ids={CostApp.ScenarioId}&ids={CostApp.ScenarioId}";
        yield return $"/scenarios/{CostApp.ScenarioId}?op=addOpening";
        yield return $"/scenarios/{CostApp.ScenarioId}/operation-form?op=createRole";
        yield return "/matrix.csv";
    }

    [Theory]
    [InlineData(AppRoles.Viewer)]
    [InlineData(AppRoles.Planner)]
    public async Task No_answer_to_a_viewer_or_a_planner_carries_a_cost_a_level_or_an_opening(string role)
    {
        var forbidden = Forbidden();
        var client = _app.CreateClient(new() { AllowAutoRedirect = false }).As("reader-" + role.ToLowerInvariant(), role);
        var problems = new List<string>();
        var answered = 0;
        async Task Check(string what, HttpResponseMessage response, string? typed = null)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK) answered++;
            // The search page repeats what the user typed; that is theirs, not HR data.
            if (typed is not null) body = body.Replace(typed, "", StringComparison.Ordinal);
            foreach (var word in forbidden)
                if (body.Contains(word, StringComparison.Ordinal)) problems.Add($"{what} ({(int)response.StatusCode}) carries '{word}'");
            foreach (var (name, value) in response.Headers.Concat(response.Content.Headers))
                if (forbidden.Any(f => string.Join(",", value).Contains(f, StringComparison.Ordinal))) problems.Add($"{what}: header {name}");
        }

        foreach (var url in GetUrls())
        {
            var typed = url.StartsWith("/search?q=", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["/search?q=".Length..]) : null;
            await Check("GET " + url, await client.GetAsync(url), typed);
            var htmx = WebAppFactory.Htmx(HttpMethod.Get, url);
            await Check("GET (htmx) " + url, await client.SendAsync(htmx), typed);
        }
        var scenario = (await _app.Store.GetScenarioAsync(CostApp.ScenarioId))!.Document;
        await Check("POST /api/scenarios/simulate", await client.PostAsync("/api/scenarios/simulate", new StringContent(scenario, Encoding.UTF8, "application/json")));
        await Check("POST /api/scenarios/simulate (invalid)", await client.PostAsync("/api/scenarios/simulate",
            new StringContent("""{"name":"x","operations":[{"op":"deleteTeam","teamId":"t-none"}]}""", Encoding.UTF8, "application/json")));

        // A change refused by the scenario editor answers with the scenario's changes and diff.
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, $"/scenarios/{CostApp.ScenarioId}");
        var post = WebAppFactory.Htmx(HttpMethod.Post, $"/scenarios/{CostApp.ScenarioId}/operations");
        post.Headers.Add("RequestVerificationToken", token);
        post.Content = new FormUrlEncodedContent([new("op", "addOpening"), new("version", "1"), new("teamId", "t-apply"), new("roleId", "r-eng"), new("count", "2")]);
        await Check("POST /scenarios/{id}/operations", await client.SendAsync(post));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(answered > 60, $"only {answered} answers were 200 OK");
    }

    [Fact]
    public async Task Hr_sees_the_figures_the_others_do_not()
    {
        var hr = _app.CreateClient().As("harriet", AppRoles.HR);
        var costs = await hr.GetStringAsync("/costs");
        Assert.Contains("CHF", costs);
        var total = AlignmentAnalysis.Analyze(_app.Workspace).Cost!.TotalCost;
        Assert.Contains(Math.Round(total).ToString("#,0", CultureInfo.InvariantCulture), costs);
        Assert.Contains("\"totalCost\"", await hr.GetStringAsync("/api/analysis"));
        var scenario = await hr.GetStringAsync($"/scenarios/{CostApp.ScenarioId}");
        Assert.Contains("Zanzibar navigator", System.Net.WebUtility.HtmlDecode(scenario));
        Assert.Contains("planned-cost", scenario);
        Assert.Contains("GRADE-QX6", await hr.GetStringAsync("/roles"));
        Assert.Contains("Etafamily", await hr.GetStringAsync("/roles/r-eng"));
        Assert.Contains("r-zanzibar (new in the scenario)", await hr.GetStringAsync("/roles"));
        // The change list: cost before → after per line, openings priced, the organisation's total last.
        var csv = (await hr.GetStringAsync($"/scenarios/{CostApp.ScenarioId}/changes.csv")).Split("\r\n");
        Assert.EndsWith(",note,cost before,cost after", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("person,u-dev,", StringComparison.Ordinal) && l.EndsWith(",141421.36,141421.36", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("opening,t-apply,", StringComparison.Ordinal) && l.EndsWith(",,432099.5", StringComparison.Ordinal));
        var totalText = total.ToString("0.##", CultureInfo.InvariantCulture);
        Assert.Contains(csv, l => l.StartsWith("total people cost,", StringComparison.Ordinal) && l.Contains($",{totalText},", StringComparison.Ordinal));
        var admin = _app.CreateClient().As("ada-admin", AppRoles.Admin);
        Assert.Contains("\"unmappedCost\"", await admin.GetStringAsync("/api/analysis"));
    }
}
