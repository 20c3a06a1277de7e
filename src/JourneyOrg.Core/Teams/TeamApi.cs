using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;

namespace JourneyOrg.Teams;

/// <summary>
/// A team's "Team API" in the spirit of Team Topologies: who it is, what it answers for, whom it works with and how
/// heavy its load looks. Everything about journeys comes from the alignment analysis (SPEC §3) as it is: the units are
/// those whose effective owners include the team, upstream and downstream are the analysis's own.
/// </summary>
public sealed record TeamApiDocument(
    string Id, string Name, string? Type, TeamApiPerson? Lead,
    IReadOnlyList<TeamApiMember> Members,
    IReadOnlyList<string> Units,
    IReadOnlyList<TeamApiJourney> Journeys,
    IReadOnlyList<string> Upstream,
    IReadOnlyList<string> Downstream,
    IReadOnlyList<string> Kpis,
    IReadOnlyList<string> Contributing,
    CognitiveLoad CognitiveLoad);

public sealed record TeamApiPerson(string Id, string Name);

/// <summary>A member with the share of their time the team takes.</summary>
public sealed record TeamApiMember(string Id, string Name, double Allocation);

/// <summary>A journey the team answers for some units of, with how many.</summary>
public sealed record TeamApiJourney(string Id, string Name, int Units);

/// <summary>
/// Signals of a team's cognitive load, read from the data rather than entered by hand. <see cref="Size"/> is its
/// headcount; <see cref="SizeOutsideRange"/> holds for a team (a unit with no teams under it) of 1–4 or 10+ people;
/// <see cref="Counterparts"/> counts the distinct teams upstream or downstream of it; <see cref="HandoffShare"/> is
/// the share of its units whose neighbours on both sides, in their journey, belong to other owners (a customer is
/// handed to the team and straight on again); <see cref="PeopleInOtherTeams"/> counts members who are also in another team.
/// </summary>
public sealed record CognitiveLoad(int Size, bool SizeOutsideRange, int Journeys, int Units, int Counterparts, double HandoffShare, int PeopleInOtherTeams)
{
    /// <summary>Team Topologies' team size.</summary>
    public const int SmallestTeam = 5, LargestTeam = 9;

    /// <summary>More journeys than this spreads a team's attention over several value streams.</summary>
    public const int MostJourneys = 3;

    /// <summary>More counterpart teams than this means more coordination than one team can carry.</summary>
    public const int MostCounterparts = 6;

    /// <summary>Above this share, most of a team's work is a sliver between other teams' work.</summary>
    public const double MostHandoffShare = 0.5;

    /// <summary>What stands out, in words, the size first; empty when nothing does. The dashboard lists teams with any.</summary>
    public IReadOnlyList<string> Concerns
    {
        get
        {
            var concerns = new List<string>();
            if (SizeOutsideRange) concerns.Add($"{Size} {(Size == 1 ? "person" : "people")}, outside {SmallestTeam}–{LargestTeam}");
            if (Journeys > MostJourneys) concerns.Add($"answers for {Journeys} journeys");
            if (Counterparts > MostCounterparts) concerns.Add($"{Counterparts} counterpart teams");
            if (Units > 0 && HandoffShare > MostHandoffShare) concerns.Add($"{Math.Round(HandoffShare * 100)}% of its steps handed on at both ends");
            if (Size > 0 && PeopleInOtherTeams * 2 > Size) concerns.Add($"{PeopleInOtherTeams} of {Size} people also in other teams");
            return concerns;
        }
    }

    /// <summary>Whether a headcount falls outside Team Topologies' 5–9 for a team with people and no teams under it.</summary>
    public static bool IsOutsideRange(int size, bool hasChildTeams) =>
        size > 0 && !hasChildTeams && (size < SmallestTeam || size > LargestTeam);
}

/// <summary>Builds <see cref="TeamApiDocument"/>s for every team of a workspace from its analysis, in one pass.</summary>
public static class TeamApi
{
    /// <summary>One document per team, in the workspace's team order.</summary>
    public static IReadOnlyList<TeamApiDocument> Build(Workspace workspace, AlignmentReport report, Accountability? accountability = null)
    {
        accountability ??= new Accountability(report);
        var unitsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var journeyUnits = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var slivers = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = report.Units;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Owners.Count == 0) continue;
            var before = i > 0 && units[i - 1].JourneyId == unit.JourneyId ? units[i - 1] : null;
            var after = i + 1 < units.Count && units[i + 1].JourneyId == unit.JourneyId ? units[i + 1] : null;
            var sliver = before is not null && after is not null && IsHandoff(before, unit) && IsHandoff(unit, after);
            foreach (var team in unit.Owners)
            {
                if (!unitsOf.TryGetValue(team, out var list)) unitsOf[team] = list = [];
                list.Add(unit.Id);
                if (!journeyUnits.TryGetValue(team, out var perJourney)) journeyUnits[team] = perJourney = new(StringComparer.Ordinal);
                perJourney[unit.JourneyId] = perJourney.GetValueOrDefault(unit.JourneyId) + 1;
                if (sliver) slivers[team] = slivers.GetValueOrDefault(team) + 1;
            }
        }

        var kpis = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var metric in workspace.Metrics.Where(m => m.IsLinked))
            foreach (var team in accountability.TeamsFor([metric.TargetId]))
            {
                if (!kpis.TryGetValue(team, out var list)) kpis[team] = list = [];
                list.Add(metric.Id);
            }

        var contributing = workspace.Ownership.Where(o => o.Kind == OwnershipKind.Contributing)
            .ToLookup(o => o.TeamId, o => o.TargetId);
        var memberships = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var team in workspace.Teams)
            foreach (var personId in team.Members.Select(m => m.PersonId).Distinct())
                memberships[personId] = memberships.GetValueOrDefault(personId) + 1;
        var parents = workspace.Teams.Select(t => t.ParentId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var person in workspace.People) people.TryAdd(person.Id, person);
        var journeyNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var journey in workspace.Journeys) journeyNames.TryAdd(journey.Id, journey.Name);
        var alignment = new Dictionary<string, TeamAlignment>(StringComparer.Ordinal);
        foreach (var t in report.Teams) alignment.TryAdd(t.Id, t);

        string NameOf(string personId) => people.TryGetValue(personId, out var p) ? p.DisplayName : personId;
        var documents = new List<TeamApiDocument>(workspace.Teams.Count);
        foreach (var team in workspace.Teams)
        {
            var owned = unitsOf.TryGetValue(team.Id, out var u) ? u.Order(StringComparer.Ordinal).ToList() : [];
            var journeys = journeyUnits.TryGetValue(team.Id, out var perJourney)
                ? perJourney.OrderBy(x => x.Key, StringComparer.Ordinal)
                    .Select(x => new TeamApiJourney(x.Key, journeyNames.GetValueOrDefault(x.Key, x.Key), x.Value)).ToList()
                : [];
            var a = alignment.GetValueOrDefault(team.Id);
            IReadOnlyList<string> upstream = a?.Upstream ?? [], downstream = a?.Downstream ?? [];
            var members = team.Members.Select(m => new TeamApiMember(m.PersonId, NameOf(m.PersonId), m.Allocation))
                .OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
            var size = team.Members.Select(m => m.PersonId).Distinct().Count();
            var load = new CognitiveLoad(
                size, CognitiveLoad.IsOutsideRange(size, parents.Contains(team.Id)), journeys.Count, owned.Count,
                upstream.Union(downstream, StringComparer.Ordinal).Count(),
                owned.Count == 0 ? 0 : (double)slivers.GetValueOrDefault(team.Id) / owned.Count,
                team.Members.Select(m => m.PersonId).Distinct().Count(p => memberships.GetValueOrDefault(p) > 1));
            documents.Add(new TeamApiDocument(team.Id, team.Name, team.Type,
                team.LeadId is { } lead ? new TeamApiPerson(lead, NameOf(lead)) : null,
                members, owned, journeys, upstream, downstream,
                kpis.TryGetValue(team.Id, out var k) ? k.Order(StringComparer.Ordinal).ToList() : [],
                contributing[team.Id].Distinct().Order(StringComparer.Ordinal).ToList(),
                load));
        }
        return documents;
    }

    // As SPEC §3 counts a handoff: both sides owned, by different sets of teams (owner lists are sorted).
    private static bool IsHandoff(UnitAlignment a, UnitAlignment b) =>
        a.Owners.Count > 0 && b.Owners.Count > 0 && !a.Owners.SequenceEqual(b.Owners);
}
