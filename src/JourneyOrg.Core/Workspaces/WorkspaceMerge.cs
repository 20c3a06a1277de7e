using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Workspaces;

/// <summary>
/// An import with <c>--merge</c>: the records of a file upserted by id into the stored workspace. A journey in the file
/// replaces the stored journey with its phases and steps; a team replaces the stored team with its membership list;
/// ownership is keyed by team and target. Nothing is deleted.
/// </summary>
/// <param name="Workspace">The workspace after the merge: the file's records first, in file order, then the stored records the file does not mention.</param>
/// <param name="Paths">Paths for <see cref="WorkspaceValidator"/>: file positions for the file's records, <c>store:$.teams[id='…']</c> for stored ones.</param>
/// <param name="Changes">The upserts that turn the stored workspace into <see cref="Workspace"/>.</param>
/// <param name="Added">How many of the file's records are new to the store.</param>
/// <param name="Updated">How many of the file's records replace a stored one.</param>
public sealed record WorkspaceMerge(Workspace Workspace, WorkspaceElementPath Paths, WorkspaceChangeSet Changes, int Added, int Updated)
{
    /// <summary>Merges <paramref name="incoming"/> (a file's records) into <paramref name="stored"/>.</summary>
    public static WorkspaceMerge Of(Workspace stored, Workspace incoming)
    {
        var added = 0;
        var updated = 0;
        IReadOnlyList<T> Upsert<T>(IReadOnlyList<T> file, IReadOnlyList<T> store, Func<T, string> key)
        {
            var inFile = file.Select(key).ToHashSet(StringComparer.Ordinal);
            var merged = new List<T>(file.Count + store.Count);
            merged.AddRange(file);
            var replaced = 0;
            foreach (var record in store)
            {
                if (inFile.Contains(key(record))) replaced++;
                else merged.Add(record);
            }
            updated += replaced;
            added += inFile.Count - replaced;
            return merged;
        }

        var journeys = Upsert(incoming.Journeys, stored.Journeys, j => j.Id);
        var people = Upsert(incoming.People, stored.People, p => p.Id);
        var teams = Upsert(incoming.Teams, stored.Teams, t => t.Id);
        var roles = Upsert(incoming.Roles, stored.Roles, r => r.Id);
        var ownership = Upsert(incoming.Ownership, stored.Ownership, OwnershipKey);
        var metrics = Upsert(incoming.Metrics, stored.Metrics, m => m.Id);
        var merged = new Workspace(journeys, people, teams, roles, ownership, metrics)
        {
            Insights = Upsert(incoming.Insights, stored.Insights, i => i.Id),
            Opportunities = Upsert(incoming.Opportunities, stored.Opportunities, o => o.Id),
            Solutions = Upsert(incoming.Solutions, stored.Solutions, s => s.Id),
            Weights = incoming.Weights == PrioritisationWeights.Default ? stored.Weights : incoming.Weights,
            Costs = Upsert(incoming.Costs, stored.Costs, c => c.PersonId),
            // A file that names no currency keeps the stored one, as with the weights.
            Currency = incoming.Currency == CostCurrency.Default ? stored.Currency : incoming.Currency,
        };

        string Path(string section, int index)
        {
            var fileCount = section switch
            {
                "journeys" => incoming.Journeys.Count,
                "people" => incoming.People.Count,
                "teams" => incoming.Teams.Count,
                "roles" => incoming.Roles.Count,
                "ownership" => incoming.Ownership.Count,
                "insights" => incoming.Insights.Count,
                "opportunities" => incoming.Opportunities.Count,
                "solutions" => incoming.Solutions.Count,
                "costs" => incoming.Costs.Count,
                _ => incoming.Metrics.Count,
            };
            if (index < fileCount) return JsonPath.Index(JsonPath.Property(JsonPath.Root, section), index);
            var name = section switch
            {
                "journeys" => $"id='{merged.Journeys[index].Id}'",
                "people" => $"id='{merged.People[index].Id}'",
                "teams" => $"id='{merged.Teams[index].Id}'",
                "roles" => $"id='{merged.Roles[index].Id}'",
                "ownership" => $"teamId='{merged.Ownership[index].TeamId}',targetId='{merged.Ownership[index].TargetId}'",
                "insights" => $"id='{merged.Insights[index].Id}'",
                "opportunities" => $"id='{merged.Opportunities[index].Id}'",
                "solutions" => $"id='{merged.Solutions[index].Id}'",
                "costs" => $"personId='{merged.Costs[index].PersonId}'",
                _ => $"id='{merged.Metrics[index].Id}'",
            };
            return $"store:$.{section}[{name}]";
        }

        var changes = new WorkspaceChangeSet
        {
            UpsertJourneys = incoming.Journeys,
            UpsertPeople = incoming.People,
            UpsertTeams = incoming.Teams,
            UpsertRoles = incoming.Roles,
            UpsertOwnership = incoming.Ownership,
            UpsertMetrics = incoming.Metrics,
            UpsertInsights = incoming.Insights,
            UpsertOpportunities = incoming.Opportunities,
            UpsertSolutions = incoming.Solutions,
            Weights = merged.Weights == stored.Weights ? null : merged.Weights,
            UpsertCosts = incoming.Costs,
            Currency = merged.Currency == stored.Currency ? null : merged.Currency,
        };
        return new WorkspaceMerge(merged, Path, changes, added, updated);
    }

    private static string OwnershipKey(Ownership edge) => edge.TeamId + "\u001f" + edge.TargetId;
}
