using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Scenarios;

/// <summary>A planned, unfilled position added by a scenario; it counts in planned FTE, never in FTE.</summary>
public sealed record Opening(string TeamId, string RoleId, int Count, double Allocation)
{
    /// <summary>The FTE this opening plans: count × allocation.</summary>
    public double Fte => Count * Allocation;
}

/// <summary>
/// The org as a scenario reshapes it, operation by operation. It copies only what operations touch (the team
/// list, the ownership list, changed people), so applying a few edits to a 100,000-person baseline stays cheap,
/// and it never writes to the baseline.
/// </summary>
internal sealed class ScenarioState
{
    private readonly AlignmentBaseline _baseline;
    private readonly List<Team?> _teams;
    private readonly Dictionary<string, int> _teamPosition;
    private readonly Dictionary<int, Person> _changedPeople = [];
    private readonly HashSet<string> _roleIds;
    private readonly HashSet<string> _metricIds;
    // Insights, opportunities and solutions: ids a scenario never creates, but which a new team or person must not reuse (SPEC §4).
    private readonly HashSet<string> _journeyManagementIds;
    private List<Ownership>? _ownership;
    private List<Role>? _roles;
    private bool _teamsChanged;

    public ScenarioState(AlignmentBaseline baseline)
    {
        _baseline = baseline;
        var ws = baseline.Workspace;
        _teams = new List<Team?>(ws.Teams.Count + 8);
        _teamPosition = new Dictionary<string, int>(ws.Teams.Count, StringComparer.Ordinal);
        foreach (var team in ws.Teams) AddTeamInternal(team);
        _teamsChanged = false;
        _roleIds = new HashSet<string>(ws.Roles.Select(r => r.Id), StringComparer.Ordinal);
        _metricIds = new HashSet<string>(ws.Metrics.Select(m => m.Id), StringComparer.Ordinal);
        _journeyManagementIds = new HashSet<string>(
            ws.Insights.Select(i => i.Id).Concat(ws.Opportunities.Select(o => o.Id)).Concat(ws.Solutions.Select(x => x.Id)), StringComparer.Ordinal);
    }

    public List<Opening> Openings { get; } = [];

    private List<Ownership> OwnershipList => _ownership ??= [.. _baseline.Workspace.Ownership];

    /// <summary>The workspace the operations so far produced. Journeys and metrics are the baseline's own lists.</summary>
    public Workspace ToWorkspace()
    {
        var ws = _baseline.Workspace;
        IReadOnlyList<Person> people = ws.People;
        if (_changedPeople.Count > 0)
        {
            var copy = new Person[ws.People.Count];
            for (var i = 0; i < copy.Length; i++) copy[i] = _changedPeople.TryGetValue(i, out var p) ? p : ws.People[i];
            people = copy;
        }
        IReadOnlyList<Team> teams = _teamsChanged ? _teams.Where(t => t is not null).ToArray()! : ws.Teams;
        return ws with
        {
            People = people,
            Teams = teams,
            Roles = _roles is null ? ws.Roles : _roles.ToArray(),
            Ownership = _ownership is null ? ws.Ownership : _ownership.ToArray(),
        };
    }

    /// <summary>Validates <paramref name="operation"/> against the current state and applies it; returns why not when invalid.</summary>
    public ScenarioError? Apply(int index, ScenarioOperation operation)
    {
        var failure = operation switch
        {
            CreateTeam o => CreateTeam(o),
            RenameTeam o => RequireTeam(o.TeamId, "teamId", out var team) ?? Set(team! with { Name = o.Name }),
            MoveTeam o => MoveTeam(o),
            MergeTeams o => MergeTeams(o),
            SplitTeam o => SplitTeam(o),
            DeleteTeam o => DeleteTeam(o),
            MovePerson o => MovePerson(o),
            SetManager o => SetManager(o),
            SetTeamLead o => RequireTeam(o.TeamId, "teamId", out var team) ?? RequirePerson(o.PersonId, "personId", out _)
                ?? Set(team! with { LeadId = o.PersonId }),
            AssignOwnership o => AssignOwnership(o),
            RemoveOwnership o => RemoveOwnership(o),
            TransferOwnership o => TransferOwnership(o),
            CreateRole o => CreateRole(o),
            AddOpening o => AddOpening(o),
            AssignRole o => AssignRole(o),
            _ => Fail("op", "unknown operation"),
        };
        return failure is null ? null : new ScenarioError(index, operation.Op, failure.Field, failure.Reason);
    }

    /// <summary>Why an operation is invalid; each operation reads as a chain of checks that returns the first one.</summary>
    private sealed record Problem(string Field, string Reason);

    private static Problem Fail(string field, string reason) => new(field, reason);

    private Problem? RequireTeam(string id, string field, out Team? team)
    {
        team = _teamPosition.TryGetValue(id, out var position) ? _teams[position] : null;
        return team is null ? Fail(field, $"team '{id}' does not exist") : null;
    }

    private Problem? RequirePerson(string id, string field, out int index) =>
        _baseline.PersonIndex.TryGetValue(id, out index) ? null : Fail(field, $"person '{id}' does not exist");

    private Problem? RequireRole(string id, string field) =>
        _roleIds.Contains(id) ? null : Fail(field, $"role '{id}' does not exist");

    private Problem? RequireUnused(string id, string field) =>
        _baseline.Map.KindOf(id) is not null || _baseline.PersonIndex.ContainsKey(id) || _teamPosition.ContainsKey(id)
        || _roleIds.Contains(id) || _metricIds.Contains(id) || _journeyManagementIds.Contains(id)
            ? Fail(field, $"id '{id}' is already used in the workspace")
            : null;

    private Person PersonAt(int index) =>
        _changedPeople.TryGetValue(index, out var p) ? p : _baseline.Workspace.People[index];

    private Problem? Set(Team team)
    {
        _teams[_teamPosition[team.Id]] = team;
        _teamsChanged = true;
        return null;
    }

    private void AddTeamInternal(Team team)
    {
        _teamPosition[team.Id] = _teams.Count;
        _teams.Add(team);
        _teamsChanged = true;
    }

    private void RemoveTeam(string id)
    {
        _teams[_teamPosition[id]] = null;
        _teamPosition.Remove(id);
        _teamsChanged = true;
    }

    private IEnumerable<Team> Teams => _teams.Where(t => t is not null)!;

    /// <summary>The teams as they stand now (for generating scenarios that stay valid).</summary>
    internal IEnumerable<Team> CurrentTeams => Teams;

    /// <summary>The OWNS edges as they stand now.</summary>
    internal IReadOnlyList<Ownership> CurrentOwnership => (IReadOnlyList<Ownership>?)_ownership ?? _baseline.Workspace.Ownership;

    /// <summary>Whether <paramref name="teamId"/> is <paramref name="ancestorId"/> or lies below it.</summary>
    private bool IsWithin(string teamId, string ancestorId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = teamId; current is not null && seen.Add(current);)
        {
            if (current == ancestorId) return true;
            current = _teamPosition.TryGetValue(current, out var p) ? _teams[p]!.ParentId : null;
        }
        return false;
    }

    private void ReparentChildren(string oldParentId, string? newParentId, string? except = null)
    {
        foreach (var child in Teams.Where(t => t.ParentId == oldParentId && t.Id != except).ToList())
            Set(child with { ParentId = newParentId });
    }

    private Problem? CreateTeam(CreateTeam o)
    {
        if (RequireUnused(o.TeamId, "teamId") is { } unused) return unused;
        if (o.ParentId is not null && RequireTeam(o.ParentId, "parentId", out _) is { } parent) return parent;
        AddTeamInternal(new Team(o.TeamId, o.Name, o.ParentId, null, o.Type, []));
        return null;
    }

    private Problem? MoveTeam(MoveTeam o)
    {
        if (RequireTeam(o.TeamId, "teamId", out var team) is { } missing) return missing;
        if (o.ParentId is not null)
        {
            if (RequireTeam(o.ParentId, "parentId", out _) is { } parent) return parent;
            if (IsWithin(o.ParentId, o.TeamId))
                return Fail("parentId", $"moving team '{o.TeamId}' under '{o.ParentId}' would create a cycle (a team cannot sit inside its own subtree)");
        }
        return Set(team! with { ParentId = o.ParentId });
    }

    private Problem? MergeTeams(MergeTeams o)
    {
        if (RequireTeam(o.SourceTeamId, "sourceTeamId", out var source) is { } a) return a;
        if (RequireTeam(o.TargetTeamId, "targetTeamId", out var target) is { } b) return b;
        if (o.SourceTeamId == o.TargetTeamId) return Fail("targetTeamId", "a team cannot be merged into itself");

        var members = new List<Membership>(target!.Members);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++) position.TryAdd(members[i].PersonId, i);
        foreach (var m in source!.Members)
        {
            if (position.TryGetValue(m.PersonId, out var i))
                members[i] = members[i] with { Allocation = Math.Min(1.0, members[i].Allocation + m.Allocation) };
            else
            {
                position[m.PersonId] = members.Count;
                members.Add(m);
            }
        }
        // A target inside the source's subtree first takes the source's place, so reparenting makes no cycle.
        var targetParent = IsWithin(target.ParentId ?? "", source.Id) ? source.ParentId : target.ParentId;
        Set(target with { Members = members, ParentId = targetParent });
        ReparentChildren(source.Id, target.Id, except: target.Id);

        var own = OwnershipList;
        for (var i = 0; i < own.Count; i++)
        {
            if (own[i].TeamId != source.Id) continue;
            var existing = own.FindIndex(e => e.TeamId == target.Id && e.TargetId == own[i].TargetId);
            if (existing < 0) { own[i] = own[i] with { TeamId = target.Id }; continue; }
            if (own[i].Kind == OwnershipKind.Accountable) own[existing] = own[existing] with { Kind = OwnershipKind.Accountable };
            own.RemoveAt(i--);
        }
        RemoveTeam(source.Id);
        return null;
    }

    private Problem? SplitTeam(SplitTeam o)
    {
        if (RequireTeam(o.TeamId, "teamId", out var team) is { } missing) return missing;
        if (RequireUnused(o.NewTeamId, "newTeamId") is { } used) return used;
        var memberIds = new HashSet<string>(o.MemberIds, StringComparer.Ordinal);
        foreach (var id in o.MemberIds)
            if (!team!.Members.Any(m => m.PersonId == id))
                return Fail("memberIds", $"person '{id}' is not a member of team '{o.TeamId}'");
        var targetIds = new HashSet<string>(o.TargetIds, StringComparer.Ordinal);
        var own = OwnershipList;
        foreach (var id in o.TargetIds)
            if (!own.Any(e => e.TeamId == o.TeamId && e.TargetId == id))
                return Fail("targetIds", $"team '{o.TeamId}' has no ownership of '{id}'");

        Set(team! with { Members = team.Members.Where(m => !memberIds.Contains(m.PersonId)).ToArray() });
        AddTeamInternal(new Team(o.NewTeamId, o.Name, team.ParentId, null, team.Type,
            team.Members.Where(m => memberIds.Contains(m.PersonId)).ToArray()));
        for (var i = 0; i < own.Count; i++)
            if (own[i].TeamId == o.TeamId && targetIds.Contains(own[i].TargetId))
                own[i] = own[i] with { TeamId = o.NewTeamId };
        return null;
    }

    private Problem? DeleteTeam(DeleteTeam o)
    {
        if (RequireTeam(o.TeamId, "teamId", out var team) is { } missing) return missing;
        ReparentChildren(team!.Id, team.ParentId);
        OwnershipList.RemoveAll(e => e.TeamId == team.Id);
        RemoveTeam(team.Id);
        return null;
    }

    private Problem? MovePerson(MovePerson o)
    {
        if (RequirePerson(o.PersonId, "personId", out _) is { } person) return person;
        if (RequireTeam(o.ToTeamId, "toTeamId", out _) is { } toMissing) return toMissing;
        var allocation = o.Allocation ?? 1.0;
        if (o.FromTeamId is not null)
        {
            if (RequireTeam(o.FromTeamId, "fromTeamId", out var source) is { } missing) return missing;
            var membership = source!.Members.FirstOrDefault(m => m.PersonId == o.PersonId);
            if (membership is null) return Fail("fromTeamId", $"person '{o.PersonId}' is not a member of team '{o.FromTeamId}'");
            allocation = o.Allocation ?? membership.Allocation;
            Set(source with { Members = source.Members.Where(m => m.PersonId != o.PersonId).ToArray() });
        }
        else
        {
            foreach (var team in Teams.Where(t => t.Members.Any(m => m.PersonId == o.PersonId)).ToList())
                Set(team with { Members = team.Members.Where(m => m.PersonId != o.PersonId).ToArray() });
        }
        RequireTeam(o.ToTeamId, "toTeamId", out var target);
        Set(target! with { Members = [.. target.Members.Where(m => m.PersonId != o.PersonId), new Membership(o.PersonId, allocation)] });
        return null;
    }

    private Problem? SetManager(SetManager o)
    {
        if (RequirePerson(o.PersonId, "personId", out var index) is { } person) return person;
        if (o.ManagerId is not null)
        {
            if (RequirePerson(o.ManagerId, "managerId", out var managerIndex) is { } manager) return manager;
            if (o.ManagerId == o.PersonId) return Fail("managerId", "a person cannot be their own manager");
            var seen = new HashSet<int>();
            for (int? current = managerIndex; current is { } c && seen.Add(c);)
            {
                if (c == index) return Fail("managerId", $"'{o.ManagerId}' reports to '{o.PersonId}' already, so this would create a reporting cycle");
                current = PersonAt(c).ManagerId is { } next && _baseline.PersonIndex.TryGetValue(next, out var n) ? n : null;
            }
        }
        _changedPeople[index] = PersonAt(index) with { ManagerId = o.ManagerId };
        return null;
    }

    private Problem? AssignOwnership(AssignOwnership o)
    {
        if (RequireTeam(o.TeamId, "teamId", out _) is { } team) return team;
        if (_baseline.Map.KindOf(o.TargetId) is null) return Fail("targetId", $"'{o.TargetId}' is no journey, phase or step");
        var own = OwnershipList;
        var existing = own.FindIndex(e => e.TeamId == o.TeamId && e.TargetId == o.TargetId);
        if (existing >= 0) own[existing] = own[existing] with { Kind = o.Kind };
        else own.Add(new Ownership(o.TeamId, o.TargetId, o.Kind));
        return null;
    }

    private Problem? RemoveOwnership(RemoveOwnership o)
    {
        if (RequireTeam(o.TeamId, "teamId", out _) is { } team) return team;
        if (!OwnershipList.Any(e => e.TeamId == o.TeamId && e.TargetId == o.TargetId))
            return Fail("targetId", $"team '{o.TeamId}' has no ownership of '{o.TargetId}'");
        OwnershipList.RemoveAll(e => e.TeamId == o.TeamId && e.TargetId == o.TargetId);
        return null;
    }

    private Problem? TransferOwnership(TransferOwnership o)
    {
        if (RequireTeam(o.FromTeamId, "fromTeamId", out _) is { } fromMissing) return fromMissing;
        if (RequireTeam(o.ToTeamId, "toTeamId", out _) is { } toMissing) return toMissing;
        if (o.FromTeamId == o.ToTeamId) return Fail("toTeamId", "is the same team as fromTeamId");
        var own = OwnershipList;
        var edge = own.FindIndex(e => e.TeamId == o.FromTeamId && e.TargetId == o.TargetId);
        if (edge < 0) return Fail("targetId", $"team '{o.FromTeamId}' has no ownership of '{o.TargetId}'");
        var existing = own.FindIndex(e => e.TeamId == o.ToTeamId && e.TargetId == o.TargetId);
        if (existing < 0)
        {
            own[edge] = own[edge] with { TeamId = o.ToTeamId };
            return null;
        }
        // The receiving team already has an edge there: keep one, and accountable wins as in a merge.
        if (own[edge].Kind == OwnershipKind.Accountable) own[existing] = own[existing] with { Kind = OwnershipKind.Accountable };
        own.RemoveAt(edge);
        return null;
    }

    private Problem? CreateRole(CreateRole o)
    {
        if (RequireUnused(o.RoleId, "roleId") is { } used) return used;
        (_roles ??= [.. _baseline.Workspace.Roles]).Add(new Role(o.RoleId, o.Title, o.Family, o.Level) { AnnualCost = o.AnnualCost });
        _roleIds.Add(o.RoleId);
        return null;
    }

    private Problem? AddOpening(AddOpening o)
    {
        if (RequireTeam(o.TeamId, "teamId", out _) is { } team) return team;
        if (RequireRole(o.RoleId, "roleId") is { } role) return role;
        Openings.Add(new Opening(o.TeamId, o.RoleId, o.Count, o.Allocation ?? 1.0));
        return null;
    }

    private Problem? AssignRole(AssignRole o)
    {
        if (RequirePerson(o.PersonId, "personId", out var index) is { } person) return person;
        if (RequireRole(o.RoleId, "roleId") is { } role) return role;
        _changedPeople[index] = PersonAt(index) with { RoleId = o.RoleId };
        return null;
    }
}
