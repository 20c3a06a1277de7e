using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class JourneyManagementFlowTests(BrowserApp app)
{
    // NPS 30 in January, 20 in February: worse, and under the target of 30.
    private const string TheyDoMetrics = """
        { "format": "THEYDO_METRICS_V1",
          "metrics": [ { "type": "NPS", "importKey": "e2e-app-nps", "title": "Mobile app NPS", "unit": "",
                         "targetComparisonOperator": "MORE_THAN_OR_EQUAL_TO", "target": 30,
                         "dataPoints": [ { "dateOfMeasurement": "2024-01-31", "promoters": 50, "passives": 30, "detractors": 20 },
                                         { "dateOfMeasurement": "2024-02-29", "promoters": 40, "passives": 40, "detractors": 20 } ] } ] }
        """;

    [BrowserFact]
    public async Task An_imported_TheyDo_metric_linked_to_a_step_shows_on_the_journey_map_against_its_target()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/workspace");
        await page.GetByLabel("Workspace file (.json)").SetInputFilesAsync(new FilePayload
        {
            Name = "theydo-metrics.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes(TheyDoMetrics),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var result = page.Locator("#import-result");
        await Expect(result).ToContainTextAsync("Imported theydo-metrics.json (THEYDO_METRICS_V1): 1 record added");

        await result.GetByRole(AriaRole.Link, new() { Name = "Link imported items to journeys" }).ClickAsync();
        await page.GetByLabel("Mobile app NPS").SelectOptionAsync(new SelectOptionValue { Label = "Apply › Fill in application" });
        await page.Locator("li", new() { Has = page.GetByLabel("Mobile app NPS") }).GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
        await Expect(page.Locator("#unlinked")).ToContainTextAsync("Mobile app NPS is now on Get a mortgage › Apply › Fill in application.");
        await BrowserApp.ScreenshotAsync(page, "link-to-journeys");

        await page.GotoAsync("/journeys/j-mortgage");
        var step = page.Locator(".step-card", new() { HasText = "Fill in application" }).Filter(new() { HasText = "Mobile app NPS" });
        await Expect(step).ToHaveCountAsync(1);
        await Expect(step).ToContainTextAsync("Mobile app NPS: 20");
        await Expect(step).ToContainTextAsync("target ≥ 30");
        await Expect(step).ToContainTextAsync("off target");
        await Expect(step).ToContainTextAsync("worsening");
        await Expect(step.GetByRole(AriaRole.Img, new() { Name = "Mobile app NPS over 2 dates, from 30 to 20" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "journey-map-kpi");
    }
}
