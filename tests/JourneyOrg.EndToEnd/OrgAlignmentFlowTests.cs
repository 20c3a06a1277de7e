using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class OrgAlignmentFlowTests(BrowserApp app)
{
    [BrowserFact]
    public async Task From_the_org_chart_a_leader_opens_the_handoffs_they_settle_and_lands_on_the_journey_map()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show reports of Ada Park" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ben Ortiz", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".serves-bar").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "org-chart-aligned");

        await page.Locator("a[href='/org/people/u-ada/alignment#handoffs']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What Ada Park's organisation serves" })).ToBeVisibleAsync();
        await Expect(page.Locator("#handoffs")).ToHaveTextAsync("1 handoff Ada Park settles");
        await BrowserApp.ScreenshotAsync(page, "manager-alignment");

        await page.Locator("a[href='/journeys/j-mortgage#handoff-s-form']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get a mortgage", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator("#handoff-s-form");
        await Expect(row).ToBeInViewportAsync();
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Ada Park" })).ToHaveAttributeAsync("href", "/org/people/u-ada/alignment");
    }
}
