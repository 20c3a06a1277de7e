using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Workspaces;

/// <summary>
/// What a <see cref="WorkspaceChangeSet"/> does to a workspace, as one pure function: the editor validates its result
/// before anything is written, both stores persist the same change set (their contract suite checks that what they load
/// afterwards equals this), and the screens' cache moves to the new revision with it instead of reloading the store.
/// </summary>
public static class WorkspaceChanges
{
    /// <summary>
    /// The properties of <see cref="WorkspaceChangeSet"/> that <see cref="ApplyTo"/> handles. A test fails when the
    /// change set grows a property that is not listed here, so a new kind of edit cannot be silently dropped.
    /// </summary>
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>
    {
        nameof(WorkspaceChangeSet.UpsertJourneys), nameof(WorkspaceChangeSet.DeleteJourneys),
        nameof(WorkspaceChangeSet.UpsertPeople), nameof(WorkspaceChangeSet.DeletePeople),
        nameof(WorkspaceChangeSet.UpsertTeams), nameof(WorkspaceChangeSet.DeleteTeams),
        nameof(WorkspaceChangeSet.UpsertRoles), nameof(WorkspaceChangeSet.DeleteRoles),
        nameof(WorkspaceChangeSet.UpsertOwnership), nameof(WorkspaceChangeSet.DeleteOwnership),
        nameof(WorkspaceChangeSet.UpsertMetrics), nameof(WorkspaceChangeSet.DeleteMetrics),
        nameof(WorkspaceChangeSet.UpsertInsights), nameof(WorkspaceChangeSet.DeleteInsights),
        nameof(WorkspaceChangeSet.UpsertOpportunities), nameof(WorkspaceChangeSet.DeleteOpportunities),
        nameof(WorkspaceChangeSet.UpsertSolutions), nameof(WorkspaceChangeSet.DeleteSolutions),
        nameof(WorkspaceChangeSet.Weights),
        nameof(WorkspaceChangeSet.UpsertCosts), nameof(WorkspaceChangeSet.DeleteCosts), nameof(WorkspaceChangeSet.Currency),
        // State entries (delta links, leases) are not part of the workspace.
        nameof(WorkspaceChangeSet.State), nameof(WorkspaceChangeSet.IsEmpty),
    };

    /// <summary>
    /// The workspace after <paramref name="changes"/>: upserts replace a record with the same id in place or add it at
    /// the end; deleting a person drops their memberships; deleting a team drops its ownership edges; and references
    /// from journey management to deleted people, teams, records or journey parts are cleared, as the stores do.
    /// </summary>
    public static Workspace ApplyTo(Workspace workspace, WorkspaceChangeSet changes)
    {
        var deletedPeople = changes.DeletePeople.ToHashSet(StringComparer.Ordinal);
        var deletedTeams = changes.DeleteTeams.ToHashSet(StringComparer.Ordinal);

        var journeys = Upsert(Remove(workspace.Journeys, changes.DeleteJourneys, j => j.Id), changes.UpsertJourneys, j => j.Id);
        var people = Upsert(Remove(workspace.People, changes.DeletePeople, p => p.Id), changes.UpsertPeople, p => p.Id);
        var teams = Upsert(Remove(workspace.Teams, changes.DeleteTeams, t => t.Id), changes.UpsertTeams, t => t.Id);
        if (deletedPeople.Count > 0)
            teams = teams.Select(t => t.Members.Any(m => deletedPeople.Contains(m.PersonId))
                ? t with { Members = t.Members.Where(m => !deletedPeople.Contains(m.PersonId)).ToList() }
                : t).ToList();
        var roles = Upsert(Remove(workspace.Roles, changes.DeleteRoles, r => r.Id), changes.UpsertRoles, r => r.Id);

        var deletedEdges = changes.DeleteOwnership.Select(k => (k.TeamId, k.TargetId)).ToHashSet();
        var ownership = workspace.Ownership
            .Where(o => !deletedTeams.Contains(o.TeamId) && !deletedEdges.Contains((o.TeamId, o.TargetId)))
            .ToList();
        ownership = Upsert(ownership, changes.UpsertOwnership, o => (o.TeamId, o.TargetId));

        var metrics = Upsert(Remove(workspace.Metrics, changes.DeleteMetrics, m => m.Id), changes.UpsertMetrics, m => m.Id);
        var insights = Upsert(Remove(workspace.Insights, changes.DeleteInsights, i => i.Id), changes.UpsertInsights, i => i.Id);
        var opportunities = Upsert(Remove(workspace.Opportunities, changes.DeleteOpportunities, o => o.Id), changes.UpsertOpportunities, o => o.Id);
        var solutions = Upsert(Remove(workspace.Solutions, changes.DeleteSolutions, s => s.Id), changes.UpsertSolutions, s => s.Id);

        // A deleted insight, opportunity or solution also leaves every list that named it (a solution's opportunities).
        var deletedRecords = changes.DeleteInsights.Concat(changes.DeleteOpportunities).Concat(changes.DeleteSolutions)
            .ToHashSet(StringComparer.Ordinal);
        var journeysChanged = changes.DeleteJourneys.Count + changes.UpsertJourneys.Count > 0;
        var journeyParts = journeysChanged
            ? journeys.SelectMany(j => j.Phases.Select(p => p.Id).Concat(j.Phases.SelectMany(p => p.Steps.Select(s => s.Id)))).ToHashSet(StringComparer.Ordinal)
            : null;
        var targets = journeysChanged ? journeyParts!.Concat(journeys.Select(j => j.Id)).ToHashSet(StringComparer.Ordinal) : null;

        string? Person(string? id) => id is not null && deletedPeople.Contains(id) ? null : id;
        string? Team(string? id) => id is not null && deletedTeams.Contains(id) ? null : id;
        IReadOnlyList<string> Teams(IReadOnlyList<string> ids) => Keep(ids, id => !deletedTeams.Contains(id) && !deletedRecords.Contains(id));
        IReadOnlyList<string> Parts(IReadOnlyList<string> ids) =>
            Keep(ids, id => !deletedRecords.Contains(id) && (journeyParts is null || journeyParts.Contains(id)));
        IReadOnlyList<string> Others(IReadOnlyList<string> ids) => Keep(ids, id => !deletedRecords.Contains(id));

        if (deletedPeople.Count + deletedTeams.Count + deletedRecords.Count > 0 || journeysChanged)
        {
            metrics = metrics.Select(m => m with
            {
                OwnerId = Person(m.OwnerId),
                TeamIds = Teams(m.TeamIds),
                TargetId = targets is not null && m.TargetId.Length > 0 && !targets.Contains(m.TargetId) ? "" : m.TargetId,
            }).ToList();
            insights = insights.Select(i => i with { OwnerId = Person(i.OwnerId), TeamIds = Teams(i.TeamIds), StepIds = Parts(i.StepIds) }).ToList();
            opportunities = opportunities.Select(o => o with
            {
                OwnerId = Person(o.OwnerId), TeamId = Team(o.TeamId), TargetIds = Parts(o.TargetIds), ExternalLinks = Others(o.ExternalLinks),
            }).ToList();
            solutions = solutions.Select(s => s with
            {
                OwnerId = Person(s.OwnerId), TeamId = Team(s.TeamId), OpportunityIds = Others(s.OpportunityIds),
            }).ToList();
        }

        // A person's cost goes with the person (SPEC §5: no cost entry may dangle).
        var costs = Upsert(Remove(workspace.Costs, [.. changes.DeleteCosts, .. changes.DeletePeople], c => c.PersonId), changes.UpsertCosts, c => c.PersonId);

        return workspace with
        {
            Costs = costs, Currency = changes.Currency ?? workspace.Currency,
            Journeys = journeys, People = people, Teams = teams, Roles = roles, Ownership = ownership, Metrics = metrics,
            Insights = insights, Opportunities = opportunities, Solutions = solutions,
            Weights = changes.Weights ?? workspace.Weights,
        };
    }

    private static List<T> Remove<T>(IReadOnlyList<T> items, IReadOnlyList<string> ids, Func<T, string> key)
    {
        if (ids.Count == 0) return items as List<T> ?? items.ToList();
        var gone = ids.ToHashSet(StringComparer.Ordinal);
        return items.Where(i => !gone.Contains(key(i))).ToList();
    }

    private static List<T> Upsert<T, TKey>(List<T> items, IReadOnlyList<T> upserts, Func<T, TKey> key) where TKey : notnull
    {
        if (upserts.Count == 0) return items;
        var result = new List<T>(items);
        var index = new Dictionary<TKey, int>();
        for (var i = 0; i < result.Count; i++) index.TryAdd(key(result[i]), i);
        foreach (var item in upserts)
        {
            if (index.TryGetValue(key(item), out var at)) result[at] = item;
            else
            {
                index[key(item)] = result.Count;
                result.Add(item);
            }
        }
        return result;
    }

    private static IReadOnlyList<string> Keep(IReadOnlyList<string> ids, Func<string, bool> keep) =>
        ids.All(keep) ? ids : ids.Where(keep).ToList();
}
