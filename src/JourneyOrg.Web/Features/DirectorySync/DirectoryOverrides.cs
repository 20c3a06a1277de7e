using System.Text.Json;
using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>The kinds of synced data a local decision (an applied scenario) can override.</summary>
public static class OverrideKinds
{
    /// <summary>A person's manager; <see cref="DirectoryOverride.Value"/> is the manager id, null for none.</summary>
    public const string Manager = "manager";
    /// <summary>A synced team's name.</summary>
    public const string TeamName = "teamName";
    /// <summary>A synced team's members from the directory (people who come from Entra), as a JSON array of ids.</summary>
    public const string TeamMembers = "teamMembers";
    /// <summary>A synced team the organisation no longer has (deleted or merged away).</summary>
    public const string TeamRemoved = "teamRemoved";
}

/// <summary>
/// A local decision about a record that comes from Entra, kept in the store's state until a sync shows the directory
/// agrees: until then the sync keeps the local value instead of silently undoing it, and the directory page lists it as
/// pending in Entra. <see cref="Directory"/> is what the directory said when the decision was made.
/// </summary>
public sealed record DirectoryOverride(string Kind, string Id, string Name, string? Value, string? Directory, string Scenario, DateTimeOffset At)
{
    /// <summary>How <see cref="Value"/> and <see cref="Directory"/> read to a person (names for the manager ids), for the directory page.</summary>
    public string? ValueText { get; init; }

    /// <inheritdoc cref="ValueText"/>
    public string? DirectoryText { get; init; }

    public const string Prefix = "directory.override/";

    public string Key => $"{Prefix}{Kind}/{Id}";

    public string ToJson() => JsonSerializer.Serialize(this, SyncRun.Json);

    public static DirectoryOverride? Parse(string json)
    {
        try { return JsonSerializer.Deserialize<DirectoryOverride>(json, SyncRun.Json); }
        catch (JsonException) { return null; }
    }

    /// <summary>The member ids a <see cref="OverrideKinds.TeamMembers"/> override keeps.</summary>
    public IReadOnlyList<string> MemberIds() => Kind != OverrideKinds.TeamMembers || Value is null ? [] : JsonSerializer.Deserialize<string[]>(Value) ?? [];
}

/// <summary>The pending overrides, by kind and id, as the sync reads them.</summary>
public sealed record DirectoryOverrides(IReadOnlyDictionary<(string Kind, string Id), DirectoryOverride> All)
{
    public static readonly DirectoryOverrides None = new(new Dictionary<(string, string), DirectoryOverride>());

    public DirectoryOverride? Get(string kind, string id) => All.GetValueOrDefault((kind, id));

    public static async Task<IReadOnlyList<DirectoryOverride>> ListAsync(IStateStore store, CancellationToken cancellationToken = default) =>
        (await store.ListStateAsync(DirectoryOverride.Prefix, cancellationToken)).Select(e => DirectoryOverride.Parse(e.Value)).OfType<DirectoryOverride>().ToList();

    public static async Task<DirectoryOverrides> ReadAsync(IStateStore store, CancellationToken cancellationToken = default) =>
        new((await ListAsync(store, cancellationToken)).GroupBy(o => (o.Kind, o.Id)).ToDictionary(g => g.Key, g => g.Last()));

    /// <summary>
    /// The overrides (and allocation overrides) that keep an applied scenario's changes to Entra records from being
    /// undone by the next sync: managers of synced people, names and members of synced teams, synced teams removed.
    /// Written in the same transaction as the change. Local records need none: the sync never rewrites them.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> For(Workspace before, Workspace after, string scenario, DateTimeOffset at)
    {
        var state = new Dictionary<string, string?>();
        void Add(DirectoryOverride o) => state[o.Key] = o.ToJson();
        var peopleAfter = after.People.ToDictionary(p => p.Id);
        string? Named(string? id) => id is null ? null : peopleAfter.TryGetValue(id, out var p) ? $"{p.DisplayName} ({id})" : id;
        var entraPeople = before.People.Where(p => p.Source == RecordSource.Entra).Select(p => p.Id).ToHashSet();
        foreach (var person in before.People.Where(p => p.Source == RecordSource.Entra))
            if (peopleAfter.TryGetValue(person.Id, out var now) && now.ManagerId != person.ManagerId)
                Add(new(OverrideKinds.Manager, person.Id, person.DisplayName, now.ManagerId, person.ManagerId, scenario, at)
                {
                    ValueText = Named(now.ManagerId), DirectoryText = Named(person.ManagerId),
                });

        var teamsAfter = after.Teams.ToDictionary(t => t.Id);
        foreach (var team in before.Teams.Where(t => t.Source == RecordSource.Entra))
        {
            if (!teamsAfter.TryGetValue(team.Id, out var now))
            {
                Add(new(OverrideKinds.TeamRemoved, team.Id, team.Name, null, null, scenario, at));
                continue;
            }
            if (now.Name != team.Name) Add(new(OverrideKinds.TeamName, team.Id, team.Name, now.Name, team.Name, scenario, at));
            var was = team.Members.Where(m => entraPeople.Contains(m.PersonId)).Select(m => m.PersonId).Order(StringComparer.Ordinal).ToArray();
            var will = now.Members.Where(m => entraPeople.Contains(m.PersonId)).Select(m => m.PersonId).Order(StringComparer.Ordinal).ToArray();
            if (!was.SequenceEqual(will))
                Add(new(OverrideKinds.TeamMembers, team.Id, team.Name, JsonSerializer.Serialize(will), JsonSerializer.Serialize(was), scenario, at));
            // The share of time a scenario gave someone in a synced team is a local decision the sync already keeps.
            var before1 = team.Members.ToDictionary(m => m.PersonId, m => m.Allocation);
            foreach (var m in now.Members.Where(m => entraPeople.Contains(m.PersonId) && before1.GetValueOrDefault(m.PersonId) != m.Allocation))
                state[SyncState.AllocationKey(m.PersonId, team.Id)] = m.Allocation.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }
        return state;
    }
}
