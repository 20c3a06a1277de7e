using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Teams;

/// <summary>
/// What a team answers for, edited from its page: assign it to a journey, phase or step picked by name, switch an edge
/// between accountable and contributing, remove it, undo the last change. Each is one audited edit (<see cref="OwnershipEdits"/>).
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class TeamOwnershipController(OrgReader reader, OwnershipEdits ownership) : Controller
{
    [HttpPost("/teams/{id}/owners")]
    public async Task<IActionResult> Assign(string id, OwnershipForm form, CancellationToken cancellationToken)
    {
        form.TeamId = id;
        form.TeamText = null;
        return await SectionAfterEdit(id, await ownership.AssignAsync(form, cancellationToken), cancellationToken);
    }

    [HttpPost("/teams/{id}/owners/remove")]
    public async Task<IActionResult> Remove(string id, OwnershipForm form, CancellationToken cancellationToken)
    {
        form.TeamId = id;
        return await SectionAfterEdit(id, await ownership.RemoveAsync(form, cancellationToken), cancellationToken);
    }

    [HttpPost("/teams/{id}/owners/undo")]
    public async Task<IActionResult> Undo(string id, OwnershipUndoForm form, CancellationToken cancellationToken) =>
        await SectionAfterEdit(id, await ownership.UndoAsync(form, cancellationToken), cancellationToken);

    private async Task<IActionResult> SectionAfterEdit(string id, OwnershipOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Applied && !Request.IsHtmx()) return Redirect($"/teams/{Uri.EscapeDataString(id)}");
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Teams.TryGetValue(id, out var team)) return NotFound();
        if (!outcome.Applied) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var model = TeamPageModel.Build(org, team) with
        {
            OwnershipDone = outcome.Applied ? outcome : null,
            OwnershipRefusal = outcome.Applied ? null : outcome,
        };
        return Request.IsHtmx() ? PartialView("_TeamOwnership", model) : View("Team", model);
    }
}
