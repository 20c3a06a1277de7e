using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.JourneyManagement;

/// <summary>
/// What removing an opportunity or a solution's link to it does to the rest of the workspace, as the workspace that
/// results and the one change set that gets there. Solutions outlive the opportunities they addressed: a solution is
/// real work in a tracker, so deleting an opportunity only drops it from the solutions' <see cref="Solution.OpportunityIds"/>.
/// </summary>
public static class OpportunityRemoval
{
    /// <summary>Deletes the opportunity and removes its id from every solution that addressed it.</summary>
    public static (Workspace Resulting, WorkspaceChangeSet Changes) Delete(Workspace workspace, string opportunityId)
    {
        var detached = workspace.Solutions.Where(s => s.OpportunityIds.Contains(opportunityId))
            .Select(s => s with { OpportunityIds = s.OpportunityIds.Where(id => id != opportunityId).ToList() })
            .ToList();
        var resulting = workspace with
        {
            Opportunities = workspace.Opportunities.Where(o => o.Id != opportunityId).ToList(),
            Solutions = Replace(workspace.Solutions, detached),
        };
        return (resulting, new WorkspaceChangeSet { DeleteOpportunities = [opportunityId], UpsertSolutions = detached });
    }

    /// <summary>
    /// The solution no longer addresses the opportunity. A solution that addressed nothing else is deleted: it was
    /// created for this opportunity, and kept it would be listed nowhere but on its team's page.
    /// </summary>
    public static (Workspace Resulting, WorkspaceChangeSet Changes) DetachSolution(Workspace workspace, string solutionId, string opportunityId)
    {
        var solution = workspace.Solutions.FirstOrDefault(s => s.Id == solutionId);
        if (solution is null || !solution.OpportunityIds.Contains(opportunityId)) return (workspace, new WorkspaceChangeSet());
        var rest = solution.OpportunityIds.Where(id => id != opportunityId).ToList();
        if (rest.Count == 0)
            return (workspace with { Solutions = workspace.Solutions.Where(s => s.Id != solutionId).ToList() },
                new WorkspaceChangeSet { DeleteSolutions = [solutionId] });
        var detached = solution with { OpportunityIds = rest };
        return (workspace with { Solutions = Replace(workspace.Solutions, [detached]) }, new WorkspaceChangeSet { UpsertSolutions = [detached] });
    }

    private static List<Solution> Replace(IReadOnlyList<Solution> solutions, IReadOnlyList<Solution> changed)
    {
        var byId = changed.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return solutions.Select(s => byId.GetValueOrDefault(s.Id, s)).ToList();
    }
}
