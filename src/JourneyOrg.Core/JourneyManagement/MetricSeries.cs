using JourneyOrg.Domain;

namespace JourneyOrg.JourneyManagement;

/// <summary>Where a metric stands against its target.</summary>
public enum TargetStatus
{
    /// <summary>No target, or no value yet.</summary>
    Unknown,
    /// <summary>At or beyond the target in the better direction.</summary>
    OnTarget,
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
    public bool LowerIsBetter => Metric.Direction == "lower";

    /// <summary>The comparison with the target as a sign: ≥ or ≤.</summary>
    public string Comparison => LowerIsBetter ? "≤" : "≥";

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

/// <summary>
/// Changes to a metric's time series. Every change keeps one point per date and dimension set, the points in date
/// order, and <see cref="Metric.Value"/> equal to the current reading, so lists that show only the value stay right.
/// </summary>
public static class MetricPoints
{
    /// <summary>Adds <paramref name="incoming"/>; each replaces a stored point of the same date and dimension set.</summary>
    public static Metric Merge(Metric metric, IReadOnlyCollection<MetricDataPoint> incoming)
    {
        var keys = incoming.Select(p => (p.Date, p.DimensionKey)).ToHashSet();
        return WithSeries(metric, metric.DataPoints.Where(p => !keys.Contains((p.Date, p.DimensionKey))).Concat(incoming));
    }

    /// <summary>How many of <paramref name="incoming"/> would replace a stored point rather than add one.</summary>
    public static int Replaced(Metric metric, IReadOnlyCollection<MetricDataPoint> incoming)
    {
        var keys = incoming.Select(p => (p.Date, p.DimensionKey)).ToHashSet();
        return metric.DataPoints.Count(p => keys.Contains((p.Date, p.DimensionKey)));
    }

    /// <summary>Removes the point of <paramref name="date"/> with the dimension set <paramref name="dimensionKey"/>, if there is one.</summary>
    public static Metric Remove(Metric metric, DateOnly date, string dimensionKey) =>
        WithSeries(metric, metric.DataPoints.Where(p => p.Date != date || p.DimensionKey != dimensionKey));

    /// <summary>
    /// Reads a dimension set written as <c>region=EU;channel=web</c> (empty for the overall figure), sorted by key.
    /// Each part that is not <c>key=value</c>, or repeats a key, adds a problem in the user's words.
    /// </summary>
    public static List<MetricDimension> ParseDimensions(string text, List<string> problems)
    {
        var dimensions = new List<MetricDimension>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
                problems.Add($"'{part}' is not key=value; write e.g. region=EU;channel=web");
            else if (dimensions.Any(d => d.Key == part[..equals].Trim()))
                problems.Add($"dimension '{part[..equals].Trim()}' is given twice");
            else
                dimensions.Add(new MetricDimension(part[..equals].Trim(), part[(equals + 1)..].Trim()));
        }
        return dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    private static Metric WithSeries(Metric metric, IEnumerable<MetricDataPoint> points)
    {
        var updated = metric with { DataPoints = points.OrderBy(p => p.Date).ThenBy(p => p.DimensionKey, StringComparer.Ordinal).ToList() };
        if (updated.DataPoints.Count > 0) return updated with { Value = MetricReading.Of(updated).Current };
        // Without a series the value is the one given by hand; removing the last point leaves no reading at all.
        return metric.DataPoints.Count == 0 ? updated : updated with { Value = null };
    }
}
