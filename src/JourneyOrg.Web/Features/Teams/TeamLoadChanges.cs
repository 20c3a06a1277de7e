using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Teams;

namespace JourneyOrg.Web.Features.Teams;

/// <summary>A team whose cognitive-load signals a scenario changes; null on the side where the team does not exist.</summary>
public sealed record TeamLoadChange(string TeamId, string Name, CognitiveLoad? Before, CognitiveLoad? After);

/// <summary>
/// Cognitive-load signals before and after a scenario, for the teams where any signal differs (concerns aside, which
/// follow from the signals): today's from the view's Team API, the scenario's built the same way on its own analysis.
/// </summary>
public static class TeamLoadChanges
{
    public static IReadOnlyList<TeamLoadChange> Of(OrgView org, SimulationResult simulation)
    {
        if (org.TeamApis is not { } before || simulation.Workspace is not { } workspace || simulation.Scenario is not { } report) return [];
        var after = TeamApi.Build(workspace, report).ToDictionary(d => d.Id);
        return before.Keys.Union(after.Keys)
            .Select(id => new TeamLoadChange(id, after.GetValueOrDefault(id)?.Name ?? before[id].Name,
                before.GetValueOrDefault(id)?.CognitiveLoad, after.GetValueOrDefault(id)?.CognitiveLoad))
            .Where(c => c.Before != c.After)
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
