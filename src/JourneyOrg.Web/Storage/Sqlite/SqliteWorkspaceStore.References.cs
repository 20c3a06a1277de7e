using System.Text.Json;
using Dapper;
using JourneyOrg.Storage;
using Microsoft.Data.Sqlite;

namespace JourneyOrg.Web.Storage.Sqlite;

/// <summary>
/// The store-side reference rule (<see cref="StoredReferences"/>): inside the write transaction, before anything is
/// written, every id an upserted record names must exist, and no record that stays may name one being deleted. Without
/// it a column would simply keep an id that names nothing.
/// </summary>
public sealed partial class SqliteWorkspaceStore
{
    private static void RefuseDanglingReferences(SqliteConnection connection, SqliteTransaction transaction, WorkspaceChangeSet changes)
    {
        var deleted = StoredReferences.Deleted(changes);
        var deletedJourneys = deleted[ReferenceKind.Journey].ToHashSet(StringComparer.Ordinal);
        var missing = new List<StoredReference>();
        foreach (var group in StoredReferences.ToLookUp(changes).GroupBy(r => r.Kind))
        {
            var ids = Json(group.Select(r => r.Id).Distinct());
            // Each row: the id found and the journey it lives in (for a person, team or role: the id itself).
            var sql = group.Key switch
            {
                ReferenceKind.Journey => "SELECT id AS Id, id AS Journey FROM journeys WHERE id IN (SELECT value FROM json_each(@ids))",
                ReferenceKind.JourneyPart => """
                    SELECT id AS Id, id AS Journey FROM journeys WHERE id IN (SELECT value FROM json_each(@ids))
                    UNION ALL SELECT id, journey_id FROM phases WHERE id IN (SELECT value FROM json_each(@ids))
                    UNION ALL SELECT s.id, p.journey_id FROM steps s JOIN phases p ON p.id = s.phase_id WHERE s.id IN (SELECT value FROM json_each(@ids))
                    """,
                ReferenceKind.Person => "SELECT id AS Id, id AS Journey FROM people WHERE id IN (SELECT value FROM json_each(@ids))",
                ReferenceKind.Team => "SELECT id AS Id, id AS Journey FROM teams WHERE id IN (SELECT value FROM json_each(@ids))",
                _ => "SELECT id AS Id, id AS Journey FROM roles WHERE id IN (SELECT value FROM json_each(@ids))",
            };
            var gone = group.Key is ReferenceKind.Journey or ReferenceKind.JourneyPart
                ? deletedJourneys
                : deleted[group.Key].ToHashSet(StringComparer.Ordinal);
            var found = connection.Query<FoundRow>(sql, new { ids }, transaction)
                .Where(f => !gone.Contains(f.Journey)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(group.Where(r => !found.Contains(r.Id)));
        }

        var referrers = new List<StoredReference>();
        void Referrers(IReadOnlyList<string> gone, string sql, Func<ReferrerRow, StoredReference> describe)
        {
            if (gone.Count > 0) referrers.AddRange(connection.Query<ReferrerRow>(sql, new { ids = Json(gone) }, transaction).Select(describe));
        }
        Referrers(deleted[ReferenceKind.Person],
            "SELECT id AS Owner, display_name AS Name, manager_id AS Id FROM people WHERE manager_id IN (SELECT value FROM json_each(@ids))",
            r => new($"person '{r.Name}' ({r.Owner})", "manager", ReferenceKind.Person, r.Id, r.Owner));
        Referrers(deleted[ReferenceKind.Person],
            "SELECT id AS Owner, name AS Name, lead_id AS Id FROM teams WHERE lead_id IN (SELECT value FROM json_each(@ids))",
            r => new($"team '{r.Name}' ({r.Owner})", "lead", ReferenceKind.Person, r.Id, r.Owner));
        Referrers(deleted[ReferenceKind.Role],
            "SELECT id AS Owner, display_name AS Name, role_id AS Id FROM people WHERE role_id IN (SELECT value FROM json_each(@ids))",
            r => new($"person '{r.Name}' ({r.Owner})", "role", ReferenceKind.Role, r.Id, r.Owner));
        Referrers(deleted[ReferenceKind.Team],
            "SELECT id AS Owner, name AS Name, parent_id AS Id FROM teams WHERE parent_id IN (SELECT value FROM json_each(@ids))",
            r => new($"team '{r.Name}' ({r.Owner})", "parent team", ReferenceKind.Team, r.Id, r.Owner));
        Referrers(deleted[ReferenceKind.Journey],
            "SELECT id AS Owner, name AS Name, parent_id AS Id FROM journeys WHERE parent_id IN (SELECT value FROM json_each(@ids))",
            r => new($"journey '{r.Name}' ({r.Owner})", "parent", ReferenceKind.Journey, r.Id, r.Owner));
        Referrers(deleted[ReferenceKind.Journey], """
            SELECT p.journey_id AS Owner, CAST(s.name || ''' (' || s.id || ') of journey ''' || j.name AS TEXT) AS Name, s.subjourney_id AS Id
            FROM steps s JOIN phases p ON p.id = s.phase_id JOIN journeys j ON j.id = p.journey_id
            WHERE s.subjourney_id IN (SELECT value FROM json_each(@ids))
            """,
            r => new($"step '{r.Name}'", "sub-journey", ReferenceKind.Journey, r.Id, r.Owner));
        Referrers(deleted[ReferenceKind.Journey], """
            WITH gone(id) AS (
                SELECT value FROM json_each(@ids)
                UNION ALL SELECT p.id FROM phases p WHERE p.journey_id IN (SELECT value FROM json_each(@ids))
                UNION ALL SELECT s.id FROM steps s JOIN phases p ON p.id = s.phase_id WHERE p.journey_id IN (SELECT value FROM json_each(@ids)))
            SELECT o.team_id AS Owner, t.name AS Name, o.target_id AS Id
            FROM ownership o JOIN teams t ON t.id = o.team_id WHERE o.target_id IN (SELECT id FROM gone)
            """,
            r => new($"team '{r.Name}' ({r.Owner})", "owned journey part", ReferenceKind.JourneyPart, r.Id,
                StoredReferences.EdgeOwner(r.Owner, r.Id)) { OwnerTeam = r.Owner });

        StoredReferences.ThrowIfAny(StoredReferences.Problems(changes, missing, referrers));
    }

    private static string Json(IEnumerable<string> ids) => JsonSerializer.Serialize(ids);

    // Classes with setters: Dapper maps them by name even where SQLite reports an expression's column type as a blob.
    private sealed class FoundRow
    {
        public string Id { get; set; } = "";
        public string Journey { get; set; } = "";
    }

    private sealed class ReferrerRow
    {
        public string Owner { get; set; } = "";
        public string Name { get; set; } = "";
        public string Id { get; set; } = "";
    }
}
