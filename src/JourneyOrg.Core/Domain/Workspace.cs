namespace JourneyOrg.Domain;

/// <summary>
/// The whole graph of SPEC §1 held in memory: the journey framework, the org (teams, people, roles),
/// who owns which part of which journey, and the KPIs measured on it. Immutable: edits, imports and
/// scenarios produce new instances, so one instance can be analysed from many threads.
/// </summary>
public sealed record Workspace(
    IReadOnlyList<Journey> Journeys,
    IReadOnlyList<Person> People,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<Ownership> Ownership,
    IReadOnlyList<Metric> Metrics)
{
    /// <summary>A workspace with nothing in it.</summary>
    public static Workspace Empty { get; } = new([], [], [], [], [], []);

    /// <summary>Evidence gathered on steps (journey management).</summary>
    public IReadOnlyList<Insight> Insights { get; init; } = [];

    /// <summary>Opportunities on steps and phases, to be prioritised across journeys.</summary>
    public IReadOnlyList<Opportunity> Opportunities { get; init; } = [];

    /// <summary>Epics, campaigns and initiatives that address opportunities.</summary>
    public IReadOnlyList<Solution> Solutions { get; init; } = [];

    /// <summary>How an opportunity's Value weighs customer against business value.</summary>
    public PrioritisationWeights Weights { get; init; } = PrioritisationWeights.Default;

    /// <summary>
    /// What each person costs a year (SPEC §5), at most one entry per person. HR-only data: only HR and Admin ever
    /// see it. Empty when the workspace has no cost data, and then no cost figure is computed anywhere.
    /// </summary>
    public IReadOnlyList<PersonCost> Costs { get; init; } = [];

    /// <summary>The ISO 4217 code that labels every cost figure.</summary>
    public string Currency { get; init; } = CostCurrency.Default;

    /// <summary>Whether the workspace has people cost, so the analysis adds cost figures (SPEC §5).</summary>
    public bool HasCosts => Costs.Count > 0;
}

/// <summary>A person's annual cost (SPEC §5 <c>costs</c>): ≥ 0, in the workspace's currency.</summary>
public sealed record PersonCost(string PersonId, double AnnualCost);

/// <summary>The currency of cost figures.</summary>
public static class CostCurrency
{
    /// <summary>SPEC §5: a workspace that names no currency counts in euros.</summary>
    public const string Default = "EUR";

    /// <summary>Whether <paramref name="code"/> has the shape of an ISO 4217 code: three capital letters A–Z.</summary>
    public static bool IsCode(string? code) => code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');
}

/// <summary>A journey in the framework. <see cref="ParentId"/> places it under a broader journey (PART_OF).</summary>
public sealed record Journey(string Id, string Name, string? ParentId, string Description, IReadOnlyList<Phase> Phases);

/// <summary>A phase of a journey; its position in <see cref="Journey.Phases"/> is its order.</summary>
public sealed record Phase(string Id, string Name, IReadOnlyList<Step> Steps);

/// <summary>A step of a phase. <see cref="SubjourneyId"/> names the reusable journey that delivers it (USES).</summary>
public sealed record Step(string Id, string Name, string? SubjourneyId);

/// <summary>
/// A person. <see cref="Source"/> tells where the record came from: <c>local</c> (typed in or imported)
/// or <c>entra</c> (mirrored by directory sync, which never touches local records).
/// </summary>
public sealed record Person(
    string Id,
    string DisplayName,
    string? Mail,
    string? JobTitle,
    string? Department,
    string? ManagerId,
    string? RoleId,
    bool AccountEnabled,
    string? UserPrincipalName = null,
    string? EmployeeId = null,
    string? EmployeeType = null,
    string? OfficeLocation = null,
    string Source = RecordSource.Local);

/// <summary>A team or organisational unit; <see cref="ParentId"/> is the unit it belongs to (PART_OF).</summary>
public sealed record Team(
    string Id,
    string Name,
    string? ParentId,
    string? LeadId,
    string? Type,
    IReadOnlyList<Membership> Members,
    string? Description = null,
    string Source = RecordSource.Local);

/// <summary>A person's membership of a team, with the share of their time (FTE) it takes: 0 &lt; allocation ≤ 1.</summary>
public sealed record Membership(string PersonId, double Allocation);

/// <summary>A role in the role catalog.</summary>
public sealed record Role(string Id, string Title, string? Family, string? Level)
{
    /// <summary>What one full-time opening of this role costs a year (SPEC §5); HR-only, null when unknown.</summary>
    public double? AnnualCost { get; init; }
}

/// <summary>An OWNS edge from a team to a journey, phase or step.</summary>
public sealed record Ownership(string TeamId, string TargetId, OwnershipKind Kind);

/// <summary>Whether a team answers for a part of a journey or only helps deliver it.</summary>
public enum OwnershipKind
{
    /// <summary>The team answers for the outcome; only this kind counts as an owner in the analysis.</summary>
    Accountable,
    /// <summary>The team helps; shown, never counted.</summary>
    Contributing,
}

/// <summary>
/// A KPI measured on a journey, phase or step. <see cref="Direction"/> is <c>higher</c> or <c>lower</c> (which way is
/// better). An empty <see cref="TargetId"/> means the metric is not linked to any part of a journey yet (imported
/// from TheyDo, to be linked in the UI). <see cref="Value"/> is the current value; with a time series it is the
/// latest overall value of <see cref="DataPoints"/> (see <c>MetricSeries</c>).
/// </summary>
public sealed record Metric(string Id, string TargetId, string Name, string? Unit, double? Value, double? Target, string? Direction)
{
    /// <summary>NPS, CSAT, CES, RATIO or OTHER (<see cref="MetricTypes"/>); null for a plain value (treated as OTHER).</summary>
    public string? Type { get; init; }

    /// <summary>Markdown.</summary>
    public string? Description { get; init; }

    /// <summary>The person who owns the KPI.</summary>
    public string? OwnerId { get; init; }

    /// <summary>Teams the KPI belongs to (TheyDo groups).</summary>
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    /// <summary>How data points of an OTHER metric combine across dimensions: SUM or AVERAGE (<see cref="MetricAggregations"/>).</summary>
    public string? Aggregation { get; init; }

    /// <summary>The key of the record in the tool it was imported from (TheyDo <c>importKey</c>).</summary>
    public string? ImportKey { get; init; }

    /// <summary>The time series: at most one point per date and dimension set.</summary>
    public IReadOnlyList<MetricDataPoint> DataPoints { get; init; } = [];

    /// <summary>Whether the metric measures a journey, phase or step (imported metrics may not yet).</summary>
    public bool IsLinked => TargetId.Length > 0;
}

/// <summary>Where a person or team record came from.</summary>
public static class RecordSource
{
    public const string Local = "local";
    public const string Entra = "entra";
}

/// <summary>String forms of <see cref="OwnershipKind"/> as they appear in files and stores.</summary>
public static class OwnershipKinds
{
    public const string Accountable = "accountable";
    public const string Contributing = "contributing";

    public static string ToText(this OwnershipKind kind) =>
        kind == OwnershipKind.Accountable ? Accountable : Contributing;

    public static bool TryParse(string? text, out OwnershipKind kind)
    {
        switch (text)
        {
            case Accountable: kind = OwnershipKind.Accountable; return true;
            case Contributing: kind = OwnershipKind.Contributing; return true;
            default: kind = default; return false;
        }
    }
}
