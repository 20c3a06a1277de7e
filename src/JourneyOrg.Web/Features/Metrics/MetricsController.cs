using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Metrics;

/// <summary>
/// KPIs: the list across journeys, one KPI with its whole history, and for planners creating a KPI, changing its
/// definition, recording and removing data points. Every change goes through <see cref="WorkspaceEditor"/>.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class MetricsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    [HttpGet("/metrics")]
    public async Task<IActionResult> Index(string? journey, string? status, string? team, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return View(MetricsIndexModel.Build(org, FormValues.Text(journey), FormValues.Text(status), FormProblems.None, null, FormValues.Text(team)));
    }

    [HttpGet("/metrics/{id}")]
    public async Task<IActionResult> Metric(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (MetricOf(org, id) is not { } metric) return NotFound();
        return View(new MetricPageModel(org, metric, FormProblems.None));
    }

    [HttpPost("/metrics")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Create(MetricForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var edit = MetricEdits.Create(org, form);
        var problems = edit.Problems;
        if (edit.Changes is not null)
        {
            var result = await editor.ApplyAsync(edit.Changes, form.Revision, cancellationToken);
            if (result.Applied) return this.Saved($"/metrics/{Uri.EscapeDataString(edit.MetricId)}", edit.Done);
            problems = edit.RefusedByRules(result.Errors);
        }
        var fresh = await reader.LoadAsync(cancellationToken);
        return this.Refused("Index", MetricsIndexModel.Build(fresh, null, null, problems, form));
    }

    [HttpPost("/metrics/{id}/details")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> Details(string id, MetricForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Revision, form, (org, metric) => MetricEdits.ChangeDetails(org, metric, form), cancellationToken);

    [HttpPost("/metrics/{id}/points")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> RecordPoint(string id, PointForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Revision, form, (_, metric) => MetricEdits.RecordPoint(metric, form), cancellationToken);

    [HttpPost("/metrics/{id}/points/remove")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> RemovePoint(string id, PointForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Revision, null, (_, metric) => MetricEdits.RemovePoint(metric, form), cancellationToken);

    [HttpPost("/metrics/{id}/delete")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Delete(string id, long revision, bool confirm, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (MetricOf(org, id) is not { } metric) return NotFound();
        var edit = MetricEdits.Delete(metric, confirm);
        if (edit.Changes is not null)
        {
            var result = await editor.ApplyAsync(edit.Changes, revision, cancellationToken);
            if (result.Applied) return this.Saved("/metrics", edit.Done);
            edit.RefusedByRules(result.Errors);
        }
        // The delete form answers in place with the whole page, like the definition form.
        return await PageAsync(id, edit.Problems, null, whole: true, cancellationToken) ?? NotFound();
    }

    /// <summary>
    /// Stores the KPI edit; on problems (the form's own, the workspace rules, a stale revision) nothing is stored and the
    /// page shows them at their fields with what was typed. htmx posts (the points) get the KPI's history fragment back.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string id, long revision, object? draft, Func<OrgView, Metric, MetricEdit> change, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (MetricOf(org, id) is not { } metric) return NotFound();
        var edit = change(org, metric);
        if (edit.Changes is not null)
        {
            var result = await editor.ApplyAsync(edit.Changes, revision, cancellationToken);
            if (result.Applied)
            {
                if (!Request.IsHtmx() || draft is MetricForm) return this.Saved($"/metrics/{Uri.EscapeDataString(id)}", edit.Done);
                return await PageAsync(id, FormProblems.None, null, whole: false, cancellationToken, edit.Done) ?? Redirect("/metrics");
            }
            edit.RefusedByRules(result.Errors);
        }
        return await PageAsync(id, edit.Problems, draft, whole: draft is MetricForm, cancellationToken) ?? Redirect("/metrics");
    }

    /// <param name="whole">The form answers in place with the whole page (the definition and delete forms sit outside the history fragment).</param>
    private async Task<IActionResult?> PageAsync(string id, FormProblems problems, object? draft, bool whole, CancellationToken cancellationToken, string? done = null)
    {
        if (problems.Any) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var fresh = await reader.LoadAsync(cancellationToken);
        if (MetricOf(fresh, id) is not { } metric) return null;
        var model = new MetricPageModel(fresh, metric, problems) { Draft = draft, Done = done };
        return Request.IsHtmx() && !whole ? PartialView("_MetricBody", model) : View("Metric", model);
    }

    private static Metric? MetricOf(OrgView org, string id) => org.Workspace.Metrics.FirstOrDefault(m => m.Id == id);
}
