using JourneyOrg.Web.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>The app over the demo organisation (Harbour Mutual), for the team screens as people meet them.</summary>
public sealed class DemoBrowserApp : IAsyncLifetime
{
    public BrowserApp App { get; } = new(() => DemoData.LoadAsync());
    public Task InitializeAsync() => App.InitializeAsync();
    public Task DisposeAsync() => App.DisposeAsync();
}

public sealed class TeamFlowTests(DemoBrowserApp demo) : IClassFixture<DemoBrowserApp>
{
    private static Task<int> PageWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    [BrowserFact]
    public async Task The_team_page_fits_1440_pixels_and_shows_the_scorecard()
    {
        var page = await demo.App.NewPageAsync();
        foreach (var team in new[] { "t-motor-sales", "t-pricing", "t-motor-claims", "t-identity-platform" })
        {
            await page.GotoAsync($"/teams/{team}");
            Assert.True(await PageWidthAsync(page) <= 1440, $"/teams/{team} is {await PageWidthAsync(page)} px wide at 1,440");
            // Nothing is cut off inside a panel either: no table or link sticks out of the box it is in.
            var clipped = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.panel')].filter(p => p.scrollWidth > p.clientWidth + 1)
                        .map(p => (p.querySelector('h2')?.textContent ?? '?') + ': ' + p.scrollWidth + ' > ' + p.clientWidth)
                """);
            Assert.True(clipped.Length == 0, $"/teams/{team}: " + string.Join("; ", clipped));
        }
        await page.GotoAsync("/teams/t-motor-sales");
        var scorecard = page.Locator("[data-section=team-scorecard]");
        await Expect(scorecard.GetByRole(AriaRole.Link, new() { Name = "Quote to policy conversion" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Team API" })).ToBeVisibleAsync();
        await scorecard.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDirectory, "team-scorecard.png") });
        await BrowserApp.ScreenshotAsync(page, "team-page");
    }

    [BrowserFact]
    public async Task Neighbouring_teams_on_the_handoff_strip_have_different_colours()
    {
        var page = await demo.App.NewPageAsync();
        await page.GotoAsync("/journeys/j-buy-motor");
        var colours = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('.handoff-strip .unit')].map(u => [u.querySelector('.owner').textContent, getComputedStyle(u).backgroundColor])
            """);
        var pairs = 0;
        for (var i = 1; i < colours.Length; i++)
        {
            if (colours[i][0] == colours[i - 1][0] || colours[i][0] == "No owner" || colours[i - 1][0] == "No owner") continue;
            Assert.NotEqual(colours[i - 1][1], colours[i][1]);
            pairs++;
        }
        Assert.True(pairs > 0, "the motor journey hands over between teams");
    }

    [BrowserFact]
    public async Task A_planner_previews_a_template_from_the_picker()
    {
        var page = await demo.App.NewPageAsync();
        await page.GotoAsync("/journeys");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add journeys from a template" }).ClickAsync();
        await Expect(page.Locator("[data-template]")).ToHaveCountAsync(JourneyOrg.Templates.JourneyTemplates.All.Count);
        Assert.True(await PageWidthAsync(page) <= 1440);
        await BrowserApp.ScreenshotAsync(page, "template-picker");
        await page.Locator("[data-template=telecom]").GetByRole(AriaRole.Link, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Telecom", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Fix broadband that stopped working")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "template-preview");
    }
}
