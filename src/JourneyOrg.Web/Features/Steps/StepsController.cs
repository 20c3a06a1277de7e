using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Links;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Steps;

/// <summary>
/// A step of a journey with everything known about it: owners, KPIs, insights, opportunities and their solutions.
/// Planners link and unlink KPIs, insights and opportunities here, through the same path as the /links inbox
/// (<see cref="LinkEditor"/>), and add, change and delete insights (<see cref="InsightEdits"/>).
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class StepsController(OrgReader reader, LinkEditor links, WorkspaceEditor editor) : Controller
{
    [HttpGet("/journeys/{journeyId}/steps/{stepId}")]
    public async Task<IActionResult> Step(string journeyId, string stepId, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var model = StepPageModel.Build(org, journeyId, stepId);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("/journeys/{journeyId}/steps/{stepId}/link")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Link(string journeyId, string stepId, StepLinkForm form, CancellationToken cancellationToken)
    {
        if (!await IsStepOfJourneyAsync(journeyId, stepId, cancellationToken)) return NotFound();
        var outcome = await links.LinkAsync(form.Kind ?? "", form.ItemId ?? "", stepId, form.Revision, cancellationToken);
        return await AfterEdit(journeyId, stepId, outcome, $"{outcome.ItemName} is now on this step.", cancellationToken);
    }

    [HttpPost("/journeys/{journeyId}/steps/{stepId}/unlink")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Unlink(string journeyId, string stepId, StepLinkForm form, CancellationToken cancellationToken)
    {
        if (!await IsStepOfJourneyAsync(journeyId, stepId, cancellationToken)) return NotFound();
        var outcome = await links.UnlinkAsync(form.Kind ?? "", form.ItemId ?? "", stepId, form.Revision, cancellationToken);
        return await AfterEdit(journeyId, stepId, outcome, $"{outcome.ItemName} is no longer on this step.", cancellationToken);
    }

    /// <summary>Records a new insight as evidence on this step.</summary>
    [HttpPost("/journeys/{journeyId}/steps/{stepId}/insights")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> AddInsight(string journeyId, string stepId, InsightForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!IsStepOf(org, journeyId, stepId)) return NotFound();
        return await SaveInsightAsync(journeyId, stepId, InsightEdits.Add(org, stepId, form), form, cancellationToken);
    }

    /// <summary>Changes an insight shown on this step; its steps, owner, teams and import key stay.</summary>
    [HttpPost("/journeys/{journeyId}/steps/{stepId}/insights/{insightId}/edit")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> EditInsight(string journeyId, string stepId, string insightId, InsightForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!IsStepOf(org, journeyId, stepId)) return NotFound();
        if (org.Workspace.Insights.FirstOrDefault(i => i.Id == insightId) is not { } existing) return NotFound();
        return await SaveInsightAsync(journeyId, stepId, InsightEdits.Change(existing, form), form, cancellationToken);
    }

    /// <summary>Stores the insight unless the form has problems; a refusal comes back at the form's fields with what was typed.</summary>
    private async Task<IActionResult> SaveInsightAsync(string journeyId, string stepId, InsightEdit edit, InsightForm form, CancellationToken cancellationToken)
    {
        var result = edit.Changes is null
            ? EditResult.Refused(form.Revision, [.. edit.Problems.All])
            : await editor.ApplyAsync(edit.Changes, form.Revision, cancellationToken);
        if (edit.Changes is not null) edit.Problems.Whole.AddRange(result.Errors);
        return await AfterEdit(journeyId, stepId, new LinkOutcome(true, edit.Title, result), edit.Done, cancellationToken, edit.Problems, form);
    }

    /// <summary>Deletes an insight altogether (from every step it is on), unlike Unlink, which takes it off this step.</summary>
    [HttpPost("/journeys/{journeyId}/steps/{stepId}/insights/{insightId}/delete")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> DeleteInsight(string journeyId, string stepId, string insightId, [FromForm] long revision, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!IsStepOf(org, journeyId, stepId)) return NotFound();
        if (org.Workspace.Insights.FirstOrDefault(i => i.Id == insightId) is not { } existing) return NotFound();
        var edit = InsightEdits.Delete(existing);
        var result = await editor.ApplyAsync(edit.Changes!, revision, cancellationToken);
        return await AfterEdit(journeyId, stepId, new LinkOutcome(true, edit.Title, result), edit.Done, cancellationToken);
    }

    private async Task<bool> IsStepOfJourneyAsync(string journeyId, string stepId, CancellationToken cancellationToken) =>
        IsStepOf(await reader.LoadAsync(cancellationToken), journeyId, stepId);

    // A form field named like a route value can override it with nothing.
    private static bool IsStepOf(OrgView org, string? journeyId, string? stepId) =>
        stepId is not null && org.Steps.TryGetValue(stepId, out var s) && s.Journey.Id == journeyId;

    private async Task<IActionResult> AfterEdit(string journeyId, string stepId, LinkOutcome outcome, string done, CancellationToken cancellationToken,
        FormProblems? problems = null, InsightForm? draft = null)
    {
        if (!outcome.Found) return NotFound();
        if (outcome.Result.Applied && !Request.IsHtmx()) return this.Saved(StepUrls.Page(journeyId, stepId), done);
        var org = await reader.LoadAsync(cancellationToken);
        // A form with fields shows its refusal at them; a button's refusal is said above the lists.
        var model = StepPageModel.Build(org, journeyId, stepId, problems is null ? outcome.Result.Errors : []);
        if (model is null) return NotFound();
        if (outcome.Result.Applied) model = model with { Done = done };
        else
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            if (problems is not null) model = model with { Problems = problems, InsightDraft = draft };
        }
        return Request.IsHtmx() ? PartialView("_StepJourneyManagement", model) : View("Step", model);
    }
}

/// <summary>A link or unlink posted from a step page: which kind of record, which one, and the revision the planner saw.</summary>
public sealed record StepLinkForm(string? Kind, string? ItemId, long Revision);

public static class StepUrls
{
    public static string Page(string journeyId, string stepId) =>
        $"/journeys/{Uri.EscapeDataString(journeyId)}/steps/{Uri.EscapeDataString(stepId)}";
}

/// <summary>An opportunity on the step (or its phase) with its Value and the solutions that address it.</summary>
public sealed record OpportunityOnStep(Opportunity Opportunity, double? Value, IReadOnlyList<Solution> Solutions);

/// <summary>Everything the step page shows, and the unlinked records a planner may put on the step.</summary>
public sealed record StepPageModel(
    OrgView Org, Journey Journey, Phase Phase, Step Step,
    EffectiveOwners Owners, IReadOnlyList<string> Contributing,
    IReadOnlyList<Metric> Metrics, IReadOnlyList<Insight> Insights, IReadOnlyList<OpportunityOnStep> Opportunities,
    IReadOnlyList<Metric> PhaseMetrics, IReadOnlyList<OpportunityOnStep> PhaseOpportunities,
    IReadOnlyList<Metric> UnlinkedMetrics, IReadOnlyList<Insight> UnlinkedInsights, IReadOnlyList<Opportunity> UnlinkedOpportunities,
    IReadOnlyList<string> Errors)
{
    /// <summary>Choices per kind in a link form; the rest are reached through the /links inbox.</summary>
    public const int ChoicesShown = 200;
    /// <summary>Latest data points listed per KPI.</summary>
    public const int DataPointsShown = 6;

    /// <summary>What the last edit did, for the notice after an htmx post.</summary>
    public string? Done { get; init; }

    /// <summary>Why the last insight form was refused, at its fields, and what was typed in it.</summary>
    public FormProblems Problems { get; init; } = FormProblems.None;
    public InsightForm? InsightDraft { get; init; }

    public static StepPageModel? Build(OrgView org, string journeyId, string stepId, IReadOnlyList<string>? errors = null)
    {
        if (!org.Steps.TryGetValue(stepId, out var found) || found.Journey.Id != journeyId) return null;
        var (journey, phase, step) = found;
        var w = org.Workspace;
        OpportunityOnStep Scored(Opportunity o) => new(o,
            JourneyOrg.JourneyManagement.Prioritisation.ValueOf(o, w.Weights), org.SolutionsByOpportunity[o.Id].ToList());
        var byName = StringComparer.CurrentCultureIgnoreCase;
        return new StepPageModel(org, journey, phase, step,
            OwnerExplanation.ForStep(org, step), OwnerExplanation.Contributing(org, step.Id),
            org.MetricsByTarget[step.Id].ToList(), org.InsightsByStep[step.Id].ToList(),
            org.OpportunitiesByTarget[step.Id].Select(Scored).ToList(),
            org.MetricsByTarget[phase.Id].ToList(), org.OpportunitiesByTarget[phase.Id].Select(Scored).ToList(),
            w.Metrics.Where(m => !m.IsLinked).OrderBy(m => m.Name, byName).ToList(),
            w.Insights.Where(i => i.StepIds.Count == 0).OrderBy(i => i.Title, byName).ToList(),
            w.Opportunities.Where(o => o.TargetIds.Count == 0).OrderBy(o => o.Title, byName).ToList(),
            errors ?? []);
    }

    /// <summary>The latest data points of a KPI, newest first.</summary>
    public static IReadOnlyList<MetricDataPoint> LatestPoints(Metric metric) =>
        metric.DataPoints.OrderByDescending(p => p.Date).ThenBy(p => p.DimensionKey, StringComparer.Ordinal).Take(DataPointsShown).ToList();
}
