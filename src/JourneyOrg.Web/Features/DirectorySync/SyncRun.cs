using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using JourneyOrg.Storage;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>One sync run as the history shows it. Stored as JSON in the store's state under <see cref="SyncStateKeys.RunPrefix"/>.</summary>
public sealed record SyncRun
{
    public required string Id { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary><see cref="SyncOutcomes"/>.</summary>
    public string Outcome { get; init; } = SyncOutcomes.Running;
    /// <summary>Who started it: <c>cli</c>, <c>web</c>, <c>schedule</c>.</summary>
    public string Trigger { get; init; } = "cli";
    /// <summary><c>full</c>, <c>delta</c>, or e.g. <c>users: delta, groups: full</c>.</summary>
    public string Mode { get; init; } = "";
    public SyncCounts Counts { get; init; } = new();
    public int Pages { get; init; }
    public int Requests { get; init; }
    public int ThrottlingEvents { get; init; }
    public int Retries { get; init; }
    /// <summary>Full resyncs forced by an expired delta link during this run.</summary>
    public int Resyncs { get; init; }
    public string? Error { get; init; }
    /// <summary>Number of findings per kind (all of them).</summary>
    public IReadOnlyDictionary<string, int> FindingTotals { get; init; } = new Dictionary<string, int>();
    /// <summary>The first findings (at most <see cref="MaxStoredFindings"/>), for the admin page.</summary>
    public IReadOnlyList<SyncFinding> Findings { get; init; } = [];

    public const int MaxStoredFindings = 200;

    public TimeSpan? Duration => FinishedAt - StartedAt;

    public string Key => SyncStateKeys.RunPrefix + StartedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Id;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>What a run changed in the mirror, per kind.</summary>
public sealed record SyncCounts
{
    public int PeopleAdded { get; init; }
    public int PeopleUpdated { get; init; }
    public int PeopleRemoved { get; init; }
    public int TeamsAdded { get; init; }
    public int TeamsUpdated { get; init; }
    public int TeamsRemoved { get; init; }
    public int MembershipsAdded { get; init; }
    public int MembershipsRemoved { get; init; }
    /// <summary>OWNS edges of removed teams, kept in state instead of being lost.</summary>
    public int OwnershipSetAside { get; init; }
    /// <summary>Set-aside OWNS edges given back because their team came back (a restored group).</summary>
    public int OwnershipRestored { get; init; }

    public override string ToString() =>
        $"people +{PeopleAdded} ~{PeopleUpdated} -{PeopleRemoved}; teams +{TeamsAdded} ~{TeamsUpdated} -{TeamsRemoved}; " +
        $"memberships +{MembershipsAdded} -{MembershipsRemoved}; ownership set aside {OwnershipSetAside}, restored {OwnershipRestored}";
}

/// <summary>A data-quality finding of a run: something an admin may want to fix in Entra (or knowingly accept).</summary>
public sealed record SyncFinding(string Kind, string SubjectId, string Message);

public static class SyncOutcomes
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

public static class SyncFindingKinds
{
    public const string MissingManager = "missing-manager";
    public const string ReportingCycle = "reporting-cycle";
    public const string TeamInSeveralParents = "team-in-several-parents";
    public const string TeamHierarchyCycle = "team-hierarchy-cycle";
    public const string OwnershipSetAside = "ownership-set-aside";
    public const string OwnershipRestored = "ownership-restored";
    public const string LocalReferenceCleared = "local-reference-cleared";
    public const string IdCollision = "id-collision";
    public const string Validation = "validation";
}

/// <summary>The state keys the sync owns. Everything under <c>directory.</c> belongs to it.</summary>
public static class SyncStateKeys
{
    public const string UsersDeltaLink = JourneyOrg.Storage.MirrorStateKeys.UsersDeltaLink;
    public const string GroupsDeltaLink = JourneyOrg.Storage.MirrorStateKeys.GroupsDeltaLink;
    public const string Fingerprint = "directory.fingerprint";
    public const string RunPrefix = "directory.run/";
    /// <summary><c>directory.pendingManager/{personId}</c> = the Entra manager id that is not (yet) in the mirror.</summary>
    public const string PendingManagerPrefix = "directory.pendingManager/";
    /// <summary><c>directory.setAsideOwnership/{teamId}</c> = JSON of the OWNS edges of a team that left the mirror.</summary>
    public const string SetAsideOwnershipPrefix = "directory.setAsideOwnership/";
    /// <summary><c>directory.allocation/{personId}/{teamId}</c> = a locally decided FTE share that sync keeps.</summary>
    public const string AllocationPrefix = "directory.allocation/";
    public const string LeaseName = "directory-sync";
}

/// <summary>The OWNS edges a removed team had, kept so nobody's ownership work is lost and it can be reassigned or restored.</summary>
public sealed record SetAsideOwnership(string TeamId, string TeamName, DateTimeOffset RemovedAt, string RunId, IReadOnlyList<SetAsideEdge> Edges)
{
    public string ToJson() => JsonSerializer.Serialize(this, SyncRun.Json);
    public static SetAsideOwnership? Parse(string json)
    {
        try { return JsonSerializer.Deserialize<SetAsideOwnership>(json, SyncRun.Json); }
        catch (JsonException) { return null; }
    }
}

public sealed record SetAsideEdge(string TargetId, string Kind);

/// <summary>Reads and writes what the sync keeps in the store's state: run history, local allocation overrides, set-aside ownership.</summary>
public static class SyncState
{
    public static async Task<IReadOnlyList<SyncRun>> ListRunsAsync(IStateStore store, int max = 50, CancellationToken cancellationToken = default)
    {
        var entries = await store.ListStateAsync(SyncStateKeys.RunPrefix, cancellationToken);
        return entries.Reverse().Take(max).Select(e => TryParse(e.Value)).OfType<SyncRun>().ToList();
    }

    private static SyncRun? TryParse(string json)
    {
        try { return JsonSerializer.Deserialize<SyncRun>(json, SyncRun.Json); }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// Keeps a locally decided allocation for a synced membership (e.g. "Ada works 80% in Payments"); sync then uses
    /// it instead of 1/k. Null removes the override.
    /// </summary>
    public static Task SetAllocationOverrideAsync(IStateStore store, string personId, string teamId, double? allocation,
        CancellationToken cancellationToken = default)
    {
        if (allocation is { } a && (a <= 0 || a > 1)) throw new ArgumentOutOfRangeException(nameof(allocation), "An allocation is in (0, 1].");
        return store.SetStateAsync(AllocationKey(personId, teamId), allocation?.ToString("R", CultureInfo.InvariantCulture), cancellationToken);
    }

    public static string AllocationKey(string personId, string teamId) => $"{SyncStateKeys.AllocationPrefix}{personId}/{teamId}";

    public static async Task<Dictionary<(string PersonId, string TeamId), double>> ReadAllocationOverridesAsync(IStateStore store,
        CancellationToken cancellationToken = default)
    {
        var overrides = new Dictionary<(string, string), double>();
        foreach (var (key, value) in await store.ListStateAsync(SyncStateKeys.AllocationPrefix, cancellationToken))
        {
            var parts = key[SyncStateKeys.AllocationPrefix.Length..].Split('/', 2);
            if (parts.Length == 2 && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a > 0 && a <= 1)
                overrides[(parts[0], parts[1])] = a;
        }
        return overrides;
    }

    public static async Task<IReadOnlyList<SetAsideOwnership>> ListSetAsideOwnershipAsync(IStateStore store, CancellationToken cancellationToken = default) =>
        (await store.ListStateAsync(SyncStateKeys.SetAsideOwnershipPrefix, cancellationToken))
            .Select(e => SetAsideOwnership.Parse(e.Value)).OfType<SetAsideOwnership>().ToList();
}
