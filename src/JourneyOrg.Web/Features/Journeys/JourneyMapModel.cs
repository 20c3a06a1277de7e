using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Journeys;

/// <summary>Everything the journey map draws: phases as columns, their units and lanes, and the handoff strip.</summary>
public sealed record JourneyMapModel(
    OrgView Org,
    Journey Journey,
    IReadOnlyList<Journey> Ancestors,
    JourneyAlignment? Alignment,
    IReadOnlyList<PhaseColumn> Phases,
    IReadOnlyList<StripUnit> Strip,
    IReadOnlyList<Team> TeamChoices,
    IReadOnlyList<string> Errors)
{
    /// <summary>Set when the map shows a scenario's organisation: changes are marked against today's and nothing is editable.</summary>
    public Scenarios.ScenarioLens? Lens { get; init; }

    /// <summary>Where a team's name links: its page today, or its page in the scenario.</summary>
    public string TeamHref(string teamId) => Lens?.TeamHref(teamId) ?? $"/teams/{teamId}";

    /// <summary>The ownership edit just saved: confirmed on the map, and the phase it touched takes the keyboard focus.</summary>
    public OwnershipEditDone? Done { get; init; }

    public static JourneyMapModel Build(OrgView org, Journey journey, IReadOnlyList<string>? errors = null)
    {
        var report = org.Report;
        var phases = journey.Phases.Select(phase =>
        {
            var units = phase.Steps.Count == 0
                ? [new UnitCard(phase.Id, phase.Name, null, OwnerExplanation.ForEmptyPhase(org, journey, phase),
                    OwnerExplanation.Contributing(org, phase.Id), [])]
                : phase.Steps.Select(step => new UnitCard(step.Id, step.Name, step.SubjourneyId,
                    OwnerExplanation.ForStep(org, journey, phase, step),
                    OwnerExplanation.Contributing(org, step.Id), org.MetricsByTarget[step.Id].ToList())).ToList();
            return new PhaseColumn(phase,
                report?.Phases.FirstOrDefault(p => p.Id == phase.Id),
                OwnerExplanation.Accountable(org, phase.Id),
                OwnerExplanation.Contributing(org, phase.Id),
                org.MetricsByTarget[phase.Id].ToList(),
                units);
        }).ToList();

        var strip = new List<StripUnit>();
        IReadOnlyList<string>? previous = null;
        foreach (var unit in phases.SelectMany(p => p.Units))
        {
            var owners = unit.Owners.TeamIds;
            var handoff = previous is { Count: > 0 } && owners.Count > 0 && !previous.SequenceEqual(owners);
            strip.Add(new StripUnit(unit.Id, unit.Name, owners, handoff));
            previous = owners;
        }

        return new JourneyMapModel(org, journey,
            org.JourneyAncestry(journey.Id).Skip(1).Reverse().ToList(),
            report?.Journeys.FirstOrDefault(j => j.Id == journey.Id),
            phases, strip,
            org.Workspace.Teams.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            errors ?? []);
    }

    /// <summary>A stable colour class per team for the handoff strip (site.css: dark enough for white text).</summary>
    public static string TeamColour(string teamId)
    {
        var hash = 0u;
        foreach (var c in teamId) hash = hash * 31 + c;
        return $"team-colour-{hash % 10}";
    }
}

public sealed record PhaseColumn(
    Phase Phase, PhaseAlignment? Alignment,
    IReadOnlyList<string> Accountable, IReadOnlyList<string> Contributing, IReadOnlyList<Metric> Metrics,
    IReadOnlyList<UnitCard> Units);

/// <summary>A step (or a phase without steps) with its effective owners and where they come from.</summary>
public sealed record UnitCard(
    string Id, string Name, string? SubjourneyId, EffectiveOwners Owners, IReadOnlyList<string> Contributing, IReadOnlyList<Metric> Metrics);

public sealed record StripUnit(string Id, string Name, IReadOnlyList<string> Owners, bool HandoffBefore);

/// <summary>An ownership edit that was saved: what to tell the planner, and which team and target it was about.</summary>
public sealed record OwnershipEditDone(string Message, string TeamId, string TargetId);
