namespace JourneyOrg.Domain;

/// <summary>
/// One measurement of a metric: a date, the dimension values it was taken for (none for the overall figure), the
/// value, and the raw <see cref="Inputs"/> it was computed from when it came from survey counts (TheyDo's field names:
/// <c>promoters</c>, <c>passives</c>, <c>detractors</c>; <c>veryUnsatisfied</c> … <c>verySatisfied</c>; <c>score</c>,
/// <c>respondents</c>; <c>numerator</c>, <c>denominator</c>). Inputs make pooling across dimensions exact and let an
/// export give back the counts that were imported.
/// </summary>
public sealed record MetricDataPoint(DateOnly Date, IReadOnlyList<MetricDimension> Dimensions, double Value)
{
    /// <summary>The counts the value was computed from, sorted by name; null for a value entered as such.</summary>
    public IReadOnlyList<MetricInput>? Inputs { get; init; }

    /// <summary>The dimension set as one comparable key, e.g. <c>channel=web;region=EU</c> (empty for none).</summary>
    public string DimensionKey => MetricDimension.KeyOf(Dimensions);
}

/// <summary>One dimension value of a data point, e.g. <c>region</c> = <c>EU</c>.</summary>
public sealed record MetricDimension(string Key, string Value)
{
    /// <summary>A canonical key for a dimension set: sorted by key, <c>key=value</c> joined with <c>;</c>.</summary>
    public static string KeyOf(IReadOnlyList<MetricDimension> dimensions) =>
        dimensions.Count == 0 ? "" : string.Join(";", dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
}

/// <summary>A named raw input of a data point, e.g. <c>promoters</c> = 120.</summary>
public sealed record MetricInput(string Name, double Value);

/// <summary>
/// Evidence attached to steps: a pain point, a gain, a quote or an observation. <see cref="Description"/> is Markdown
/// (rendered without raw HTML); <see cref="SourceUrl"/> is an http or https link.
/// </summary>
public sealed record Insight(string Id, string Title, string Description, string? Type, string? SourceUrl, double? EmpathyScore, double? Weight)
{
    /// <summary>The steps the insight is evidence for.</summary>
    public IReadOnlyList<string> StepIds { get; init; } = [];

    /// <summary>The person who recorded or owns it.</summary>
    public string? OwnerId { get; init; }

    /// <summary>Teams it belongs to (TheyDo groups).</summary>
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    /// <summary>The key of the record in the tool it was imported from.</summary>
    public string? ImportKey { get; init; }
}

/// <summary>
/// A chance to improve one or more steps or phases. Scored with <see cref="CustomerValue"/> and
/// <see cref="BusinessValue"/> (0–100) and <see cref="Effort"/> (0–5); its Value is computed from the workspace's
/// <see cref="PrioritisationWeights"/>. <see cref="TeamId"/> is the team that owns it.
/// </summary>
public sealed record Opportunity(
    string Id, string Title, string Description, string? Status, string? TeamId,
    double? CustomerValue, double? BusinessValue, double? Effort)
{
    /// <summary>The steps and phases it is on.</summary>
    public IReadOnlyList<string> TargetIds { get; init; } = [];

    /// <summary>The person who owns it.</summary>
    public string? OwnerId { get; init; }

    /// <summary>http or https links (research, tickets).</summary>
    public IReadOnlyList<string> ExternalLinks { get; init; } = [];

    /// <summary>The key of the record in the tool it was imported from.</summary>
    public string? ImportKey { get; init; }
}

/// <summary>An epic, campaign or initiative (<see cref="Type"/>) that addresses opportunities, owned by <see cref="TeamId"/>.</summary>
public sealed record Solution(string Id, string Title, string Description, string? Type, string? Status, string? TeamId)
{
    /// <summary>The opportunities it addresses.</summary>
    public IReadOnlyList<string> OpportunityIds { get; init; } = [];

    /// <summary>The person who owns it.</summary>
    public string? OwnerId { get; init; }

    /// <summary>HIGH, MEDIUM or LOW (TheyDo's priority), or null.</summary>
    public string? Priority { get; init; }

    /// <summary>http or https links (the epic in the tracker, the campaign brief).</summary>
    public IReadOnlyList<string> ExternalLinks { get; init; } = [];

    /// <summary>The key of the record in the tool it was imported from.</summary>
    public string? ImportKey { get; init; }
}

/// <summary>
/// The weights of an opportunity's Value: <c>(wc × CustomerValue + wb × BusinessValue) / (wc + wb)</c>. Both at least 0,
/// not both 0. Set per workspace.
/// </summary>
public sealed record PrioritisationWeights(double CustomerValue, double BusinessValue)
{
    /// <summary>Customer and business value count the same.</summary>
    public static PrioritisationWeights Default { get; } = new(1, 1);
}

/// <summary>Metric types as they appear in files (TheyDo's names).</summary>
public static class MetricTypes
{
    public const string Nps = "NPS";
    public const string Csat = "CSAT";
    public const string Ces = "CES";
    public const string Ratio = "RATIO";
    public const string Other = "OTHER";
    public static readonly IReadOnlyList<string> All = [Nps, Csat, Ces, Ratio, Other];
}

/// <summary>How the data points of an OTHER metric combine across dimensions.</summary>
public static class MetricAggregations
{
    public const string Sum = "SUM";
    public const string Average = "AVERAGE";
    public static readonly IReadOnlyList<string> All = [Sum, Average];
}

/// <summary>Insight types.</summary>
public static class InsightTypes
{
    public const string PainPoint = "pain-point";
    public const string Gain = "gain";
    public const string Quote = "quote";
    public const string Observation = "observation";
    public static readonly IReadOnlyList<string> All = [PainPoint, Gain, Quote, Observation];
}

/// <summary>Solution priorities (TheyDo's).</summary>
public static class SolutionPriorities
{
    public static readonly IReadOnlyList<string> All = ["HIGH", "MEDIUM", "LOW"];
}
