using Microsoft.Playwright;
using JourneyOrg.Domain;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>
/// Editing the journeys and who owns them, as a planner does it in the browser. Its own app: these flows change the
/// sample organisation (the unowned phase gets an owner, a journey goes) that the shared browser flows count on.
/// </summary>
public sealed class EditingFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_planner_owns_a_whole_journey_removes_a_step_owner_and_undoes_it()
    {
        var page = await app.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/journeys/j-mortgage");

        // Journey level: the team is picked by name from the server's matches.
        var journey = page.Locator("[data-journey-owners]");
        await journey.GetByLabel("Team for the whole of Get a mortgage", new() { Exact = true }).FillAsync("applic");
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

        // The matrix shows each kind as what it is: a phase owner as A, a step owner who also contributes to the phase as
        // A + C, an owner through the journey or a sub-journey as I.
        await page.GotoAsync("/matrix?journey=j-mortgage");
        await Expect(page.Locator("#cell-t-underwriting--p-decide")).ToHaveAttributeAsync("title", "accountable (overlap)");
        await Expect(page.Locator("#cell-t-apply--p-decide")).ToHaveAttributeAsync("title", "accountable + contributing (overlap)");
        await Expect(page.Locator("#cell-t-apply--p-complete")).ToHaveAttributeAsync("title", "inherited");
        await Expect(page.Locator("#cell-t-identity--p-apply")).ToHaveAttributeAsync("title", "inherited");
        await Expect(page.Locator("#cell-t-underwriting--p-decide span[aria-hidden]")).ToHaveTextAsync("A ⚠");
        await Expect(page.Locator("#cell-t-apply--p-decide span[aria-hidden]")).ToHaveTextAsync("A+C ⚠");
        await Expect(page.Locator("#cell-t-apply--p-complete span[aria-hidden]")).ToHaveTextAsync("I");

        // A team's page: what it answers for, each assignment switched between kinds or removed in place.
        await page.GotoAsync("/teams/t-apply");
        var section = page.Locator("#team-ownership");
        await section.Locator("tr[data-edge=p-decide] [data-owner-action=kind]").ClickAsync();
        await Expect(section.Locator("[data-edit-done]")).ToContainTextAsync("Applications is now accountable for Get a mortgage › Decide (was contributing to it).");
        await Expect(section.Locator("tr[data-edge=p-decide] td").Nth(1)).ToHaveTextAsync("accountable");
        await BrowserApp.ScreenshotAsync(page, "team-ownership");
        await page.AssertAccessibleAsync("team page after changing the kind of an assignment");
    }

    [BrowserFact]
    public async Task A_planner_builds_a_phase_by_name_moves_a_step_and_deletes_a_journey_after_seeing_what_goes_with_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/journeys");
        await page.GetByLabel("Levels, broadest first").FillAsync("Life event › Need › Journey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save levels" }).ClickAsync();
        await Expect(page.GetByText("The framework's levels are now Life event › Need › Journey.")).ToBeVisibleAsync();
        await Expect(page.Locator(".tree [data-level='Life event']").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "framework-levels");
        await page.AssertAccessibleAsync("framework with named levels");

        await page.GotoAsync("/journeys/j-switch/edit");
        await page.GetByLabel("Name", new() { Exact = true }).Last.FillAsync("Decide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add phase" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phase 2: Decide" })).ToBeVisibleAsync();
        Assert.Contains((await app.Store.LoadAsync()).Workspace.Journeys.Single(j => j.Id == "j-switch").Phases, p => p.Id == "p-decide-2");

        await page.GetByLabel("Move Confirm identity to phase").SelectOptionAsync(new SelectOptionValue { Label = "Decide" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Confirm identity to that phase" }).ClickAsync();
        await Expect(page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Phase 2: Decide" }) }).GetByLabel("Step name")).ToHaveValueAsync("Confirm identity");
        await BrowserApp.ScreenshotAsync(page, "journey-editor");
        await page.AssertAccessibleAsync("journey editor");

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete this journey…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete “Switch mortgage”?" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-goes=ownership]")).ToContainTextAsync("0 ownership assignments");
        await BrowserApp.ScreenshotAsync(page, "journey-delete");
        await page.AssertAccessibleAsync("journey deletion");
        await page.GetByLabel("Yes, delete “Switch mortgage” and what goes with it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete journey" }).ClickAsync();
        await Expect(page.GetByText("Deleted the journey “Switch mortgage”.")).ToBeVisibleAsync();
        Assert.EndsWith("/journeys/j-home", page.Url);
        Assert.DoesNotContain((await app.Store.LoadAsync()).Workspace.Journeys, j => j.Id == "j-switch");

        // A sub-journey in use is not offered for deletion; the page lists who uses it.
        await page.GotoAsync("/journeys/j-identity/delete");
        await Expect(page.Locator("[data-section=used-by]")).ToContainTextAsync("Get a mortgage › Verify identity");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete journey" })).ToHaveCountAsync(0);
    }
}
