using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Editing;

// The edit's check without validating 100,000 people that did not change (issue #17: 0.3–0.6 s of every edit).
public static partial class WorkspaceRules
{
    /// <summary>
    /// <see cref="Check(Workspace, Workspace?)"/> of <paramref name="resulting"/> (= <see cref="WorkspaceChanges.ApplyTo"/> of
    /// <paramref name="before"/> and <paramref name="changes"/>), with the same result, but looking only at what the change set
    /// touches when the workspace before it is known to be valid. Only a refused edit pays the whole check, for its messages.
    /// </summary>
    public static IReadOnlyList<string> Check(OrgView before, WorkspaceChangeSet changes, Workspace resulting) =>
        before.IsValid && KeepsValid(before, changes, resulting) ? [] : Check(resulting, before.Workspace);

    /// <summary>
    /// Whether the import validator finds nothing wrong with <paramref name="resulting"/>, decided from the change set alone
    /// on a <paramref name="before"/> that is valid. False means "maybe not": the caller then runs the whole check.
    /// <para>
    /// Why this is enough: every rule of the validator is about one record and the records its ids name. A record the
    /// change set did not write was valid before, and stays valid unless an id it names now means something else (gone,
    /// or of another kind), or it now shares its id with a written record, or a written record closes a loop through it.
    /// So the written records are validated on their own with a stand-in for each record they name (of the kind that id
    /// has after the change), and those three ways in which the rest could break are looked for directly. The editor's own
    /// explanations (<see cref="Explain"/>) only word errors the validator also finds.
    /// </para>
    /// </summary>
    public static bool KeepsValid(OrgView before, WorkspaceChangeSet changes, Workspace resulting) =>
        new ChangeCheck(before, changes, resulting).KeepsValid();

    private enum IdKind { Journey, Phase, Step, Person, Team, Role, Metric, Insight, Opportunity, Solution }

    private sealed class ChangeCheck
    {
        private readonly OrgView _before;
        private readonly WorkspaceChangeSet _changes;
        private readonly Workspace _resulting;
        // The last upsert of each id wins, as in WorkspaceChanges.ApplyTo.
        private readonly Dictionary<string, Journey> _journeys;
        private readonly Dictionary<string, Person> _people;
        private readonly Dictionary<string, Team> _teams;
        private readonly Dictionary<string, Role> _roles;
        private readonly Dictionary<string, Metric> _metrics;
        private readonly Dictionary<string, Insight> _insights;
        private readonly Dictionary<string, Opportunity> _opportunities;
        private readonly Dictionary<string, Solution> _solutions;
        private readonly HashSet<string> _deletedJourneys, _deletedPeople, _deletedTeams, _deletedRoles, _deletedMetrics,
            _deletedInsights, _deletedOpportunities, _deletedSolutions;
        /// <summary>Every id a written record brings, with its kind; an id brought twice is kept with both.</summary>
        private readonly List<(string Id, IdKind Kind)> _written = [];
        private readonly Dictionary<string, IdKind> _writtenKind = new(StringComparer.Ordinal);
        private Dictionary<string, IdKind>? _smallSections;

        public ChangeCheck(OrgView before, WorkspaceChangeSet changes, Workspace resulting)
        {
            _before = before;
            _changes = changes;
            _resulting = resulting;
            _journeys = Last(changes.UpsertJourneys, j => j.Id);
            _people = Last(changes.UpsertPeople, p => p.Id);
            _teams = Last(changes.UpsertTeams, t => t.Id);
            _roles = Last(changes.UpsertRoles, r => r.Id);
            _metrics = Last(changes.UpsertMetrics, m => m.Id);
            _insights = Last(changes.UpsertInsights, i => i.Id);
            _opportunities = Last(changes.UpsertOpportunities, o => o.Id);
            _solutions = Last(changes.UpsertSolutions, s => s.Id);
            _deletedJourneys = Set(changes.DeleteJourneys);
            _deletedPeople = Set(changes.DeletePeople);
            _deletedTeams = Set(changes.DeleteTeams);
            _deletedRoles = Set(changes.DeleteRoles);
            _deletedMetrics = Set(changes.DeleteMetrics);
            _deletedInsights = Set(changes.DeleteInsights);
            _deletedOpportunities = Set(changes.DeleteOpportunities);
            _deletedSolutions = Set(changes.DeleteSolutions);
            // Written records as they are in the result: deleting people, teams, records or journey parts also clears the
            // links to them from every record, the written ones included.
            if (_deletedPeople.Count > 0) AsResulting(_teams, resulting.Teams, t => t.Id);
            AsResulting(_metrics, resulting.Metrics, m => m.Id);
            AsResulting(_insights, resulting.Insights, i => i.Id);
            AsResulting(_opportunities, resulting.Opportunities, o => o.Id);
            AsResulting(_solutions, resulting.Solutions, s => s.Id);
            foreach (var journey in _journeys.Values)
            {
                Write(journey.Id, IdKind.Journey);
                foreach (var phase in journey.Phases)
                {
                    Write(phase.Id, IdKind.Phase);
                    foreach (var step in phase.Steps) Write(step.Id, IdKind.Step);
                }
            }
            foreach (var id in _people.Keys) Write(id, IdKind.Person);
            foreach (var id in _teams.Keys) Write(id, IdKind.Team);
            foreach (var id in _roles.Keys) Write(id, IdKind.Role);
            foreach (var id in _metrics.Keys) Write(id, IdKind.Metric);
            foreach (var id in _insights.Keys) Write(id, IdKind.Insight);
            foreach (var id in _opportunities.Keys) Write(id, IdKind.Opportunity);
            foreach (var id in _solutions.Keys) Write(id, IdKind.Solution);
        }

        private void Write(string id, IdKind kind)
        {
            _written.Add((id, kind));
            _writtenKind.TryAdd(id, kind);
        }

        public bool KeepsValid() =>
            !SharesAnId() && WrittenRecordsAreValid() && !NamesWhatChanged() && !ClosesALoop() && !SharesAnImportKey();

        /// <summary>A written id that a record the change did not replace still has.</summary>
        private bool SharesAnId()
        {
            foreach (var (id, _) in _written)
                if (KindBefore(id) is not null && Survives(id)) return true;
            return false;
        }

        /// <summary>
        /// The written records through the validator, in a workspace of their own where each id they name (and that is not
        /// written too) is a valid stand-in of the kind it has after the change; duplicates among them show up there.
        /// </summary>
        private bool WrittenRecordsAreValid()
        {
            var stubs = new Stubs(this);
            foreach (var journey in _journeys.Values)
            {
                stubs.Name(journey.ParentId);
                foreach (var step in journey.Phases.SelectMany(p => p.Steps)) stubs.Name(step.SubjourneyId);
            }
            foreach (var person in _people.Values) { stubs.Name(person.ManagerId); stubs.Name(person.RoleId); }
            foreach (var team in _teams.Values)
            {
                stubs.Name(team.ParentId);
                stubs.Name(team.LeadId);
                foreach (var member in team.Members) stubs.Name(member.PersonId);
            }
            var ownership = Last(_changes.UpsertOwnership, o => (o.TeamId, o.TargetId)).Values.ToList();
            foreach (var edge in ownership) { stubs.Name(edge.TeamId); stubs.Name(edge.TargetId); }
            foreach (var metric in _metrics.Values)
            {
                stubs.Name(metric.TargetId);
                stubs.Name(metric.OwnerId);
                foreach (var id in metric.TeamIds) stubs.Name(id);
            }
            foreach (var insight in _insights.Values)
            {
                stubs.Name(insight.OwnerId);
                foreach (var id in insight.StepIds.Concat(insight.TeamIds)) stubs.Name(id);
            }
            foreach (var o in _opportunities.Values)
            {
                stubs.Name(o.OwnerId);
                stubs.Name(o.TeamId);
                foreach (var id in o.TargetIds) stubs.Name(id);
            }
            foreach (var solution in _solutions.Values)
            {
                stubs.Name(solution.OwnerId);
                stubs.Name(solution.TeamId);
                foreach (var id in solution.OpportunityIds) stubs.Name(id);
            }
            var costs = Last(_changes.UpsertCosts, c => c.PersonId).Values.ToList();
            foreach (var cost in costs) stubs.Name(cost.PersonId);
            if (stubs.Clash) return false;

            var written = new Workspace(
                [.. _journeys.Values, .. stubs.Journeys], [.. _people.Values, .. stubs.People], [.. _teams.Values, .. stubs.Teams],
                [.. _roles.Values, .. stubs.Roles], ownership, [.. _metrics.Values, .. stubs.Metrics])
            {
                Insights = [.. _insights.Values, .. stubs.Insights],
                Opportunities = [.. _opportunities.Values, .. stubs.Opportunities],
                Solutions = [.. _solutions.Values, .. stubs.Solutions],
                Costs = costs,
                Weights = _resulting.Weights,
                Currency = _resulting.Currency,
            };
            return WorkspaceValidator.Validate(written).Count == 0;
        }

        /// <summary>
        /// Whether a record the change did not write names an id that now means something else: gone, of another kind,
        /// or new (a journey-management link may name what did not exist, and must not start naming the wrong kind).
        /// </summary>
        private bool NamesWhatChanged()
        {
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in DeletedOrReplaced()) if (KindAfter(id) != KindBefore(id)) changed.Add(id);
            foreach (var (id, kind) in _written) if (KindBefore(id) != kind) changed.Add(id);
            if (changed.Count == 0) return false;

            var w = _resulting;
            bool Names(string? id) => id is not null && changed.Contains(id);
            bool Any(IReadOnlyList<string> ids) { foreach (var id in ids) if (changed.Contains(id)) return true; return false; }
            foreach (var journey in w.Journeys)
            {
                if (_journeys.ContainsKey(journey.Id)) continue;
                if (Names(journey.ParentId)) return true;
                foreach (var phase in journey.Phases)
                    foreach (var step in phase.Steps)
                        if (Names(step.SubjourneyId)) return true;
            }
            foreach (var person in w.People)
                if (!_people.ContainsKey(person.Id) && (Names(person.ManagerId) || Names(person.RoleId))) return true;
            foreach (var team in w.Teams)
            {
                if (_teams.ContainsKey(team.Id)) continue;
                if (Names(team.ParentId) || Names(team.LeadId)) return true;
                foreach (var member in team.Members) if (Names(member.PersonId)) return true;
            }
            foreach (var edge in w.Ownership) if (Names(edge.TeamId) || Names(edge.TargetId)) return true;
            foreach (var m in w.Metrics)
                if (!_metrics.ContainsKey(m.Id) && (Names(m.TargetId) || Names(m.OwnerId) || Any(m.TeamIds))) return true;
            foreach (var i in w.Insights)
                if (!_insights.ContainsKey(i.Id) && (Names(i.OwnerId) || Any(i.TeamIds) || Any(i.StepIds))) return true;
            foreach (var o in w.Opportunities)
                if (!_opportunities.ContainsKey(o.Id) && (Names(o.OwnerId) || Names(o.TeamId) || Any(o.TargetIds))) return true;
            foreach (var s in w.Solutions)
                if (!_solutions.ContainsKey(s.Id) && (Names(s.OwnerId) || Names(s.TeamId) || Any(s.OpportunityIds))) return true;
            foreach (var cost in w.Costs) if (Names(cost.PersonId)) return true;
            return false;
        }

        /// <summary>Ids of records before the change that the change deleted or wrote over (with a journey: its phases and steps).</summary>
        private IEnumerable<string> DeletedOrReplaced()
        {
            foreach (var id in _deletedJourneys.Concat(_journeys.Keys))
                if (_before.Journeys.TryGetValue(id, out var journey))
                {
                    yield return id;
                    foreach (var phase in journey.Phases)
                    {
                        yield return phase.Id;
                        foreach (var step in phase.Steps) yield return step.Id;
                    }
                }
            foreach (var id in _deletedPeople.Concat(_deletedTeams).Concat(_deletedRoles).Concat(_deletedMetrics)
                         .Concat(_deletedInsights).Concat(_deletedOpportunities).Concat(_deletedSolutions))
                yield return id;
        }

        /// <summary>A written journey, team or person whose parent, unit or manager chain comes back to it.</summary>
        private bool ClosesALoop()
        {
            foreach (var journey in _journeys.Values)
                if (Loops(journey.Id, IdKind.Journey, id => _journeys.TryGetValue(id, out var j) ? j.ParentId
                        : _before.Journeys.TryGetValue(id, out var old) ? old.ParentId : null)) return true;
            foreach (var team in _teams.Values)
                if (Loops(team.Id, IdKind.Team, id => _teams.TryGetValue(id, out var t) ? t.ParentId
                        : _before.Teams.TryGetValue(id, out var old) ? old.ParentId : null)) return true;
            foreach (var person in _people.Values)
                if (Loops(person.Id, IdKind.Person, id => _people.TryGetValue(id, out var p) ? p.ManagerId
                        : _before.People.TryGetValue(id, out var old) ? old.ManagerId : null)) return true;
            return false;
        }

        private bool Loops(string start, IdKind kind, Func<string, string?> parentOf)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            for (var id = parentOf(start); id is not null && KindAfter(id) == kind; id = parentOf(id))
                if (!seen.Add(id)) return true;
            return false;
        }

        /// <summary>A written record's import key that a record of its section the change kept already has.</summary>
        private bool SharesAnImportKey() =>
            Shares(_metrics, _before.Workspace.Metrics, _deletedMetrics, m => m.Id, m => m.ImportKey)
            || Shares(_insights, _before.Workspace.Insights, _deletedInsights, i => i.Id, i => i.ImportKey)
            || Shares(_opportunities, _before.Workspace.Opportunities, _deletedOpportunities, o => o.Id, o => o.ImportKey)
            || Shares(_solutions, _before.Workspace.Solutions, _deletedSolutions, s => s.Id, s => s.ImportKey);

        private static bool Shares<T>(Dictionary<string, T> written, IReadOnlyList<T> before, HashSet<string> deleted, Func<T, string> id, Func<T, string?> key)
        {
            var keys = written.Values.Select(key).Where(k => k is not null).ToHashSet(StringComparer.Ordinal);
            if (keys.Count == 0) return false;
            return before.Any(r => key(r) is { } k && keys.Contains(k) && !written.ContainsKey(id(r)) && !deleted.Contains(id(r)));
        }

        /// <summary>The kind of a record before the change, or null.</summary>
        private IdKind? KindBefore(string id)
        {
            if (_before.People.ContainsKey(id)) return IdKind.Person;
            if (_before.Teams.ContainsKey(id)) return IdKind.Team;
            if (_before.Journeys.ContainsKey(id)) return IdKind.Journey;
            if (_before.Phases.ContainsKey(id)) return IdKind.Phase;
            if (_before.Steps.ContainsKey(id)) return IdKind.Step;
            if (_before.Roles.ContainsKey(id)) return IdKind.Role;
            _smallSections ??= SmallSections(_before.Workspace);
            return _smallSections.TryGetValue(id, out var kind) ? kind : null;
        }

        private static Dictionary<string, IdKind> SmallSections(Workspace w)
        {
            var ids = new Dictionary<string, IdKind>(StringComparer.Ordinal);
            foreach (var m in w.Metrics) ids.TryAdd(m.Id, IdKind.Metric);
            foreach (var i in w.Insights) ids.TryAdd(i.Id, IdKind.Insight);
            foreach (var o in w.Opportunities) ids.TryAdd(o.Id, IdKind.Opportunity);
            foreach (var s in w.Solutions) ids.TryAdd(s.Id, IdKind.Solution);
            return ids;
        }

        /// <summary>Whether the record that had <paramref name="id"/> before the change is still there, neither deleted nor written over.</summary>
        private bool Survives(string id) => KindBefore(id) switch
        {
            IdKind.Journey => JourneySurvives(id),
            IdKind.Phase => JourneySurvives(_before.Phases[id].Journey.Id),
            IdKind.Step => JourneySurvives(_before.Steps[id].Journey.Id),
            IdKind.Person => !_deletedPeople.Contains(id) && !_people.ContainsKey(id),
            IdKind.Team => !_deletedTeams.Contains(id) && !_teams.ContainsKey(id),
            IdKind.Role => !_deletedRoles.Contains(id) && !_roles.ContainsKey(id),
            IdKind.Metric => !_deletedMetrics.Contains(id) && !_metrics.ContainsKey(id),
            IdKind.Insight => !_deletedInsights.Contains(id) && !_insights.ContainsKey(id),
            IdKind.Opportunity => !_deletedOpportunities.Contains(id) && !_opportunities.ContainsKey(id),
            IdKind.Solution => !_deletedSolutions.Contains(id) && !_solutions.ContainsKey(id),
            _ => false,
        };

        private bool JourneySurvives(string id) => !_deletedJourneys.Contains(id) && !_journeys.ContainsKey(id);

        /// <summary>The kind of the record that has <paramref name="id"/> after the change, or null.</summary>
        private IdKind? KindAfter(string id) =>
            _writtenKind.TryGetValue(id, out var written) ? written
            : KindBefore(id) is { } kind && Survives(id) ? kind
            : null;

        /// <summary>Valid stand-ins for the records the written ones name, one per id, of the kind the id has after the change.</summary>
        private sealed class Stubs(ChangeCheck check)
        {
            private readonly HashSet<string> _named = new(StringComparer.Ordinal);
            private readonly HashSet<string> _own = new(StringComparer.Ordinal);
            private int _next;
            public List<Journey> Journeys { get; } = [];
            public List<Person> People { get; } = [];
            public List<Team> Teams { get; } = [];
            public List<Role> Roles { get; } = [];
            public List<Metric> Metrics { get; } = [];
            public List<Insight> Insights { get; } = [];
            public List<Opportunity> Opportunities { get; } = [];
            public List<Solution> Solutions { get; } = [];
            /// <summary>A stand-in's own id (of a journey around a phase or step) is named by something: decide the long way.</summary>
            public bool Clash { get; private set; }

            public void Name(string? id)
            {
                if (string.IsNullOrEmpty(id) || check._writtenKind.ContainsKey(id) || !_named.Add(id)) return;
                if (_own.Contains(id)) Clash = true;
                switch (check.KindAfter(id))
                {
                    case IdKind.Journey: Journeys.Add(new Journey(id, "stand-in", null, "", [])); break;
                    case IdKind.Phase: Journeys.Add(new Journey(Own(), "stand-in", null, "", [new Phase(id, "stand-in", [])])); break;
                    case IdKind.Step:
                        Journeys.Add(new Journey(Own(), "stand-in", null, "", [new Phase(Own(), "stand-in", [new Step(id, "stand-in", null)])]));
                        break;
                    case IdKind.Person: People.Add(new Person(id, "stand-in", null, null, null, null, null, true)); break;
                    case IdKind.Team: Teams.Add(new Team(id, "stand-in", null, null, null, [])); break;
                    case IdKind.Role: Roles.Add(new Role(id, "stand-in", null, null)); break;
                    case IdKind.Metric: Metrics.Add(new Metric(id, "", "stand-in", null, null, null, null)); break;
                    case IdKind.Insight: Insights.Add(new Insight(id, "stand-in", "", null, null, null, null)); break;
                    case IdKind.Opportunity: Opportunities.Add(new Opportunity(id, "stand-in", "", null, null, null, null, null)); break;
                    case IdKind.Solution: Solutions.Add(new Solution(id, "stand-in", "", null, null, null)); break;
                }
            }

            private string Own()
            {
                var id = $"stand-in-{Guid.NewGuid():N}-{_next++}";
                _own.Add(id);
                if (check.KindAfter(id) is not null || check._writtenKind.ContainsKey(id) || _named.Contains(id)) Clash = true;
                return id;
            }
        }

        private static Dictionary<TKey, T> Last<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> key) where TKey : notnull
        {
            var last = new Dictionary<TKey, T>();
            foreach (var item in items) last[key(item)] = item;
            return last;
        }

        private static void AsResulting<T>(Dictionary<string, T> written, IReadOnlyList<T> resulting, Func<T, string> id)
        {
            if (written.Count == 0) return;
            foreach (var record in resulting)
                if (written.ContainsKey(id(record))) written[id(record)] = record;
        }

        private static HashSet<string> Set(IReadOnlyList<string> ids) => ids.ToHashSet(StringComparer.Ordinal);
    }
}
