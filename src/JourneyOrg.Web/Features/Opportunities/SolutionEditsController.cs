using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Workspaces;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Opportunities;

/// <summary>
/// Solutions are edited from the opportunity they address: add one, change it, or take it off the opportunity. Each
/// answers with the opportunity's fragment, so the page's other forms get the new revision too.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class SolutionEditsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    [HttpPost("/opportunities/{id}/solutions")]
    public async Task<IActionResult> Add(string id, SolutionForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var w = org.Workspace;
        if (w.Opportunities.All(o => o.Id != id)) return NotFound();
        // Ids are unique across every kind of record; a typed one is checked, otherwise one is made from the title.
        var ids = new WorkspaceIds(w);
        var typedId = FormValues.Text(form.NewId);
        var (solution, errors) = typedId is not null && ids.IsTaken(typedId)
            ? (null, [$"The id '{typedId}' is already used in the workspace; choose another or leave it empty."])
            : form.ToSolution(typedId ?? ids.New("sol-", form.Title ?? ""), null, id, org);
        var result = await editor.ApplyAsync(errors, () => new WorkspaceChangeSet { UpsertSolutions = [solution!] }, form.Revision, cancellationToken);
        return await Answer(id, result, $"Solution '{solution?.Title}' added.", m => m with { SolutionDraft = form }, cancellationToken);
    }

    [HttpPost("/opportunities/{id}/solutions/{solutionId}/edit")]
    public async Task<IActionResult> Edit(string id, string solutionId, SolutionForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var w = org.Workspace;
        if (w.Solutions.FirstOrDefault(s => s.Id == solutionId && s.OpportunityIds.Contains(id)) is not { } existing) return NotFound();
        var (solution, errors) = form.ToSolution(solutionId, existing, id, org);
        var result = await editor.ApplyAsync(errors, () => new WorkspaceChangeSet { UpsertSolutions = [solution!] }, form.Revision, cancellationToken);
        return await Answer(id, result, $"Solution '{solution?.Title}' saved.", m => m with { SolutionDraft = form, SolutionDraftId = solutionId }, cancellationToken);
    }

    /// <summary>Takes the solution off this opportunity; one that addressed nothing else is deleted (<see cref="OpportunityRemoval.DetachSolution"/>).</summary>
    [HttpPost("/opportunities/{id}/solutions/{solutionId}/remove")]
    public async Task<IActionResult> Remove(string id, string solutionId, [FromForm] long revision, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (org.Workspace.Solutions.FirstOrDefault(s => s.Id == solutionId && s.OpportunityIds.Contains(id)) is not { } solution) return NotFound();
        var changes = OpportunityRemoval.DetachSolution(org.Workspace, solutionId, id);
        var result = await editor.ApplyAsync(changes, revision, cancellationToken);
        return await Answer(id, result, $"Solution '{solution.Title}' removed.", m => m, cancellationToken);
    }

    private Task<IActionResult> Answer(string id, EditResult result, string saved, Func<OpportunityPageModel, OpportunityPageModel> onRefusal, CancellationToken cancellationToken) =>
        OpportunityEditsController.Answer(this, reader, id, result, saved, onRefusal, cancellationToken);
}
