using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Scenarios;

/// <summary>
/// The change set that turns today's organisation into the one a scenario produces, so that applying a scenario goes
/// through the same store write (<see cref="IWorkspaceStore.ApplyAsync"/>) as every other edit. Only people, teams,
/// roles and ownership can differ: a scenario never touches journeys or metrics.
/// </summary>
public static class ScenarioChanges
{
    /// <summary>Upserts for every record that differs in <paramref name="after"/>, deletes for every record it no longer has.</summary>
    /// <remarks>A simulation keeps unchanged records as the very same objects, so at 100,000 people most checks are a reference compare.</remarks>
    public static WorkspaceChangeSet Between(Workspace before, Workspace after)
    {
        var people = Compare(before.People, after.People, p => p.Id, (a, b) => a == b);
        var teams = Compare(before.Teams, after.Teams, t => t.Id, SameTeam);
        var roles = Compare(before.Roles, after.Roles, r => r.Id, (a, b) => a == b);

        var edgesBefore = before.Ownership.ToDictionary(o => new OwnershipKey(o.TeamId, o.TargetId));
        var edgesAfter = after.Ownership.ToDictionary(o => new OwnershipKey(o.TeamId, o.TargetId));
        var deletedTeams = teams.Deletes.ToHashSet(StringComparer.Ordinal);
        return new WorkspaceChangeSet
        {
            UpsertPeople = people.Upserts,
            DeletePeople = people.Deletes,
            UpsertTeams = teams.Upserts,
            DeleteTeams = teams.Deletes,
            UpsertRoles = roles.Upserts,
            DeleteRoles = roles.Deletes,
            UpsertOwnership = after.Ownership.Where(o => !edgesBefore.TryGetValue(new OwnershipKey(o.TeamId, o.TargetId), out var was) || was.Kind != o.Kind).ToList(),
            // A deleted team's edges go with it; listing them again would only lengthen the audit entry.
            DeleteOwnership = edgesBefore.Keys.Where(k => !edgesAfter.ContainsKey(k) && !deletedTeams.Contains(k.TeamId)).ToList(),
        };
    }

    private static (IReadOnlyList<T> Upserts, IReadOnlyList<string> Deletes) Compare<T>(
        IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> id, Func<T, T, bool> same) where T : class
    {
        if (ReferenceEquals(before, after)) return ([], []);
        var old = new Dictionary<string, T>(before.Count, StringComparer.Ordinal);
        foreach (var item in before) old[id(item)] = item;
        var upserts = new List<T>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in after)
        {
            var key = id(item);
            kept.Add(key);
            if (!old.TryGetValue(key, out var was) || !(ReferenceEquals(was, item) || same(was, item))) upserts.Add(item);
        }
        return (upserts, before.Select(id).Where(k => !kept.Contains(k)).ToList());
    }

    private static bool SameTeam(Team a, Team b) =>
        a with { Members = b.Members } == b && a.Members.SequenceEqual(b.Members);
}
