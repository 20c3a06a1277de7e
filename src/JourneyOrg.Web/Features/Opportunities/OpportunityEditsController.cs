using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Opportunities;

/// <summary>
/// Planners create, edit and delete opportunities and set the workspace's prioritisation weights. Every save goes
/// through <see cref="WorkspaceEditor"/>: checked like an import, one transaction, refused on a stale revision, audited
/// by the store. An edit keeps what the form does not show (targets, owner person, import key), so a TheyDo re-import
/// still finds the record.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class OpportunityEditsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    internal const string IndexView = "~/Features/Opportunities/Index.cshtml";
    internal const string PageView = "~/Features/Opportunities/Opportunity.cshtml";
    internal const string FragmentView = "~/Features/Opportunities/_Opportunity.cshtml";
    private const string WeightsSavedView = "~/Features/Opportunities/_WeightsSaved.cshtml";

    [HttpPost("/opportunities")]
    public async Task<IActionResult> Create(OpportunityForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var edit = OpportunityEdits.Create(org, form);
        if (await AppliedAsync(editor, edit, form.Revision, cancellationToken)) return this.Saved(PageOf(edit.OpportunityId), edit.Done);
        var fresh = await reader.LoadAsync(cancellationToken);
        return this.Refused(IndexView, OpportunitiesModel.Build(fresh, new OpportunityFilter()) with { Problems = edit.Problems, Draft = form });
    }

    [HttpPost("/opportunities/{id}/edit")]
    public async Task<IActionResult> Edit(string id, OpportunityForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (org.Workspace.Opportunities.FirstOrDefault(o => o.Id == id) is not { } existing) return NotFound();
        var edit = OpportunityEdits.Edit(org, existing, form);
        var applied = await AppliedAsync(editor, edit, form.Revision, cancellationToken);
        return await Answer(this, reader, id, applied, edit, m => m with { Draft = form }, cancellationToken);
    }

    [HttpPost("/opportunities/{id}/delete")]
    public async Task<IActionResult> Delete(string id, [FromForm] long revision, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (org.Workspace.Opportunities.FirstOrDefault(o => o.Id == id) is not { } opportunity) return NotFound();
        var edit = OpportunityEdits.Delete(org, opportunity);
        if (!await AppliedAsync(editor, edit, revision, cancellationToken)) return await Answer(this, reader, id, false, edit, m => m, cancellationToken);
        // The page it was on is gone: htmx follows the header to the ranked list instead of swapping.
        return this.Saved("/opportunities", edit.Done);
    }

    /// <summary>New weights re-rank every opportunity; the list keeps the filter it was showing.</summary>
    [HttpPost("/opportunities/weights")]
    public async Task<IActionResult> Weights(WeightsForm form, CancellationToken cancellationToken)
    {
        var (changes, problems) = OpportunityEdits.Weights(form);
        var applied = false;
        if (changes is not null)
        {
            var result = await editor.ApplyAsync(changes, form.Revision, cancellationToken);
            problems.Whole.AddRange(result.Errors);
            applied = result.Applied;
        }
        var after = await reader.LoadAsync(cancellationToken);
        var filter = new OpportunityFilter(FormValues.Text(form.Journey), FormValues.Text(form.Team), FormValues.Text(form.Status));
        var saved = applied ? $"Weights saved: {ValueFormula.Describe(after.Workspace.Weights)}. The list is re-ranked." : null;
        if (applied && !Request.IsHtmx()) return this.Saved("/opportunities" + QueryString.Create(
            new Dictionary<string, string?> { ["journey"] = filter.JourneyId, ["team"] = filter.TeamId, ["status"] = filter.Status }.Where(p => p.Value is not null)), saved!);
        if (!applied) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var model = OpportunitiesModel.Build(after, filter) with
        {
            WeightsProblems = problems,
            WeightsDraft = applied ? null : form,
            Saved = saved,
        };
        // The new-opportunity form outside the list carries the revision too: it comes along out of band.
        return Request.IsHtmx() ? PartialView(WeightsSavedView, model) : View(IndexView, model);
    }

    /// <summary>Stores an opportunity or solution edit; the workspace rules' refusal joins its problems above the form.</summary>
    internal static async Task<bool> AppliedAsync(WorkspaceEditor editor, OpportunityEdit edit, long revision, CancellationToken cancellationToken)
    {
        if (edit.Changes is null) return false;
        var result = await editor.ApplyAsync(edit.Changes, revision, cancellationToken);
        edit.Problems.Whole.AddRange(result.Errors);
        return result.Applied;
    }

    /// <summary>
    /// The opportunity page after an edit: the fragment for htmx (saying what was saved, or the problems at their
    /// fields with what was typed), a redirect (or the page with the problems) otherwise. Shared with
    /// <see cref="SolutionEditsController"/>.
    /// </summary>
    internal static async Task<IActionResult> Answer(Controller controller, OrgReader reader, string id, bool applied, OpportunityEdit edit,
        Func<OpportunityPageModel, OpportunityPageModel> onRefusal, CancellationToken cancellationToken)
    {
        if (applied && !controller.Request.IsHtmx()) return controller.Saved(PageOf(id), edit.Done);
        var org = await reader.LoadAsync(cancellationToken);
        if (org.Workspace.Opportunities.FirstOrDefault(o => o.Id == id) is not { } opportunity) return controller.NotFound();
        var model = OpportunityPageModel.Build(org, opportunity);
        model = applied ? model with { Saved = edit.Done } : onRefusal(model with { Problems = edit.Problems });
        if (!applied) controller.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return controller.Request.IsHtmx() ? controller.PartialView(FragmentView, model) : controller.View(PageView, model);
    }

    internal static string PageOf(string id) => "/opportunities/" + Uri.EscapeDataString(id);
}
