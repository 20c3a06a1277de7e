using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Proposals;

/// <summary>How the proposal cuts journeys into teams.</summary>
public enum ProposalGrouping
{
    /// <summary>One team per journey, whatever its size.</summary>
    Journey,
    /// <summary>One team per phase (or group of adjacent phases) under a journey unit, as far as the people allow.</summary>
    Phase,
    /// <summary>One team per journey, except where that team is larger than the size range: then per phase group.</summary>
    Auto,
}

/// <summary>
/// What to propose: the grouping, the team size range (people with enabled accounts; default 5–9, Team Topologies)
/// and the journeys in scope (null: every journey with units).
/// </summary>
public sealed record ProposalOptions(ProposalGrouping By = ProposalGrouping.Auto, int MinSize = 5, int MaxSize = 9, IReadOnlyList<string>? Journeys = null)
{
    /// <summary>Why these options cannot be used on <paramref name="workspace"/>; empty when they can.</summary>
    public IReadOnlyList<string> Check(Workspace workspace)
    {
        var errors = new List<string>();
        if (MinSize < 1) errors.Add("the minimum team size must be at least 1");
        if (MaxSize < MinSize) errors.Add($"the maximum team size ({MaxSize}) must not be below the minimum ({MinSize})");
        foreach (var id in Journeys ?? [])
        {
            var journey = workspace.Journeys.FirstOrDefault(j => j.Id == id);
            if (journey is null) errors.Add($"journey '{id}' does not exist");
            else if (journey.Phases.Count == 0) errors.Add($"journey '{id}' ({journey.Name}) has no phases, so nothing in it can be owned");
        }
        return errors;
    }
}

/// <summary>The drafted scenario, what it achieves (measured by simulating it) and the simulation itself.</summary>
public sealed record ProposedStructure(Scenario Scenario, ProposalSummary Summary, SimulationResult Simulation);

/// <summary>
/// What the proposal changes, over the journeys in scope, measured on the simulated result (not on the proposer's
/// own bookkeeping): gaps (unowned units) and overlaps before → after, handoffs, teams per journey, people moved,
/// the sizes of the accountable teams and their mean focus. <see cref="Notes"/> says where the properties could not
/// be reached and why.
/// </summary>
public sealed record ProposalSummary(
    int Journeys,
    int Units,
    int Operations,
    int GapsBefore,
    int GapsAfter,
    int OverlapsBefore,
    int OverlapsAfter,
    int HandoffsBefore,
    int HandoffsAfter,
    int TeamsBefore,
    int TeamsAfter,
    int PeopleMoved,
    IReadOnlyList<HistogramBar> TeamsPerJourney,
    IReadOnlyList<HistogramBar> TeamSizes,
    double FocusBefore,
    double FocusAfter,
    IReadOnlyList<string> Notes);

/// <summary>One bar of a before/after histogram.</summary>
public sealed record HistogramBar(string Label, int Before, int After);

/// <summary>
/// Drafts a journey-aligned structure as a scenario (SPEC §4 operations only; journeys never change): every unit of
/// the journeys in scope gets exactly one accountable team, each such team answers for one journey (steps delivered
/// by a sub-journey go to the sub-journey's team), with the least disruption: ownership moves before people do,
/// a team serving several journeys is split along them, nobody loses their last team or goes over 100%.
/// Pure and deterministic: the same workspace and options give the same scenario. The method is described for
/// users in docs/proposal.md.
/// </summary>
public static class StructureProposal
{
    public static ProposedStructure Propose(Workspace workspace, ProposalOptions options) =>
        Propose(AlignmentAnalysis.Prepare(workspace), options);

    /// <summary>Drafts the proposal on an analysed baseline.</summary>
    /// <exception cref="ArgumentException">The options do not fit the workspace (see <see cref="ProposalOptions.Check"/>).</exception>
    public static ProposedStructure Propose(AlignmentBaseline baseline, ProposalOptions options)
    {
        var errors = options.Check(baseline.Workspace);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        return new Planner(baseline, options).Run();
    }

    private sealed class Planner
    {
        private readonly AlignmentBaseline _baseline;
        private readonly Workspace _ws;
        private readonly ProposalOptions _o;
        private readonly ScenarioState _state;
        private readonly List<ScenarioOperation> _ops = [];
        private readonly List<string> _notes = [];
        private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _enabled = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Journey> _journeyById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _journeyOfTarget = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _nameOf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _subOf = new(StringComparer.Ordinal);
        private readonly HashSet<string> _blocks = new(StringComparer.Ordinal);
        private readonly HashSet<string> _parents = new(StringComparer.Ordinal);
        private readonly List<Journey> _scope = [];
        private readonly HashSet<string> _scopeIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<UnitAlignment>> _unitsOf = new(StringComparer.Ordinal);
        // team → journey → own units of that journey it is an effective owner of today (and of those, alone).
        private readonly Dictionary<string, SortedDictionary<string, int>> _serve = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedDictionary<string, int>> _sole = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _assigned = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _assignReason = new(StringComparer.Ordinal);
        private readonly HashSet<string> _kept = new(StringComparer.Ordinal);
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _phaseOwner = new(StringComparer.Ordinal);

        public Planner(AlignmentBaseline baseline, ProposalOptions options)
        {
            _baseline = baseline;
            _ws = baseline.Workspace;
            _o = options;
            _state = new ScenarioState(baseline);
            foreach (var p in _ws.People)
            {
                _usedIds.Add(p.Id);
                if (p.AccountEnabled) _enabled.Add(p.Id);
            }
            foreach (var t in _ws.Teams)
            {
                _usedIds.Add(t.Id);
                if (t.ParentId is not null) _parents.Add(t.ParentId);
            }
            foreach (var id in _ws.Roles.Select(r => r.Id).Concat(_ws.Metrics.Select(m => m.Id)).Concat(_ws.Insights.Select(i => i.Id))
                         .Concat(_ws.Opportunities.Select(o => o.Id)).Concat(_ws.Solutions.Select(s => s.Id)))
                _usedIds.Add(id);
            foreach (var j in _ws.Journeys)
            {
                _usedIds.Add(j.Id);
                _journeyById.TryAdd(j.Id, j);
                _nameOf.TryAdd(j.Id, j.Name);
                _journeyOfTarget.TryAdd(j.Id, j.Id);
                foreach (var p in j.Phases)
                {
                    _usedIds.Add(p.Id);
                    _nameOf.TryAdd(p.Id, $"{j.Name} · {p.Name}");
                    _journeyOfTarget.TryAdd(p.Id, j.Id);
                    foreach (var s in p.Steps)
                    {
                        _usedIds.Add(s.Id);
                        _nameOf.TryAdd(s.Id, $"{j.Name} · {s.Name}");
                        _journeyOfTarget.TryAdd(s.Id, j.Id);
                        if (s.SubjourneyId is { } sub)
                        {
                            _subOf.TryAdd(s.Id, sub);
                            _blocks.Add(sub);
                        }
                    }
                }
            }
            foreach (var u in baseline.Report.Units)
            {
                if (!_unitsOf.TryGetValue(u.JourneyId, out var list)) _unitsOf[u.JourneyId] = list = [];
                list.Add(u);
            }
            var wanted = options.Journeys is { } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
            foreach (var j in _ws.Journeys)
            {
                if (!_unitsOf.ContainsKey(j.Id) || (wanted is not null && !wanted.Contains(j.Id)) || !_scopeIds.Add(j.Id)) continue;
                _scope.Add(j);
            }
        }

        public ProposedStructure Run()
        {
            MeasureService();
            KeepAligned();
            MatchServingTeams();
            StaffTheRest();
            MergeSmallTeams();
            SplitLargeTeams();
            NameJourneyTeams();
            ReconcileJourneyOwnership();
            ReconcileUnitOwnership();
            return Finish();
        }

        // ---------- today's picture ----------

        /// <summary>Whether a unit is a step delivered by a sub-journey in scope (which then answers for it).</summary>
        private bool Delegated(UnitAlignment unit) => _subOf.TryGetValue(unit.Id, out var sub) && _scopeIds.Contains(sub);

        private IEnumerable<UnitAlignment> OwnUnits(string journeyId) =>
            _unitsOf.TryGetValue(journeyId, out var units) ? units.Where(u => !Delegated(u)) : [];

        private void MeasureService()
        {
            foreach (var j in _scope)
            foreach (var u in OwnUnits(j.Id))
            foreach (var t in u.Owners)
            {
                Bump(_serve, t, j.Id);
                if (u.Owners.Count == 1) Bump(_sole, t, j.Id);
            }

            static void Bump(Dictionary<string, SortedDictionary<string, int>> map, string team, string journey)
            {
                if (!map.TryGetValue(team, out var byJourney)) map[team] = byJourney = new SortedDictionary<string, int>(StringComparer.Ordinal);
                byJourney[journey] = byJourney.GetValueOrDefault(journey) + 1;
            }
        }

        private int Serve(string team, string journey) => _serve.TryGetValue(team, out var s) ? s.GetValueOrDefault(journey) : 0;

        private Team? Current(string id) => _state.CurrentTeams.FirstOrDefault(t => t.Id == id);

        private int Heads(Team team) => team.Members.Select(m => m.PersonId).Distinct().Count(_enabled.Contains);

        /// <summary>A team that can answer for a journey: it has someone with an enabled account and no teams under it.</summary>
        private bool Candidate(Team team) => !_parents.Contains(team.Id) && !_taken.Contains(team.Id) && Heads(team) > 0;

        private string Name(string id) => _nameOf.TryGetValue(id, out var n) ? n : Current(id)?.Name ?? id;

        private string TeamName(string id) => Current(id)?.Name ?? id;

        // ---------- who answers for what ----------

        /// <summary>
        /// A journey that already meets the properties is left exactly as it is: every own unit has one owner, each
        /// owner works on this journey only and owns one unbroken run of it, and its size fits the grouping.
        /// </summary>
        private void KeepAligned()
        {
            foreach (var j in _scope)
            {
                var own = OwnUnits(j.Id).ToList();
                if (own.Count == 0) { _kept.Add(j.Id); continue; }
                if (own.Any(u => u.Owners.Count != 1)) continue;
                var teams = own.Select(u => u.Owners[0]).Distinct().ToList();
                var runs = 1 + own.Zip(own.Skip(1)).Count(p => p.First.Owners[0] != p.Second.Owners[0]);
                if (runs != teams.Count) continue;
                var current = teams.Select(Current).ToList();
                if (current.Any(t => t is null || Heads(t) == 0 || _serve[t.Id].Count != 1)) continue;
                var single = teams.Count == 1;
                var heads = Heads(current[0]!);
                var fits = _o.By switch
                {
                    ProposalGrouping.Journey => single,
                    ProposalGrouping.Auto => !single || heads <= _o.MaxSize || PhaseGroups(j, heads) < 2,
                    _ => !single || PhaseGroups(j, heads) < 2,
                };
                if (!fits) continue;
                _kept.Add(j.Id);
                foreach (var t in teams) _taken.Add(t);
                if (single && heads > _o.MaxSize)
                    _notes.Add($"{j.Name}: {current[0]!.Name} has {heads} people, above {_o.MaxSize}, but the journey stays whole ({(_o.By == ProposalGrouping.Journey ? "--by journey" : "too few phases to split along")})");
            }
        }

        /// <summary>Each journey goes to the team that already owns most of it, one journey per team, biggest share first.</summary>
        private void MatchServingTeams()
        {
            var pairs = new List<(string Team, string Journey, int Units, int Sole, int Heads)>();
            foreach (var (team, journeys) in _serve)
            {
                if (Current(team) is not { } t || !Candidate(t)) continue;
                var heads = Heads(t);
                foreach (var (journey, units) in journeys)
                    if (!_kept.Contains(journey)) pairs.Add((team, journey, units, _sole.TryGetValue(team, out var sole) ? sole.GetValueOrDefault(journey) : 0, heads));
            }
            pairs.Sort((a, b) =>
            {
                var c = b.Units.CompareTo(a.Units);
                if (c == 0) c = b.Sole.CompareTo(a.Sole);
                if (c == 0) c = b.Heads.CompareTo(a.Heads);
                if (c == 0) c = string.CompareOrdinal(a.Team, b.Team);
                return c != 0 ? c : string.CompareOrdinal(a.Journey, b.Journey);
            });
            foreach (var (team, journey, units, _, _) in pairs)
            {
                if (_assigned.ContainsKey(journey) || _taken.Contains(team)) continue;
                var total = OwnUnits(journey).Count();
                Assign(journey, team, $"{TeamName(team)} already owns {units} of {total} unit{(total == 1 ? "" : "s")} of {Name(journey)}, more than any other free team");
            }
        }

        private void Assign(string journey, string team, string reason)
        {
            _assigned[journey] = team;
            _assignReason[journey] = reason;
            _taken.Add(team);
        }

        /// <summary>
        /// Journeys no free serving team could take: first a team with no journey work at all (moving ownership, not
        /// people), then a split of a busy team that serves this journey too (its people keep their work), then any
        /// free team; else the journey stays as it is and a note says so.
        /// </summary>
        private void StaffTheRest()
        {
            foreach (var j in _scope)
            {
                if (_kept.Contains(j.Id) || _assigned.ContainsKey(j.Id)) continue;
                var unownedToday = OwnUnits(j.Id).All(u => u.Owners.Count == 0);
                var today = unownedToday ? "nobody owns it today" : "the teams that serve it answer for other journeys";
                if (FreeTeam(j, idleOnly: true) is { } idle)
                {
                    Assign(j.Id, idle.Id, $"{j.Name}: {today}; {idle.Name} has no journey work and takes it");
                    continue;
                }
                if (SplitOff(j)) continue;
                if (FreeTeam(j, idleOnly: false) is { } free)
                {
                    Assign(j.Id, free.Id, $"{j.Name}: {today}; {free.Name} is free (what it served went to other teams) and takes it");
                    continue;
                }
                if (SplitSpare(j)) continue;
                _notes.Add($"{j.Name} ({j.Id}): no team with people is free to answer for it; left as it is");
            }
        }

        private Team? FreeTeam(Journey journey, bool idleOnly)
        {
            var preferred = _blocks.Contains(journey.Id) ? "platform" : "stream-aligned";
            return _state.CurrentTeams
                .Where(t => Candidate(t) && (!idleOnly || !_serve.ContainsKey(t.Id)))
                .Select(t => (Team: t, Heads: Heads(t)))
                .OrderBy(x => x.Team.Type == preferred ? 0 : 1)
                .ThenBy(x => x.Heads >= _o.MinSize && x.Heads <= _o.MaxSize ? 0 : 1)
                .ThenByDescending(x => x.Heads)
                .ThenBy(x => x.Team.Id, StringComparer.Ordinal)
                .Select(x => x.Team)
                .FirstOrDefault();
        }

        /// <summary>Splits the people who serve <paramref name="journey"/> off a team that answers for another journey.</summary>
        private bool SplitOff(Journey journey)
        {
            var source = _assigned
                .Where(a => Serve(a.Value, journey.Id) > 0 && !_parents.Contains(a.Value))
                .Select(a => (Main: a.Key, Team: Current(a.Value)!))
                .Where(x => Heads(x.Team) >= 2)
                .OrderByDescending(x => Serve(x.Team.Id, journey.Id))
                .ThenBy(x => x.Team.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (source.Team is null) return false;
            var team = source.Team;
            var heads = Heads(team);
            var movers = Movers(team);
            int a = Serve(team.Id, source.Main), b = Serve(team.Id, journey.Id);
            var most = Math.Min(movers.Count, heads - 1);
            if (most < 1) return false;
            var count = Math.Clamp((int)Math.Round(heads * (double)b / (a + b), MidpointRounding.AwayFromZero), 1, most);
            var moving = movers.Skip(movers.Count - count).ToList();
            var id = NewId(journey.Name);
            SplitInto(team, id, journey.Name, moving, EdgesWithin(team.Id, journey.Id, null), team.ParentId, journey.Id,
                $"{team.Name} serves {Name(source.Main)} and {journey.Name} ({b} unit{(b == 1 ? "" : "s")}); {count} of its {heads} people become the team for {journey.Name}");
            Assign(journey.Id, id, $"Split from {team.Name} along the journeys it serves");
            return true;
        }

        /// <summary>
        /// No free team is left: a journey team with people enough for two teams of the minimum size gives half of
        /// them to the journey (the largest such team, so the fewest people are moved per team that changes).
        /// </summary>
        private bool SplitSpare(Journey journey)
        {
            var source = _assigned.Values
                .Where(id => !_parents.Contains(id) && !_phaseOwner.ContainsValue(id))
                .Select(Current).Where(t => t is not null).Select(t => (Team: t!, Heads: Heads(t!)))
                .Where(x => x.Heads >= 2 * _o.MinSize)
                .OrderByDescending(x => x.Heads).ThenBy(x => x.Team.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (source.Team is null) return false;
            var movers = Movers(source.Team);
            var count = Math.Min(source.Heads / 2, movers.Count);
            if (count < _o.MinSize) return false;
            var id = NewId(journey.Name);
            SplitInto(source.Team, id, journey.Name, movers.Skip(movers.Count - count).ToList(), [], source.Team.ParentId, journey.Id,
                $"No free team can take {journey.Name}; {source.Team.Name} has {source.Heads} people, enough for two teams, and {count} of them become the team for it");
            Assign(journey.Id, id, $"{TeamName(id)} is the new team for {journey.Name}");
            return true;
        }

        /// <summary>The team type a journey's own team should have: a sub-journey used by others may be a platform team.</summary>
        private bool RightType(Team team, string journeyId) =>
            team.Type == StreamAligned || (_blocks.Contains(journeyId) && team.Type == "platform");

        /// <summary>
        /// People and ownership of <paramref name="source"/> become a new team under <paramref name="parentId"/>. A split
        /// keeps the source's type (SPEC §4), so when the source is not of the type a journey team should have, the new
        /// team is created stream-aligned and the people and edges move to it one by one: the same result, the right type.
        /// </summary>
        private void SplitInto(Team source, string id, string name, List<string> people, List<string> targets, string? parentId, string journeyId, string reason)
        {
            if (RightType(source, journeyId))
            {
                Do(new SplitTeam(source.Id, id, name, people, targets), reason);
                if (parentId != source.ParentId)
                    Do(new MoveTeam(id, parentId), $"{name} sits under {TeamName(parentId!)}, the journey unit that answers for the journey as a whole");
                return;
            }
            Do(new CreateTeam(id, name, parentId, StreamAligned), $"{reason}; a journey team is stream-aligned, and {source.Name} is {TypeName(source)}");
            foreach (var person in people) Do(new MovePerson(person, source.Id, id, null), $"Moves from {source.Name} to {name}");
            foreach (var target in targets) Do(new TransferOwnership(source.Id, id, target), $"{name} takes over {Name(target)} from {source.Name}");
        }

        private static string TypeName(Team team) => team.Type is { Length: > 0 } type
            ? $"{("aeiou".Contains(char.ToLowerInvariant(type[0])) ? "an" : "a")} {type} team"
            : "a team without a type";

        private const string StreamAligned = "stream-aligned";

        /// <summary>Members who may move to a new team: enabled accounts other than the lead, in the team's order.</summary>
        private List<string> Movers(Team team) =>
            team.Members.Select(m => m.PersonId).Distinct().Where(p => _enabled.Contains(p) && p != team.LeadId).ToList();

        /// <summary>The team's accountable OWNS edges on a journey, or on its phases and their steps (of <paramref name="phases"/> when given).</summary>
        private List<string> EdgesWithin(string teamId, string journeyId, HashSet<string>? phases)
        {
            var journey = _journeyById[journeyId];
            var targets = new HashSet<string>(StringComparer.Ordinal);
            if (phases is null) targets.Add(journeyId);
            foreach (var p in journey.Phases.Where(p => phases is null || phases.Contains(p.Id)))
            {
                targets.Add(p.Id);
                foreach (var s in p.Steps) targets.Add(s.Id);
            }
            return _state.CurrentOwnership
                .Where(e => e.TeamId == teamId && e.Kind == OwnershipKind.Accountable && targets.Contains(e.TargetId))
                .Select(e => e.TargetId).Distinct().ToList();
        }

        /// <summary>Small teams that worked on nothing but one journey join the team that now answers for it, while they fit.</summary>
        private void MergeSmallTeams()
        {
            foreach (var j in _scope)
            {
                if (!_assigned.TryGetValue(j.Id, out var owner)) continue;
                var others = _serve
                    .Where(s => s.Value.Count == 1 && s.Value.ContainsKey(j.Id) && s.Key != owner)
                    .Select(s => Current(s.Key)).Where(t => t is not null && Candidate(t)).Select(t => t!)
                    .OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
                foreach (var other in others)
                {
                    var target = Current(owner)!;
                    var together = target.Members.Concat(other.Members).Select(m => m.PersonId).Distinct().Count(_enabled.Contains);
                    if (together > _o.MaxSize) continue;
                    Do(new MergeTeams(other.Id, owner), $"{other.Name} worked only on {j.Name}; it joins {target.Name} ({together} people together, within {_o.MinSize}–{_o.MaxSize})");
                    _taken.Add(other.Id);
                }
            }
        }

        /// <summary>How many phase teams a journey team of <paramref name="heads"/> people becomes under the grouping.</summary>
        private int PhaseGroups(Journey journey, int heads)
        {
            var phases = journey.Phases.Count(p => OwnUnitsOfPhase(journey, p).Any());
            var groups = _o.By switch
            {
                ProposalGrouping.Journey => 1,
                ProposalGrouping.Auto => heads > _o.MaxSize ? Math.Min((heads + _o.MaxSize - 1) / _o.MaxSize, Math.Max(1, heads / _o.MinSize)) : 1,
                _ => Math.Max(1, heads / _o.MinSize),
            };
            return Math.Min(groups, phases);
        }

        private IEnumerable<UnitAlignment> OwnUnitsOfPhase(Journey journey, Phase phase) =>
            OwnUnits(journey.Id).Where(u => u.PhaseId == phase.Id);

        /// <summary>A journey team above the range becomes a journey unit with one team per group of adjacent phases under it.</summary>
        private void SplitLargeTeams()
        {
            foreach (var j in _scope)
            {
                if (!_assigned.TryGetValue(j.Id, out var owner)) continue;
                var team = Current(owner)!;
                var heads = Heads(team);
                var movers = Movers(team);
                var groups = Math.Min(PhaseGroups(j, heads), movers.Count);
                if (groups < 2)
                {
                    if (heads > _o.MaxSize)
                        _notes.Add($"{j.Name}: {team.Name} has {heads} people, above {_o.MaxSize}, but the journey has {(_o.By == ProposalGrouping.Journey ? "to stay whole (--by journey)" : "too few phases to split along")}");
                    continue;
                }
                var phases = j.Phases.Where(p => OwnUnitsOfPhase(j, p).Any()).ToList();
                var weights = phases.Select(p => OwnUnitsOfPhase(j, p).Count()).ToList();
                var cuts = Partition(weights, groups);
                var start = 0;
                for (var g = 0; g < groups; g++)
                {
                    var chunk = phases.GetRange(start, cuts[g]);
                    start += cuts[g];
                    var phaseIds = new HashSet<string>(chunk.Select(p => p.Id), StringComparer.Ordinal);
                    var people = movers.Skip(movers.Count * g / groups).Take(movers.Count * (g + 1) / groups - movers.Count * g / groups).ToList();
                    var label = chunk.Count == 1 ? chunk[0].Name : $"{chunk[0].Name}–{chunk[^1].Name}";
                    var name = $"{j.Name} · {label}";
                    var id = NewId($"{j.Name} {chunk[0].Name}");
                    SplitInto(team, id, name, people, EdgesWithin(owner, j.Id, phaseIds), owner, j.Id,
                        $"{team.Name} has {heads} people for {j.Name}, more than {_o.MaxSize}: {people.Count} of them become the team for {label}");
                    foreach (var p in chunk) _phaseOwner[p.Id] = id;
                }
                _parents.Add(owner);
            }
        }

        /// <summary>Cuts a sequence of weights into <paramref name="groups"/> adjacent runs of about equal weight; returns the run lengths.</summary>
        private static int[] Partition(List<int> weights, int groups)
        {
            var total = weights.Sum();
            var lengths = new int[groups];
            var index = 0;
            var cumulative = 0;
            for (var g = 0; g < groups; g++)
            {
                var goal = (double)total * (g + 1) / groups;
                var count = 0;
                // Take at least one phase, leave at least one for each later group, stop near the goal.
                while (index < weights.Count - (groups - g - 1) && (count == 0 || g == groups - 1 || cumulative + weights[index] / 2.0 <= goal))
                {
                    cumulative += weights[index++];
                    count++;
                }
                lengths[g] = count;
            }
            return lengths;
        }

        private void NameJourneyTeams()
        {
            foreach (var j in _scope)
            {
                if (!_assigned.TryGetValue(j.Id, out var owner) || Current(owner) is not { } team) continue;
                var isUnit = _parents.Contains(owner) && _phaseOwner.Values.Any(v => Current(v)?.ParentId == owner);
                // SPEC §4 has no operation that changes an existing team's type: say so rather than leave it unseen.
                if (!isUnit && !RightType(team, j.Id))
                    _notes.Add($"{j.Name}: {team.Name} is {TypeName(team)}; as the journey's team it should be stream-aligned (change its type on its team page)");
                if (team.Name == j.Name) continue;
                var why = isUnit
                    ? $"Journey unit for {j.Name}: it answers for the journey as a whole, its teams for the phases"
                    : $"Named for the journey it answers for";
                Do(new RenameTeam(owner, j.Name), why);
            }
        }

        // ---------- OWNS edges ----------

        private List<Ownership> Accountable(string target) =>
            _state.CurrentOwnership.Where(e => e.TargetId == target && e.Kind == OwnershipKind.Accountable).ToList();

        /// <summary>Each staffed journey is owned, accountable, by its team alone.</summary>
        private void ReconcileJourneyOwnership()
        {
            // A sub-journey left as it is but owned only phase by phase has no team for the steps that use it elsewhere.
            foreach (var j in _scope.Where(j => _kept.Contains(j.Id) && _blocks.Contains(j.Id) && Chain(j.Id).Count == 0))
            {
                var teams = OwnUnits(j.Id).SelectMany(u => u.Owners).Distinct().ToList();
                if (teams.Count == 1)
                    Do(new AssignOwnership(teams[0], j.Id, OwnershipKind.Accountable),
                        $"{TeamName(teams[0])} owns every part of {j.Name}; owning the journey itself makes the steps that use it elsewhere its own too");
                else if (teams.Count > 1)
                    _notes.Add($"{j.Name} ({j.Id}) is owned phase by phase by {teams.Count} teams; the steps that use it elsewhere stay with their journey's team");
            }
            foreach (var j in _scope)
            {
                if (!_assigned.TryGetValue(j.Id, out var owner)) continue;
                var edges = Accountable(j.Id);
                if (edges.All(e => e.TeamId != owner))
                {
                    if (edges.FirstOrDefault() is { } from)
                        Do(new TransferOwnership(from.TeamId, owner, j.Id), _assignReason[j.Id]);
                    else
                        Do(new AssignOwnership(owner, j.Id, OwnershipKind.Accountable), _assignReason[j.Id]);
                }
                foreach (var e in Accountable(j.Id).Where(e => e.TeamId != owner))
                    Do(new RemoveOwnership(e.TeamId, j.Id), $"{TeamName(owner)} answers for {j.Name} alone");
            }
        }

        /// <summary>
        /// Phases and steps: an edge by any team other than the unit's owner goes (the journey's team, or the phase team);
        /// a step delivered by a sub-journey keeps no owner of its own, so the sub-journey's team answers for it.
        /// </summary>
        private void ReconcileUnitOwnership()
        {
            foreach (var j in _scope)
            {
                var staffed = _assigned.TryGetValue(j.Id, out var owner);
                if (!staffed && !_kept.Contains(j.Id)) continue;
                foreach (var p in j.Phases)
                {
                    var unitOwner = _phaseOwner.GetValueOrDefault(p.Id) ?? owner;
                    if (staffed)
                    {
                        foreach (var e in Accountable(p.Id).Where(e => e.TeamId != unitOwner))
                            Do(new RemoveOwnership(e.TeamId, p.Id), $"{TeamName(unitOwner!)} answers for {Name(p.Id)} alone");
                        if (_phaseOwner.ContainsKey(p.Id) && Accountable(p.Id).Count == 0)
                            Do(new AssignOwnership(unitOwner!, p.Id, OwnershipKind.Accountable), $"{TeamName(unitOwner!)} is the team for this phase of {j.Name}");
                    }
                    foreach (var s in p.Steps)
                    {
                        var sub = _subOf.GetValueOrDefault(s.Id);
                        var subOwners = sub is null ? null : SubOwners(sub);
                        if (subOwners is { Count: > 0 } && _scopeIds.Contains(sub!))
                        {
                            foreach (var e in Accountable(s.Id).Where(e => !subOwners.Contains(e.TeamId)))
                                Do(new RemoveOwnership(e.TeamId, s.Id),
                                    $"{s.Name} is delivered by {Name(sub!)}: its team ({string.Join(", ", subOwners.Select(TeamName))}) answers for it in every journey that uses it");
                            continue;
                        }
                        if (!staffed) continue;
                        foreach (var e in Accountable(s.Id).Where(e => e.TeamId != unitOwner))
                            Do(new RemoveOwnership(e.TeamId, s.Id), $"{TeamName(unitOwner!)} answers for {Name(s.Id)} alone");
                        // A sub-journey outside the scope still has owners, who would take the step: say who answers here.
                        if (Accountable(s.Id).Count == 0 && sub is not null && Chain(sub).Count > 0)
                            Do(new AssignOwnership(unitOwner!, s.Id, OwnershipKind.Accountable), $"{Name(sub)} is outside the proposal; {TeamName(unitOwner!)} answers for this step of {j.Name}");
                    }
                }
            }
        }

        /// <summary>The teams a sub-journey's steps inherit when it answers for them: its own accountable owners (its journey unit), or null.</summary>
        private List<string>? SubOwners(string sub)
        {
            if (!_scopeIds.Contains(sub)) return null;
            if (!_assigned.ContainsKey(sub) && !_kept.Contains(sub)) return null;
            var chain = Chain(sub);
            return chain.Count > 0 ? chain : null;
        }

        /// <summary>chain(j) of SPEC §3 on the ownership as it stands now.</summary>
        private List<string> Chain(string journeyId)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (string? current = journeyId; current is not null && seen.Add(current);)
            {
                var owners = Accountable(current).Select(e => e.TeamId).Distinct().ToList();
                if (owners.Count > 0) return owners;
                current = _journeyById.TryGetValue(current, out var j) ? j.ParentId : null;
            }
            return [];
        }

        // ---------- writing it down ----------

        private void Do(ScenarioOperation operation, string reason)
        {
            operation = operation with { Reason = reason };
            if (_state.Apply(_ops.Count, operation) is { } error)
                throw new InvalidOperationException($"the proposal drafted an operation the simulation rejects: {error.Message}");
            _ops.Add(operation);
        }

        /// <summary>A readable team id from a name, never one used anywhere in the workspace or earlier in the proposal.</summary>
        private string NewId(string name) => WorkspaceIds.NewId("t-", name, id => !_usedIds.Add(id));

        private ProposedStructure Finish()
        {
            var by = _o.By.ToString().ToLowerInvariant();
            var scenario = new Scenario(
                $"Journey-aligned structure (by {by}, {_o.MinSize}–{_o.MaxSize} people)",
                $"Drafted by the proposal over {_scope.Count} journey{(_scope.Count == 1 ? "" : "s")}: every unit one accountable team, "
                + "each team one journey, steps of a sub-journey with its team; ownership moves before people do. Review and edit each change.",
                _ops);
            var simulation = ScenarioSimulation.Simulate(_baseline, scenario);
            if (!simulation.Valid)
                throw new InvalidOperationException($"the drafted proposal does not simulate: {string.Join("; ", simulation.Errors.Select(e => e.Message))}");
            return new ProposedStructure(scenario, Summarize(simulation), simulation);
        }

        private ProposalSummary Summarize(SimulationResult simulation)
        {
            var before = simulation.Baseline;
            var after = simulation.Scenario!;
            var units = before.Units.Where(u => _scopeIds.Contains(u.JourneyId)).ToList();
            var unitsAfter = after.Units.Where(u => _scopeIds.Contains(u.JourneyId)).ToList();
            var journeysBefore = before.Journeys.Where(j => _scopeIds.Contains(j.Id)).ToList();
            var journeysAfter = after.Journeys.Where(j => _scopeIds.Contains(j.Id)).ToList();

            foreach (var (b, a) in journeysBefore.Zip(journeysAfter))
            {
                if (a.Handoffs <= b.Handoffs) continue;
                var j = _journeyById[a.Id];
                var why = j.Phases.Any(p => _phaseOwner.ContainsKey(p.Id)) ? "phase teams hand over to each other" : "steps delivered by a sub-journey are its team's";
                _notes.Add($"{j.Name}: handoffs {b.Handoffs} → {a.Handoffs} ({why})");
            }
            foreach (var u in unitsAfter.Where(u => u.Owners.Count != 1))
                _notes.Add($"{Name(u.Id)} ({u.Id}): {(u.Owners.Count == 0 ? "still nobody" : $"still {u.Owners.Count} teams")} after the proposal");

            var teamsPerJourney = new[] { "0", "1", "2", "3", "4+" }
                .Select((label, i) => new HistogramBar(label,
                    journeysBefore.Count(j => Math.Min(j.Teams.Count, 4) == i),
                    journeysAfter.Count(j => Math.Min(j.Teams.Count, 4) == i)))
                .ToList();

            var accountableBefore = units.SelectMany(u => u.Owners).ToHashSet(StringComparer.Ordinal);
            var accountableAfter = unitsAfter.SelectMany(u => u.Owners).ToHashSet(StringComparer.Ordinal);
            var sizesBefore = TeamSizes(_ws, accountableBefore);
            var sizesAfter = TeamSizes(simulation.Workspace!, accountableAfter);
            var labels = new[] { "none", $"1–{_o.MinSize - 1}", $"{_o.MinSize}–{_o.MaxSize}", $"{_o.MaxSize + 1}–{2 * _o.MaxSize}", $"over {2 * _o.MaxSize}" };
            var sizeBars = labels.Select((label, i) => new HistogramBar(label, sizesBefore.Count(s => Bucket(s) == i), sizesAfter.Count(s => Bucket(s) == i)))
                .Where(b => !(b.Label == "1–0")).ToList();

            return new ProposalSummary(
                _scope.Count, units.Count, _ops.Count,
                units.Count(u => u.Owners.Count == 0), unitsAfter.Count(u => u.Owners.Count == 0),
                units.Count(u => u.Owners.Count >= 2), unitsAfter.Count(u => u.Owners.Count >= 2),
                journeysBefore.Sum(j => j.Handoffs), journeysAfter.Sum(j => j.Handoffs),
                simulation.Diff!.TeamsBefore, simulation.Diff.TeamsAfter, simulation.Diff.PeopleMoved,
                teamsPerJourney, sizeBars,
                MeanFocus(before, accountableBefore), MeanFocus(after, accountableAfter),
                [.. _notes]);

            int Bucket(int size) => size == 0 ? 0 : size < _o.MinSize ? 1 : size <= _o.MaxSize ? 2 : size <= 2 * _o.MaxSize ? 3 : 4;
        }

        private List<int> TeamSizes(Workspace workspace, HashSet<string> teams) =>
            workspace.Teams.Where(t => teams.Contains(t.Id)).Select(Heads).ToList();

        private static double MeanFocus(AlignmentReport report, HashSet<string> teams)
        {
            var focus = report.Teams.Where(t => teams.Contains(t.Id)).Select(t => t.Focus).ToList();
            return focus.Count == 0 ? 0 : Math.Round(focus.Average(), 4);
        }
    }
}
