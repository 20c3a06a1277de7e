using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Metrics;

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
}

/// <summary>One data point as typed: a date, a value and optionally a dimension set (<c>region=EU;channel=web</c>).</summary>
public sealed class PointForm
{
    public string? Date { get; set; }
    public string? Value { get; set; }
    public string? Dimensions { get; set; }
    public long Revision { get; set; }
}

/// <summary>What a KPI edit would store, or why not, at the fields of the form (<see cref="MetricForms"/>).</summary>
public sealed record MetricEdit(WorkspaceChangeSet? Changes, string MetricId, FormProblems Problems, string Done = "")
{
    /// <summary>The workspace rules' refusal goes above the form: they judge the whole workspace, not one field.</summary>
    public FormProblems RefusedByRules(IEnumerable<string> errors)
    {
        Problems.Whole.AddRange(errors);
        return Problems;
    }
}

/// <summary>The KPI forms, as their fields' DOM ids begin.</summary>
public static class MetricForms
{
    public const string New = "new-metric";
    public const string Edit = "edit-metric";
    public const string Point = "point";
    public const string Delete = "delete-metric";
}

/// <summary>
/// The KPI edits as use cases: each turns a form into the one change set the edit pipeline applies, or says at which
/// field what is wrong. The controller binds, applies and answers.
/// </summary>
public static class MetricEdits
{
    public static MetricEdit Create(OrgView org, MetricForm form)
    {
        var problems = new FormProblems(MetricForms.New);
        var targetId = (form.TargetId ?? "").Trim();
        if (targetId.Length > 0 && !org.Journeys.ContainsKey(targetId) && !org.Phases.ContainsKey(targetId) && !org.Steps.ContainsKey(targetId))
            problems.Add(nameof(MetricForm.TargetId), $"Measures: '{targetId}' is not a journey, phase or step; give the id of one, or leave it empty and place the KPI later.");
        var id = new WorkspaceIds(org.Workspace).New("m-", form.Name ?? "");
        var metric = Define(new Metric(id, targetId, "", null, null, null, null), form, org, problems);
        return Upsert(metric, problems, $"Created the KPI “{metric.Name}”.");
    }

    public static MetricEdit ChangeDetails(OrgView org, Metric metric, MetricForm form)
    {
        var problems = new FormProblems(MetricForms.Edit);
        var changed = Define(metric, form, org, problems);
        return Upsert(changed, problems, $"Saved the KPI “{changed.Name}”.");
    }

    public static MetricEdit RecordPoint(Metric metric, PointForm form)
    {
        var problems = new FormProblems(MetricForms.Point);
        var point = ToPoint(form, problems);
        return Upsert(point is null ? metric : MetricPoints.Merge(metric, [point]), problems,
            point is null ? "" : $"Recorded {FormValues.Show(point.Value)} for {point.Date:yyyy-MM-dd}.");
    }

    public static MetricEdit RemovePoint(Metric metric, PointForm form)
    {
        // The remove button's fields are hidden: what is wrong is said above the list, not at a field.
        var problems = new FormProblems(MetricForms.Point);
        var fieldProblems = new FormProblems(MetricForms.Point);
        var point = ToPoint(form, fieldProblems, valueRequired: false);
        problems.Whole.AddRange(fieldProblems.All);
        if (point is null) return new MetricEdit(null, metric.Id, problems);
        if (!metric.DataPoints.Any(p => p.Date == point.Date && p.DimensionKey == point.DimensionKey))
            problems.Whole.Add("That data point is no longer there.");
        return Upsert(MetricPoints.Remove(metric, point.Date, point.DimensionKey), problems, $"Removed the point of {point.Date:yyyy-MM-dd}.");
    }

    /// <summary>The series goes with the KPI; the tick box makes that a decision rather than a slip.</summary>
    public static MetricEdit Delete(Metric metric, bool confirm)
    {
        var problems = new FormProblems(MetricForms.Delete);
        if (!confirm) problems.Add("Confirm", "Tick the box to confirm that the KPI and its data points are to be deleted.");
        return new MetricEdit(problems.Any ? null : new WorkspaceChangeSet { DeleteMetrics = [metric.Id] }, metric.Id, problems,
            $"Deleted the KPI “{metric.Name}” and its {metric.DataPoints.Count} data points.");
    }

    /// <summary>
    /// The KPI with the form's definition; its series, import key, owner teams and link are kept. Each field that cannot
    /// be taken adds a problem at that field.
    /// </summary>
    private static Metric Define(Metric metric, MetricForm form, OrgView org, FormProblems problems)
    {
        var name = (form.Name ?? "").Trim();
        if (name.Length == 0) problems.Add(nameof(MetricForm.Name), "Name: give the KPI a name.");
        var type = FormValues.Text(form.Type)?.ToUpperInvariant();
        if (type is not null && !MetricTypes.All.Contains(type)) problems.Add(nameof(MetricForm.Type), $"Type: choose one of {string.Join(", ", MetricTypes.All)}.");
        var target = FormValues.Number(form.Target, "Target", problems.At(nameof(MetricForm.Target)));
        var direction = FormValues.Text(form.Direction)?.ToLowerInvariant();
        if (direction is not null && !WorkspaceFormat.Directions.Contains(direction)) problems.Add(nameof(MetricForm.Direction), "Better when: choose higher or lower.");
        var aggregation = FormValues.Text(form.Aggregation)?.ToUpperInvariant();
        if (aggregation is not null && !MetricAggregations.All.Contains(aggregation))
            problems.Add(nameof(MetricForm.Aggregation), $"Combine regions etc. by: choose {string.Join(" or ", MetricAggregations.All)}.");
        if (aggregation is not null && (type ?? MetricTypes.Other) != MetricTypes.Other)
            problems.Add(nameof(MetricForm.Aggregation), $"Combine regions etc. by: only OTHER KPIs choose how their points combine; a {type} KPI uses its own formula.");
        // Points with survey counts carry inputs of their type; changing the type would leave them meaningless.
        if (type != metric.Type && metric.DataPoints.Any(p => p.Inputs is not null))
            problems.Add(nameof(MetricForm.Type), $"Type: this KPI's data points carry {metric.Type} counts, so its type stays {metric.Type}.");
        string? ownerProblem = null;
        var owner = FormValues.Text(form.OwnerId) is { } typedOwner ? org.FindPerson(typedOwner, "Owner", out ownerProblem) : null;
        if (ownerProblem is not null) problems.Add(nameof(MetricForm.OwnerId), ownerProblem);
        return metric with
        {
            Name = name, Type = type, Unit = FormValues.Text(form.Unit), Target = target, Direction = direction, Aggregation = aggregation,
            Description = FormValues.Text(form.Description), OwnerId = owner,
        };
    }

    private static MetricDataPoint? ToPoint(PointForm form, FormProblems problems, bool valueRequired = true)
    {
        var dateText = (form.Date ?? "").Trim();
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            problems.Add(nameof(PointForm.Date), dateText.Length == 0 ? "Date: give the date the value is for." : $"Date: '{dateText}' is not a date; write YYYY-MM-DD.");
        var value = valueRequired ? FormValues.Number(form.Value, "Value", problems.At(nameof(PointForm.Value))) : 0;
        if (valueRequired && FormValues.Text(form.Value) is null) problems.Add(nameof(PointForm.Value), "Value: give the value.");
        var dimensionProblems = new List<string>();
        var dimensions = MetricPoints.ParseDimensions(form.Dimensions ?? "", dimensionProblems);
        problems.At(nameof(PointForm.Dimensions)).AddRange(dimensionProblems.Select(p => "Dimensions: " + p + "."));
        return problems.Any ? null : new MetricDataPoint(date, dimensions, value ?? 0);
    }

    private static MetricEdit Upsert(Metric metric, FormProblems problems, string done) =>
        new(problems.Any ? null : new WorkspaceChangeSet { UpsertMetrics = [metric] }, metric.Id, problems, done);
}
