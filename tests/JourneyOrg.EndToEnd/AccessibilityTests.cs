using System.Text.RegularExpressions;
using JourneyOrg.Web.Features.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>
/// Every main screen under axe's WCAG 2.1 A/AA rules, as each role sees it. Its own app: it adds a scenario and an
/// opportunity so that their pages exist.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ScenarioName = "Accessible scenario";
    private const string OpportunityTitle = "Accessible opportunity";

    /// <summary>The screens every role reads, by what they show and where.</summary>
    private static IEnumerable<(string What, string Url)> ReadScreens(string scenario, string opportunity) =>
    [
        ("dashboard", "/"),
        ("journey framework", "/journeys"),
        ("ownership gaps", "/journeys/gaps"),
        ("journey map", "/journeys/j-mortgage"),
        ("step page", "/journeys/j-mortgage/steps/s-form"),
        ("alignment matrix", "/matrix"),
        ("teams", "/teams"),
        ("team page", "/teams/t-apply"),
        ("team hierarchy", "/org/teams"),
        ("person page", "/people/u-ben"),
        ("scenarios", "/scenarios"),
        ("scenario", scenario),
        ("KPIs", "/metrics"),
        ("KPI", "/metrics/m-dropoff"),
        ("opportunities", "/opportunities"),
        ("opportunity", opportunity),
        ("roles", "/roles"),
        ("link to journeys", "/links"),
        ("search", "/search?q=under"),
        ("change password", "/account/password"),
        // This round's screens: the organisation as the scenario would make it, side by side, and the new read pages.
        ("scenario journey map as it would be", scenario + "/journeys/j-mortgage"),
        ("scenario org chart as it would be", scenario + "/org"),
        ("scenario team hierarchy as it would be", scenario + "/org/teams"),
        ("scenario matrix as it would be", scenario + "/matrix"),
        ("scenario team page as it would be", scenario + "/teams/t-apply"),
        ("scenarios compared", "/scenarios/compare?ids=" + scenario.Split('/')[^1] + "&ids=" + scenario.Split('/')[^1]),
        ("team scorecard KPIs", "/metrics?team=t-apply"),
        ("role page", "/roles/r-eng"),
        ("a manager's alignment", "/org/people/u-ada/alignment"),
        ("insights", "/insights"),
    ];

    /// <summary>HR data (SPEC §5): HR and admins only.</summary>
    private static readonly (string What, string Url)[] HrScreens = [("people cost", "/costs")];

    private static readonly (string What, string Url)[] PlannerScreens =
    [
        ("journey editor", "/journeys/j-mortgage/edit"), ("journey templates", "/journeys/templates"), ("a journey template", "/journeys/templates/insurance"),
    ];

    private static readonly (string What, string Url)[] AdminScreens =
    [
        ("import and export", "/workspace"), ("users", "/admin/users"), ("audit log", "/admin/audit"), ("directory sync", "/admin/directory"),
    ];

    [BrowserTheory]
    [InlineData(AppRoles.Viewer)]
    [InlineData(AppRoles.Planner)]
    [InlineData(AppRoles.HR)]
    [InlineData(AppRoles.Admin)]
    public async Task Every_main_screen_has_no_serious_accessibility_violation(string role)
    {
        var (scenario, opportunity) = await EnsureScenarioAndOpportunityAsync();
        var page = await app.NewPageAsync(BrowserApp.RoleUser(role));
        var failures = new List<string>();
        async Task Check(string what) { if (await page.FailuresAsync($"{what} as {role}") is { } failure) failures.Add(failure); }
        var screens = ReadScreens(scenario, opportunity).ToList();
        if (role == AppRoles.Planner) screens.AddRange(PlannerScreens);
        if (role == AppRoles.Admin) screens.AddRange(AdminScreens);
        if (role is AppRoles.HR or AppRoles.Admin) screens.AddRange(HrScreens);

        foreach (var (what, url) in screens)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{what} ({url}) answered {response.Status} to {role}");
            Assert.DoesNotContain("/account/denied", page.Url);
            await Check(what);
        }

        // The fragments htmx swaps in: the org chart expanded two levels, the matrix filtered, search answering as you type.
        await page.GotoAsync("/org");
        await Check("org chart");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show reports of Ada Park" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Show reports of Ben Ortiz" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cara Lund" })).ToBeVisibleAsync();
        await Check("org chart with a node expanded");

        await page.GotoAsync("/org/teams");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show teams inside Lending" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Applications", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hide teams inside Lending" })).ToHaveAttributeAsync("aria-expanded", "true");
        await Check("team hierarchy with a team expanded");

        await page.GotoAsync(scenario + "/org/teams");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show teams inside Lending" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hide teams inside Lending" })).ToBeVisibleAsync();
        await Check("scenario team hierarchy with a team expanded");

        await page.GotoAsync("/search");
        await page.GetByLabel("People, teams, journeys, phases and steps").FillAsync("mortgage");
        await Expect(page).ToHaveURLAsync(new Regex("q=mortgage"));
        await Check("search results swapped in");

        if (role != AppRoles.Viewer)
        {
            // A role that is refused a screen sees the refusal page, which must be as readable.
            await page.GotoAsync(role == AppRoles.Admin ? "/journeys/j-mortgage/edit" : "/admin/users");
            Assert.Contains("/account/denied", page.Url);
            await Check("access denied");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [BrowserFact]
    public async Task A_keyboard_alone_assigns_an_owner_to_an_unowned_phase_and_lands_on_it()
    {
        var page = await app.NewPageAsync(BrowserApp.RoleUser(AppRoles.Planner));
        await page.GotoAsync("/journeys/j-mortgage");
        await Expect(page.Locator("#phase-p-complete .status")).ToHaveTextAsync("unowned");

        // Tab to the phase's team chooser, pick the team by typing its name, Tab to Assign and press Enter.
        await page.TabToAsync(page.GetByLabel("Team for Complete", new() { Exact = true }));
        await page.Keyboard.TypeAsync("Underwriting");
        await Expect(page.GetByLabel("Team for Complete", new() { Exact = true })).ToHaveValueAsync("Underwriting");
        await page.TabToAsync(page.Locator("#owners-p-complete").GetByRole(AriaRole.Button, new() { Name = "Assign" }));
        await page.Keyboard.PressAsync("Enter");

        // The map is swapped in place; the keyboard carries on from the team just made accountable, and it is said once.
        var owner = page.Locator("#owners-p-complete").GetByRole(AriaRole.Link, new() { Name = "Underwriting" });
        await Expect(owner).ToBeFocusedAsync();
        await Expect(page.Locator("#phase-p-complete .status")).Not.ToHaveTextAsync("unowned");
        await page.AssertAnnouncedOnceAsync("Underwriting is now accountable for Get a mortgage › Complete.");
        await page.AssertAccessibleAsync("journey map after assigning an owner by keyboard");
    }

    [BrowserFact]
    public async Task A_keyboard_alone_creates_a_scenario_and_adds_a_change_to_it()
    {
        var page = await app.NewPageAsync(BrowserApp.RoleUser(AppRoles.Planner));
        await page.GotoAsync("/scenarios");
        await page.TabToAsync(page.GetByLabel("Name"));
        await page.Keyboard.TypeAsync("Keyboard scenario");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keyboard scenario", Level = 1 })).ToBeVisibleAsync();

        // Choosing the kind of change loads its fields in place; the focus stays on the chooser.
        var kind = page.GetByLabel("Kind of change");
        await page.TabToAsync(kind);
        await page.Keyboard.TypeAsync("Merge");
        await Expect(kind).ToHaveValueAsync("mergeTeams");
        await Expect(page.GetByLabel("Merge this team")).ToBeVisibleAsync();
        await Expect(kind).ToBeFocusedAsync();
        await page.TabToAsync(page.GetByLabel("Merge this team"));
        await page.Keyboard.TypeAsync("Underwriting");
        await page.TabToAsync(page.GetByLabel("into this team"));
        await page.Keyboard.TypeAsync("Applications");
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add change" }));
        await page.Keyboard.PressAsync("Space");

        await Expect(page.Locator("#scenario-operations")).ToContainTextAsync("Merge Underwriting into Applications");
        await Expect(page.Locator("#scenario-diff [data-diff=teams] .value")).ToHaveTextAsync("5 → 4");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Changes, in order" })).ToBeFocusedAsync();
        await page.AssertAnnouncedOnceAsync("Added change 1: Merge Underwriting into Applications.");
        await page.AssertAccessibleAsync("scenario after adding a change by keyboard");

        // The change's own controls are next in the tab order.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "remove change 1" })).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task A_keyboard_alone_expands_the_org_chart_and_reweights_the_ranking()
    {
        var page = await app.NewPageAsync(BrowserApp.RoleUser(AppRoles.Planner));
        await page.GotoAsync("/org");
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Show reports of Ada Park" }));
        await page.Keyboard.PressAsync("Enter");
        // The same control, now to hide them, keeps the focus; the next Tab goes into the reports just shown.
        var hide = page.GetByRole(AriaRole.Link, new() { Name = "Hide reports of Ada Park" });
        await Expect(hide).ToBeFocusedAsync();
        await Expect(hide).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ben Ortiz", Exact = true })).ToBeFocusedAsync();
        await page.AssertAccessibleAsync("org chart expanded by keyboard");

        await page.GotoAsync("/opportunities");
        await page.TabToAsync(page.GetByLabel("Customer value weight"));
        await page.Keyboard.TypeAsync("1"); // tabbing into a field selects its text, so typing replaces it
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("3");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-formula]")).ToContainTextAsync("3");
        // Enter in a field submits its form; the field, swapped in again with the new ranking, keeps the focus.
        await Expect(page.GetByLabel("Business value weight")).ToBeFocusedAsync();
        await page.AssertAnnouncedOnceAsync("Weights saved:");
        await page.AssertAccessibleAsync("opportunities re-ranked by keyboard");

        // Put the weights back for the other tests of this app.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("1");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Business value weight")).ToHaveValueAsync("1");
    }

    [BrowserFact]
    public async Task The_team_hierarchy_toggle_says_whether_it_is_open_and_keeps_the_keyboard_on_it()
    {
        var page = await app.NewPageAsync(BrowserApp.RoleUser(AppRoles.Viewer));
        await page.GotoAsync("/org/teams");
        var show = page.GetByRole(AriaRole.Link, new() { Name = "Show teams inside Lending" });
        await Expect(show).ToHaveAttributeAsync("aria-expanded", "false");
        await page.TabToAsync(show);
        await page.Keyboard.PressAsync("Enter");
        var hide = page.GetByRole(AriaRole.Link, new() { Name = "Hide teams inside Lending" });
        await Expect(hide).ToBeFocusedAsync();
        await Expect(hide).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Applications", Exact = true })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("team hierarchy expanded by keyboard");

        await page.Keyboard.PressAsync("Enter");
        await Expect(show).ToBeFocusedAsync();
        await Expect(show).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Applications", Exact = true })).ToHaveCountAsync(0);
    }

    /// <summary>1440 CSS pixels at 200% zoom: the window is 720 CSS pixels wide.</summary>
    private const int ZoomedWidth = 720;

    [BrowserFact]
    public async Task At_200_percent_zoom_only_the_journey_map_and_the_matrix_scroll_sideways_in_their_own_region()
    {
        var (scenario, opportunity) = await EnsureScenarioAndOpportunityAsync();
        var page = await app.NewPageAsync(BrowserApp.AdminUser, ZoomedWidth);
        var problems = new List<string>();
        foreach (var (what, url) in ReadScreens(scenario, opportunity).Concat(PlannerScreens).Concat(AdminScreens).Concat(HrScreens))
        {
            await page.GotoAsync(url);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1]) problems.Add($"{what} ({url}) scrolls sideways: {widths[0]} px of content in {widths[1]} px");
            // Any other box that scrolls sideways, or clips what is wider than it, hides content at this zoom
            // (a text field scrolling its own long value is not one).
            var clipped = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main *')]
                  .filter(e => !e.closest('.scroll-region, .visually-hidden, input, select, textarea') && ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX)
                               && e.scrollWidth > e.clientWidth + 1)
                  .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${e.scrollWidth} px in ${e.clientWidth} px)`)
                """);
            problems.AddRange(clipped.Select(c => $"{what} ({url}): {c} scrolls or cuts off sideways"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var (what, url) in new[] { ("journey map", "/journeys/j-mortgage"), ("alignment matrix", "/matrix") })
        {
            await page.GotoAsync(url);
            await page.AssertAccessibleAsync($"{what} at 200% zoom");
            var region = page.Locator("main .scroll-region");
            await Expect(region).ToHaveAttributeAsync("role", "region");
            await Expect(region).ToHaveAttributeAsync("aria-label", new Regex("scrolls sideways"));
            await page.TabToAsync(region);
        }

        // The sample's matrix fits in 720 pixels; its journey map does not: Tab reaches it and the arrow keys scroll it.
        await page.GotoAsync("/journeys/j-mortgage");
        var map = page.Locator("main .scroll-region");
        Assert.True(await map.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "the journey map is wider than the zoomed window");
        await page.TabToAsync(map);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync("region => region.scrollLeft > 0", await map.ElementHandleAsync());
    }

    [BrowserFact]
    public async Task The_sign_in_page_has_no_serious_accessibility_violation()
    {
        var page = await app.NewPageAsync(userName: null);
        await page.GotoAsync("/account/signin");
        await page.AssertAccessibleAsync("sign-in page");
        await page.GetByLabel("User name").FillAsync("nobody");
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        // Both fields are marked and point to the reason, so a screen reader reads it with either field.
        foreach (var field in new[] { "User name", "Password" })
        {
            await Expect(page.GetByLabel(field)).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByLabel(field)).ToHaveAccessibleDescriptionAsync("The user name or password is not right.");
        }
        await page.AssertAccessibleAsync("sign-in page after a wrong password");
    }

    [BrowserFact]
    public async Task A_refused_password_change_marks_the_field_it_is_about()
    {
        var page = await app.NewPageAsync(BrowserApp.RoleUser(AppRoles.Viewer));
        await page.GotoAsync("/account/password");
        await page.GetByLabel("Current password").FillAsync("not the password");
        await page.GetByLabel(new Regex("^New password \\(")).FillAsync("a long enough new password");
        await page.GetByLabel("New password again").FillAsync("a long enough new password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        var current = page.GetByLabel("Current password");
        await Expect(current).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(current).ToHaveAccessibleDescriptionAsync("The current password is not right.");
        await Expect(page.GetByLabel("New password again")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync("change password after a wrong current password");
    }

    private static readonly SemaphoreSlim SetUp = new(1, 1);

    /// <summary>The URLs of this app's scenario and opportunity, created by the admin the first time.</summary>
    private async Task<(string Scenario, string Opportunity)> EnsureScenarioAndOpportunityAsync()
    {
        await SetUp.WaitAsync();
        try
        {
            var page = await app.NewPageAsync();
            await page.GotoAsync("/scenarios");
            var scenario = page.GetByRole(AriaRole.Link, new() { Name = ScenarioName, Exact = true });
            if (await scenario.CountAsync() == 0)
            {
                await page.GetByLabel("Name").FillAsync(ScenarioName);
                await page.GetByRole(AriaRole.Button, new() { Name = "Create scenario" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ScenarioName, Level = 1 })).ToBeVisibleAsync();
                await page.GetByLabel("Kind of change").SelectOptionAsync("mergeTeams");
                await page.GetByLabel("Merge this team").FillAsync("Underwriting");
                await page.GetByLabel("into this team").FillAsync("Applications");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add change" }).ClickAsync();
                await Expect(page.Locator("#scenario-operations")).ToContainTextAsync("Merge Underwriting into Applications");
                // Scenarios are private to their author until shared. (The sharing form keeps the version it was rendered
                // with, so after a change added in place it needs a reload.)
                await page.ReloadAsync();
                await page.GetByLabel("Shared with (user names)").FillAsync(string.Join(", ", AppRoles.All.Select(BrowserApp.RoleUser)));
                await page.GetByRole(AriaRole.Button, new() { Name = "Save sharing" }).ClickAsync();
                await Expect(page.GetByLabel("Shared with (user names)")).ToHaveValueAsync(new Regex(BrowserApp.RoleUser(AppRoles.Viewer)));
                await page.GotoAsync("/scenarios");
            }
            var scenarioUrl = new Uri(new Uri(app.BaseUrl), await scenario.GetAttributeAsync("href")).AbsolutePath;

            await page.GotoAsync("/opportunities");
            var opportunity = page.Locator("#prioritisation").GetByRole(AriaRole.Link, new() { Name = OpportunityTitle, Exact = true });
            if (await opportunity.CountAsync() == 0)
            {
                await page.GetByText("Add an opportunity").ClickAsync();
                await page.GetByLabel("Title", new() { Exact = true }).FillAsync(OpportunityTitle);
                await page.GetByLabel("Customer Value (0–100)").FillAsync("60");
                await page.GetByLabel("Business Value (0–100)").FillAsync("40");
                await page.GetByLabel("Effort (0–5)").FillAsync("2");
                await page.GetByRole(AriaRole.Button, new() { Name = "Create opportunity" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = OpportunityTitle, Level = 1 })).ToBeVisibleAsync();
                await page.GotoAsync("/opportunities");
            }
            var opportunityUrl = new Uri(new Uri(app.BaseUrl), await opportunity.GetAttributeAsync("href")).AbsolutePath;
            await page.CloseAsync();
            return (scenarioUrl, opportunityUrl);
        }
        finally { SetUp.Release(); }
    }
}
