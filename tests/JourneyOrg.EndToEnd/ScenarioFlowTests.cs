using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>
/// A reorg from idea to the live organisation, by picking names only. It changes the organisation for good, so it has
/// its own app and store (a class fixture), not the shared browser collection's.
/// </summary>
public sealed class ScenarioFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task PickAsync(IPage page, string label, string typed, string choice)
    {
        var box = page.GetByLabel(label, new() { Exact = true });
        var match = page.Locator(".pick-list").GetByRole(AriaRole.Button, new() { Name = choice, Exact = true });
        // The search runs after a pause in typing; a swap landing mid-typing can eat one, so type again if nothing came.
        for (var attempt = 0; ; attempt++)
        {
            await box.FillAsync(typed);
            try { await match.WaitForAsync(new() { Timeout = 3000 }); break; }
            catch (TimeoutException) when (attempt < 2) { await box.FillAsync(""); }
        }
        await match.ClickAsync();
        await Expect(box).ToHaveValueAsync(choice);
    }

    private static async Task ChooseKindAsync(IPage page, string kind)
    {
        await page.ChooseChangeKindAsync(new SelectOptionValue { Label = kind });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add change" })).ToBeVisibleAsync();
    }

    private static async Task AddAsync(IPage page, string expected)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change" }).ClickAsync();
        await Expect(page.Locator("ol.operations")).ToContainTextAsync(expected);
    }

    /// <summary>Each step of a journey map and the teams it lists as accountable.</summary>
    private static async Task<Dictionary<string, string>> OwnersAsync(IPage page)
    {
        var owners = new Dictionary<string, string>();
        foreach (var card in await page.Locator(".journey-map [data-unit]").AllAsync())
        {
            var list = card.Locator(".owner-list a");
            owners[(await card.GetAttributeAsync("data-unit"))!] = string.Join(" + ", await list.AllInnerTextsAsync());
        }
        return owners;
    }

    [BrowserFact]
    public async Task A_reorg_picked_by_name_is_seen_as_it_would_be_then_exported_imported_approved_and_applied()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/scenarios");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Lending reshaped");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create scenario" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lending reshaped", Level = 1 })).ToBeVisibleAsync();

        await ChooseKindAsync(page, "Merge two teams");
        await PickAsync(page, "Merge this team", "underw", "Underwriting");
        await PickAsync(page, "into this team", "applic", "Applications");
        await AddAsync(page, "Merge Underwriting into Applications");

        await ChooseKindAsync(page, "Move a person");
        await PickAsync(page, "Person", "cara", "Cara Lund");
        await PickAsync(page, "To team", "identity", "Identity platform");
        await AddAsync(page, "Move Cara Lund to Identity platform");

        await ChooseKindAsync(page, "Split a team");
        await PickAsync(page, "Team", "applications", "Applications");
        await page.GetByLabel("New team name").FillAsync("Offers");
        await page.Locator("#split-lists input[value='u-eli']").CheckAsync();
        await page.Locator("#split-lists input[value='s-offer']").CheckAsync();
        await AddAsync(page, "Split “Offers” off Applications");

        await ChooseKindAsync(page, "Add openings");
        await PickAsync(page, "Team", "offers", "Offers");
        await PickAsync(page, "Role", "engin", "Engineer");
        await page.GetByLabel("How many").FillAsync("2");
        await AddAsync(page, "opening(s) for Engineer in");
        await Expect(page.Locator("ol.operations")).Not.ToContainTextAsync("Cannot apply");
        await BrowserApp.ScreenshotAsync(page, "scenario-by-name");
        var scenarioUrl = page.Url;

        await page.Locator("[data-diff=journeys]").GetByRole(AriaRole.Link, new() { Name = "Get a mortgage", Exact = true }).ClickAsync();
        await Expect(page.Locator(".scenario-switch")).ToContainTextAsync("Lending reshaped");
        await Expect(page.Locator(".step-card.changed").First).ToBeVisibleAsync();
        await Expect(page.Locator(".step-card.changed .owner-before").First).ToContainTextAsync("Today:");
        var planned = await OwnersAsync(page);
        await BrowserApp.ScreenshotAsync(page, "scenario-journey-map");

        await page.GotoAsync(scenarioUrl + "/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show teams inside Lending" }).ClickAsync();
        await Expect(page.Locator("[data-team='t-offers']")).ToContainTextAsync("new team");
        await Expect(page.Locator("[data-opening]")).ToContainTextAsync("vacant 2 × Engineer");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Underwriting" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "scenario-team-hierarchy");

        await page.GotoAsync(scenarioUrl + "/matrix");
        await Expect(page.Locator("td[data-changed=true]").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "scenario-matrix");

        await page.GotoAsync(scenarioUrl);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export (.json)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);

        await page.GotoAsync("/scenarios");
        await page.GetByLabel("Scenario file (.json)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import scenario" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lending reshaped", Level = 1 })).ToBeVisibleAsync();
        Assert.NotEqual(scenarioUrl, page.Url);
        await Expect(page.Locator("[data-scenario-status]")).ToHaveTextAsync("draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark approved" }).ClickAsync();
        await Expect(page.Locator("[data-scenario-status]")).ToHaveTextAsync("approved");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add change" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "scenario-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to the organisation" }).ClickAsync();
        await Expect(page.Locator("[data-scenario=applied]")).ToContainTextAsync(BrowserApp.AdminUser);

        await page.GotoAsync("/journeys/j-mortgage");
        Assert.Equal(planned, await OwnersAsync(page));
        File.Delete(file);
    }
}
