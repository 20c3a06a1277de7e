using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Editing;
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
    IReadOnlyList<string> Errors)
{
    /// <summary>Set when the map shows a scenario's organisation: changes are marked against today's and nothing is editable.</summary>
    public Scenarios.ScenarioLens? Lens { get; init; }

    /// <summary>Where a team's name links: its page today, or its page in the scenario.</summary>
    public string TeamHref(string teamId) => Lens?.TeamHref(teamId) ?? $"/teams/{teamId}";

    /// <summary>The ownership edit just saved: confirmed on the map with its effects and undo; the phase it touched takes the keyboard focus.</summary>
    public OwnershipOutcome? Done { get; init; }

    /// <summary>An ownership edit refused: its reasons are shown next to the form that posted it, with what was typed.</summary>
    public OwnershipOutcome? Refusal { get; init; }

    /// <summary>The refusal of the assign form <paramref name="form"/> (a phase id, or the journey id), if that form posted it.</summary>
    public OwnershipOutcome? RefusalOf(string form) => Refusal is { } r && r.Form.Place == form ? r : null;

    /// <summary>The team picker of the assign form <paramref name="form"/>: empty, or as posted with the reason it was refused.</summary>
    public NamePick TeamPick(string form, string label)
    {
        var pick = new NamePick("team", "owner-" + form, "TeamId", label) { QuietLabel = true };
        return RefusalOf(form) is { } r ? pick.Refused(r.Form.TeamId, r.Form.TeamText, r.TeamProblem ?? "") with { Problem = r.TeamProblem } : pick;
    }

    public static JourneyMapModel Build(OrgView org, Journey journey, IReadOnlyList<string>? errors = null)
    {
        var report = org.Report;
        var phases = journey.Phases.Select(phase =>
        {
            var units = phase.Steps.Count == 0
                ? [new UnitCard(phase.Id, phase.Name, null, OwnerExplanation.ForEmptyPhase(org, phase),
                    OwnerExplanation.Contributing(org, phase.Id), [])]
                : phase.Steps.Select(step => new UnitCard(step.Id, step.Name, step.SubjourneyId,
                    OwnerExplanation.ForStep(org, step),
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
        var colours = StripColours(strip);
        strip = strip.Select(u => u.Owners.Count == 0 ? u : u with { Colour = colours[u.Owners[0]] }).ToList();

        return new JourneyMapModel(org, journey,
            org.JourneyAncestry(journey.Id).Skip(1).Reverse().ToList(),
            report?.Journeys.FirstOrDefault(j => j.Id == journey.Id),
            phases, strip,
            errors ?? []);
    }

    /// <summary>The colours of the handoff strip (site.css <c>team-colour-0</c> … <c>-9</c>, dark enough for white text).</summary>
    public const int StripColourCount = 10;

    /// <summary>
    /// A colour class per team of this strip (keyed by each unit's first owner) such that neighbouring boxes of different
    /// teams never share one: teams get colours in order of appearance, each the first not used yet, or once all ten are
    /// taken the first that none of its neighbours in the strip has. A team's name is always written in its box as well.
    /// </summary>
    public static IReadOnlyDictionary<string, string> StripColours(IReadOnlyList<StripUnit> strip)
    {
        var leads = strip.Select(u => u.Owners.Count > 0 ? u.Owners[0] : null).ToList();
        var neighbours = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < leads.Count; i++)
        {
            if (leads[i] is not { } team) continue;
            if (!neighbours.TryGetValue(team, out var set)) neighbours[team] = set = new(StringComparer.Ordinal);
            foreach (var j in new[] { i - 1, i + 1 })
                if (j >= 0 && j < leads.Count && leads[j] is { } other && other != team) set.Add(other);
        }
        var colour = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var team in leads.OfType<string>().Distinct())
        {
            var taken = neighbours[team].Where(colour.ContainsKey).Select(n => colour[n]).ToHashSet();
            var used = colour.Values.ToHashSet();
            var free = Enumerable.Range(0, StripColourCount).Where(c => !taken.Contains(c)).ToList();
            colour[team] = free.Where(c => !used.Contains(c)).Concat(free).DefaultIfEmpty(0).First();
        }
        return colour.ToDictionary(x => x.Key, x => $"team-colour-{x.Value}", StringComparer.Ordinal);
    }
}

public sealed record PhaseColumn(
    Phase Phase, PhaseAlignment? Alignment,
    IReadOnlyList<string> Accountable, IReadOnlyList<string> Contributing, IReadOnlyList<Metric> Metrics,
    IReadOnlyList<UnitCard> Units);

/// <summary>A step (or a phase without steps) with its effective owners and where they come from.</summary>
public sealed record UnitCard(
    string Id, string Name, string? SubjourneyId, EffectiveOwners Owners, IReadOnlyList<string> Contributing, IReadOnlyList<Metric> Metrics);

public sealed record StripUnit(string Id, string Name, IReadOnlyList<string> Owners, bool HandoffBefore)
{
    /// <summary>The colour class of the box (none for a unit without owner).</summary>
    public string? Colour { get; init; }
}

/// <summary>The change-kind and remove buttons of one OWNS edge on the journey map. Rendered by _OwnerButtons.</summary>
public sealed record OwnerButtons(string JourneyId, string TeamId, string TeamName, string TargetId, string TargetName, OwnershipKind Kind, long Revision);
