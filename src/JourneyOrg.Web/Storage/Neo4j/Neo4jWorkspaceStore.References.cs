using JourneyOrg.Storage;
using static JourneyOrg.Web.Storage.Neo4j.Neo4jCypher;

namespace JourneyOrg.Web.Storage.Neo4j;

/// <summary>
/// The store-side reference rule (<see cref="StoredReferences"/>), checked under the workspace lock before anything is
/// written: a MATCH on a missing node would otherwise just not make the edge, and DETACH DELETE would drop the
/// edges of records that stay.
/// </summary>
public sealed partial class Neo4jWorkspaceStore
{
    private static async Task RefuseDanglingReferencesAsync(WriteTransaction write, WorkspaceChangeSet changes, CancellationToken ct)
    {
        var deleted = StoredReferences.Deleted(changes);
        var deletedJourneys = deleted[ReferenceKind.Journey].ToHashSet(StringComparer.Ordinal);
        var missing = new List<StoredReference>();
        foreach (var group in StoredReferences.ToLookUp(changes).GroupBy(r => r.Kind))
        {
            var ids = group.Select(r => r.Id).Distinct().ToArray();
            (string Name, string Text)[] statements = group.Key switch
            {
                ReferenceKind.Journey => [(nameof(FindJourneys), FindJourneys)],
                ReferenceKind.JourneyPart => [(nameof(FindJourneys), FindJourneys), (nameof(FindPhases), FindPhases), (nameof(FindSteps), FindSteps)],
                ReferenceKind.Person => [(nameof(FindPeople), FindPeople)],
                ReferenceKind.Team => [(nameof(FindTeams), FindTeams)],
                _ => [(nameof(FindRoles), FindRoles)],
            };
            var gone = group.Key is ReferenceKind.Journey or ReferenceKind.JourneyPart ? deletedJourneys : deleted[group.Key].ToHashSet(StringComparer.Ordinal);
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, text) in statements)
                foreach (var row in (await write.QueryAsync(Statement(name, text, ("ids", ids)), ct))[0].Rows)
                    if (!gone.Contains(row[1].GetString()!)) found.Add(row[0].GetString()!);
            missing.AddRange(group.Where(r => !found.Contains(r.Id)));
        }

        var referrers = new List<StoredReference>();
        async Task Referrers(IReadOnlyList<string> gone, string name, string text, Func<string, string, string, StoredReference> describe)
        {
            if (gone.Count == 0) return;
            foreach (var row in (await write.QueryAsync(Statement(name, text, ("ids", gone.ToArray())), ct))[0].Rows)
                referrers.Add(describe(row[0].GetString()!, row[1].GetString() ?? "", row[2].GetString()!));
        }
        await Referrers(deleted[ReferenceKind.Person], nameof(ReportsOfDeleted), ReportsOfDeleted,
            (owner, name, id) => new($"person '{name}' ({owner})", "manager", ReferenceKind.Person, id, owner));
        await Referrers(deleted[ReferenceKind.Person], nameof(TeamsLedByDeleted), TeamsLedByDeleted,
            (owner, name, id) => new($"team '{name}' ({owner})", "lead", ReferenceKind.Person, id, owner));
        await Referrers(deleted[ReferenceKind.Role], nameof(HoldersOfDeleted), HoldersOfDeleted,
            (owner, name, id) => new($"person '{name}' ({owner})", "role", ReferenceKind.Role, id, owner));
        await Referrers(deleted[ReferenceKind.Team], nameof(ChildTeamsOfDeleted), ChildTeamsOfDeleted,
            (owner, name, id) => new($"team '{name}' ({owner})", "parent team", ReferenceKind.Team, id, owner));
        await Referrers(deleted[ReferenceKind.Journey], nameof(ChildJourneysOfDeleted), ChildJourneysOfDeleted,
            (owner, name, id) => new($"journey '{name}' ({owner})", "parent", ReferenceKind.Journey, id, owner));
        await Referrers(deleted[ReferenceKind.Journey], nameof(StepsUsingDeleted), StepsUsingDeleted,
            (owner, name, id) => new($"step '{name}'", "sub-journey", ReferenceKind.Journey, id, owner));
        await Referrers(deleted[ReferenceKind.Journey], nameof(OwnersOfDeleted), OwnersOfDeleted,
            (owner, name, id) => new($"team '{name}' ({owner})", "owned journey part", ReferenceKind.JourneyPart, id,
                StoredReferences.EdgeOwner(owner, id)) { OwnerTeam = owner });

        StoredReferences.ThrowIfAny(StoredReferences.Problems(changes, missing, referrers));
    }
}
