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
        ViewData["Revision"] = org.Revision;
        return View(org);
    }

    [HttpGet("/journeys/gaps")]
    public async Task<IActionResult> Gaps(string? status, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = org.Revision;
        status = status is PhaseStatus.Unowned or PhaseStatus.Partial or PhaseStatus.Overlapping ? status : PhaseStatus.Unowned;
        return View(new GapsModel(org, status));
    }

    [HttpGet("/journeys/{id}")]
    public async Task<IActionResult> Map(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        ViewData["Revision"] = org.Revision;
        var model = JourneyMapModel.Build(org, journey);
        return Request.IsHtmx() ? PartialView("_JourneyMap", model) : View(model);
    }

    /// <summary>Assigns (or changes the kind of) a team's ownership of the journey, one of its phases or steps.</summary>
    [HttpPost("/journeys/{id}/owners")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> AssignOwner(string id, OwnershipForm form, CancellationToken cancellationToken)
    {
        var result = await ownership.AssignAsync(form, cancellationToken);
        return await MapAfterEdit(id, result, form, org => $"{org.TeamName(form.TeamId!)} is now {form.Kind ?? "accountable"} for {org.TargetName(form.TargetId!)}.", cancellationToken);
    }

    [HttpPost("/journeys/{id}/owners/remove")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> RemoveOwner(string id, OwnershipForm form, CancellationToken cancellationToken)
    {
        var result = await ownership.RemoveAsync(form, cancellationToken);
        return await MapAfterEdit(id, result, form, org => $"{org.TeamName(form.TeamId!)} is no longer accountable for {org.TargetName(form.TargetId!)}.", cancellationToken);
    }

    private async Task<IActionResult> MapAfterEdit(string id, EditResult result, OwnershipForm form, Func<OrgView, string> done, CancellationToken cancellationToken)
    {
        if (result.Applied && !Request.IsHtmx()) return Redirect($"/journeys/{Uri.EscapeDataString(id)}");
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        ViewData["Revision"] = org.Revision;
        var model = JourneyMapModel.Build(org, journey, result.Errors);
        if (result.Applied) model = model with { Done = new OwnershipEditDone(done(org), form.TeamId!, form.TargetId!) };
        if (!result.Applied) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Request.IsHtmx() ? PartialView("_JourneyMap", model) : View("Map", model);
    }
}

public sealed record GapsModel(OrgView Org, string Status);
