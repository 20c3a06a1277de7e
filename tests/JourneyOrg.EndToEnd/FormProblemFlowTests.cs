using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>
/// A refused save as a user meets it, on a KPI's definition form (every edit form answers the same way): the field
/// at fault is marked, says why, and has the focus; the address and what was typed stay; the fixed save says so.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormProblemFlowTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_refused_KPI_marks_the_field_keeps_the_page_and_the_fixed_save_says_so()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/metrics/m-nps");
        var target = page.GetByLabel("Target", new() { Exact = true });
        var unit = page.GetByLabel("Unit", new() { Exact = true });
        await unit.FillAsync("points");
        await target.FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save KPI" }).ClickAsync();

        await Expect(target).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(target).ToHaveAccessibleDescriptionAsync("Target: 'lots' is not a number (use a decimal point).");
        await Expect(target).ToBeFocusedAsync();
        await Expect(target).ToHaveValueAsync("lots");
        await Expect(unit).ToHaveValueAsync("points");
        Assert.EndsWith("/metrics/m-nps", page.Url);
        // The summary at the top of the form leads to the field.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved. Change the marked field.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Target: 'lots' is not a number (use a decimal point)." })).ToHaveAttributeAsync("href", "#edit-metric-target");
        await page.Locator("section[aria-labelledby='edit-metric-heading']").ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDirectory, "refused-form.png") });
        await page.AssertAccessibleAsync("KPI page with a refused definition");

        await target.FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save KPI" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved the KPI" })).ToHaveTextAsync("Saved the KPI “Satisfaction”.");
        Assert.EndsWith("/metrics/m-nps", page.Url);
        await Expect(page.GetByLabel("Target", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Unit", new() { Exact = true })).ToHaveValueAsync("points");
        await page.AssertAccessibleAsync("KPI page after a saved definition");
    }
}
