using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// Tells a reader where a unit's owners come from ("inherited from the phase"), in the product's words. The rule itself
/// (E(u) of SPEC §3) is <see cref="JourneyMap.EffectiveOwnersOf"/>, the lookup the analysis walks.
/// </summary>
public static class OwnerExplanation
{
    public static EffectiveOwners ForStep(OrgView org, Step step) => Of(org, step.Id);

    public static EffectiveOwners ForEmptyPhase(OrgView org, Phase phase) => Of(org, phase.Id);

    private static EffectiveOwners Of(OrgView org, string unitId) =>
        org.Baseline.Map.EffectiveOwnersOf(unitId, target => Accountable(org, target)) ?? EffectiveOwners.Nobody;

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
}
