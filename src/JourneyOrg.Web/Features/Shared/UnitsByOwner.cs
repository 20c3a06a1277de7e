using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// Every journey unit (a step, or a phase without steps) under each team that owns it in effect, in journey order,
/// worked out once per revision. The team page lists a team's units and the person page the journeys of a person's
/// teams; each walked all 2,600 units of a 100,000-person organisation on every request.
/// </summary>
public sealed class UnitsByOwner
{
    /// <summary>A unit and who owns it in effect; <see cref="Step"/> is null for a phase without steps.</summary>
    public sealed record Unit(Journey Journey, Phase Phase, Step? Step, EffectiveOwners Owners)
    {
        /// <summary>The step's id, or the phase's for a phase without steps.</summary>
        public string Id => Step?.Id ?? Phase.Id;

        /// <summary>The step's name, or the phase's for a phase without steps.</summary>
        public string Name => Step?.Name ?? Phase.Name;
    }

    private readonly ILookup<string, Unit> _byTeam;

    private UnitsByOwner(OrgView org)
    {
        var owned = new List<(string TeamId, Unit Unit)>();
        foreach (var journey in org.Workspace.Journeys)
            foreach (var phase in journey.Phases)
            {
                if (phase.Steps.Count == 0)
                    Add(new Unit(journey, phase, null, OwnerExplanation.ForEmptyPhase(org, phase)));
                foreach (var step in phase.Steps)
                    Add(new Unit(journey, phase, step, OwnerExplanation.ForStep(org, step)));
            }
        _byTeam = owned.ToLookup(x => x.TeamId, x => x.Unit);

        void Add(Unit unit)
        {
            foreach (var teamId in unit.Owners.TeamIds.Distinct()) owned.Add((teamId, unit));
        }
    }

    public static UnitsByOwner Of(OrgView org) => org.PerRevision(typeof(UnitsByOwner), () => new UnitsByOwner(org));

    /// <summary>The units <paramref name="teamId"/> owns in effect, in journey, phase and step order.</summary>
    public IEnumerable<Unit> OwnedBy(string teamId) => _byTeam[teamId];
}
