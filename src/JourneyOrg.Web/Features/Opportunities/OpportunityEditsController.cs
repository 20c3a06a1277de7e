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
        var w = org.Workspace;
        // Ids are unique across every kind of record; a typed one is checked, otherwise one is made from the title.
        var ids = new WorkspaceIds(w);
        var typedId = FormValues.Text(form.NewId);
        if (typedId is not null && ids.IsTaken(typedId))
            return await CreateRefused(form, [$"The id '{typedId}' is already used in the workspace; choose another or leave it empty."], cancellationToken);
        var (opportunity, errors) = form.ToOpportunity(typedId ?? ids.New("opp-", form.Title ?? ""), null, org);
        if (opportunity is null) return await CreateRefused(form, errors, cancellationToken);
        var result = await editor.ApplyAsync(new WorkspaceChangeSet { UpsertOpportunities = [opportunity] }, form.Revision, cancellationToken);
        return result.Applied
            ? Redirect(PageOf(opportunity.Id))
            : await CreateRefused(form, result.Errors, cancellationToken);
    }

    [HttpPost("/opportunities/{id}/edit")]
    public async Task<IActionResult> Edit(string id, OpportunityForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (org.Workspace.Opportunities.FirstOrDefault(o => o.Id == id) is not { } existing) return NotFound();
        var (opportunity, errors) = form.ToOpportunity(id, existing, org);
        var result = await editor.ApplyAsync(errors, () => new WorkspaceChangeSet { UpsertOpportunities = [opportunity!] }, form.Revision, cancellationToken);
        return await Answer(id, result, "Opportunity saved.", m => m with { Draft = form }, cancellationToken);
    }

    /// <summary>Deletes the opportunity; solutions that addressed it stay, without the reference (<see cref="OpportunityRemoval"/>).</summary>
    [HttpPost("/opportunities/{id}/delete")]
    public async Task<IActionResult> Delete(string id, [FromForm] long revision, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (org.Workspace.Opportunities.All(o => o.Id != id)) return NotFound();
        var changes = OpportunityRemoval.Delete(org.Workspace, id);
        var result = await editor.ApplyAsync(changes, revision, cancellationToken);
        if (!result.Applied) return await Answer(id, result, "", m => m, cancellationToken);
        if (!Request.IsHtmx()) return Redirect("/opportunities");
        // The page it was on is gone: htmx follows this header to the ranked list instead of swapping.
        Response.Headers["HX-Redirect"] = "/opportunities";
        return NoContent();
    }

    /// <summary>New weights re-rank every opportunity; the list keeps the filter it was showing.</summary>
    [HttpPost("/opportunities/weights")]
    public async Task<IActionResult> Weights(WeightsForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var (weights, errors) = form.ToWeights();
        var result = await editor.ApplyAsync(errors, () => new WorkspaceChangeSet { Weights = weights }, form.Revision, cancellationToken);
        var after = await reader.LoadAsync(cancellationToken);
        var filter = new OpportunityFilter(FormValues.Text(form.Journey), FormValues.Text(form.Team), FormValues.Text(form.Status));
        if (result.Applied && !Request.IsHtmx()) return Redirect("/opportunities" + QueryString.Create(
            new Dictionary<string, string?> { ["journey"] = filter.JourneyId, ["team"] = filter.TeamId, ["status"] = filter.Status }.Where(p => p.Value is not null)));
        if (!result.Applied) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var model = OpportunitiesModel.Build(after, filter) with
        {
            WeightsErrors = result.Errors,
            WeightsDraft = result.Applied ? null : form,
            Saved = result.Applied ? $"Weights saved: {ValueFormula.Describe(after.Workspace.Weights)}. The list is re-ranked." : null,
        };
        // The new-opportunity form outside the list carries the revision too: it comes along out of band.
        return Request.IsHtmx() ? PartialView(WeightsSavedView, model) : View(IndexView, model);
    }

    private async Task<IActionResult> CreateRefused(OpportunityForm form, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(IndexView, OpportunitiesModel.Build(org, new OpportunityFilter()) with { Errors = errors, Draft = form });
    }

    /// <summary>
    /// The opportunity page after an edit: the fragment for htmx, a redirect (or the page with the reasons) otherwise.
    /// Shared with <see cref="SolutionEditsController"/>.
    /// </summary>
    internal static async Task<IActionResult> Answer(Controller controller, OrgReader reader, string id, EditResult result, string saved,
        Func<OpportunityPageModel, OpportunityPageModel> onRefusal, CancellationToken cancellationToken)
    {
        if (result.Applied && !controller.Request.IsHtmx()) return controller.Redirect(PageOf(id));
        var org = await reader.LoadAsync(cancellationToken);
        if (org.Workspace.Opportunities.FirstOrDefault(o => o.Id == id) is not { } opportunity) return controller.NotFound();
        var model = OpportunityPageModel.Build(org, opportunity);
        model = result.Applied ? model with { Saved = saved } : onRefusal(model with { Errors = result.Errors });
        if (!result.Applied) controller.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return controller.Request.IsHtmx() ? controller.PartialView(FragmentView, model) : controller.View(PageView, model);
    }

    private Task<IActionResult> Answer(string id, EditResult result, string saved, Func<OpportunityPageModel, OpportunityPageModel> onRefusal, CancellationToken cancellationToken) =>
        Answer(this, reader, id, result, saved, onRefusal, cancellationToken);

    internal static string PageOf(string id) => "/opportunities/" + Uri.EscapeDataString(id);
}
