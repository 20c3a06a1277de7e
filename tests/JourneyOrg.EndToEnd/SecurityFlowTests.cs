using JourneyOrg.Domain;
using JourneyOrg.Tests.Web;
using JourneyOrg.Workspaces;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JourneyOrg.EndToEnd;

/// <summary>Hostile directory data in a real browser, and the sign-in page itself. Its own app: the import changes the organisation.</summary>
public sealed class SecurityFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string HostilePerson = "<img src=x onerror=alert(1)>";
    private const string HostileTeam = "'); MATCH (n) DETACH DELETE n //";

    [BrowserFact]
    public async Task Imported_markup_and_query_syntax_show_as_text_and_run_no_script()
    {
        var page = await app.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };

        var sample = SampleWorkspace.Create();
        var hostile = sample with
        {
            People = [.. sample.People, new Person("u-x", HostilePerson, null, null, null, "u-ada", null, true)],
            Teams = [.. sample.Teams, new Team("t-x", HostileTeam, null, "u-x", null, [new Membership("u-x", 1.0)])],
        };
        var file = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.json");
        await using (var stream = File.Create(file)) WorkspaceWriter.Write(hostile, stream);

        await page.GotoAsync("/workspace");
        await page.Locator("#import-file").SetInputFilesAsync(file);
        await page.GetByLabel("Merge: add and update the records in the file, keep the rest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.Locator("#import-result")).ToContainTextAsync("import", new() { IgnoreCase = true });

        foreach (var url in new[] { "/teams", "/teams/t-x", "/people/u-x", "/org", "/search?q=img", "/admin/audit" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.AssertAccessibleAsync($"{url} with imported markup");
        }
        await page.GotoAsync("/teams/t-x");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = HostileTeam, Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/people/u-x");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = HostilePerson, Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        Assert.Empty(dialogs);
        Assert.Empty(violations);
        File.Delete(file);
    }

    [BrowserFact]
    public async Task A_browser_that_is_not_signed_in_lands_on_the_sign_in_page()
    {
        var page = await app.NewPageAsync(signIn: false);
        await page.GotoAsync("/teams");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("sign-in page");
        Assert.Contains("/account/signin", page.Url);
    }
}
