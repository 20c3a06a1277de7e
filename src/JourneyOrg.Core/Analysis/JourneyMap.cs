using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>What a journey-map target (something a team can own) is.</summary>
public enum TargetKind
{
    Journey,
    Phase,
    Step,
}

/// <summary>
/// The journey framework indexed once for analysis: the units in order (SPEC §3) and, for each unit, the
/// ordered list of targets whose accountable owners it takes (the step, its sub-journey chain, its phase,
/// its journey chain). Scenarios never change journeys, so one map serves a baseline and every scenario
/// simulated on it. Immutable and thread-safe.
/// </summary>
public sealed class JourneyMap
{
    internal readonly string[] TargetIds;
    internal readonly TargetKind[] TargetKinds;
    internal readonly Dictionary<string, int> TargetIndex;
    internal readonly UnitEntry[] Units;
    internal readonly PhaseEntry[] Phases;
    internal readonly JourneyEntry[] JourneyEntries;
    private readonly Dictionary<string, int> _unitIndex;

    /// <summary>Indexes <paramref name="journeys"/>; the list is kept so a scenario can prove it shares it.</summary>
    public JourneyMap(IReadOnlyList<Journey> journeys)
    {
        Journeys = journeys;
        var ids = new List<string>();
        var kinds = new List<TargetKind>();
        TargetIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        void AddTarget(string id, TargetKind kind)
        {
            // A duplicate id is rejected on import; if one slips through, the first definition wins.
            if (TargetIndex.TryAdd(id, ids.Count)) { ids.Add(id); kinds.Add(kind); }
        }
        foreach (var j in journeys)
        {
            AddTarget(j.Id, TargetKind.Journey);
            foreach (var p in j.Phases)
            {
                AddTarget(p.Id, TargetKind.Phase);
                foreach (var s in p.Steps) AddTarget(s.Id, TargetKind.Step);
            }
        }
        TargetIds = [.. ids];
        TargetKinds = [.. kinds];

        var parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var j in journeys) parentOf.TryAdd(j.Id, j.ParentId);

        var units = new List<UnitEntry>();
        var phases = new List<PhaseEntry>();
        var journeyEntries = new List<JourneyEntry>();
        var chainCache = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] Chain(string journeyId)
        {
            if (chainCache.TryGetValue(journeyId, out var cached)) return cached;
            var chain = new List<int>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? current = journeyId;
            // PART_OF cycles are rejected on import; the guard only keeps a broken workspace from hanging us.
            while (current is not null && seen.Add(current) && TargetIndex.TryGetValue(current, out var index))
            {
                chain.Add(index);
                current = parentOf.TryGetValue(current, out var parent) ? parent : null;
            }
            return chainCache[journeyId] = [.. chain];
        }

        for (var ji = 0; ji < journeys.Count; ji++)
        {
            var j = journeys[ji];
            var journeyChain = Chain(j.Id);
            var firstPhase = phases.Count;
            var firstUnit = units.Count;
            foreach (var p in j.Phases)
            {
                var phaseIndex = phases.Count;
                var phaseTarget = TargetIndex[p.Id];
                var phaseFirstUnit = units.Count;
                if (p.Steps.Count == 0)
                {
                    units.Add(new UnitEntry(p.Id, ji, phaseIndex, [phaseTarget, .. journeyChain]));
                }
                else
                {
                    foreach (var s in p.Steps)
                    {
                        var subChain = s.SubjourneyId is { } sub ? Chain(sub) : [];
                        units.Add(new UnitEntry(s.Id, ji, phaseIndex,
                            [TargetIndex[s.Id], .. subChain, phaseTarget, .. journeyChain]));
                    }
                }
                phases.Add(new PhaseEntry(p.Id, ji, phaseFirstUnit, units.Count - phaseFirstUnit));
            }
            journeyEntries.Add(new JourneyEntry(j.Id, firstPhase, phases.Count - firstPhase, firstUnit, units.Count - firstUnit));
        }
        Units = [.. units];
        _unitIndex = new Dictionary<string, int>(Units.Length, StringComparer.Ordinal);
        for (var i = 0; i < Units.Length; i++) _unitIndex.TryAdd(Units[i].Id, i);
        Phases = [.. phases];
        JourneyEntries = [.. journeyEntries];
    }

    public IReadOnlyList<Journey> Journeys { get; }

    /// <summary>Number of units (steps, and phases without steps) across all journeys.</summary>
    public int UnitCount => Units.Length;

    /// <summary>What <paramref name="id"/> is, or null when it is no journey, phase or step.</summary>
    public TargetKind? KindOf(string id) => TargetIndex.TryGetValue(id, out var i) ? TargetKinds[i] : null;

    /// <summary>
    /// E(u) of SPEC §3 for one unit, saying where it was found: the first target along the unit's lookup (the step, its
    /// sub-journey's chain, its phase, its journey's chain) that has accountable owners. The analysis walks the same
    /// lookup, so this explains its figures rather than repeating the rule. Null when <paramref name="unitId"/> is no unit.
    /// </summary>
    /// <param name="unitId">A step, or a phase without steps.</param>
    /// <param name="accountable">The teams with an accountable edge on a target, sorted.</param>
    public EffectiveOwners? EffectiveOwnersOf(string unitId, Func<string, IReadOnlyList<string>> accountable)
    {
        if (!_unitIndex.TryGetValue(unitId, out var u)) return null;
        var lookup = Units[u].Lookup;
        var pastPhase = false;
        for (var i = 0; i < lookup.Length; i++)
        {
            var target = lookup[i];
            var kind = TargetKinds[target];
            var teams = accountable(TargetIds[target]);
            if (teams.Count > 0)
            {
                var source = i == 0 ? OwnerSource.Direct
                    : kind == TargetKind.Phase ? OwnerSource.Phase
                    : pastPhase ? OwnerSource.Journey : OwnerSource.Subjourney;
                return new EffectiveOwners(teams, source, TargetIds[target]);
            }
            if (kind == TargetKind.Phase) pastPhase = true;
        }
        return EffectiveOwners.Nobody;
    }

    internal readonly record struct UnitEntry(string Id, int Journey, int Phase, int[] Lookup);
    internal readonly record struct PhaseEntry(string Id, int Journey, int FirstUnit, int UnitCount);
    internal readonly record struct JourneyEntry(string Id, int FirstPhase, int PhaseCount, int FirstUnit, int UnitCount);
}
