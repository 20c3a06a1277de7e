using JourneyOrg.Domain;

namespace JourneyOrg.Storage;

/// <summary>What a reference must point at.</summary>
public enum ReferenceKind { Journey, JourneyPart, Person, Team, Role }

/// <summary>
/// One reference a record makes: <paramref name="Record"/> names the record as a user sees it (for example
/// <c>team 'Loans squad' (t-loans)</c>), <paramref name="Field"/> the field, <paramref name="Id"/> what it names.
/// <paramref name="Owner"/> is the id of the top-level record that holds it (a step's journey), so a referrer that the
/// same change set rewrites or deletes can be recognised.
/// </summary>
public sealed record StoredReference(string Record, string Field, ReferenceKind Kind, string Id, string Owner)
{
    /// <summary>For an ownership edge: its team, whose deletion takes the edge along.</summary>
    public string? OwnerTeam { get; init; }

    public string Describe() => $"{Record}: {Field} '{Id}' names no {KindText(Kind)} in the workspace";

    /// <summary>Said of a record that is about to be deleted while this reference to it stays.</summary>
    public string DescribeDeleted() => $"{Record} still names {KindText(Kind)} '{Id}' as its {Field}";

    public static string KindText(ReferenceKind kind) => kind switch
    {
        ReferenceKind.JourneyPart => "journey, phase or step",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// A write that would leave a reference naming nothing: the store refuses the whole write. Both stores hold this rule
/// themselves (the callers validate too), so a record can neither keep an id that names nothing (as an SQLite column
/// would) nor lose the reference silently (as a graph edge to a missing node would).
/// </summary>
public sealed class DanglingReferenceException(IReadOnlyList<string> problems)
    : Exception("Nothing was saved: " + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : "") + ".")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The store-side reference rule, shared by both stores so they refuse the same writes. A store answers two questions
/// about its own data (which ids exist; which stored records name ids about to be deleted); the rest is here.
/// Covered: journey parents, step sub-journeys, managers, roles, team parents, leads, members, ownership teams and
/// targets, metric targets (when linked). Journey-management links may outlive what they named (SPEC), so they are
/// not checked here.
/// </summary>
public static class StoredReferences
{
    /// <summary>Every reference the upserted records of <paramref name="changes"/> make.</summary>
    public static IReadOnlyList<StoredReference> Made(WorkspaceChangeSet changes)
    {
        var made = new List<StoredReference>();
        foreach (var journey in changes.UpsertJourneys)
        {
            var record = $"journey '{journey.Name}' ({journey.Id})";
            if (journey.ParentId is { } parent) made.Add(new(record, "parent", ReferenceKind.Journey, parent, journey.Id));
            foreach (var step in journey.Phases.SelectMany(p => p.Steps))
                if (step.SubjourneyId is { } sub)
                    made.Add(new($"step '{step.Name}' ({step.Id}) of journey '{journey.Name}'", "sub-journey", ReferenceKind.Journey, sub, journey.Id));
        }
        foreach (var person in changes.UpsertPeople)
        {
            var record = $"person '{person.DisplayName}' ({person.Id})";
            if (person.ManagerId is { } manager) made.Add(new(record, "manager", ReferenceKind.Person, manager, person.Id));
            if (person.RoleId is { } role) made.Add(new(record, "role", ReferenceKind.Role, role, person.Id));
        }
        foreach (var team in changes.UpsertTeams)
        {
            var record = $"team '{team.Name}' ({team.Id})";
            if (team.ParentId is { } parent) made.Add(new(record, "parent team", ReferenceKind.Team, parent, team.Id));
            if (team.LeadId is { } lead) made.Add(new(record, "lead", ReferenceKind.Person, lead, team.Id));
            foreach (var member in team.Members) made.Add(new(record, "member", ReferenceKind.Person, member.PersonId, team.Id));
        }
        foreach (var edge in changes.UpsertOwnership)
        {
            var record = $"ownership of '{edge.TargetId}' by team '{edge.TeamId}'";
            made.Add(new(record, "team", ReferenceKind.Team, edge.TeamId, edge.TeamId));
            made.Add(new(record, "target", ReferenceKind.JourneyPart, edge.TargetId, edge.TeamId));
        }
        foreach (var metric in changes.UpsertMetrics.Where(m => m.IsLinked))
            made.Add(new($"metric '{metric.Name}' ({metric.Id})", "target", ReferenceKind.JourneyPart, metric.TargetId, metric.Id));
        return made;
    }

    /// <summary>
    /// The references of <paramref name="changes"/> that nothing in the change set itself satisfies: the store must find
    /// each of these among its records (and not among those the change set deletes).
    /// </summary>
    public static IReadOnlyList<StoredReference> ToLookUp(WorkspaceChangeSet changes)
    {
        var given = Given(changes);
        return Made(changes).Where(r => !given[r.Kind].Contains(r.Id)).ToList();
    }

    /// <summary>The ids per kind the change set deletes (a deleted journey takes its phases and steps along, in both stores).</summary>
    public static IReadOnlyDictionary<ReferenceKind, IReadOnlyList<string>> Deleted(WorkspaceChangeSet changes) =>
        new Dictionary<ReferenceKind, IReadOnlyList<string>>
        {
            [ReferenceKind.Journey] = changes.DeleteJourneys.Except(changes.UpsertJourneys.Select(j => j.Id)).ToList(),
            [ReferenceKind.Person] = changes.DeletePeople.Except(changes.UpsertPeople.Select(p => p.Id)).ToList(),
            [ReferenceKind.Team] = changes.DeleteTeams.Except(changes.UpsertTeams.Select(t => t.Id)).ToList(),
            [ReferenceKind.Role] = changes.DeleteRoles.Except(changes.UpsertRoles.Select(r => r.Id)).ToList(),
        };

    /// <summary>
    /// The problems of a write: <paramref name="missing"/> are looked-up references the store did not find (or found
    /// only among the deleted); <paramref name="referrers"/> are stored references to deleted records. A referrer the
    /// change set rewrites or deletes does not count: its new version was checked on its own.
    /// </summary>
    public static IReadOnlyList<string> Problems(
        WorkspaceChangeSet changes, IEnumerable<StoredReference> missing, IEnumerable<StoredReference> referrers)
    {
        var rewritten = new HashSet<string>(StringComparer.Ordinal);
        rewritten.UnionWith(changes.UpsertJourneys.Select(j => j.Id));
        rewritten.UnionWith(changes.DeleteJourneys);
        rewritten.UnionWith(changes.UpsertPeople.Select(p => p.Id));
        rewritten.UnionWith(changes.DeletePeople);
        rewritten.UnionWith(changes.UpsertTeams.Select(t => t.Id));
        rewritten.UnionWith(changes.DeleteTeams);
        rewritten.UnionWith(changes.DeleteOwnership.Select(k => EdgeOwner(k.TeamId, k.TargetId)));
        var deletedTeams = changes.DeleteTeams.ToHashSet(StringComparer.Ordinal);
        return missing.Select(m => m.Describe())
            .Concat(referrers.Where(r => !rewritten.Contains(r.Owner) && !(r.OwnerTeam is { } team && deletedTeams.Contains(team)))
                .Select(r => r.DescribeDeleted()))
            .Distinct().ToList();
    }

    /// <summary>For a whole workspace (a replace): every reference must resolve inside it.</summary>
    public static IReadOnlyList<string> ProblemsOfWhole(Workspace workspace)
    {
        var changes = new WorkspaceChangeSet
        {
            UpsertJourneys = workspace.Journeys, UpsertPeople = workspace.People, UpsertTeams = workspace.Teams,
            UpsertRoles = workspace.Roles, UpsertOwnership = workspace.Ownership, UpsertMetrics = workspace.Metrics,
        };
        return ToLookUp(changes).Select(r => r.Describe()).Distinct().ToList();
    }

    /// <summary>The <see cref="StoredReference.Owner"/> of an ownership edge.</summary>
    public static string EdgeOwner(string teamId, string targetId) => teamId + "\u001f" + targetId;

    /// <summary>Throws <see cref="DanglingReferenceException"/> when there are problems.</summary>
    public static void ThrowIfAny(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0) throw new DanglingReferenceException(problems);
    }

    private static Dictionary<ReferenceKind, HashSet<string>> Given(WorkspaceChangeSet changes)
    {
        var journeys = changes.UpsertJourneys.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var parts = new HashSet<string>(journeys, StringComparer.Ordinal);
        foreach (var phase in changes.UpsertJourneys.SelectMany(j => j.Phases))
        {
            parts.Add(phase.Id);
            parts.UnionWith(phase.Steps.Select(s => s.Id));
        }
        return new()
        {
            [ReferenceKind.Journey] = journeys,
            [ReferenceKind.JourneyPart] = parts,
            [ReferenceKind.Person] = changes.UpsertPeople.Select(p => p.Id).ToHashSet(StringComparer.Ordinal),
            [ReferenceKind.Team] = changes.UpsertTeams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal),
            [ReferenceKind.Role] = changes.UpsertRoles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal),
        };
    }
}
