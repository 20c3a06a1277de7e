using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;

namespace JourneyOrg.Tests.JourneyManagement;

public sealed class MetricFormulaTests
{
    [Fact]
    public void Nps_is_percent_promoters_minus_percent_detractors() =>
        Assert.Equal(20.0, MetricFormulas.Nps(promoters: 50, passives: 20, detractors: 30));

    [Fact]
    public void Nps_of_only_detractors_is_minus_100() => Assert.Equal(-100.0, MetricFormulas.Nps(0, 0, 7));

    [Fact]
    public void Csat_is_the_share_of_satisfied_and_very_satisfied_in_percent() =>
        Assert.Equal(60.0, MetricFormulas.Csat(veryUnsatisfied: 5, unsatisfied: 10, neutral: 25, satisfied: 40, verySatisfied: 20));

    [Fact]
    public void Ces_of_one_point_is_its_score_and_pooled_it_is_weighted_by_respondents()
    {
        Assert.Equal(4.5, MetricFormulas.Ces(4.5));
        Assert.Equal(3.25, MetricFormulas.Ces([(4.0, 30), (3.0, 90)]));
        Assert.Equal(3.5, MetricFormulas.Ces([(4.0, 0), (3.0, 0)]));
    }

    [Fact]
    public void Ratio_is_numerator_over_denominator() => Assert.Equal(0.25, MetricFormulas.Ratio(1, 4));

    [Fact]
    public void Counts_that_total_zero_give_no_value()
    {
        Assert.Null(MetricFormulas.Nps(0, 0, 0));
        Assert.Null(MetricFormulas.Csat(0, 0, 0, 0, 0));
        Assert.Null(MetricFormulas.Ratio(3, 0));
    }

    [Fact]
    public void Values_are_rounded_to_four_decimals() => Assert.Equal(33.3333, MetricFormulas.Nps(1, 2, 0));

    [Fact]
    public void Points_of_one_date_pool_their_counts_rather_than_averaging_their_scores()
    {
        var nps = Metric(MetricTypes.Nps,
            Point("2024-01-31", "region=EU", 0, ("promoters", 10), ("passives", 0), ("detractors", 0)),
            Point("2024-01-31", "region=US", 0, ("promoters", 0), ("passives", 0), ("detractors", 30)));

        // Mean of +100 and -100 would be 0; over all 40 respondents it is (10 - 30) / 40.
        Assert.Equal(-50.0, MetricReading.Of(nps).Current);
    }

    [Fact]
    public void Other_metrics_pool_by_their_aggregation()
    {
        var points = new[] { Point("2024-01-31", "region=EU", 10), Point("2024-01-31", "region=US", 30) };
        Assert.Equal(40.0, MetricReading.Of(Metric(MetricTypes.Other, points) with { Aggregation = MetricAggregations.Sum }).Current);
        Assert.Equal(20.0, MetricReading.Of(Metric(MetricTypes.Other, points) with { Aggregation = MetricAggregations.Average }).Current);
    }

    [Fact]
    public void A_point_without_dimensions_is_the_overall_figure_of_its_date()
    {
        var metric = Metric(MetricTypes.Other, Point("2024-01-31", "", 12), Point("2024-01-31", "region=EU", 99));
        Assert.Equal(12.0, MetricReading.Of(metric).Current);
    }

    [Fact]
    public void Current_value_is_the_latest_date_and_the_trend_follows_the_direction()
    {
        var metric = Metric(MetricTypes.Other, Point("2024-02-29", "", 25), Point("2024-01-31", "", 31)) with { Target = 20, Direction = "lower" };

        var reading = MetricReading.Of(metric);

        Assert.Equal([31.0, 25.0], reading.Series.Select(p => p.Value));
        Assert.Equal(25.0, reading.Current);
        Assert.Equal(Trend.Improving, reading.Trend);
        Assert.Equal(TargetStatus.OffTarget, reading.Status);
        Assert.Equal("≤", reading.Comparison);
    }

    [Fact]
    public void Without_a_series_the_stored_value_is_current_and_higher_is_better_by_default()
    {
        var reading = MetricReading.Of(new Metric("m-1", "s-1", "Satisfaction", null, 72, 70, null));
        Assert.Equal(72.0, reading.Current);
        Assert.Equal(Trend.Unknown, reading.Trend);
        Assert.Equal(TargetStatus.OnTarget, reading.Status);
        Assert.Equal("≥", reading.Comparison);
    }

    [Fact]
    public void A_metric_without_target_has_no_status() =>
        Assert.Equal(TargetStatus.Unknown, MetricReading.Of(new Metric("m-1", "s-1", "x", null, 5, null, "higher")).Status);

    internal static Metric Metric(string type, params MetricDataPoint[] points) =>
        new("m-1", "s-1", "KPI", null, null, null, "higher") { Type = type, DataPoints = points };

    internal static MetricDataPoint Point(string date, string dimensions, double value, params (string Name, double Value)[] inputs)
    {
        var dims = dimensions.Length == 0 ? [] : dimensions.Split(';').Select(d => new MetricDimension(d.Split('=')[0], d.Split('=')[1])).ToList();
        var point = new MetricDataPoint(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), dims, value);
        if (inputs.Length == 0) return point;
        var counted = inputs.Select(i => new MetricInput(i.Name, i.Value)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        return point with { Value = MetricFormulas.FromInputs(MetricTypes.Nps, counted) ?? 0, Inputs = counted };
    }
}
