using Microsoft.Playwright;

namespace JourneyOrg.EndToEnd;

public static class ScenarioForms
{
    /// <summary>
    /// Chooses the kind of change on a scenario page and waits until its fields have loaded. Right after a change is added
    /// in place, the chooser's request can be overtaken by the swap that answers the add, so the choice is made again
    /// (at most three times) when its fields do not come.
    /// </summary>
    public static async Task ChooseChangeKindAsync(this IPage page, SelectOptionValue kind)
    {
        var chooser = page.Locator("#op-kind");
        for (var attempt = 0; ; attempt++)
        {
            await chooser.SelectOptionAsync(kind);
            var value = await chooser.InputValueAsync();
            try
            {
                await page.Locator($"#operation-fields input[name=op][value='{value}']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 3000 });
                return;
            }
            catch (TimeoutException) when (attempt < 2)
            {
                await chooser.SelectOptionAsync(new SelectOptionValue { Index = 0 });
            }
        }
    }
}
