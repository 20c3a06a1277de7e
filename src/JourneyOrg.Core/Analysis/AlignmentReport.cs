namespace JourneyOrg.Analysis;

/// <summary>The alignment analysis of SPEC §3, in the shape of its JSON (<c>analyze --json</c>, <c>GET /api/analysis</c>).</summary>
public sealed record AlignmentReport(
    IReadOnlyList<UnitAlignment> Units,
    IReadOnlyList<PhaseAlignment> Phases,
    IReadOnlyList<JourneyAlignment> Journeys,
    IReadOnlyList<TeamAlignment> Teams,
    OrgFigures Org)
{
    /// <summary>People cost (SPEC §5), present only when the workspace has cost data. HR-only.</summary>
    public CostFigures? Cost { get; init; }

    /// <summary>This report as a reader without access to people cost may see it.</summary>
    public AlignmentReport WithoutCost() => Cost is null ? this : this with { Cost = null };
}

/// <summary>A unit (a step, or a phase without steps) and its effective accountable owners, sorted.</summary>
public sealed record UnitAlignment(string Id, string JourneyId, string PhaseId, IReadOnlyList<string> Owners);

/// <summary>Per phase: unit counts, status (<c>overlapping</c>, <c>unowned</c>, <c>partial</c>, <c>owned</c>) and FTE.</summary>
public sealed record PhaseAlignment(string Id, string JourneyId, int Units, int UnownedUnits, int OverlappingUnits, string Status, double Fte);

/// <summary>Per journey: coverage, handoffs between owning teams, the owning teams and FTE.</summary>
public sealed record JourneyAlignment(string Id, int Units, int OwnedUnits, double Coverage, int Handoffs, IReadOnlyList<string> Teams, double Fte);

/// <summary>Per team: the units it owns, how focused it is, its FTE and its neighbours along journeys.</summary>
public sealed record TeamAlignment(
    string Id, int Units, int Journeys, double Focus, double Fte,
    IReadOnlyList<string> Upstream, IReadOnlyList<string> Downstream, bool Unaligned);

/// <summary>Span of control and layers over enabled accounts.</summary>
public sealed record OrgFigures(int People, int Managers, double AvgSpan, int MaxSpan, int Layers);

public static class PhaseStatus
{
    public const string Overlapping = "overlapping";
    public const string Unowned = "unowned";
    public const string Partial = "partial";
    public const string Owned = "owned";
}
