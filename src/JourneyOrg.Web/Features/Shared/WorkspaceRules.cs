using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// The checks an edit must pass before it is stored. The common mistakes are explained in the editor's words first;
/// then the import validator runs on the whole resulting workspace, so an edit can never store what an import would refuse
/// (its errors say where as a person counts, see <see cref="WorkspacePlaces"/>).
/// </summary>
public static class WorkspaceRules
{
    public static IReadOnlyList<string> Check(Workspace workspace)
    {
        var explained = Explain(workspace);
        return explained.Count > 0
            ? explained
            : WorkspaceValidator.Validate(workspace).Select(e => WorkspacePlaces.Explain(e, workspace)).ToList();
    }

    private static List<string> Explain(Workspace workspace)
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
        var journeyParents = workspace.Journeys.ToDictionary(j => j.Id, j => j.ParentId);
        foreach (var journey in workspace.Journeys)
        {
            if (string.IsNullOrWhiteSpace(journey.Name)) errors.Add($"Journey '{journey.Id}' needs a name.");
            if (journey.ParentId is not null && !journeyParents.ContainsKey(journey.ParentId)) errors.Add($"Journey '{journey.Name}' is placed under a journey that does not exist.");
            var seen = new HashSet<string> { journey.Id };
            for (var p = journey.ParentId; p is not null && journeyParents.TryGetValue(p, out var next); p = next)
                if (!seen.Add(p)) { errors.Add($"Journey '{journey.Name}' would end up inside itself."); break; }
            foreach (var phase in journey.Phases)
            {
                if (string.IsNullOrWhiteSpace(phase.Name)) errors.Add($"A phase of '{journey.Name}' needs a name.");
                foreach (var step in phase.Steps)
                {
                    if (string.IsNullOrWhiteSpace(step.Name)) errors.Add($"A step of '{journey.Name} › {phase.Name}' needs a name.");
                    if (step.SubjourneyId is not null && !journeyParents.ContainsKey(step.SubjourneyId))
                        errors.Add($"Step '{step.Name}' uses a sub-journey that does not exist.");
                }
            }
        }
        var ids = workspace.Journeys.Select(j => j.Id)
            .Concat(workspace.Journeys.SelectMany(j => j.Phases.Select(p => p.Id)))
            .Concat(workspace.Journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps.Select(s => s.Id))))
            .Concat(workspace.Teams.Select(t => t.Id)).Concat(workspace.People.Select(p => p.Id)).Concat(workspace.Roles.Select(r => r.Id));
        foreach (var duplicate in ids.GroupBy(i => i).Where(g => g.Count() > 1))
            errors.Add($"The id '{duplicate.Key}' is used twice; ids must be unique across the workspace.");
        foreach (var metric in workspace.Metrics.Where(m => m.IsLinked && !targets.Contains(m.TargetId)))
            errors.Add($"Metric '{metric.Name}' measures something that does not exist.");
        return errors.Distinct().ToList();
    }
}
