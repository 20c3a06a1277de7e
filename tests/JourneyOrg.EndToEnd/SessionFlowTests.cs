using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.SignIn;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>
/// What an admin does to an account reaches the tabs that account already has open, on their next click. The admin acts
/// in their own browser on the Users page; each user has their own browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionFlowTests(BrowserApp app)
{
    private const string Password = "a session test password";

    private async Task CreateAccountAsync(string userName, params string[] roles)
    {
        var account = new Account(userName, userName, roles, null, false, false, 0, null, DateTimeOffset.UtcNow, null, 0);
        await app.Store.SaveAccountAsync(account with { PasswordHash = LocalAccounts.Hash(account, Password) }, null,
            AuditEntry.Now(AuditActions.AccountCreate, userName, "end-to-end test setup"));
    }

    private async Task AdminClicksAsync(string userName, string button, Action<ILocator>? prepare = null)
    {
        var admin = await app.NewPageAsync();
        await admin.GotoAsync("/admin/users");
        var row = admin.Locator($"#user-{userName}");
        prepare?.Invoke(row);
        await row.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_planner_demoted_while_the_map_is_open_cannot_assign_an_owner_from_it()
    {
        await CreateAccountAsync("e2e-pia", AppRoles.Viewer, AppRoles.Planner);
        var pia = await app.NewPageAsync("e2e-pia", Password);
        await pia.GotoAsync("/journeys/j-mortgage");
        var phase = pia.Locator("#owners-p-complete");
        await phase.GetByLabel("Team for Complete", new() { Exact = true }).FillAsync("Reporting");
        await phase.GetByLabel("Kind of ownership").SelectOptionAsync("contributing");

        var admin = await app.NewPageAsync();
        await admin.GotoAsync("/admin/users");
        var row = admin.Locator("#user-e2e-pia");
        await row.GetByLabel("Planner").UncheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Set roles" }).ClickAsync();
        await Expect(admin.Locator("#user-e2e-pia").GetByLabel("Planner")).Not.ToBeCheckedAsync();

        await phase.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Expect(pia.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        Assert.DoesNotContain(new Ownership("t-reporting", "p-complete", OwnershipKind.Contributing), (await app.Store.LoadAsync()).Workspace.Ownership);
        // Back on the map as the Viewer she is now: no assign forms.
        await pia.GotoAsync("/journeys/j-mortgage");
        await Expect(pia.GetByRole(AriaRole.Heading, new() { Name = "Get a mortgage", Level = 1 })).ToBeVisibleAsync();
        await Expect(pia.GetByRole(AriaRole.Button, new() { Name = "Assign" })).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
        await pia.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_disabled_users_open_tab_is_sent_to_sign_in_on_the_next_click()
    {
        await CreateAccountAsync("e2e-dan", AppRoles.Viewer);
        var dan = await app.NewPageAsync("e2e-dan", Password);
        await dan.GotoAsync("/teams");

        await AdminClicksAsync("e2e-dan", "Disable");

        await dan.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Journeys", Exact = true }).ClickAsync();
        await Expect(dan.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await dan.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Changing_the_password_signs_out_the_users_other_browsers()
    {
        await CreateAccountAsync("e2e-cho", AppRoles.Viewer);
        var laptop = await app.NewPageAsync("e2e-cho", Password);
        var phone = await app.NewPageAsync("e2e-cho", Password);
        await phone.GotoAsync("/teams");

        await laptop.GotoAsync("/account/password");
        await laptop.GetByLabel("Current password").FillAsync(Password);
        await laptop.GetByLabel("New password (at least").FillAsync("a brand new passphrase");
        await laptop.GetByLabel("New password again").FillAsync("a brand new passphrase");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await laptop.WaitForURLAsync(url => !url.Contains("/account/password"));
        await laptop.GotoAsync("/teams");
        await Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "Teams", Level = 1 })).ToBeVisibleAsync();

        await phone.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Journeys", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await laptop.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
