using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.ScenarioSharing;

/// <summary>
/// Who else sees a scenario: its author names people (by user name). Every screen shows a scenario only to those
/// <see cref="ScenarioAccess.CanSee"/> allows, so this is the only place sharing changes.
/// </summary>
[Authorize(Policy = Policies.Plan)]
public sealed class ScenarioSharingController(IScenarioStore store) : Controller
{
    public const int MaxPeople = 100;

    [HttpPost("/scenarios/{id}/sharing")]
    public async Task<IActionResult> Share(string id, string? sharedWith, long version, CancellationToken cancellationToken)
    {
        var scenario = await store.GetVisibleAsync(User, id, cancellationToken);
        if (scenario is null) return NotFound();
        if (!User.CanShare(scenario)) return Forbid();
        var names = (sharedWith ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Account.Normalize)
            .Where(n => n.Length is > 0 and <= 100 && !n.Any(char.IsControl) && !string.Equals(n, scenario.Author, StringComparison.OrdinalIgnoreCase))
            .Distinct().Take(MaxPeople).ToList();
        try
        {
            await store.SaveScenarioAsync(scenario with { SharedWith = names, UpdatedAt = DateTimeOffset.UtcNow }, version, cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            return Conflict("The scenario changed meanwhile; reload it and try again.");
        }
        return Redirect($"/scenarios/{Uri.EscapeDataString(id)}");
    }
}
