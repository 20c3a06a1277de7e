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
        var people = workspace.People.Select(p => p.Id).ToHashSet();
        var parents = workspace.Teams.ToDictionary(t => t.Id, t => t.ParentId);
        foreach (var team in workspace.Teams)
        {
            if (string.IsNullOrWhiteSpace(team.Name)) errors.Add($"Team '{team.Id}' needs a name.");
            if (team.ParentId is not null && !teams.Contains(team.ParentId)) errors.Add($"Team '{team.Name}' is placed under a unit that does not exist.");
            if (team.LeadId is not null && !people.Contains(team.LeadId)) errors.Add($"The lead of '{team.Name}' is not a person in the workspace.");
            var seen = new HashSet<string> { team.Id };
            for (var p = team.ParentId; p is not null && parents.TryGetValue(p, out var next); p = next)
                if (!seen.Add(p)) { errors.Add($"Team '{team.Name}' would end up inside itself."); break; }
            foreach (var m in team.Members)
            {
                if (!people.Contains(m.PersonId)) errors.Add($"'{m.PersonId}' in team '{team.Name}' is not a person in the workspace.");
                if (m.Allocation is <= 0 or > 1) errors.Add($"An allocation must be more than 0% and at most 100% (team '{team.Name}').");
            }
            if (team.Members.Select(m => m.PersonId).Distinct().Count() != team.Members.Count)
                errors.Add($"Someone is listed twice in team '{team.Name}'.");
        }
        return errors.Distinct().ToList();
    }
}
