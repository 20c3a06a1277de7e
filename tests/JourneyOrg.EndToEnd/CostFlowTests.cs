using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class CostFlowTests(BrowserApp app)
{
    [BrowserFact]
    public async Task Hr_uploads_costs_sees_the_cost_to_serve_and_plans_an_opening_with_its_cost()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/costs");

        // A file with a bad row is refused whole, naming the row.
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "costs.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("personId,annualCost\nu-ada,150000\nu-nobody,1\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.Locator("[data-errors]")).ToContainTextAsync("line 3, column 1: no person with id 'u-nobody'");
        await BrowserApp.ScreenshotAsync(page, "hr-cost-upload-errors");

        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "costs.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("personId,mail,annualCost\n,ada@example.com,\"150,000\"\nu-ben,,118000\nu-cara,,96000\nu-dev,,92000\nu-eli,,88000\nu-fay,,104000\nu-gus,,71000\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Saved the annual cost of 7 people.");
        await Expect(page.Locator("[data-cost-to-serve]")).ToContainTextAsync("Get a mortgage");
        await Expect(page.Locator("[data-cost=total] .value")).ToHaveTextAsync("EUR 719,000");
        await BrowserApp.ScreenshotAsync(page, "hr-people-cost");

        await page.GotoAsync("/");
        await Expect(page.Locator("[data-section=cost-to-serve]")).ToContainTextAsync("EUR");
        await BrowserApp.ScreenshotAsync(page, "hr-dashboard-cost-to-serve");

        await page.GotoAsync("/journeys/j-mortgage");
        await Expect(page.Locator("[data-cost=phase]").First).ToContainTextAsync("EUR");
        await BrowserApp.ScreenshotAsync(page, "hr-journey-map-cost");

        await page.GotoAsync("/teams/t-apply");
        await Expect(page.Locator("[data-cost=team] .value")).ToHaveTextAsync("EUR 260,000");

        // A new role with the cost of an opening, then an opening of it in a scenario.
        await page.GotoAsync("/roles");
        await page.GetByLabel("Title").FillAsync("Journey owner");
        await page.GetByLabel("Annual cost of an opening (EUR)").FillAsync("105000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add role" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/roles/r-journey-owner$"));
        await Expect(page.Locator("[data-hr]")).ToContainTextAsync("EUR 105,000 a year");

        await page.GotoAsync("/scenarios");
        await page.GetByLabel("Name").FillAsync("Journey owners for mortgages");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create scenario" }).ClickAsync();
        await page.ChooseChangeKindAsync(new SelectOptionValue { Value = "addOpening" });
        await page.GetByLabel("Team", new() { Exact = true }).FillAsync("Applications");
        await page.GetByLabel("Role", new() { Exact = true }).FillAsync("Journey owner");
        await page.GetByLabel("How many").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change" }).ClickAsync();
        await Expect(page.Locator("#scenario-operations")).ToContainTextAsync("2 opening(s) for Journey owner in Applications");
        await page.ChooseChangeKindAsync(new SelectOptionValue { Value = "movePerson" });
        await page.GetByLabel("Person", new() { Exact = true }).FillAsync("Fay Chen");
        await page.GetByLabel("To team").FillAsync("Applications");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add change" }).ClickAsync();
        var diff = page.Locator("#scenario-diff");
        await Expect(diff.Locator("[data-diff=planned-cost] .value")).ToHaveTextAsync("EUR 210,000");
        await Expect(diff.Locator("[data-diff=journey-cost]")).ToContainTextAsync("Get a mortgage");
        await BrowserApp.ScreenshotAsync(page, "hr-scenario-cost");
    }
}
