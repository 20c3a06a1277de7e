using Microsoft.Playwright;
using JourneyOrg.Domain;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>Editing the journeys and who owns them, as a planner does it in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditingFlowTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_planner_owns_a_whole_journey_removes_a_step_owner_and_undoes_it()
    {
        var page = await app.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/journeys/j-mortgage");

        // Journey level: the team is picked by name from the server's matches.
        var journey = page.Locator("[data-journey-owners]");
        await journey.GetByLabel("Team for the whole of Get a mortgage").FillAsync("applic");
        await journey.GetByRole(AriaRole.Button, new() { Name = "Applications" }).ClickAsync();
        await journey.GetByRole(AriaRole.Button, new() { Name = "Assign to the journey" }).ClickAsync();
        var done = page.Locator("[data-edit-done]");
        await Expect(done).ToContainTextAsync("Applications is now accountable for Get a mortgage.");
        await Expect(done).ToContainTextAsync("closed the gap on Get a mortgage › Complete");
        await Expect(page.Locator("[data-journey-owners] [data-kind=accountable]")).ToContainTextAsync("Applications");
        await BrowserApp.ScreenshotAsync(page, "journey-map-ownership-change");

        // Step level: a step's own owner goes, and the map says the overlap on it closed.
        await page.Locator("[data-unit=s-offer]").GetByRole(AriaRole.Button, new() { Name = "Remove Applications from Make an offer" }).ClickAsync();
        await Expect(done).ToContainTextAsync("closed the overlap on Get a mortgage › Decide › Make an offer");
        Assert.DoesNotContain((await app.Store.LoadAsync()).Workspace.Ownership, o => o is { TeamId: "t-apply", TargetId: "s-offer" });

        // Undo puts it back.
        await done.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(done).ToContainTextAsync("Undone: Applications accountable for Get a mortgage › Decide › Make an offer again.");
        Assert.Contains(new Ownership("t-apply", "s-offer", OwnershipKind.Accountable), (await app.Store.LoadAsync()).Workspace.Ownership);
        await page.AssertAccessibleAsync("journey map after an ownership change and its undo");
    }
}
