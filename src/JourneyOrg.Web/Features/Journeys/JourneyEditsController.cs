using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Journeys;

/// <summary>
/// Editing the journey framework: journeys, phases and steps and sub-journey links. The controller binds, runs one
/// use case of <see cref="JourneyEdits"/>, applies its change set atomically and answers with the page.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class JourneyEditsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    [HttpPost("/journeys/levels")]
    public async Task<IActionResult> NameLevels(LevelsPost form, CancellationToken cancellationToken)
    {
        var edit = JourneyEdits.NameLevels(form);
        var result = await editor.ApplyAsync(edit.Problems, () => edit.Changes!, form.Revision, cancellationToken);
        if (result.Applied)
        {
            TempData[FormAnswers.Done] = edit.Done;
            return Redirect("/journeys");
        }
        var org = await reader.LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ViewData[LevelsForm.Key] = new LevelsForm(form.Levels, result.Errors);
        return View("~/Features/Journeys/Index.cshtml", org);
    }

    private const string EditView = "~/Features/Journeys/Edit.cshtml";

    [HttpGet("/journeys/{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        return View(EditView, new JourneyEditModel(org, journey, FormProblems.None));
    }

    [HttpPost("/journeys")]
    public async Task<IActionResult> Create(JourneyEditForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var edit = JourneyEdits.Create(org, form);
        if (edit.Changes is null) return RefusedNew(org, form, edit.Problems);
        var result = await editor.ApplyAsync(edit.Changes, form.Revision, cancellationToken);
        if (result.Applied) return Redirect($"/journeys/{Uri.EscapeDataString(edit.Changes.UpsertJourneys[0].Id)}/edit");
        return RefusedNew(await reader.LoadAsync(cancellationToken), form, result.Errors);
    }

    /// <summary>The journeys page again, at the same address, with the reasons next to the new-journey form and what was typed in it.</summary>
    private ViewResult RefusedNew(OrgView org, JourneyEditForm form, IReadOnlyList<string> errors)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ViewData[NewJourneyForm.Key] = new NewJourneyForm(form.NewId, form.Name, form.ParentId, errors) { ParentText = form.ParentText };
        return View("~/Features/Journeys/Index.cshtml", org);
    }

    [HttpPost("/journeys/{id}/edit/details")]
    public Task<IActionResult> Details(string id, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.Details, Name, (org, j) => JourneyEdits.Details(org, j, form), _ => $"Saved the journey “{form.Name?.Trim()}”.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/phases")]
    public Task<IActionResult> AddPhase(string id, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.NewPhase, Name, (org, j) => JourneyEdits.AddPhase(org, j, form), _ => $"Added the phase “{form.Name?.Trim()}”.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/phases/{phaseId}")]
    public Task<IActionResult> RenamePhase(string id, string phaseId, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.Phase(phaseId), Name, (org, j) => JourneyEdits.RenamePhase(org, j, phaseId, form), _ => $"Renamed the phase to “{form.Name?.Trim()}”.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/phases/{phaseId}/move")]
    public Task<IActionResult> MovePhase(string id, string phaseId, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.MovePhase(phaseId), null, (org, j) => JourneyEdits.MovePhase(org, j, phaseId, form),
            j => $"Moved the phase “{PhaseName(j, phaseId)}” {(form.Direction == "up" ? "earlier" : "later")}.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/phases/{phaseId}/delete")]
    public Task<IActionResult> DeletePhase(string id, string phaseId, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.DeletePhase(phaseId), Confirm, (org, j) => JourneyEdits.DeletePhase(org, j, phaseId, form),
            j => $"Deleted the phase “{PhaseName(j, phaseId)}” and its steps.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/steps")]
    public Task<IActionResult> AddStep(string id, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.NewStep(form.PhaseId ?? ""), Name, (org, j) => JourneyEdits.AddStep(org, j, form), _ => $"Added the step “{form.Name?.Trim()}”.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/steps/{stepId}/phase")]
    public Task<IActionResult> MoveStepToPhase(string id, string stepId, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.StepPhase(stepId), nameof(JourneyEditForm.PhaseId), (org, j) => JourneyEdits.MoveStepToPhase(org, j, stepId, form),
            j => $"Moved the step “{StepName(j, stepId)}” to the phase “{PhaseName(j, form.PhaseId ?? "")}”.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/steps/{stepId}")]
    public Task<IActionResult> ChangeStep(string id, string stepId, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.Step(stepId), Name, (org, j) => JourneyEdits.ChangeStep(org, j, stepId, form), _ => $"Saved the step “{form.Name?.Trim()}”.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/steps/{stepId}/move")]
    public Task<IActionResult> MoveStep(string id, string stepId, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.MoveStep(stepId), null, (org, j) => JourneyEdits.MoveStep(org, j, stepId, form),
            j => $"Moved the step “{StepName(j, stepId)}” {(form.Direction == "up" ? "earlier" : "later")}.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/steps/{stepId}/delete")]
    public Task<IActionResult> DeleteStep(string id, string stepId, JourneyEditForm form, CancellationToken cancellationToken) =>
        OnJourney(id, form, JourneyForms.DeleteStep(stepId), Confirm, (org, j) => JourneyEdits.DeleteStep(org, j, stepId, form),
            j => $"Deleted the step “{StepName(j, stepId)}”.", cancellationToken);

    private const string Name = nameof(JourneyEditForm.Name), Confirm = nameof(JourneyEditForm.Confirm);

    private static string? PhaseName(Journey journey, string phaseId) => journey.Phases.FirstOrDefault(p => p.Id == phaseId)?.Name;

    private static string? StepName(Journey journey, string stepId) => journey.Phases.SelectMany(p => p.Steps).FirstOrDefault(s => s.Id == stepId)?.Name;

    /// <summary>
    /// Runs a use case on a journey of today: 404 for an unknown journey (or part); 422 with the problems at the field of the
    /// form that posted (<paramref name="formKey"/>) and what was typed; else applied, and the editor says what was saved.
    /// </summary>
    private async Task<IActionResult> OnJourney(string id, JourneyEditForm form, string formKey, string? field, Func<OrgView, Journey, JourneyEdit?> use,
        Func<Journey, string> done, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey) || use(org, journey) is not { } edit) return NotFound();
        if (edit.Changes is null) return Refused(org, journey, JourneyForms.Refusal(formKey, field, edit.Problems), form);
        var saved = done(journey);
        var result = await editor.ApplyAsync(edit.Changes, form.Revision, cancellationToken);
        if (result.Applied) return this.Saved($"/journeys/{Uri.EscapeDataString(id)}/edit", saved);
        var fresh = await reader.LoadAsync(cancellationToken);
        return Refused(fresh, fresh.Journeys.GetValueOrDefault(id), JourneyForms.Refusal(formKey, field, result.Errors), form);
    }

    private ViewResult Refused(OrgView org, Journey? journey, FormProblems problems, JourneyEditForm typed) =>
        journey is null
            ? this.Refused("~/Features/Journeys/Index.cshtml", org)
            : this.Refused(EditView, new JourneyEditModel(org, journey, problems) { Typed = typed });
}
