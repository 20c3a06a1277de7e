using JourneyOrg.Domain;

namespace JourneyOrg.JourneyManagement;

/// <summary>Where a metric stands against its target.</summary>
public enum TargetStatus
{
    /// <summary>No target, or no value yet.</summary>
    Unknown,
    /// <summary>At or beyond the target in the better direction.</summary>
    OnTarget,
    /// <summary>Short of the target.</summary>
    OffTarget,
}

/// <summary>Which way the latest value moved, judged by the metric's direction.</summary>
public enum Trend
{
    /// <summary>Fewer than two dated values.</summary>
    Unknown,
    Improving,
    Steady,
    Worsening,
}

/// <summary>One point of the overall series: a date and the figure for it across dimensions.</summary>
public sealed record SeriesPoint(DateOnly Date, double Value);

/// <summary>
/// A metric as a leader reads it: the overall series (one figure per date, dimension sets pooled by
/// <see cref="MetricFormulas.Pool"/>; a point without dimensions is taken as the overall figure of its date), the
/// current value (the latest figure, or the metric's stored value when it has no series), the trend and the status
/// against the target. A target with no direction counts as "at least" (≥).
/// </summary>
public sealed record MetricReading(Metric Metric, IReadOnlyList<SeriesPoint> Series, double? Current, double? Previous, Trend Trend, TargetStatus Status)
{
    /// <summary>Whether lower is better for this metric.</summary>
    public bool LowerIsBetter => Metric.Direction == "lower";

    /// <summary>The comparison with the target as a sign: ≥ or ≤.</summary>
    public string Comparison => LowerIsBetter ? "≤" : "≥";

    /// <summary>Reads <paramref name="metric"/>.</summary>
    public static MetricReading Of(Metric metric)
    {
        var series = OverallSeries(metric);
        double? current = series.Count > 0 ? series[^1].Value : metric.Value;
        double? previous = series.Count > 1 ? series[^2].Value : null;
        var lower = metric.Direction == "lower";

        var trend = Trend.Unknown;
        if (current is { } c && previous is { } p)
        {
            var better = lower ? c < p : c > p;
            trend = c == p ? Trend.Steady : better ? Trend.Improving : Trend.Worsening;
        }

        var status = TargetStatus.Unknown;
        if (current is { } value && metric.Target is { } target)
            status = (lower ? value <= target : value >= target) ? TargetStatus.OnTarget : TargetStatus.OffTarget;
        return new MetricReading(metric, series, current, previous, trend, status);
    }

    /// <summary>One figure per date, in date order.</summary>
    public static IReadOnlyList<SeriesPoint> OverallSeries(Metric metric)
    {
        if (metric.DataPoints.Count == 0) return [];
        var series = new List<SeriesPoint>();
        foreach (var date in metric.DataPoints.GroupBy(p => p.Date).OrderBy(g => g.Key))
        {
            var points = date.ToList();
            var overall = points.FirstOrDefault(p => p.Dimensions.Count == 0);
            var value = overall?.Value ?? MetricFormulas.Pool(metric, points);
            if (value is { } v) series.Add(new SeriesPoint(date.Key, v));
        }
        return series;
    }
}
