using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Metrics;

/// <summary>One KPI as the list shows it: its reading, where it measures, and who answers for that.</summary>
public sealed record MetricRow(Metric Metric, MetricReading Reading, string? JourneyId, string Where, IReadOnlyList<string> AccountableTeams);

/// <summary>Every KPI that passes the filter, by journey then name; the choices of the filter; the create form's state.</summary>
public sealed record MetricsIndexModel(
    OrgView Org, IReadOnlyList<MetricRow> Rows, string? Journey, string? Status, FormProblems Problems, MetricForm? Form)
{
    /// <summary>Status filter values: on / off target, no reading against a target, not linked to a journey.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Statuses =
        [("off", "off target"), ("on", "on target"), ("unknown", "no target or no value"), ("unlinked", "not on a journey yet")];

    public static MetricsIndexModel Build(OrgView org, string? journey, string? status, FormProblems problems, MetricForm? form, string? team = null)
    {
        var accountability = org.Accountability;
        // A team is chosen from a list or typed (large orgs); a unit stands for itself and every team under it.
        string? teamProblem = null;
        var teamId = team is null ? null : org.FindTeam(team, "Team", out teamProblem);
        var rows = org.Workspace.Metrics
            .Select(m => new MetricRow(m, MetricReading.Of(m), m.IsLinked ? org.JourneyOf(m.TargetId) : null,
                m.IsLinked ? org.TargetName(m.TargetId) : "",
                m.IsLinked && accountability is not null ? accountability.TeamsFor([m.TargetId]) : []))
            .Where(r => journey is null || r.JourneyId == journey)
            .Where(r => teamId is null || r.AccountableTeams.Any(t => org.TeamAncestry(t).Any(a => a.Id == teamId)))
            .Where(r => status switch
            {
                "off" => r.Reading.Status == TargetStatus.OffTarget,
                "on" => r.Reading.Status == TargetStatus.OnTarget,
                "unknown" => r.Reading.Status == TargetStatus.Unknown,
                "unlinked" => !r.Metric.IsLinked,
                _ => true,
            })
            .OrderBy(r => r.JourneyId is null).ThenBy(r => r.Where, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Metric.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        if (teamProblem is not null) rows = [];
        return new MetricsIndexModel(org, rows, journey, status, problems, form) { Team = teamId ?? team, TeamProblem = teamProblem };
    }

    /// <summary>The team or unit the list is filtered to (its id once resolved, else as typed).</summary>
    public string? Team { get; init; }

    /// <summary>Why the typed team could not be used (no such team, or the name is not unique).</summary>
    public string? TeamProblem { get; init; }

    /// <summary>Above this many teams the filter is a typed field rather than a list.</summary>
    public const int TeamsListedUpTo = 300;

    /// <summary>Above this many steps the create form's "Measures" field offers no list of units.</summary>
    public const int TargetsListedUpTo = 500;

    public IReadOnlyList<Journey> Journeys => Org.JourneysWithPhases;
}

/// <summary>One KPI with its reading, where it measures, and the outcome of the last change.</summary>
public sealed record MetricPageModel(OrgView Org, Metric Metric, FormProblems Problems)
{
    /// <summary>What was typed in the refused form (a <see cref="MetricForm"/> or <see cref="PointForm"/>).</summary>
    public object? Draft { get; init; }

    /// <summary>What the last in-place change did (a recorded or removed point).</summary>
    public string? Done { get; init; }

    /// <summary>Data points listed with their remove buttons, newest first; older ones stay in the chart and the export.</summary>
    public const int PointsListed = 200;

    public MetricReading Reading { get; } = MetricReading.Of(Metric);

    public MetricChart Chart => new(Reading.Series, Metric.Target);

    public IReadOnlyList<MetricDataPoint> Newest => Metric.DataPoints
        .OrderByDescending(p => p.Date).ThenBy(p => p.DimensionKey, StringComparer.Ordinal).Take(PointsListed).ToList();

    /// <summary>
    /// The points of the latest date that carry dimensions (region, channel…), best last: where a pooled figure is
    /// off target, this says which region or channel pulls it there.
    /// </summary>
    public IReadOnlyList<MetricDataPoint> LatestByDimension
    {
        get
        {
            if (Metric.DataPoints.Count == 0) return [];
            var latest = Metric.DataPoints.Max(p => p.Date);
            var points = Metric.DataPoints.Where(p => p.Date == latest && p.Dimensions.Count > 0);
            return (Reading.LowerIsBetter ? points.OrderByDescending(p => p.Value) : points.OrderBy(p => p.Value)).ToList();
        }
    }

    /// <summary>Whether one value meets the target (null without a target).</summary>
    public bool? MeetsTarget(double value) =>
        Metric.Target is not { } target ? null : Reading.LowerIsBetter ? value <= target : value >= target;

    /// <summary>Teams accountable for the part of the journey the KPI measures (effective owners, SPEC §3).</summary>
    public IReadOnlyList<string> AccountableTeams =>
        Metric.IsLinked && Org.Accountability is { } accountability ? accountability.TeamsFor([Metric.TargetId]) : [];

    /// <summary>The journey map or step page the KPI measures.</summary>
    public string? WhereUrl =>
        !Metric.IsLinked ? null
        : Org.Steps.TryGetValue(Metric.TargetId, out var s) ? $"/journeys/{Uri.EscapeDataString(s.Journey.Id)}/steps/{Uri.EscapeDataString(s.Step.Id)}"
        : Org.JourneyOf(Metric.TargetId) is { } journey ? $"/journeys/{Uri.EscapeDataString(journey)}"
        : null;
}

/// <summary>
/// The overall series as an SVG line in user units: dates spaced by time along the x axis, values up the y axis, the
/// target as a dashed line, the range padded so the line and the target both fit.
/// </summary>
public sealed class MetricChart(IReadOnlyList<SeriesPoint> series, double? target)
{
    public const double Width = 640, Height = 220, Left = 56, Right = 16, Top = 12, Bottom = 32;

    public IReadOnlyList<SeriesPoint> Series => series;
    public double? Target => target;

    private readonly (double Min, double Max) _range = Range(series, target);

    public double Min => _range.Min;
    public double Max => _range.Max;

    public double X(DateOnly date)
    {
        if (series.Count < 2) return Left + (Width - Left - Right) / 2;
        var first = series[0].Date.DayNumber;
        var span = Math.Max(1, series[^1].Date.DayNumber - first);
        return Left + (date.DayNumber - first) / (double)span * (Width - Left - Right);
    }

    public double Y(double value) => Top + (1 - (value - Min) / (Max - Min)) * (Height - Top - Bottom);

    public string Points => string.Join(" ", series.Select(p => $"{N(X(p.Date))},{N(Y(p.Value))}"));

    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static (double Min, double Max) Range(IReadOnlyList<SeriesPoint> series, double? target)
    {
        var values = series.Select(p => p.Value).Concat(target is { } t ? [t] : []).ToList();
        if (values.Count == 0) return (0, 1);
        var (min, max) = (values.Min(), values.Max());
        var pad = max - min == 0 ? Math.Max(1, Math.Abs(max) * 0.1) : (max - min) * 0.1;
        return (min - pad, max + pad);
    }
}

/// <summary>The definition fields: of an existing KPI (<paramref name="Metric"/>) or a new one, with what was typed last.</summary>
public sealed record MetricFieldsModel(OrgView Org, Metric? Metric, MetricForm? Form, FormProblems Problems);
