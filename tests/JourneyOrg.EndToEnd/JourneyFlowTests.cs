using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

[Collection(BrowserCollection.Name)]
public sealed class JourneyFlowTests(BrowserApp app)
{
    [BrowserFact]
    public async Task Assigning_an_owner_to_an_unowned_phase_lowers_the_dashboards_unowned_count()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var unowned = page.Locator("[data-figure=unowned-phases] .value");
        await Expect(unowned).ToBeVisibleAsync();
        var before = int.Parse(await unowned.InnerTextAsync());
        Assert.True(before > 0, "the sample organisation has an unowned phase");
        await BrowserApp.ScreenshotAsync(page, "dashboard");
        await page.AssertAccessibleAsync("dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Journeys", Exact = true }).ClickAsync();
        await page.AssertAccessibleAsync("journey framework");
        await page.GetByRole(AriaRole.Link, new() { Name = "Get a mortgage" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get a mortgage", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "journey-map");
        await page.AssertAccessibleAsync("journey map");

        var phase = page.Locator("#owners-p-complete");
        // The team is picked by name: the server answers the typed letters with matches to choose from.
        var picker = phase.GetByRole(AriaRole.Searchbox, new() { Name = "Team for Complete" });
        await picker.FillAsync("writ");
        await phase.GetByRole(AriaRole.Button, new() { Name = "Underwriting" }).ClickAsync();
        await Expect(picker).ToHaveValueAsync("Underwriting");
        await phase.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        // htmx swaps the map in place: the phase now lists its accountable team.
        await Expect(page.Locator("#owners-p-complete").GetByRole(AriaRole.Link, new() { Name = "Underwriting" })).ToBeVisibleAsync();
        await Expect(page.Locator("#phase-p-complete .status")).Not.ToHaveTextAsync("unowned");
        await page.AssertAccessibleAsync("journey map after assigning an owner");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(page.Locator("[data-figure=unowned-phases] .value")).ToHaveTextAsync((before - 1).ToString());
        await page.AssertAccessibleAsync("dashboard after assigning an owner");
    }

    [BrowserFact]
    public async Task The_org_chart_expands_a_person_in_place()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/org");
        await Expect(page.GetByText("Cara Lund")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync("org chart");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show reports of Ada Park" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Show reports of Ben Ortiz" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cara Lund" })).ToBeVisibleAsync();
        Assert.EndsWith("/org", page.Url); // expanded in place, not navigated
        await BrowserApp.ScreenshotAsync(page, "org-chart");
        await page.AssertAccessibleAsync("org chart expanded two levels");
        var hide = page.GetByRole(AriaRole.Link, new() { Name = "Hide reports of Ben Ortiz" });
        await Expect(hide).ToHaveAttributeAsync("aria-expanded", "true");
        await hide.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cara Lund" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Show reports of Ben Ortiz" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("org chart collapsed again");
    }

    [BrowserFact]
    public async Task Search_answers_as_you_type()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/search");
        await page.GetByLabel("People, teams, journeys, phases and steps").FillAsync("under");
        await Expect(page.Locator("#search-results").GetByRole(AriaRole.Link, new() { Name = "Underwriting" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("q=under"));
        await page.AssertAccessibleAsync("search results swapped in");
    }

    [BrowserFact]
    public async Task Main_screens_render_for_the_screenshots()
    {
        var page = await app.NewPageAsync();
        foreach (var (url, name) in new[]
                 {
                     ("/journeys", "journey-framework"), ("/matrix", "alignment-matrix"), ("/teams", "teams"),
                     ("/teams/t-apply", "team-page"), ("/people/u-ben", "person-page"), ("/org/teams", "team-hierarchy"),
                 })
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}");
            await BrowserApp.ScreenshotAsync(page, name);
            await page.AssertAccessibleAsync(name);
        }
    }

    [BrowserFact]
    public async Task Importing_an_invalid_file_shows_its_errors_next_to_the_upload()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/workspace");
        await page.GetByLabel("Workspace file (.json)").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""{ "format": "journeyorg/v1", "teams": [ { "id": "t-x", "name": "X", "parentId": "t-nowhere" } ] }"""),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var result = page.Locator("#import-result");
        await Expect(result).ToContainTextAsync("broken.json was not imported");
        // Where, as a person counts: the first team, by its name, and which of its fields.
        await Expect(result).ToContainTextAsync("team 1 “X”: the unit it is part of");
        Assert.EndsWith("/workspace", page.Url);
        await BrowserApp.ScreenshotAsync(page, "import-errors");
        await page.AssertAccessibleAsync("import with its errors swapped in");
    }

    [BrowserFact]
    public async Task A_scenario_that_merges_two_teams_shows_its_effect_as_it_is_built()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/scenarios");
        await page.GetByLabel("Name").FillAsync("One lending team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create scenario" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "One lending team", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("new scenario");

        await page.GetByLabel("Kind of change").SelectOptionAsync("mergeTeams");
        await page.GetByLabel("Merge this team").FillAsync("Underwriting");
        await page.GetByLabel("into this team").FillAsync("Applications");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change" }).ClickAsync();

        var diff = page.Locator("#scenario-diff");
        await Expect(diff.Locator("[data-diff=teams] .value")).ToHaveTextAsync("5 → 4");
        await Expect(diff).ToContainTextAsync("overlap resolved");
        await Expect(page.Locator("#scenario-operations")).ToContainTextAsync("Merge Underwriting into Applications");
        await BrowserApp.ScreenshotAsync(page, "scenario-planner");
        await page.AssertAccessibleAsync("scenario after adding a change");

        // Names are looked up in the organisation as the scenario has made it so far: the merged team is gone, so a change
        // naming it is refused at its field and nothing is added.
        await page.GetByLabel("Kind of change").SelectOptionAsync("deleteTeam");
        await page.GetByLabel("Team", new() { Exact = true }).FillAsync("Underwriting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change" }).ClickAsync();
        await Expect(page.Locator("#scenario-operations")).ToContainTextAsync("no team is called 'Underwriting'");
        await page.AssertAccessibleAsync("scenario with a change refused at its field");
        await Expect(page.Locator("#scenario-operations ol.operations > li")).ToHaveCountAsync(1);
        await Expect(diff.Locator("[data-diff=teams] .value")).ToHaveTextAsync("5 → 4");
    }

    [BrowserFact]
    public async Task Focus_is_visible_when_tabbing()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
    }
}
