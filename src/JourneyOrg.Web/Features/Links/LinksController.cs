using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Links;

/// <summary>
/// Links imported metrics, insights and opportunities to the part of a journey they are about. TheyDo's formats have
/// no place for that link; a re-import keeps it.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class LinksController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    [HttpGet("/links")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = org.Revision;
        var model = new UnlinkedModel(org, null, []);
        return Request.IsHtmx() ? PartialView("_Unlinked", model) : View(model);
    }

    [HttpPost("/links/{kind}/{id}")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Link(string kind, string id, LinkForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var target = (form.TargetId ?? "").Trim();
        var isStep = org.Steps.ContainsKey(target);
        var isPhase = org.Phases.ContainsKey(target);
        var w = org.Workspace;
        EditResult result;
        string? done = null;
        switch (kind)
        {
            case "metric" when w.Metrics.FirstOrDefault(m => m.Id == id) is { } metric:
                result = isStep || isPhase
                    ? await editor.ApplyAsync(new WorkspaceChangeSet { UpsertMetrics = [metric with { TargetId = target }] },
                        w with { Metrics = w.Metrics.Select(m => m.Id == id ? m with { TargetId = target } : m).ToList() }, form.Revision, cancellationToken)
                    : EditResult.Refused(org.Revision, $"Choose a step or phase for the KPI {metric.Name}.");
                done = metric.Name;
                break;
            case "insight" when w.Insights.FirstOrDefault(i => i.Id == id) is { } insight:
                result = isStep
                    ? await editor.ApplyAsync(new WorkspaceChangeSet { UpsertInsights = [insight with { StepIds = [.. insight.StepIds, target] }] },
                        w with { Insights = w.Insights.Select(i => i.Id == id ? i with { StepIds = [.. i.StepIds, target] } : i).ToList() }, form.Revision, cancellationToken)
                    : EditResult.Refused(org.Revision, $"Choose a step for the insight {insight.Title}.");
                done = insight.Title;
                break;
            case "opportunity" when w.Opportunities.FirstOrDefault(o => o.Id == id) is { } opportunity:
                result = isStep || isPhase
                    ? await editor.ApplyAsync(new WorkspaceChangeSet { UpsertOpportunities = [opportunity with { TargetIds = [.. opportunity.TargetIds, target] }] },
                        w with { Opportunities = w.Opportunities.Select(o => o.Id == id ? o with { TargetIds = [.. o.TargetIds, target] } : o).ToList() }, form.Revision, cancellationToken)
                    : EditResult.Refused(org.Revision, $"Choose a step or phase for the opportunity {opportunity.Title}.");
                done = opportunity.Title;
                break;
            default:
                return NotFound();
        }

        if (result.Applied && !Request.IsHtmx()) return Redirect("/links");
        if (!result.Applied) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var after = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = after.Revision;
        var model = new UnlinkedModel(after, result.Applied ? $"{done} is now on {after.TargetName(target)}." : null, result.Errors);
        return Request.IsHtmx() ? PartialView("_Unlinked", model) : View("Index", model);
    }
}

public sealed record LinkForm(string? TargetId, long Revision);

/// <summary>What is not on any journey yet, the choices of where to put it, and the outcome of the last link.</summary>
public sealed record UnlinkedModel(OrgView Org, string? Linked, IReadOnlyList<string> Errors)
{
    /// <summary>Forms shown per kind: each carries every step of every journey, so a page of them stays small.</summary>
    public const int Shown = 25;

    public IReadOnlyList<Metric> Metrics => Org.Workspace.Metrics.Where(m => !m.IsLinked).OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    public IReadOnlyList<Insight> Insights => Org.Workspace.Insights.Where(i => i.StepIds.Count == 0).OrderBy(i => i.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
    public IReadOnlyList<Opportunity> Opportunities => Org.Workspace.Opportunities.Where(o => o.TargetIds.Count == 0).OrderBy(o => o.Title, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Journeys with phases, by name: the choices of a link form.</summary>
    public IReadOnlyList<Journey> Journeys => Org.Workspace.Journeys.Where(j => j.Phases.Count > 0).OrderBy(j => j.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
}
