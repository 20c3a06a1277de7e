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
        await page.AssertAccessibleAsync("import result");

        await result.GetByRole(AriaRole.Link, new() { Name = "Link imported items to journeys" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose a step for Mobile app NPS" }).ClickAsync();
        // Choosing the journey loads its steps (htmx), so the page never lists every step of every journey.
        await page.GetByLabel("Journey", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Get a mortgage" });
        await page.GetByLabel("Step or phase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Apply › Fill in application" });
        await BrowserApp.ScreenshotAsync(page, "link-to-journeys");
        await page.AssertAccessibleAsync("link choice with the journey's steps swapped in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
        await Expect(page.Locator("#link-choice")).ToContainTextAsync("Mobile app NPS is now on Get a mortgage › Apply › Fill in application.");
        await page.AssertAccessibleAsync("link choice after linking");

        await page.GotoAsync("/journeys/j-mortgage");
        var step = page.Locator(".step-card", new() { HasText = "Fill in application" }).Filter(new() { HasText = "Mobile app NPS" });
        await Expect(step).ToHaveCountAsync(1);
        await Expect(step).ToContainTextAsync("Mobile app NPS: 20");
        await Expect(step).ToContainTextAsync("target ≥ 30");
        await Expect(step).ToContainTextAsync("off target");
        await Expect(step).ToContainTextAsync("worsening");
        await Expect(step.GetByRole(AriaRole.Img, new() { Name = "Mobile app NPS over 2 dates, from 30 to 20" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "journey-map-kpi");
        await page.AssertAccessibleAsync("journey map with a KPI");

        // The step page shows the KPI with its data points; a planner takes it off the step there.
        await step.GetByRole(AriaRole.Link, new() { Name = "Fill in application" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Fill in application");
        var kpis = page.Locator("#step-journey-management");
        await Expect(kpis).ToContainTextAsync("Mobile app NPS: 20");
        await Expect(kpis.GetByRole(AriaRole.Table, new() { Name = "Latest data points of Mobile app NPS" })).ToContainTextAsync("2024-02-29");
        await BrowserApp.ScreenshotAsync(page, "step-page");
        await page.AssertAccessibleAsync("step page");
        await kpis.GetByRole(AriaRole.Button, new() { Name = "Unlink Mobile app NPS from this step" }).ClickAsync();
        await Expect(kpis).ToContainTextAsync("Mobile app NPS is no longer on this step.");
        await Expect(kpis.GetByLabel("Link a KPI that is on no journey")).ToContainTextAsync("Mobile app NPS");
        await page.AssertAccessibleAsync("step page after unlinking a KPI");
    }
}
