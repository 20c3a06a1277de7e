using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>What the planner needs besides the staged Graph data: the workspace as stored and the sync's own state.</summary>
public sealed record MirrorPlanInput(
    Workspace Current,
    DirectoryStage Stage,
    DirectorySyncOptions Options,
    IReadOnlyDictionary<string, string> PendingManagers,
    IReadOnlyDictionary<(string PersonId, string TeamId), double> AllocationOverrides,
    IReadOnlyDictionary<string, SetAsideOwnership> SetAside,
    string RunId,
    DateTimeOffset Now)
{
    /// <summary>Local decisions about synced records (applied scenarios) that the mirror keeps until Entra agrees.</summary>
    public DirectoryOverrides Overrides { get; init; } = DirectoryOverrides.None;
}

/// <summary>The changes one run makes: workspace upserts/deletes, the sync's state entries, counts and findings.</summary>
public sealed record MirrorPlan(
    WorkspaceChangeSet Changes,
    IReadOnlyDictionary<string, string?> State,
    SyncCounts Counts,
    IReadOnlyList<SyncFinding> Findings,
    Workspace Result);

/// <summary>
/// Turns the stored workspace plus what Graph sent into the smallest change set that makes the mirror match Entra.
/// A pure function: it computes the desired mirror (people and teams with Source = entra), compares it with the stored
/// one, and writes only what differs, so a repeated delta item changes nothing. Local people and teams, journeys,
/// ownership and scenarios are never rewritten; only references into the mirror that would dangle are cleared, and
/// each such clearing is reported.
/// </summary>
public static class MirrorPlanner
{
    private const string DepartmentTeamPrefix = "dept:";

    public static MirrorPlan Plan(MirrorPlanInput input)
    {
        var p = new Planning(input);
        p.PlanPeople();
        p.ResolveManagers();
        if (input.Options.UsesGroups) p.PlanGroupTeams(); else p.PlanDepartmentTeams();
        p.KeepLocalTeamDecisions();
        p.ResolveTeamParents();
        p.PlanMemberships();
        return p.Finish();
    }

    private sealed class Planning(MirrorPlanInput input)
    {
        private readonly Workspace _current = input.Current;
        private readonly DirectoryStage _stage = input.Stage;
        private readonly DirectorySyncOptions _options = input.Options;
        private readonly List<SyncFinding> _findings = [];
        private readonly Dictionary<string, string?> _state = [];

        private readonly Dictionary<string, Person> _localPeople = input.Current.People.Where(p => p.Source != RecordSource.Entra).ToDictionary(p => p.Id);
        private readonly Dictionary<string, Person> _mirrorPeople = input.Current.People.Where(p => p.Source == RecordSource.Entra).ToDictionary(p => p.Id);
        private readonly Dictionary<string, Team> _localTeams = input.Current.Teams.Where(t => t.Source != RecordSource.Entra).ToDictionary(t => t.Id);
        private readonly Dictionary<string, Team> _mirrorTeams = input.Current.Teams.Where(t => t.Source == RecordSource.Entra).ToDictionary(t => t.Id);

        private Dictionary<string, Person> _people = [];
        private readonly Dictionary<string, string> _pending = [];
        private Dictionary<string, TeamDraft> _teams = [];

        private sealed class TeamDraft
        {
            public required string Id;
            public required string Name;
            public string? Description;
            public string? ParentId;
            public bool ParentFromEntra;
            public readonly List<string> ParentCandidates = [];
            public HashSet<string> Members = new(StringComparer.OrdinalIgnoreCase);
        }

        public void PlanPeople()
        {
            _people = _stage.UsersFull ? [] : new Dictionary<string, Person>(_mirrorPeople);
            foreach (var u in _stage.Users.Values)
            {
                if (_localPeople.ContainsKey(u.Id))
                {
                    _findings.Add(new(SyncFindingKinds.IdCollision, u.Id, $"Entra user {u.Id} has the id of a local person; the local person is kept and the user is not mirrored."));
                    continue;
                }
                if (u.Removed) { _people.Remove(u.Id); continue; }
                _mirrorPeople.TryGetValue(u.Id, out var existing);
                // In a full read every selected field is present; a field Graph left out of a delta item kept its value.
                var full = _stage.UsersFull || existing is null;
                string? Pick(UserField field, string? staged, string? old) => u.Has(field) ? staged : full ? null : old;
                var upn = Pick(UserField.UserPrincipalName, u.UserPrincipalName, existing?.UserPrincipalName);
                _people[u.Id] = new Person(
                    u.Id,
                    Pick(UserField.DisplayName, u.DisplayName, existing?.DisplayName) is { Length: > 0 } name ? name : upn ?? u.Id,
                    Pick(UserField.Mail, u.Mail, existing?.Mail),
                    Pick(UserField.JobTitle, u.JobTitle, existing?.JobTitle),
                    Pick(UserField.Department, u.Department, existing?.Department),
                    existing?.ManagerId,
                    existing?.RoleId,
                    u.Has(UserField.AccountEnabled) ? u.AccountEnabled ?? true : full || existing!.AccountEnabled,
                    upn,
                    Pick(UserField.EmployeeId, u.EmployeeId, existing?.EmployeeId),
                    Pick(UserField.EmployeeType, u.EmployeeType, existing?.EmployeeType),
                    Pick(UserField.OfficeLocation, u.OfficeLocation, existing?.OfficeLocation),
                    RecordSource.Entra);
            }
        }

        public void ResolveManagers()
        {
            foreach (var id in _people.Keys.ToList())
            {
                var person = _people[id];
                _stage.Users.TryGetValue(id, out var staged);
                string? wanted = staged?.ManagerChange switch
                {
                    ManagerChange.Set => staged.ManagerId,
                    ManagerChange.Cleared => null,
                    // A full read lists the manager of everyone who has one; no manager@delta there means none.
                    _ when staged is not null && (_stage.UsersFull || !_mirrorPeople.ContainsKey(id)) => null,
                    _ => input.PendingManagers.GetValueOrDefault(id) ?? person.ManagerId,
                };
                wanted = KeepLocalManager(id, staged, wanted);
                string? managerId = null;
                if (wanted is not null && (_people.ContainsKey(wanted) || _localPeople.ContainsKey(wanted)) && wanted != id)
                    managerId = wanted;
                else if (wanted is not null)
                {
                    // Keep the person, leave the line blank, and remember whom Entra names, so a later run links them.
                    _pending[id] = wanted;
                    _findings.Add(new(SyncFindingKinds.MissingManager, id,
                        $"{person.DisplayName}'s manager {wanted} is not in the directory mirror; the reporting line is left empty until they are."));
                }
                if (managerId != person.ManagerId) _people[id] = person with { ManagerId = managerId };
            }
            BreakReportingCycles();
        }

        /// <summary>
        /// A manager decided locally (an applied scenario) stays until Entra names the same one; Entra has spoken when
        /// this run read the user's manager (a full read, or a manager change in a delta).
        /// </summary>
        private string? KeepLocalManager(string id, StagedUser? staged, string? entra)
        {
            if (input.Overrides.Get(OverrideKinds.Manager, id) is not { } local) return entra;
            var said = staged is not null && (_stage.UsersFull || staged.ManagerChange != ManagerChange.Unchanged);
            if (!said || entra != local.Value) return local.Value;
            _state[local.Key] = null;
            return entra;
        }

        /// <summary>
        /// Team names, members and removals decided locally stay until Entra shows the same: a full read, or a delta
        /// that carries the group's name, its complete member list or its removal. Department teams are computed whole
        /// every run, so what the directory says about them is always known.
        /// </summary>
        public void KeepLocalTeamDecisions()
        {
            var full = !_options.UsesGroups || _stage.GroupsFull;
            foreach (var local in input.Overrides.All.Values)
            {
                var staged = _options.UsesGroups ? _stage.Groups.GetValueOrDefault(local.Id) : null;
                var gone = full || staged is { Removed: true };
                switch (local.Kind)
                {
                    case OverrideKinds.TeamRemoved:
                        if (!_teams.Remove(local.Id) && gone) _state[local.Key] = null;
                        break;
                    case OverrideKinds.TeamName or OverrideKinds.TeamMembers when !_teams.ContainsKey(local.Id):
                        // Entra removed the team since: nothing is left to keep.
                        if (gone) _state[local.Key] = null;
                        break;
                    case OverrideKinds.TeamName:
                        var named = _teams[local.Id];
                        if ((full || staged is { HasDisplayName: true }) && named.Name == local.Value) _state[local.Key] = null;
                        else named.Name = local.Value ?? named.Name;
                        break;
                    case OverrideKinds.TeamMembers:
                        var team = _teams[local.Id];
                        var keep = local.MemberIds().ToHashSet(StringComparer.OrdinalIgnoreCase);
                        if ((full || staged is { MembersComplete: true }) && team.Members.SetEquals(keep)) _state[local.Key] = null;
                        else team.Members = keep;
                        break;
                }
            }
            // A person who left the directory takes their manager override along.
            foreach (var local in input.Overrides.All.Values.Where(o => o.Kind == OverrideKinds.Manager && !_people.ContainsKey(o.Id)))
                _state[local.Key] = null;
        }

        private void BreakReportingCycles()
        {
            string? ManagerOf(string id) => _people.TryGetValue(id, out var p) ? p.ManagerId : _localPeople.GetValueOrDefault(id)?.ManagerId;
            var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = done
            foreach (var start in _people.Keys.Order(StringComparer.Ordinal).ToList())
            {
                var path = new List<string>();
                var id = start;
                while (id is not null && !state.ContainsKey(id))
                {
                    state[id] = 1;
                    path.Add(id);
                    id = ManagerOf(id);
                }
                if (id is not null && state[id] == 1)
                {
                    var cycle = path.Skip(path.IndexOf(id)).ToList();
                    var cut = cycle.Where(_people.ContainsKey).Order(StringComparer.Ordinal).FirstOrDefault();
                    if (cut is not null)
                    {
                        var person = _people[cut];
                        _pending[cut] = person.ManagerId!;
                        _people[cut] = person with { ManagerId = null };
                        _findings.Add(new(SyncFindingKinds.ReportingCycle, cut,
                            $"Entra's managers form a cycle ({string.Join(" → ", cycle.Select(Name))}); {person.DisplayName}'s line to {person.ManagerId} is left empty."));
                    }
                }
                foreach (var visited in path) state[visited] = 2;
            }
        }

        private string Name(string personId) =>
            _people.GetValueOrDefault(personId)?.DisplayName ?? _localPeople.GetValueOrDefault(personId)?.DisplayName ?? personId;

        public void PlanGroupTeams()
        {
            _teams = [];
            if (!_stage.GroupsFull)
                foreach (var team in _mirrorTeams.Values.Where(t => !t.Id.StartsWith(DepartmentTeamPrefix, StringComparison.Ordinal)))
                    _teams[team.Id] = Draft(team);

            foreach (var g in _stage.Groups.Values)
            {
                if (g.Ignored) continue;
                if (_localTeams.ContainsKey(g.Id))
                {
                    _findings.Add(new(SyncFindingKinds.IdCollision, g.Id, $"Entra group {g.Id} has the id of a local team; the local team is kept."));
                    continue;
                }
                var isTeam = !g.Removed && (_options.IsTeamGroup(g.Id, g.HasDisplayName ? g.DisplayName ?? "" : null) ?? _mirrorTeams.ContainsKey(g.Id));
                if (!isTeam) { _teams.Remove(g.Id); continue; }

                if (!_teams.TryGetValue(g.Id, out var draft))
                {
                    _mirrorTeams.TryGetValue(g.Id, out var existing);
                    draft = existing is null || _stage.GroupsFull
                        ? new TeamDraft { Id = g.Id, Name = existing?.Name ?? g.Id, Description = existing?.Description }
                        : Draft(existing);
                    if (existing is not null && _stage.GroupsFull) draft.ParentId = LocalParentOrNull(existing.ParentId);
                    _teams[g.Id] = draft;
                }
                if (g.HasDisplayName) draft.Name = _options.TeamName(g.DisplayName ?? g.Id);
                if (g.HasDescription) draft.Description = g.Description;
                if (g.MembersComplete) draft.Members.Clear();
                foreach (var (memberId, present) in g.UserMembers ?? [])
                    if (present) draft.Members.Add(memberId); else draft.Members.Remove(memberId);
            }

            // Nesting: a team group that is a member of another team group sits under it (Team.ParentId).
            foreach (var g in _stage.Groups.Values.Where(g => !g.Ignored && !g.Removed && _teams.ContainsKey(g.Id)))
                foreach (var (childId, present) in g.GroupMembers ?? [])
                {
                    if (!_teams.TryGetValue(childId, out var child)) continue;
                    if (present) child.ParentCandidates.Add(g.Id);
                    else if (child.ParentId == g.Id) { child.ParentId = null; child.ParentFromEntra = false; }
                }
            foreach (var (childId, parents) in _stage.ExtraParents)
                if (_teams.TryGetValue(childId, out var child))
                    child.ParentCandidates.AddRange(parents);
        }

        private TeamDraft Draft(Team team) => new()
        {
            Id = team.Id,
            Name = team.Name,
            Description = team.Description,
            ParentId = team.ParentId,
            ParentFromEntra = team.ParentId is not null && _mirrorTeams.ContainsKey(team.ParentId),
            Members = team.Members.Where(m => !_localPeople.ContainsKey(m.PersonId)).Select(m => m.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase),
        };

        /// <summary>A parent an admin set locally (a local unit above a synced team) is kept; Entra nesting wins over it.</summary>
        private string? LocalParentOrNull(string? parentId) => parentId is not null && _localTeams.ContainsKey(parentId) ? parentId : null;

        public void PlanDepartmentTeams()
        {
            _teams = [];
            foreach (var person in _people.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                if (person.Department?.Trim() is not { Length: > 0 } department) continue;
                var id = DepartmentTeamPrefix + department.ToLowerInvariant();
                if (!_teams.TryGetValue(id, out var draft))
                {
                    _mirrorTeams.TryGetValue(id, out var existing);
                    _teams[id] = draft = new TeamDraft
                    {
                        Id = id, Name = department, Description = existing?.Description,
                        // Departments carry no hierarchy: whatever parent an admin gave the team stays.
                        ParentId = existing?.ParentId is { } parent && (_localTeams.ContainsKey(parent) || parent.StartsWith(DepartmentTeamPrefix, StringComparison.Ordinal)) ? parent : null,
                    };
                }
                draft.Members.Add(person.Id);
            }
        }

        public void ResolveTeamParents()
        {
            foreach (var team in _teams.Values)
            {
                if (team.ParentId is { } parent && !_teams.ContainsKey(parent) && !_localTeams.ContainsKey(parent))
                {
                    team.ParentId = null;
                    team.ParentFromEntra = false;
                }
                var candidates = team.ParentCandidates.Where(c => _teams.ContainsKey(c) && c != team.Id).Distinct(StringComparer.OrdinalIgnoreCase)
                    .Order(StringComparer.Ordinal).ToList();
                if (candidates.Count == 0) continue;
                if (!(team.ParentFromEntra && team.ParentId is not null))
                {
                    team.ParentId = candidates[0];
                    team.ParentFromEntra = true;
                }
                if (candidates.Count > 1 || (candidates.Count == 1 && candidates[0] != team.ParentId))
                    _findings.Add(new(SyncFindingKinds.TeamInSeveralParents, team.Id,
                        $"Team {team.Name} is nested in several team groups ({string.Join(", ", candidates.Select(TeamName))}); it is placed under {TeamName(team.ParentId!)}."));
            }

            // Entra does not forbid cyclic nesting; the team hierarchy must be a tree.
            var done = new HashSet<string>();
            foreach (var start in _teams.Keys.Order(StringComparer.Ordinal).ToList())
            {
                var path = new List<string>();
                var onPath = new HashSet<string>();
                var id = start;
                while (id is not null && !done.Contains(id) && onPath.Add(id))
                {
                    path.Add(id);
                    id = _teams.TryGetValue(id, out var t) ? t.ParentId : _localTeams.GetValueOrDefault(id)?.ParentId;
                }
                if (id is not null && onPath.Contains(id))
                {
                    var cycle = path.Skip(path.IndexOf(id)).ToList();
                    var cut = cycle.Where(_teams.ContainsKey).Order(StringComparer.Ordinal).First();
                    _findings.Add(new(SyncFindingKinds.TeamHierarchyCycle, cut,
                        $"Team groups are nested in a cycle ({string.Join(" → ", cycle.Select(TeamName))}); {TeamName(cut)} is placed at the top."));
                    _teams[cut].ParentId = null;
                }
                done.UnionWith(path);
            }
        }

        private string TeamName(string id) => _teams.GetValueOrDefault(id)?.Name ?? _localTeams.GetValueOrDefault(id)?.Name ?? id;

        private Dictionary<string, Team> _newTeams = [];

        public void PlanMemberships()
        {
            // A person in k synced teams spends 1/k in each, unless an admin decided otherwise locally.
            var teamCount = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var team in _teams.Values)
            {
                team.Members.RemoveWhere(id => !_people.ContainsKey(id));
                foreach (var member in team.Members) teamCount[member] = teamCount.GetValueOrDefault(member) + 1;
            }
            _newTeams = [];
            foreach (var draft in _teams.Values)
            {
                _mirrorTeams.TryGetValue(draft.Id, out var existing);
                var members = draft.Members
                    .Select(id => new Membership(id, input.AllocationOverrides.TryGetValue((id, draft.Id), out var a) ? a : 1.0 / teamCount[id]))
                    // Local people someone added to a synced team stay, with the allocation they were given.
                    .Concat(existing?.Members.Where(m => _localPeople.ContainsKey(m.PersonId)) ?? [])
                    .OrderBy(m => m.PersonId, StringComparer.Ordinal)
                    .ToList();
                var lead = existing?.LeadId is { } l && (_people.ContainsKey(l) || _localPeople.ContainsKey(l)) ? l : null;
                _newTeams[draft.Id] = new Team(draft.Id, draft.Name, draft.ParentId, lead, existing?.Type, members, draft.Description, RecordSource.Entra);
            }
        }

        public MirrorPlan Finish()
        {
            var counts = new SyncCounts();
            var upsertPeople = new List<Person>();
            var upsertTeams = new List<Team>();

            foreach (var person in _people.Values)
            {
                if (!_mirrorPeople.TryGetValue(person.Id, out var old)) { upsertPeople.Add(person); counts = counts with { PeopleAdded = counts.PeopleAdded + 1 }; }
                else if (old != person) { upsertPeople.Add(person); counts = counts with { PeopleUpdated = counts.PeopleUpdated + 1 }; }
            }
            var deletePeople = _mirrorPeople.Keys.Where(id => !_people.ContainsKey(id)).ToList();
            counts = counts with { PeopleRemoved = deletePeople.Count };

            int added = 0, removed = 0;
            foreach (var team in _newTeams.Values)
            {
                _mirrorTeams.TryGetValue(team.Id, out var old);
                var before = old?.Members.Select(m => m.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
                var after = team.Members.Select(m => m.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase);
                added += after.Count(id => !before.Contains(id));
                removed += before.Count(id => !after.Contains(id) && _people.ContainsKey(id));
                if (old is null) { upsertTeams.Add(team); counts = counts with { TeamsAdded = counts.TeamsAdded + 1 }; }
                else if (!SameTeam(old, team)) { upsertTeams.Add(team); counts = counts with { TeamsUpdated = counts.TeamsUpdated + 1 }; }
            }
            var deleteTeams = _mirrorTeams.Keys.Where(id => !_newTeams.ContainsKey(id)).ToList();
            var deletedTeamSet = deleteTeams.ToHashSet();
            counts = counts with { TeamsRemoved = deleteTeams.Count, MembershipsAdded = added, MembershipsRemoved = removed };

            // Ownership of a team that leaves the mirror is kept aside, not lost; it comes back if the team does.
            var setAside = 0;
            foreach (var teamId in deleteTeams)
            {
                var edges = _current.Ownership.Where(o => o.TeamId == teamId).Select(o => new SetAsideEdge(o.TargetId, o.Kind.ToText())).ToList();
                if (edges.Count == 0) continue;
                var team = _mirrorTeams[teamId];
                _state[SyncStateKeys.SetAsideOwnershipPrefix + teamId] = new SetAsideOwnership(teamId, team.Name, input.Now, input.RunId, edges).ToJson();
                setAside += edges.Count;
                _findings.Add(new(SyncFindingKinds.OwnershipSetAside, teamId,
                    $"Team {team.Name} left the directory; its {edges.Count} ownership edge(s) ({string.Join(", ", edges.Select(e => $"{e.Kind} {e.TargetId}"))}) are kept aside for reassignment."));
            }
            var targets = _current.Journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Append(j.Id)).ToHashSet();
            var existingEdges = _current.Ownership.Select(o => (o.TeamId, o.TargetId)).ToHashSet();
            var restored = new List<Ownership>();
            foreach (var (teamId, aside) in input.SetAside)
            {
                if (!_newTeams.ContainsKey(teamId) || deletedTeamSet.Contains(teamId)) continue;
                foreach (var edge in aside.Edges)
                    if (targets.Contains(edge.TargetId) && !existingEdges.Contains((teamId, edge.TargetId)) && OwnershipKinds.TryParse(edge.Kind, out var kind))
                        restored.Add(new Ownership(teamId, edge.TargetId, kind));
                _state[SyncStateKeys.SetAsideOwnershipPrefix + teamId] = null;
                _findings.Add(new(SyncFindingKinds.OwnershipRestored, teamId,
                    $"Team {_newTeams[teamId].Name} is back in the directory; {aside.Edges.Count} set-aside ownership edge(s) were restored."));
            }
            counts = counts with { OwnershipSetAside = setAside, OwnershipRestored = restored.Count };

            // References from local records into removed mirror records would dangle: clear them, and say so.
            var deletedPeople = deletePeople.ToHashSet();
            var localPeopleChanged = new List<Person>();
            foreach (var person in _localPeople.Values.Where(p => p.ManagerId is not null && deletedPeople.Contains(p.ManagerId)))
            {
                localPeopleChanged.Add(person with { ManagerId = null });
                _findings.Add(new(SyncFindingKinds.LocalReferenceCleared, person.Id,
                    $"Local person {person.DisplayName} reported to {person.ManagerId}, who left the directory; the line was cleared."));
            }
            var localTeamsChanged = new List<Team>();
            foreach (var team in _localTeams.Values)
            {
                var lead = team.LeadId is { } l && deletedPeople.Contains(l) ? null : team.LeadId;
                var parent = team.ParentId is { } pt && deletedTeamSet.Contains(pt) ? null : team.ParentId;
                if (lead == team.LeadId && parent == team.ParentId) continue;
                localTeamsChanged.Add(team with
                {
                    LeadId = lead, ParentId = parent,
                    Members = team.Members.Where(m => !deletedPeople.Contains(m.PersonId)).ToList(),
                });
                _findings.Add(new(SyncFindingKinds.LocalReferenceCleared, team.Id,
                    $"Local team {team.Name}: {(lead != team.LeadId ? $"lead {team.LeadId} left the directory" : $"parent team {team.ParentId} left the directory")}; the reference was cleared."));
            }

            foreach (var (id, managerId) in _pending)
                if (input.PendingManagers.GetValueOrDefault(id) != managerId) _state[SyncStateKeys.PendingManagerPrefix + id] = managerId;
            foreach (var id in input.PendingManagers.Keys.Where(id => !_pending.ContainsKey(id)))
                _state[SyncStateKeys.PendingManagerPrefix + id] = null;

            var changes = new WorkspaceChangeSet
            {
                UpsertPeople = [.. upsertPeople, .. localPeopleChanged],
                DeletePeople = deletePeople,
                UpsertTeams = [.. upsertTeams, .. localTeamsChanged],
                DeleteTeams = deleteTeams,
                UpsertOwnership = restored,
            };

            var result = Result(localPeopleChanged, localTeamsChanged, deletedPeople, deletedTeamSet, restored);
            return new MirrorPlan(changes, _state, counts, _findings, result);
        }

        private Workspace Result(List<Person> localPeopleChanged, List<Team> localTeamsChanged, HashSet<string> deletedPeople,
            HashSet<string> deletedTeams, List<Ownership> restored)
        {
            var changedPeople = localPeopleChanged.ToDictionary(p => p.Id);
            var changedTeams = localTeamsChanged.ToDictionary(t => t.Id);
            var people = _current.People.Where(p => p.Source != RecordSource.Entra).Select(p => changedPeople.GetValueOrDefault(p.Id) ?? p)
                .Concat(_people.Values).ToList();
            var teams = _current.Teams.Where(t => t.Source != RecordSource.Entra)
                .Select(t => changedTeams.GetValueOrDefault(t.Id) ?? t)
                .Select(t => t.Members.Any(m => deletedPeople.Contains(m.PersonId)) ? t with { Members = t.Members.Where(m => !deletedPeople.Contains(m.PersonId)).ToList() } : t)
                .Concat(_newTeams.Values).ToList();
            var ownership = _current.Ownership.Where(o => !deletedTeams.Contains(o.TeamId)).Concat(restored).ToList();
            return _current with { People = people, Teams = teams, Ownership = ownership };
        }
    }

    /// <summary>Value comparison of two teams, including the member list (records compare lists by reference).</summary>
    public static bool SameTeam(Team a, Team b) =>
        a.Id == b.Id && a.Name == b.Name && a.ParentId == b.ParentId && a.LeadId == b.LeadId && a.Type == b.Type
        && a.Description == b.Description && a.Source == b.Source && a.Members.OrderBy(m => m.PersonId, StringComparer.Ordinal)
            .SequenceEqual(b.Members.OrderBy(m => m.PersonId, StringComparer.Ordinal));
}
