using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyOrg.Storage;

/// <summary>
/// The change sets a store keeps beside its revisions, so another process that holds the workspace of an earlier
/// revision can move to the current one by applying them (<c>WorkspaceChanges.ApplyTo</c>, the same pure function the
/// editor and the store follow) instead of loading 100,000 people again. A store writes one entry per revision, in the
/// write's own transaction: the change set as stored here, or nothing in its place (a replace, or a change set too large
/// to be worth following), which sends readers to a full load.
/// </summary>
public static class WorkspaceChangeLog
{
    /// <summary>
    /// Entries a store keeps: a reader further behind than this loads the store instead. Readers look at the revision
    /// on every request, so in practice they are one or two revisions behind.
    /// </summary>
    public const int Kept = 100;

    /// <summary>
    /// Records above which a change set is not logged (a first directory sync, a large merge): applying it costs about
    /// what a load does, and the entry would be megabytes.
    /// </summary>
    public const int MaxRecords = 5_000;

    /// <summary>
    /// The version of the entry's JSON. An entry of another version (written by another release of the app) is not
    /// followed: the reader loads the store instead.
    /// </summary>
    public const int Format = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        // The change set's and the model's computed properties (IsEmpty, IsLinked, …) are not data.
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The entry for <paramref name="changes"/>, or null when it is not to be logged (see <see cref="MaxRecords"/>).</summary>
    public static string? Entry(WorkspaceChangeSet changes)
    {
        if (RecordCount(changes) > MaxRecords) return null;
        // State is the directory sync's bookkeeping (delta links), not part of the workspace.
        return JsonSerializer.Serialize(new LoggedChanges(Format, changes with { State = new Dictionary<string, string?>() }), Options);
    }

    /// <summary>The change set of an entry, or null when the entry is missing or of another <see cref="Format"/>.</summary>
    public static WorkspaceChangeSet? Read(string? entry)
    {
        if (entry is null) return null;
        var logged = JsonSerializer.Deserialize<LoggedChanges>(entry, Options);
        return logged is { Format: Format, Changes: { } changes } ? changes : null;
    }

    /// <summary>
    /// What a store answers to "what happened since revision <paramref name="since"/>": the change sets up to its current
    /// <paramref name="revision"/>, in order, one per revision; null when any of them is missing or not to be followed,
    /// when the reader is more than <see cref="Kept"/> revisions behind, or when the revision went backwards.
    /// </summary>
    /// <param name="since">The revision the reader holds.</param>
    /// <param name="revision">The store's current revision, read before <paramref name="entries"/>.</param>
    /// <param name="entries">Revision and entry of logged revisions after <paramref name="since"/>, in any order; later ones are ignored.</param>
    public static WorkspaceChangesSince? Follow(long since, long revision, IEnumerable<(long Revision, string? Entry)> entries)
    {
        if (revision < since || revision - since > Kept) return null;
        var byRevision = entries.ToDictionary(e => e.Revision, e => e.Entry);
        var changes = new List<WorkspaceChangeSet>();
        for (var r = since + 1; r <= revision; r++)
        {
            if (Read(byRevision.GetValueOrDefault(r)) is not { } set) return null;
            changes.Add(set);
        }
        return new WorkspaceChangesSince(revision, changes);
    }

    private static int RecordCount(WorkspaceChangeSet c) =>
        c.UpsertJourneys.Sum(j => 1 + j.Phases.Sum(p => 1 + p.Steps.Count)) + c.DeleteJourneys.Count +
        c.UpsertPeople.Count + c.DeletePeople.Count + c.UpsertTeams.Sum(t => 1 + t.Members.Count) + c.DeleteTeams.Count +
        c.UpsertRoles.Count + c.DeleteRoles.Count + c.UpsertOwnership.Count + c.DeleteOwnership.Count +
        c.UpsertMetrics.Sum(m => 1 + m.DataPoints.Count) + c.DeleteMetrics.Count + c.UpsertInsights.Count + c.DeleteInsights.Count +
        c.UpsertOpportunities.Count + c.DeleteOpportunities.Count + c.UpsertSolutions.Count + c.DeleteSolutions.Count +
        c.UpsertCosts.Count + c.DeleteCosts.Count;

    private sealed record LoggedChanges(int Format, WorkspaceChangeSet Changes);
}

/// <summary>The change sets that took a store from an earlier revision to <see cref="Revision"/>, oldest first.</summary>
public sealed record WorkspaceChangesSince(long Revision, IReadOnlyList<WorkspaceChangeSet> Changes);
