using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace JourneyOrg.EndToEnd;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules on what the browser shows now. Call it after every navigation and after every
/// htmx swap a test waits for: <c>await page.AssertAccessibleAsync("journey map after assigning an owner")</c>.
/// </summary>
public static class Accessibility
{
    /// <summary>The rule sets WCAG 2.1 level AA asks for (2.0 A and AA plus the 2.1 additions).</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>A finding of these impacts fails the test; moderate and minor ones are reported by <see cref="ViolationsAsync"/> only.</summary>
    public static readonly IReadOnlyList<string> FailingImpacts = ["serious", "critical"];

    private static AxeRunOptions Options() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>
    /// Fails with each serious or critical violation on the page: rule id, impact, what it means and the CSS selector and
    /// markup of every element involved. <paramref name="what"/> names the screen and state in the message.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page, string what)
    {
        var failures = await FailuresAsync(page, what);
        if (failures is not null) Assert.Fail(failures);
    }

    /// <summary>What <see cref="AssertAccessibleAsync"/> would fail with, or null: for a test that checks many screens and reports them all at once.</summary>
    public static async Task<string?> FailuresAsync(this IPage page, string what)
    {
        var failing = (await ViolationsAsync(page)).Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        return failing.Count == 0 ? null : Describe(what, page.Url, failing);
    }

    /// <summary>Every WCAG 2.1 A/AA violation axe finds on the page once htmx has finished swapping and settling.</summary>
    public static async Task<IReadOnlyList<AxeResultItem>> ViolationsAsync(IPage page)
    {
        // A swap in flight (or settling, when htmx restores the swapped nodes' attributes) is not what the user ends up with.
        await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
        var result = await page.RunAxe(Options());
        return result.Violations ?? [];
    }

    /// <summary>
    /// Presses Tab, as a keyboard user would, until <paramref name="target"/> has the focus; fails if it is not reached
    /// within <paramref name="maxPresses"/> presses (not in the tab order, or hidden).
    /// </summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int maxPresses = 250)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"{target} was not reached with {maxPresses} presses of Tab.");
    }

    /// <summary>
    /// The page's live region (#announcer) says <paramref name="message"/>, and no other live region holds it, so a
    /// screen reader reads it once after the in-place update rather than once per nested or re-inserted live region.
    /// </summary>
    public static async Task AssertAnnouncedOnceAsync(this IPage page, string message)
    {
        await Assertions.Expect(page.Locator("#announcer")).ToContainTextAsync(message);
        var liveRegions = await page.EvaluateAsync<string[]>("""
            text => [...document.querySelectorAll('[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log], output')]
              .filter(e => e.textContent.includes(text)).map(e => e.id || e.outerHTML.slice(0, 120))
            """, message);
        Assert.True(liveRegions.Length == 1, $"“{message}” is in {liveRegions.Length} live regions: {string.Join(" | ", liveRegions)}");
    }

    private static string Describe(string what, string url, IReadOnlyList<AxeResultItem> violations)
    {
        var text = new StringBuilder($"{what} ({url}): {violations.Count} serious or critical accessibility violation(s) under WCAG 2.1 AA");
        foreach (var violation in violations)
        {
            text.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                text.Append($"\n    at {node.Target}: {node.Html}");
                // What each failed check says, e.g. the two colours and their contrast ratio.
                foreach (var check in (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []))
                    if (!string.IsNullOrEmpty(check.Message)) text.Append($"\n      {check.Message}");
            }
        }
        return text.ToString();
    }
}
