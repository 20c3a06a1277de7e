using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.JourneyManagement;

/// <summary>
/// What removing an opportunity or a solution's link to it does to the rest of the workspace, as the one change set
/// that gets there (its effect is <see cref="Workspaces.WorkspaceChanges.ApplyTo"/>). Solutions outlive the opportunities they addressed: a solution is
/// real work in a tracker, so deleting an opportunity only drops it from the solutions' <see cref="Solution.OpportunityIds"/>.
/// </summary>
public static class OpportunityRemoval
{
    /// <summary>Deletes the opportunity and removes its id from every solution that addressed it.</summary>
    public static WorkspaceChangeSet Delete(Workspace workspace, string opportunityId)
    {
        var detached = workspace.Solutions.Where(s => s.OpportunityIds.Contains(opportunityId))
            .Select(s => s with { OpportunityIds = s.OpportunityIds.Where(id => id != opportunityId).ToList() })
            .ToList();
        return new WorkspaceChangeSet { DeleteOpportunities = [opportunityId], UpsertSolutions = detached };
    }

    /// <summary>
    /// The solution no longer addresses the opportunity. A solution that addressed nothing else is deleted: it was
    /// created for this opportunity, and kept it would be listed nowhere but on its team's page.
    /// </summary>
    public static WorkspaceChangeSet DetachSolution(Workspace workspace, string solutionId, string opportunityId)
    {
        var solution = workspace.Solutions.FirstOrDefault(s => s.Id == solutionId);
        if (solution is null || !solution.OpportunityIds.Contains(opportunityId)) return new WorkspaceChangeSet();
        var rest = solution.OpportunityIds.Where(id => id != opportunityId).ToList();
        return rest.Count == 0
            ? new WorkspaceChangeSet { DeleteSolutions = [solutionId] }
            : new WorkspaceChangeSet { UpsertSolutions = [solution with { OpportunityIds = rest }] };
    }
}
