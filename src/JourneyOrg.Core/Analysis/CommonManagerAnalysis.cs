using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>
/// For a phase or journey: the leads of its accountable teams and their lowest common manager, the one leader
/// who can settle an overlap or a gap between them. Not part of the SPEC JSON; shown in the UI.
/// </summary>
/// <param name="TargetId">The phase or journey.</param>
/// <param name="Kind">Whether it is a phase or a journey.</param>
/// <param name="TeamIds">Its effective accountable teams (the union of its units' owners), sorted.</param>
/// <param name="LeadIds">The leads of those teams, distinct, sorted.</param>
/// <param name="TeamsWithoutLead">Owning teams with no (known) lead: they cannot take part.</param>
/// <param name="ManagerId">
/// The lowest person every lead reports to, directly or indirectly (a lead counts as reporting to themselves, so
/// with one lead it is that lead). Null when there is no lead or the reporting lines never meet.
/// </param>
public sealed record CommonManager(
    string TargetId,
    TargetKind Kind,
    IReadOnlyList<string> TeamIds,
    IReadOnlyList<string> LeadIds,
    IReadOnlyList<string> TeamsWithoutLead,
    string? ManagerId);

/// <summary>Finds the lowest common manager for every phase and journey.</summary>
public static class CommonManagerAnalysis
{
    /// <summary>
    /// One entry per phase and per journey, in journey order. Reporting lines are followed as recorded (a disabled
    /// manager still links the chain: the data-quality findings flag it); a reporting cycle ends the chain.
    /// </summary>
    public static IReadOnlyList<CommonManager> Find(Workspace workspace, AlignmentReport report)
    {
        var managerOf = new Dictionary<string, string?>(workspace.People.Count, StringComparer.Ordinal);
        foreach (var p in workspace.People) managerOf.TryAdd(p.Id, p.ManagerId);
        var leadOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var t in workspace.Teams)
            leadOf.TryAdd(t.Id, t.LeadId is { } lead && managerOf.ContainsKey(lead) ? lead : null);

        var chains = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string> Chain(string personId)
        {
            if (chains.TryGetValue(personId, out var cached)) return cached;
            var chain = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (string? current = personId; current is not null && managerOf.ContainsKey(current) && seen.Add(current);)
            {
                chain.Add(current);
                current = managerOf[current];
            }
            return chains[personId] = chain;
        }

        CommonManager Entry(string targetId, TargetKind kind, IEnumerable<string> teamIds)
        {
            var teams = teamIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var leads = teams.Select(t => leadOf.GetValueOrDefault(t)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var withoutLead = teams.Where(t => leadOf.GetValueOrDefault(t) is null).ToArray();
            return new CommonManager(targetId, kind, teams, leads, withoutLead, Lowest(leads, Chain));
        }

        var result = new List<CommonManager>();
        var unitsByPhase = report.Units.ToLookup(u => u.PhaseId, StringComparer.Ordinal);
        var phasesByJourney = report.Phases.ToLookup(p => p.JourneyId, StringComparer.Ordinal);
        foreach (var journey in report.Journeys)
        {
            foreach (var phase in phasesByJourney[journey.Id])
                result.Add(Entry(phase.Id, TargetKind.Phase, unitsByPhase[phase.Id].SelectMany(u => u.Owners)));
            result.Add(Entry(journey.Id, TargetKind.Journey, journey.Teams));
        }
        return result;
    }

    /// <summary>The first person on the first lead's chain (walking up) that is on every other lead's chain.</summary>
    internal static string? Lowest(IReadOnlyList<string> leads, Func<string, List<string>> chainOf)
    {
        if (leads.Count == 0) return null;
        var others = leads.Skip(1).Select(l => new HashSet<string>(chainOf(l), StringComparer.Ordinal)).ToList();
        foreach (var candidate in chainOf(leads[0]))
            if (others.All(o => o.Contains(candidate))) return candidate;
        return null;
    }
}
