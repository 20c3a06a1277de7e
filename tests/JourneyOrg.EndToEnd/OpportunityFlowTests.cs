using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class OpportunityFlowTests(BrowserApp app)
{
    private static async Task CreateAsync(IPage page, string title, string customer, string business, string effort)
    {
        await page.GotoAsync("/opportunities");
        await page.GetByText("Add an opportunity").ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Customer Value (0–100)").FillAsync(customer);
        await page.GetByLabel("Business Value (0–100)").FillAsync(business);
        await page.GetByLabel("Effort (0–5)").FillAsync(effort);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create opportunity" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("new opportunity");
    }

    [BrowserFact]
    public async Task A_planner_creates_opportunities_reweights_the_ranking_and_edits_one_in_place()
    {
        var page = await app.NewPageAsync();
        await CreateAsync(page, "E2E customer favourite", "90", "10", "2");
        await CreateAsync(page, "E2E business case", "20", "70", "2");

        await page.GotoAsync("/opportunities");
        var rows = page.Locator("#prioritisation tbody tr").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("E2E ") });
        await Expect(rows.First).ToContainTextAsync("E2E customer favourite");
        await page.AssertAccessibleAsync("opportunities");

        // Business value counts three times as much: the htmx answer re-ranks the list in place.
        await page.GetByLabel("Customer value weight").FillAsync("1");
        await page.GetByLabel("Business value weight").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save weights and re-rank" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync("E2E business case");
        await BrowserApp.ScreenshotAsync(page, "opportunities-reweighted");
        await page.AssertAccessibleAsync("opportunities re-ranked in place");

        // The new-opportunity form came back out of band with the new revision: creating still works.
        await CreateAsync(page, "E2E after the weights", "50", "50", "1");

        await page.GotoAsync("/opportunities");
        await rows.Filter(new() { HasText = "E2E business case" }).GetByRole(AriaRole.Link, new() { Name = "E2E business case" }).ClickAsync();
        var opportunity = page.Locator("#opportunity");
        await opportunity.GetByLabel("Effort (0–5)").FillAsync("9");
        await opportunity.GetByRole(AriaRole.Button, new() { Name = "Save opportunity" }).ClickAsync();
        await Expect(opportunity).ToContainTextAsync("Effort must be between 0 and 5 (you entered 9).");
        await page.AssertAccessibleAsync("opportunity with an invalid effort");
        await opportunity.GetByLabel("Effort (0–5)").FillAsync("0.5");
        await opportunity.GetByRole(AriaRole.Button, new() { Name = "Save opportunity" }).ClickAsync();
        await Expect(opportunity).ToContainTextAsync("Opportunity saved.");
        await page.AssertAccessibleAsync("opportunity saved in place");

        // Put the weights back for the other browser tests that share this store.
        await page.GotoAsync("/opportunities");
        await page.GetByLabel("Business value weight").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save weights and re-rank" }).ClickAsync();
        await Expect(page.GetByLabel("Business value weight")).ToHaveValueAsync("1");
    }
}
