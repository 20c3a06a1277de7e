using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Org;

/// <summary>
/// A manager's alignment page: the journeys and phases their organisation serves (FTE, and the share of each journey's
/// and phase's FTE that sits under them), the gaps and overlaps in those journeys, and the handoffs they settle.
/// </summary>
public sealed record ManagerAlignmentPage(
    OrgView Org, Person Person, ManagerAlignment? Figures,
    IReadOnlyList<ServedJourney> Journeys, IReadOnlyList<HandoffEscalation> Handoffs)
{
    /// <summary>Handoffs listed in full; a leader at the top of a large organisation can settle thousands.</summary>
    public const int MaxHandoffsShown = 200;

    public static ManagerAlignmentPage Build(OrgView org, Person person)
    {
        var alignment = org.OrgAlignment;
        var figures = alignment.Manager(person.Id);
        var report = org.Report;
        var journeys = new List<ServedJourney>();
        if (figures is not null && report is not null)
        {
            var phaseFte = alignment.PhaseFte(person.Id);
            var journeyById = report.Journeys.ToDictionary(j => j.Id);
            var phasesByJourney = report.Phases.ToLookup(p => p.JourneyId);
            foreach (var share in figures.JourneyFte.OrderByDescending(j => j.Fte))
            {
                var whole = journeyById.GetValueOrDefault(share.JourneyId);
                var phases = phasesByJourney[share.JourneyId].Select(p => new ServedPhase(
                    p, org.Phases.TryGetValue(p.Id, out var known) ? known.Phase.Name : p.Id,
                    phaseFte.GetValueOrDefault(p.Id))).ToList();
                journeys.Add(new ServedJourney(share.JourneyId, org.JourneyName(share.JourneyId), share.Fte, whole, phases));
            }
        }
        return new ManagerAlignmentPage(org, person, figures, journeys, alignment.EscalatedTo(person.Id).ToList());
    }

    /// <summary>Who leads a team, for the handoff table.</summary>
    public string? LeadOf(string teamId) =>
        Org.Teams.TryGetValue(teamId, out var team) && team.LeadId is { } lead && Org.People.ContainsKey(lead) ? lead : null;
}

/// <summary>A journey the organisation serves: its FTE there and that journey's whole FTE and phases.</summary>
public sealed record ServedJourney(string Id, string Name, double Fte, JourneyAlignment? Whole, IReadOnlyList<ServedPhase> Phases)
{
    public double Share => Whole is { Fte: > 0 } w ? Fte / w.Fte : 0;

    /// <summary>Phases with a gap or an overlap: what the leader's teams may be asked to settle.</summary>
    public IEnumerable<ServedPhase> Trouble => Phases.Where(p => p.Alignment.Status != PhaseStatus.Owned);
}

/// <summary>A phase with the FTE the organisation puts into it.</summary>
public sealed record ServedPhase(PhaseAlignment Alignment, string Name, double Fte)
{
    public double Share => Alignment.Fte > 0 ? Fte / Alignment.Fte : 0;
}
