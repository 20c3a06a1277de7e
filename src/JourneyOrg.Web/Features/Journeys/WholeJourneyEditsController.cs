using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Journeys;

/// <summary>
/// A journey as a whole: delete it after a page that names everything that goes with it (refused while another journey
/// uses it as a sub-journey), or duplicate it as the starting point for a new one. The use cases are
/// <see cref="WholeJourneyEdits"/>; the controller binds, applies their change set and answers.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class WholeJourneyEditsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    [HttpGet("/journeys/{id}/delete")]
    public async Task<IActionResult> ConfirmDelete(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        return View("Delete", JourneyDeletion.Of(org, journey));
    }

    [HttpPost("/journeys/{id}/delete")]
    public async Task<IActionResult> Delete(string id, WholeJourneyForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        var edit = WholeJourneyEdits.Delete(org, journey, form);
        var result = await editor.ApplyAsync(edit.Problems, () => edit.Changes!, form.Revision, cancellationToken);
        if (result.Applied)
        {
            TempData[FormAnswers.Done] = edit.Done;
            return Redirect(journey.ParentId is { } parent && org.Journeys.ContainsKey(parent) ? $"/journeys/{Uri.EscapeDataString(parent)}" : "/journeys");
        }
        var fresh = await reader.LoadAsync(cancellationToken);
        if (!fresh.Journeys.TryGetValue(id, out var still)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Delete", JourneyDeletion.Of(fresh, still) with { Errors = result.Errors });
    }

    /// <summary>A copy of the journey (see <see cref="WholeJourneyEdits.Duplicate"/>), opened in the editor.</summary>
    [HttpPost("/journeys/{id}/duplicate")]
    public async Task<IActionResult> Duplicate(string id, WholeJourneyForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        var edit = WholeJourneyEdits.Duplicate(org, journey, form);
        var result = await editor.ApplyAsync(edit.Changes!, form.Revision, cancellationToken);
        if (result.Applied)
        {
            var copy = edit.Changes!.UpsertJourneys[0];
            return this.Saved($"/journeys/{Uri.EscapeDataString(copy.Id)}/edit", $"Made “{copy.Name}”, a copy of “{journey.Name}”.");
        }
        var fresh = await reader.LoadAsync(cancellationToken);
        if (!fresh.Journeys.TryGetValue(id, out var still)) return NotFound();
        return this.Refused("Edit", new JourneyEditModel(fresh, still, JourneyForms.Refusal(JourneyForms.Duplicate, nameof(WholeJourneyForm.Name), result.Errors))
        {
            Typed = new JourneyEditForm { Name = form.Name },
        });
    }
}
