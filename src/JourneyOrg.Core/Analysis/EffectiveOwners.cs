namespace JourneyOrg.Analysis;

/// <summary>Where a unit's effective accountable owners were found along its lookup (SPEC §3).</summary>
public enum OwnerSource { None, Direct, Subjourney, Phase, Journey }

/// <summary>E(u) of one unit: the accountable teams (sorted) and the journey, phase or step they were found on.</summary>
public sealed record EffectiveOwners(IReadOnlyList<string> TeamIds, OwnerSource Source, string? FromId)
{
    public static readonly EffectiveOwners Nobody = new([], OwnerSource.None, null);

    public bool IsInherited => Source is OwnerSource.Subjourney or OwnerSource.Phase or OwnerSource.Journey;
}
