using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
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
        return View(MetricsIndexModel.Build(org, FormValues.Text(journey), FormValues.Text(status), [], null, FormValues.Text(team)));
    }

    [HttpGet("/metrics/{id}")]
    public async Task<IActionResult> Metric(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (MetricOf(org, id) is not { } metric) return NotFound();
        return View(new MetricPageModel(org, metric, []));
    }

    [HttpPost("/metrics")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Create(MetricForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var errors = new List<string>();
        var targetId = (form.TargetId ?? "").Trim();
        if (targetId.Length > 0 && !org.Journeys.ContainsKey(targetId) && !org.Phases.ContainsKey(targetId) && !org.Steps.ContainsKey(targetId))
            errors.Add($"Measures: '{targetId}' is not a journey, phase or step; give the id of one, or leave it empty and place the KPI later.");
        var id = new WorkspaceIds(org.Workspace).New("m-", form.Name ?? "");
        var metric = form.Apply(new Metric(id, targetId, "", null, null, null, null), org, errors);
        var result = await editor.ApplyAsync(errors, () => new WorkspaceChangeSet { UpsertMetrics = [metric] }, form.Revision, cancellationToken);
        if (result.Applied) return Redirect($"/metrics/{Uri.EscapeDataString(id)}");
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var fresh = await reader.LoadAsync(cancellationToken);
        return View("Index", MetricsIndexModel.Build(fresh, null, null, result.Errors, form));
    }

    [HttpPost("/metrics/{id}/details")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> Details(string id, MetricForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Revision, (metric, org, errors) => form.Apply(metric, org, errors), cancellationToken);

    [HttpPost("/metrics/{id}/points")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> RecordPoint(string id, PointForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Revision, (metric, _, errors) =>
        {
            var point = form.ToPoint(errors);
            return point is null ? metric : MetricPoints.Merge(metric, [point]);
        }, cancellationToken);

    [HttpPost("/metrics/{id}/points/remove")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> RemovePoint(string id, PointForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Revision, (metric, _, errors) =>
        {
            var point = form.ToPoint(errors, valueRequired: false);
            if (point is null) return metric;
            if (!metric.DataPoints.Any(p => p.Date == point.Date && p.DimensionKey == point.DimensionKey))
                errors.Add("That data point is no longer there.");
            return MetricPoints.Remove(metric, point.Date, point.DimensionKey);
        }, cancellationToken);

    [HttpPost("/metrics/{id}/delete")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Delete(string id, long revision, bool confirm, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (MetricOf(org, id) is null) return NotFound();
        // The series goes with the KPI; the tick box makes that a decision rather than a slip.
        var result = !confirm
            ? EditResult.Refused(org.Revision, "Tick the box to confirm that the KPI and its data points are to be deleted.")
            : await editor.ApplyAsync(new WorkspaceChangeSet { DeleteMetrics = [id] }, revision, cancellationToken);
        if (result.Applied) return Redirect("/metrics");
        return await PageAsync(id, result.Errors, cancellationToken) ?? NotFound();
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the KPI and stores it; on problems (the change's own, the workspace rules, a
    /// stale revision) nothing is stored and the page shows them. htmx requests get the KPI's history fragment back.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string id, long revision, Func<Metric, OrgView, List<string>, Metric> change, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (MetricOf(org, id) is not { } metric) return NotFound();
        var errors = new List<string>();
        var changed = change(metric, org, errors);
        var result = await editor.ApplyAsync(errors, () => new WorkspaceChangeSet { UpsertMetrics = [changed] }, revision, cancellationToken);
        if (result.Applied && !Request.IsHtmx()) return Redirect($"/metrics/{Uri.EscapeDataString(id)}");
        return await PageAsync(id, result.Errors, cancellationToken) ?? Redirect("/metrics");
    }

    private async Task<IActionResult?> PageAsync(string id, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        if (errors.Count > 0) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var fresh = await reader.LoadAsync(cancellationToken);
        if (MetricOf(fresh, id) is not { } metric) return null;
        var model = new MetricPageModel(fresh, metric, errors);
        return Request.IsHtmx() ? PartialView("_MetricBody", model) : View("Metric", model);
    }

    private static Metric? MetricOf(OrgView org, string id) => org.Workspace.Metrics.FirstOrDefault(m => m.Id == id);

}

/// <summary>A KPI's definition as typed in the form; field names match the workspace format.</summary>
public sealed class MetricForm
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Unit { get; set; }
    public string? Target { get; set; }
    public string? Direction { get; set; }
    public string? Aggregation { get; set; }
    public string? Description { get; set; }
    public string? OwnerId { get; set; }
    /// <summary>Only when creating: the journey, phase or step the KPI measures (empty: link it later).</summary>
    public string? TargetId { get; set; }
    public long Revision { get; set; }

    /// <summary>
    /// The KPI with this definition; its series, import key, owner teams and link are kept. Each field that cannot be
    /// taken adds a problem naming the field.
    /// </summary>
    public Metric Apply(Metric metric, OrgView org, List<string> errors)
    {
        var name = (Name ?? "").Trim();
        if (name.Length == 0) errors.Add("Name: give the KPI a name.");
        var type = FormValues.Text(Type)?.ToUpperInvariant();
        if (type is not null && !MetricTypes.All.Contains(type)) errors.Add($"Type: choose one of {string.Join(", ", MetricTypes.All)}.");
        var target = FormValues.Number(Target, "Target", errors);
        var direction = FormValues.Text(Direction)?.ToLowerInvariant();
        if (direction is not null && !WorkspaceFormat.Directions.Contains(direction)) errors.Add("Better when: choose higher or lower.");
        var aggregation = FormValues.Text(Aggregation)?.ToUpperInvariant();
        if (aggregation is not null && !MetricAggregations.All.Contains(aggregation)) errors.Add($"Combine regions etc. by: choose {string.Join(" or ", MetricAggregations.All)}.");
        if (aggregation is not null && (type ?? MetricTypes.Other) != MetricTypes.Other)
            errors.Add($"Combine regions etc. by: only OTHER KPIs choose how their points combine; a {type} KPI uses its own formula.");
        // Points with survey counts carry inputs of their type; changing the type would leave them meaningless.
        if (type != metric.Type && metric.DataPoints.Any(p => p.Inputs is not null))
            errors.Add($"Type: this KPI's data points carry {metric.Type} counts, so its type stays {metric.Type}.");
        string? ownerProblem = null;
        var owner = FormValues.Text(OwnerId) is { } typedOwner ? org.FindPerson(typedOwner, "Owner", out ownerProblem) : null;
        if (ownerProblem is not null) errors.Add(ownerProblem);
        return metric with
        {
            Name = name, Type = type, Unit = FormValues.Text(Unit), Target = target, Direction = direction, Aggregation = aggregation,
            Description = FormValues.Text(Description), OwnerId = owner,
        };
    }

}

/// <summary>One data point as typed: a date, a value and optionally a dimension set (<c>region=EU;channel=web</c>).</summary>
public sealed class PointForm
{
    public string? Date { get; set; }
    public string? Value { get; set; }
    public string? Dimensions { get; set; }
    public long Revision { get; set; }

    public MetricDataPoint? ToPoint(List<string> errors, bool valueRequired = true)
    {
        var before = errors.Count;
        var dateText = (Date ?? "").Trim();
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors.Add(dateText.Length == 0 ? "Date: give the date the value is for." : $"Date: '{dateText}' is not a date; write YYYY-MM-DD.");
        var value = valueRequired ? FormValues.Number(Value, "Value", errors) : 0;
        if (valueRequired && FormValues.Text(Value) is null) errors.Add("Value: give the value.");
        var problems = new List<string>();
        var dimensions = MetricPoints.ParseDimensions(Dimensions ?? "", problems);
        errors.AddRange(problems.Select(p => "Dimensions: " + p + "."));
        return errors.Count > before ? null : new MetricDataPoint(date, dimensions, value ?? 0);
    }
}
