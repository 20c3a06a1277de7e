using JourneyOrg.Domain;

namespace JourneyOrg.JourneyManagement.Import;

/// <summary>The four TheyDo S3 JSON formats (their <c>format</c> values).</summary>
public static class TheyDoFormats
{
    public const string Metrics = "THEYDO_METRICS_V1";
    public const string Insights = "THEYDO_INSIGHTS_V1";
    public const string Opportunities = "THEYDO_OPPORTUNITIES_V1";
    public const string Solutions = "THEYDO_SOLUTIONS_V1";
    public static readonly IReadOnlyList<string> All = [Metrics, Insights, Opportunities, Solutions];

    /// <summary>The name of the array each format carries its records in.</summary>
    public static string ArrayName(string format) => format switch
    {
        Metrics => "metrics",
        Insights => "insights",
        Opportunities => "opportunities",
        _ => "solutions",
    };

    /// <summary>The short name used on the command line and in the UI: metrics, insights, opportunities, solutions.</summary>
    public static string? FromShortName(string name) => All.FirstOrDefault(f => ArrayName(f) == name.ToLowerInvariant());
}

/// <summary>A TheyDo file read and checked against its schema: the records of one of the four formats.</summary>
public sealed record TheyDoDocument(string Format, IReadOnlyList<TheyDoRecord> Records);

/// <summary>
/// One record of a TheyDo file, with the fields of all four formats (those a format does not have are null): the schema's
/// names, the schema's types. <see cref="Type"/> is a metric's type (NPS, CSAT, CES, RATIO, OTHER) or the free-text type
/// of an insight, opportunity or solution.
/// </summary>
public sealed record TheyDoRecord(string ImportKey, string Title)
{
    public string? Description { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? OwnerEmail { get; init; }
    public IReadOnlyList<string>? Groups { get; init; }
    public IReadOnlyList<TheyDoGroupTag>? GroupTags { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string>? ExternalLinks { get; init; }

    // Metrics
    public string? Unit { get; init; }
    public string? TargetComparisonOperator { get; init; }
    public double? Target { get; init; }
    public string? AggregationMethod { get; init; }
    public IReadOnlyList<TheyDoDataPoint> DataPoints { get; init; } = [];

    // Insights
    public string? Icon { get; init; }
    public double? EmpathyScore { get; init; }
    public double? Weight { get; init; }

    // Solutions
    public string? Priority { get; init; }

    /// <summary>The record's path in the file, for reports.</summary>
    public string Path { get; init; } = "";
}

/// <summary>A TheyDo <c>groupTags</c> entry.</summary>
public sealed record TheyDoGroupTag(string TagGroup, string Tag);

/// <summary>
/// A metric data point as in the file: its date, dimensions, and either the counts of its type (<see cref="Inputs"/>, by
/// the schema's names; a CES point's <c>score</c> is among them) or, for OTHER, its <see cref="Value"/>.
/// </summary>
public sealed record TheyDoDataPoint(DateOnly Date, IReadOnlyList<MetricDimension> Dimensions, IReadOnlyList<MetricInput>? Inputs, double? Value)
{
    /// <summary>The point's path in the file, for reports.</summary>
    public string Path { get; init; } = "";
}
