using System.Security.Claims;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// A planned opening and the scenario that plans it. <see cref="AnnualCost"/> is the role's cost of one full-time opening in
/// that scenario (a role the scenario creates has its own), null when unknown. HR data.
/// </summary>
public sealed record PlannedOpening(StoredScenario Scenario, Opening Opening, double? AnnualCost = null);

/// <summary>
/// Openings planned across the stored scenarios that apply to today's organisation (discarded ones left out), of the scenarios
/// the reader may see.
/// </summary>
public sealed class ScenarioOpenings(IScenarioStore store)
{
    public async Task<IReadOnlyList<PlannedOpening>> ListAsync(OrgView org, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = new List<PlannedOpening>();
        foreach (var stored in await store.ListVisibleAsync(user, cancellationToken))
        {
            if (stored.Status == ScenarioStatus.Discarded) continue;
            var plan = ScenarioSummary.Of(org, stored).Plan;
            if (plan.Simulation is { Valid: true } simulation)
            {
                var roles = simulation.Workspace!.Roles.ToDictionary(r => r.Id);
                result.AddRange(simulation.Openings.Select(o => new PlannedOpening(stored, o, roles.GetValueOrDefault(o.RoleId)?.AnnualCost)));
            }
        }
        return result;
    }
}
