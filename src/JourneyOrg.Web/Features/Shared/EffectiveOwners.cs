using JourneyOrg.Domain;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>Where a unit's accountable owners come from, so the journey map can say "inherited from …".</summary>
public enum OwnerSource { None, Direct, Subjourney, Phase, Journey }

/// <summary>The effective accountable owners of one unit and the node they were found on.</summary>
public sealed record EffectiveOwners(IReadOnlyList<string> TeamIds, OwnerSource Source, string? FromId)
{
    public bool IsInherited => Source is OwnerSource.Subjourney or OwnerSource.Phase or OwnerSource.Journey;
}

/// <summary>
/// Explains the effective-owner rule of SPEC §3 (step, then the sub-journey's chain, then the phase, then the
/// journey's chain). The analysis engine decides the figures; this only tells a reader where an owner was found.
/// </summary>
public static class OwnerExplanation
{
    public static EffectiveOwners ForStep(OrgView org, Journey journey, Phase phase, Step step) =>
        Direct(org, step.Id, OwnerSource.Direct)
        ?? (step.SubjourneyId is { } sub ? Chain(org, sub, OwnerSource.Subjourney) : null)
        ?? Direct(org, phase.Id, OwnerSource.Phase)
        ?? Chain(org, journey.Id, OwnerSource.Journey)
        ?? new EffectiveOwners([], OwnerSource.None, null);

    public static EffectiveOwners ForEmptyPhase(OrgView org, Journey journey, Phase phase) =>
        Direct(org, phase.Id, OwnerSource.Direct)
        ?? Chain(org, journey.Id, OwnerSource.Journey)
        ?? new EffectiveOwners([], OwnerSource.None, null);

    /// <summary>The explicit accountable teams of a journey, phase or step, sorted.</summary>
    public static IReadOnlyList<string> Accountable(OrgView org, string targetId) =>
        org.OwnershipByTarget[targetId].Where(o => o.Kind == OwnershipKind.Accountable)
            .Select(o => o.TeamId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Where inherited owners come from, as the journey map and the step page say it ("the phase", "journey X").</summary>
    public static string InheritedFrom(OrgView org, EffectiveOwners owners, string journeyId) => owners.Source switch
    {
        OwnerSource.Phase => "the phase",
        OwnerSource.Subjourney => "sub-journey " + org.JourneyName(owners.FromId!),
        _ => owners.FromId == journeyId ? "the journey" : "journey " + org.JourneyName(owners.FromId!),
    };

    public static IReadOnlyList<string> Contributing(OrgView org, string targetId) =>
        org.OwnershipByTarget[targetId].Where(o => o.Kind == OwnershipKind.Contributing)
            .Select(o => o.TeamId).Distinct().Order(StringComparer.Ordinal).ToList();

    private static EffectiveOwners? Direct(OrgView org, string targetId, OwnerSource source)
    {
        var teams = Accountable(org, targetId);
        return teams.Count == 0 ? null : new EffectiveOwners(teams, source, targetId);
    }

    private static EffectiveOwners? Chain(OrgView org, string journeyId, OwnerSource source)
    {
        foreach (var journey in org.JourneyAncestry(journeyId))
            if (Direct(org, journey.Id, source) is { } found) return found;
        return null;
    }
}
