using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Analysis;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Journeys;

[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class JourneysController(OrgReader reader, OwnershipEdits ownership) : Controller
{
    [HttpGet("/journeys")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return View(org);
    }

    [HttpGet("/journeys/gaps")]
    public async Task<IActionResult> Gaps(string? status, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        status = status is PhaseStatus.Unowned or PhaseStatus.Partial or PhaseStatus.Overlapping ? status : PhaseStatus.Unowned;
        return View(new GapsModel(org, status));
    }

    [HttpGet("/journeys/{id}")]
    public async Task<IActionResult> Map(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        var model = JourneyMapModel.Build(org, journey);
        return Request.IsHtmx() ? PartialView("_JourneyMap", model) : View(model);
    }

    /// <summary>Assigns a team to the journey, one of its phases or steps, or changes the kind of an edge it has there.</summary>
    [HttpPost("/journeys/{id}/owners")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> AssignOwner(string id, OwnershipForm form, CancellationToken cancellationToken) =>
        await MapAfterEdit(id, await ownership.AssignAsync(form, cancellationToken), cancellationToken);

    [HttpPost("/journeys/{id}/owners/remove")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> RemoveOwner(string id, OwnershipForm form, CancellationToken cancellationToken) =>
        await MapAfterEdit(id, await ownership.RemoveAsync(form, cancellationToken), cancellationToken);

    /// <summary>Puts back the ownership the last change on this map replaced (the Undo button after a change).</summary>
    [HttpPost("/journeys/{id}/owners/undo")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> UndoOwner(string id, OwnershipUndoForm form, CancellationToken cancellationToken) =>
        await MapAfterEdit(id, await ownership.UndoAsync(form, cancellationToken), cancellationToken);

    private async Task<IActionResult> MapAfterEdit(string id, OwnershipOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Applied && !Request.IsHtmx()) return Redirect($"/journeys/{Uri.EscapeDataString(id)}");
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        var model = JourneyMapModel.Build(org, journey) with
        {
            Done = outcome.Applied ? outcome : null,
            Refusal = outcome.Applied ? null : outcome,
        };
        if (!outcome.Applied) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Request.IsHtmx() ? PartialView("_JourneyMap", model) : View("Map", model);
    }
}

public sealed record GapsModel(OrgView Org, string Status);
