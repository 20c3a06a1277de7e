using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Web.Features.Editing;
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
        if (org.Workspace.Opportunities.All(o => o.Id != id)) return NotFound();
        var edit = SolutionEdits.Add(org, id, form);
        var applied = await OpportunityEditsController.AppliedAsync(editor, edit, form.Revision, cancellationToken);
        return await Answer(id, applied, edit, m => m with { SolutionDraft = form }, cancellationToken);
    }

    [HttpPost("/opportunities/{id}/solutions/{solutionId}/edit")]
    public async Task<IActionResult> Edit(string id, string solutionId, SolutionForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (SolutionOf(org, id, solutionId) is not { } existing) return NotFound();
        var edit = SolutionEdits.Edit(org, id, existing, form);
        var applied = await OpportunityEditsController.AppliedAsync(editor, edit, form.Revision, cancellationToken);
        return await Answer(id, applied, edit, m => m with { SolutionDraft = form, SolutionDraftId = solutionId }, cancellationToken);
    }

    [HttpPost("/opportunities/{id}/solutions/{solutionId}/remove")]
    public async Task<IActionResult> Remove(string id, string solutionId, [FromForm] long revision, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (SolutionOf(org, id, solutionId) is not { } solution) return NotFound();
        var edit = SolutionEdits.Remove(org, id, solution);
        var applied = await OpportunityEditsController.AppliedAsync(editor, edit, revision, cancellationToken);
        return await Answer(id, applied, edit, m => m, cancellationToken);
    }

    private static Solution? SolutionOf(OrgView org, string opportunityId, string solutionId) =>
        org.Workspace.Solutions.FirstOrDefault(s => s.Id == solutionId && s.OpportunityIds.Contains(opportunityId));

    private Task<IActionResult> Answer(string id, bool applied, OpportunityEdit edit, Func<OpportunityPageModel, OpportunityPageModel> onRefusal, CancellationToken cancellationToken) =>
        OpportunityEditsController.Answer(this, reader, id, applied, edit, onRefusal, cancellationToken);
}
