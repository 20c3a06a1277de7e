using System.Text;
using System.Text.RegularExpressions;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>
/// A scenario as HR and a planner see its org chart, and the scenario on paper. Its own app: it prices roles in the store.
/// </summary>
public sealed class ScenarioPrintFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ScenarioId = "sc-print";

    private async Task SeedAsync()
    {
        if (await app.Store.GetScenarioAsync(ScenarioId) is not null) return;
        var workspace = (await app.Store.LoadAsync()).Workspace;
        await app.Store.ReplaceAsync(workspace with
        {
            Roles = [.. workspace.Roles.Select(r => r.Id == "r-eng" ? r with { AnnualCost = 95_000 } : r)],
            Currency = "EUR",
        });
        await app.ScreensCaughtUpAsync();
        var document = """
            { "name": "Lending reshaped", "description": "One lending team, a document-checks team and two engineers to hire.", "operations": [
              { "op": "mergeTeams", "sourceTeamId": "t-underwriting", "targetTeamId": "t-apply" },
              { "op": "createTeam", "teamId": "t-doc", "name": "Document checks", "parentId": "t-lending" },
              { "op": "movePerson", "personId": "u-fay", "toTeamId": "t-doc" },
              { "op": "setManager", "personId": "u-fay", "managerId": "u-ben" },
              { "op": "assignOwnership", "teamId": "t-doc", "targetId": "p-complete", "kind": "accountable" },
              { "op": "addOpening", "teamId": "t-doc", "roleId": "r-eng", "count": 2 } ] }
            """;
        var now = DateTimeOffset.UtcNow;
        await app.Store.SaveScenarioAsync(new StoredScenario(ScenarioId, "Lending reshaped", ScenarioStatus.Proposed, document, null, now, now, 0), null);
    }

    [BrowserFact]
    public async Task Hr_sees_openings_as_vacant_positions_in_the_org_chart_and_a_planner_does_not()
    {
        await SeedAsync();
        var hr = await app.NewPageAsync(BrowserApp.RoleUser(AppRoles.HR));
        await hr.GotoAsync($"/scenarios/{ScenarioId}/org");
        await hr.GetByRole(AriaRole.Link, new() { Name = "Show teams inside Lending" }).ClickAsync();
        var doc = hr.Locator("li", new() { Has = hr.Locator("[data-team='t-doc']") });
        await Expect(doc.Locator("[data-opening]")).ToContainTextAsync("vacant 2 × Engineer (2 FTE, EUR 190,000 a year)");
        await Expect(doc.Locator("[data-planned-fte]")).ToContainTextAsync("+2 FTE planned · EUR 190,000 a year");
        await BrowserApp.ScreenshotAsync(hr, "scenario-openings-org-chart");
        await hr.AssertAccessibleAsync("scenario org chart with vacant positions, as HR");

        await hr.GotoAsync($"/scenarios/{ScenarioId}/org/people");
        await hr.GetByRole(AriaRole.Link, new() { Name = "Show reports of Ada Park" }).ClickAsync();
        await Expect(hr.Locator("[data-person='u-ben'] [data-manager-figures]")).ToContainTextAsync("1 move in");
        await BrowserApp.ScreenshotAsync(hr, "scenario-reporting-lines");
        await hr.AssertAccessibleAsync("scenario reporting lines, as HR");

        var planner = await app.NewPageAsync(BrowserApp.RoleUser(AppRoles.Planner));
        await planner.GotoAsync($"/scenarios/{ScenarioId}/org");
        await planner.GetByRole(AriaRole.Link, new() { Name = "Show teams inside Lending" }).ClickAsync();
        await Expect(planner.Locator("[data-team='t-doc']")).ToContainTextAsync("Document checks");
        await Expect(planner.Locator("[data-opening]")).ToHaveCountAsync(0);
        await Expect(planner.Locator("[data-planned-fte]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task The_print_view_fits_a4_landscape()
    {
        await SeedAsync();
        var page = await app.NewPageAsync(BrowserApp.AdminUser);
        await page.GotoAsync($"/scenarios/{ScenarioId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Print view (A4)" }).ClickAsync();
        await Expect(page.Locator("h1").First).ToHaveTextAsync("Lending reshaped");
        await Expect(page.Locator("[data-print-journey='j-mortgage']")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("scenario print view");

        // A4 landscape is 297 mm wide; less the 10 mm margins, 277 mm = 1047 CSS pixels. Nothing may stick out.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(1047, 740);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 1047, $"the printed page is {width} CSS pixels wide, wider than A4 landscape");
        var tooWide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 1048).slice(0, 5).map(e => e.tagName + '.' + e.className)");
        Assert.Empty(tooWide);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDirectory, "scenario-print.png"), FullPage = true });

        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true }));
        var boxes = Regex.Matches(pdf, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]").Select(m => (W: double.Parse(m.Groups[1].Value), H: double.Parse(m.Groups[2].Value))).ToList();
        Assert.NotEmpty(boxes);
        // A4 landscape in PDF points: 842 × 595.
        Assert.All(boxes, b => Assert.True(Math.Abs(b.W - 842) < 2 && Math.Abs(b.H - 595) < 2, $"page {b.W} × {b.H} pt is not A4 landscape"));
        // The changes and diff, then one page per touched journey: a handful of pages, not a runaway layout.
        Assert.InRange(boxes.Count, 2, 12);
    }

    [BrowserFact]
    public async Task A_proposal_is_summarised_before_it_becomes_a_draft_and_each_change_says_why()
    {
        var page = await app.NewPageAsync(BrowserApp.AdminUser);
        await page.GotoAsync("/scenarios");
        await page.GetByLabel("Smallest team").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose a structure" }).ClickAsync();
        await Expect(page.Locator("[data-proposal-summary]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-histogram='teams'] svg.hbar").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "proposal-summary");
        await page.AssertAccessibleAsync("proposal summary");
        await page.Locator("[data-action='accept-proposal']").ClickAsync();
        await Expect(page.Locator("[data-reason]").First).ToContainTextAsync("Why:");
        await BrowserApp.ScreenshotAsync(page, "proposal-reasons");
        await page.AssertAccessibleAsync("proposed scenario with its reasons");
    }
}
