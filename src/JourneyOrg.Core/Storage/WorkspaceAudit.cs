using System.Globalization;
using System.Text;
using JourneyOrg.Domain;

namespace JourneyOrg.Storage;

/// <summary>
/// The audit entries the stores write for workspace and scenario changes, built from the change itself and the names the
/// records had before (the store reads those inside its transaction, for at most <see cref="ItemsPerKind"/> records of each
/// kind, so a sync of 100,000 people costs a few lookups, not 100,000).
/// </summary>
public static class WorkspaceAudit
{
    public const int ItemsPerKind = 20;

    /// <summary>The record kinds whose names a summary shows, with the ids of <paramref name="changes"/> to look up for each.</summary>
    public static IReadOnlyList<(string Kind, IReadOnlyList<string> Ids)> NamesToLookUp(WorkspaceChangeSet changes) =>
    [
        (Kinds.Journey, Ids(changes.UpsertJourneys.Select(j => j.Id), changes.DeleteJourneys)),
        (Kinds.Person, Ids(changes.UpsertPeople.Select(p => p.Id), changes.DeletePeople)),
        (Kinds.Team, Ids(changes.UpsertTeams.Select(t => t.Id), changes.DeleteTeams)),
        (Kinds.Role, Ids(changes.UpsertRoles.Select(r => r.Id), changes.DeleteRoles)),
        (Kinds.Metric, Ids(changes.UpsertMetrics.Select(m => m.Id), changes.DeleteMetrics)),
    ];

    private static IReadOnlyList<string> Ids(IEnumerable<string> upserts, IEnumerable<string> deletes) =>
        [.. upserts.Take(ItemsPerKind), .. deletes.Take(ItemsPerKind)];

    public static class Kinds
    {
        public const string Journey = "journey";
        public const string Person = "person";
        public const string Team = "team";
        public const string Role = "role";
        public const string Metric = "metric";
    }

    /// <summary>
    /// The entry for <see cref="IWorkspaceStore.ApplyAsync"/>. <paramref name="priorNames"/> maps (kind, id) to the name the
    /// record had before the change, for the ids <see cref="NamesToLookUp"/> asked for; an id missing from it is new.
    /// </summary>
    public static AuditEntry ForChanges(WorkspaceChangeSet changes, IReadOnlyDictionary<(string Kind, string Id), string> priorNames)
    {
        var parts = new List<string>();
        void Section(string kind, string plural, IReadOnlyList<(string Id, string Name)> upserts, IReadOnlyList<string> deletes)
        {
            if (upserts.Count + deletes.Count == 0) return;
            var items = new List<string>();
            foreach (var (id, name) in upserts.Take(ItemsPerKind))
                items.Add(priorNames.TryGetValue((kind, id), out var before)
                    ? before == name ? $"~ {id} '{name}'" : $"~ {id} '{before}' → '{name}'"
                    : $"+ {id} '{name}'");
            foreach (var id in deletes.Take(ItemsPerKind))
                items.Add(priorNames.TryGetValue((kind, id), out var before) ? $"− {id} '{before}'" : $"− {id}");
            var more = Math.Max(0, upserts.Count - ItemsPerKind) + Math.Max(0, deletes.Count - ItemsPerKind);
            parts.Add($"{plural}: {Count(upserts.Count, "upserted")}{(upserts.Count > 0 && deletes.Count > 0 ? ", " : "")}{Count(deletes.Count, "deleted")} " +
                      $"({string.Join("; ", items)}{(more > 0 ? $"; … {more} more" : "")})");
        }

        Section(Kinds.Journey, "journeys", changes.UpsertJourneys.Select(j => (j.Id, j.Name)).ToList(), changes.DeleteJourneys);
        Section(Kinds.Person, "people", changes.UpsertPeople.Select(p => (p.Id, p.DisplayName)).ToList(), changes.DeletePeople);
        Section(Kinds.Team, "teams", changes.UpsertTeams.Select(t => (t.Id, t.Name)).ToList(), changes.DeleteTeams);
        Section(Kinds.Role, "roles", changes.UpsertRoles.Select(r => (r.Id, r.Title)).ToList(), changes.DeleteRoles);
        Section(Kinds.Metric, "metrics", changes.UpsertMetrics.Select(m => (m.Id, m.Name)).ToList(), changes.DeleteMetrics);
        if (changes.UpsertOwnership.Count + changes.DeleteOwnership.Count > 0)
        {
            var items = changes.UpsertOwnership.Take(ItemsPerKind).Select(o => $"+ {o.TeamId} → {o.TargetId} {o.Kind.ToString().ToLowerInvariant()}")
                .Concat(changes.DeleteOwnership.Take(ItemsPerKind).Select(k => $"− {k.TeamId} → {k.TargetId}"));
            parts.Add($"ownership: {string.Join("; ", items)}");
        }
        // Journey-management records carry no prior names here, so they are listed as written, not as new or changed.
        void Written(string plural, IReadOnlyList<(string Id, string Title)> upserts, IReadOnlyList<string> deletes)
        {
            if (upserts.Count + deletes.Count == 0) return;
            var items = upserts.Take(ItemsPerKind).Select(u => $"= {u.Id} '{u.Title}'").Concat(deletes.Take(ItemsPerKind).Select(id => $"− {id}"));
            var more = Math.Max(0, upserts.Count - ItemsPerKind) + Math.Max(0, deletes.Count - ItemsPerKind);
            parts.Add($"{plural}: {Count(upserts.Count, "written")}{(upserts.Count > 0 && deletes.Count > 0 ? ", " : "")}{Count(deletes.Count, "deleted")} " +
                      $"({string.Join("; ", items)}{(more > 0 ? $"; … {more} more" : "")})");
        }
        Written("insights", changes.UpsertInsights.Select(i => (i.Id, i.Title)).ToList(), changes.DeleteInsights);
        Written("opportunities", changes.UpsertOpportunities.Select(o => (o.Id, o.Title)).ToList(), changes.DeleteOpportunities);
        Written("solutions", changes.UpsertSolutions.Select(o => (o.Id, o.Title)).ToList(), changes.DeleteSolutions);
        if (changes.Weights is { } weights)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"prioritisation weights: customer value {weights.CustomerValue}, business value {weights.BusinessValue}"));
        // Cost is HR-only: the log says whose cost changed, never the amounts, since readers of the log may not be HR.
        if (changes.UpsertCosts.Count + changes.DeleteCosts.Count > 0)
        {
            var items = changes.UpsertCosts.Take(ItemsPerKind).Select(c => $"= {c.PersonId}")
                .Concat(changes.DeleteCosts.Take(ItemsPerKind).Select(id => $"− {id}"));
            var more = Math.Max(0, changes.UpsertCosts.Count - ItemsPerKind) + Math.Max(0, changes.DeleteCosts.Count - ItemsPerKind);
            parts.Add($"people cost: {Count(changes.UpsertCosts.Count, "written")}{(changes.UpsertCosts.Count > 0 && changes.DeleteCosts.Count > 0 ? ", " : "")}" +
                      $"{Count(changes.DeleteCosts.Count, "deleted")} ({string.Join("; ", items)}{(more > 0 ? $"; … {more} more" : "")}; amounts not logged)");
        }
        if (changes.Currency is { } currency)
            parts.Add($"currency: {currency}");
        if (changes.State.Count > 0)
            parts.Add($"state: {string.Join(", ", changes.State.Keys.Take(ItemsPerKind))}");
        return Entry(AuditActions.WorkspaceEdit, "workspace", parts.Count == 0 ? "nothing changed" : string.Join(" | ", parts));
    }

    /// <summary>The entry for <see cref="IWorkspaceStore.ReplaceAsync"/>: what the workspace held before and after.</summary>
    public static AuditEntry ForReplace(WorkspaceCounts before, Workspace after) =>
        Entry(AuditActions.WorkspaceReplace, "workspace", $"replaced the workspace: {before} → {WorkspaceCounts.Of(after)}");

    /// <summary>The entry for <see cref="IScenarioStore.SaveScenarioAsync"/>; <paramref name="before"/> is null for a new scenario.</summary>
    public static AuditEntry ForScenario(StoredScenario? before, StoredScenario after)
    {
        if (before is null)
            return Entry(AuditActions.ScenarioCreate, after.Id,
                $"'{after.Name}' ({after.Status}){(after.SharedWith.Count > 0 ? $", shared with {string.Join(", ", after.SharedWith)}" : "")}");
        var changes = new List<string>();
        if (before.Name != after.Name) changes.Add($"name '{before.Name}' → '{after.Name}'");
        if (before.Status != after.Status) changes.Add($"status {before.Status} → {after.Status}");
        if (before.Document != after.Document) changes.Add("document changed");
        if (!before.SharedWith.SequenceEqual(after.SharedWith))
            changes.Add($"shared with [{string.Join(", ", before.SharedWith)}] → [{string.Join(", ", after.SharedWith)}]");
        if (before.Author != after.Author) changes.Add($"author {before.Author ?? "none"} → {after.Author ?? "none"}");
        return Entry(AuditActions.ScenarioUpdate, after.Id, $"'{after.Name}': {(changes.Count == 0 ? "saved unchanged" : string.Join("; ", changes))}");
    }

    public static AuditEntry ForScenarioDelete(string id, StoredScenario? before) =>
        Entry(AuditActions.ScenarioDelete, id, before is null ? "no such scenario" : $"'{before.Name}' ({before.Status}) deleted");

    private static string Count(int n, string what) => n == 0 ? "" : $"{n.ToString(CultureInfo.InvariantCulture)} {what}";

    /// <summary>The ambient action (e.g. <c>POST /teams/t-1/rename</c>) goes in front of the summary, so the log says where a change came from.</summary>
    private static AuditEntry Entry(string action, string target, string summary)
    {
        var context = AuditContext.Current;
        var text = new StringBuilder();
        if (context.Action is { Length: > 0 } via) text.Append('[').Append(via).Append("] ");
        text.Append(summary);
        return new AuditEntry(0, DateTimeOffset.UtcNow, context.Actor, action, target, text.ToString(), context.CorrelationId).Capped();
    }
}

/// <summary>How many records of each kind a workspace holds, for the before → after of a replace.</summary>
public sealed record WorkspaceCounts(long Journeys, long People, long Teams, long Roles, long Ownership, long Metrics)
{
    public static WorkspaceCounts Of(Workspace w) => new(w.Journeys.Count, w.People.Count, w.Teams.Count, w.Roles.Count, w.Ownership.Count, w.Metrics.Count);

    public override string ToString() =>
        $"{Journeys} journeys, {People} people, {Teams} teams, {Roles} roles, {Ownership} ownership edges, {Metrics} metrics";
}
