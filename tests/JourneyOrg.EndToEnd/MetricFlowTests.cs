using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class MetricFlowTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_planner_records_a_KPI_value_and_sees_the_history_and_the_reading_change()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/metrics?status=off");
        var row = page.Locator("tr[data-metric='m-dropoff']");
        await Expect(row).ToContainTextAsync("off target");
        await page.AssertAccessibleAsync("KPIs off target");
        await row.GetByRole(AriaRole.Link, new() { Name = "Drop-off" }).ClickAsync();

        var history = page.Locator("#metric-body");
        await Expect(history).ToContainTextAsync("No data points yet");
        await Expect(history).ToContainTextAsync("target ≤ 20");
        await page.AssertAccessibleAsync("KPI without data points");

        // Each value goes in through the htmx form and comes back as a new history fragment.
        foreach (var (date, value) in new[] { ("2026-09-30", "31"), ("2026-10-31", "24"), ("2026-11-30", "18") })
        {
            await page.GetByLabel("Date", new() { Exact = true }).FillAsync(date);
            await page.GetByLabel("Value (%)", new() { Exact = true }).FillAsync(value);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
            await Expect(history.GetByRole(AriaRole.Img, new() { NameRegex = new Regex($"to {date}, latest {value}") })).ToBeVisibleAsync();
        }
        await Expect(history).ToContainTextAsync("on target");
        await Expect(history).ToContainTextAsync("improving");
        await Expect(history.Locator("circle.dot.bad")).ToHaveCountAsync(2);
        await Expect(history.Locator("circle.dot.good")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "kpi-history");
        await page.AssertAccessibleAsync("KPI history after recording values");

        await page.GotoAsync("/metrics?status=on");
        await Expect(page.Locator("tr[data-metric='m-dropoff']")).ToContainTextAsync("18%");
    }
}
