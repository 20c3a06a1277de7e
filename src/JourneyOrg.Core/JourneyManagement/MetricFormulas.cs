using JourneyOrg.Domain;

namespace JourneyOrg.JourneyManagement;

/// <summary>
/// The standard formulas that turn survey counts into a metric value, and the rule that pools several data points
/// (dimension sets) of one date into one figure. Results are rounded to 4 decimals, as everywhere in the product.
/// <list type="bullet">
/// <item>CES: the mean effort score. One point carries it as <c>score</c>; pooled, it is the mean weighted by
/// <c>respondents</c>: Σ(score × respondents) / Σ respondents.</item>
/// <item>CSAT: the share, in percent, of satisfied answers (4 and 5 on the five-point scale):
/// 100 × (satisfied + verySatisfied) / (veryUnsatisfied + unsatisfied + neutral + satisfied + verySatisfied).</item>
/// <item>NPS: percent promoters minus percent detractors: 100 × (promoters − detractors) / (promoters + passives + detractors), from −100 to 100.</item>
/// <item>RATIO: numerator / denominator (pooled: Σ numerators / Σ denominators).</item>
/// <item>OTHER: the value itself; pooled by the metric's aggregation, SUM or AVERAGE (the default).</item>
/// </list>
/// A point whose counts total zero (or a ratio with denominator zero) has no value.
/// </summary>
public static class MetricFormulas
{
    /// <summary>The input names each counted type carries, in TheyDo's field names.</summary>
    public static IReadOnlyList<string>? InputNames(string? type) => type switch
    {
        MetricTypes.Ces => ["respondents", "score"],
        MetricTypes.Csat => ["neutral", "satisfied", "unsatisfied", "verySatisfied", "veryUnsatisfied"],
        MetricTypes.Nps => ["detractors", "passives", "promoters"],
        MetricTypes.Ratio => ["denominator", "numerator"],
        _ => null,
    };

    /// <summary>CES of one point: its score.</summary>
    public static double Ces(double score) => Round(score);

    /// <summary>CES pooled over points: the respondent-weighted mean score (the plain mean when nobody responded).</summary>
    public static double? Ces(IReadOnlyList<(double Score, double Respondents)> points)
    {
        if (points.Count == 0) return null;
        var respondents = points.Sum(p => p.Respondents);
        return Round(respondents > 0 ? points.Sum(p => p.Score * p.Respondents) / respondents : points.Average(p => p.Score));
    }

    /// <summary>CSAT in percent: satisfied and very satisfied over all five counts.</summary>
    public static double? Csat(double veryUnsatisfied, double unsatisfied, double neutral, double satisfied, double verySatisfied)
    {
        var total = veryUnsatisfied + unsatisfied + neutral + satisfied + verySatisfied;
        return total > 0 ? Round(100 * (satisfied + verySatisfied) / total) : null;
    }

    /// <summary>NPS: percent promoters minus percent detractors.</summary>
    public static double? Nps(double promoters, double passives, double detractors)
    {
        var total = promoters + passives + detractors;
        return total > 0 ? Round(100 * (promoters - detractors) / total) : null;
    }

    /// <summary>RATIO: numerator over denominator.</summary>
    public static double? Ratio(double numerator, double denominator) => denominator != 0 ? Round(numerator / denominator) : null;

    /// <summary>The value of one point from its inputs, by the metric's type; null when the counts give none.</summary>
    public static double? FromInputs(string? type, IReadOnlyList<MetricInput> inputs)
    {
        double In(string name) => inputs.FirstOrDefault(i => i.Name == name)?.Value ?? 0;
        return type switch
        {
            MetricTypes.Ces => Ces(In("score")),
            MetricTypes.Csat => Csat(In("veryUnsatisfied"), In("unsatisfied"), In("neutral"), In("satisfied"), In("verySatisfied")),
            MetricTypes.Nps => Nps(In("promoters"), In("passives"), In("detractors")),
            MetricTypes.Ratio => Ratio(In("numerator"), In("denominator")),
            _ => null,
        };
    }

    /// <summary>
    /// One figure for several points of the same date (different dimension sets). When every point has its counts,
    /// the counts are pooled and the formula applied once (the NPS of all respondents, not the mean of regional NPS);
    /// otherwise an OTHER metric with aggregation SUM adds the values, and anything else takes their mean.
    /// </summary>
    public static double? Pool(Metric metric, IReadOnlyList<MetricDataPoint> points)
    {
        if (points.Count == 0) return null;
        if (points.Count == 1) return points[0].Value;
        var type = metric.Type ?? MetricTypes.Other;
        if (type != MetricTypes.Other && points.All(p => p.Inputs is not null))
        {
            if (type == MetricTypes.Ces)
                return Ces(points.Select(p => (Input(p, "score"), Input(p, "respondents"))).ToList());
            var names = InputNames(type)!;
            var pooled = names.Select(n => new MetricInput(n, points.Sum(p => Input(p, n)))).ToList();
            return FromInputs(type, pooled);
        }
        if (type == MetricTypes.Other && metric.Aggregation == MetricAggregations.Sum) return Round(points.Sum(p => p.Value));
        return Round(points.Average(p => p.Value));
    }

    /// <summary>Rounds to the 4 decimals the product shows and stores.</summary>
    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static double Input(MetricDataPoint point, string name) => point.Inputs?.FirstOrDefault(i => i.Name == name)?.Value ?? 0;
}
