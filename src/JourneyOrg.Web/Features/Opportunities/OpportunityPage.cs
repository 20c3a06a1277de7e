using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Opportunities;

/// <summary>
/// One opportunity with what a reader asks of it: its Value under the workspace's weights and its rank, where it is on
/// the journeys and who is accountable there, and the solutions addressing it. <see cref="Ranked"/> is null while no
/// analysis engine is installed (then rank and accountability are unknown; Value is not).
/// </summary>
public sealed record OpportunityPageModel(
    OrgView Org, Opportunity Opportunity, double? Value, PrioritisedOpportunity? Ranked, int RankedCount,
    IReadOnlyList<OpportunityPlace> Places, IReadOnlyList<Solution> Solutions)
{
    /// <summary>Why the last edit was refused, in the editor's words.</summary>
    public FormProblems Problems { get; init; } = FormProblems.None;
    /// <summary>What the last edit did, when it was applied.</summary>
    public string? Saved { get; init; }
    /// <summary>The opportunity form as typed, when its save was refused (so nothing typed is lost).</summary>
    public OpportunityForm? Draft { get; init; }
    /// <summary>A solution form as typed when refused; <see cref="SolutionDraftId"/> says which solution (null: the new one).</summary>
    public SolutionForm? SolutionDraft { get; init; }
    public string? SolutionDraftId { get; init; }

    public OpportunityForm Form => Draft ?? OpportunityForm.From(Opportunity);

    /// <summary>Statuses in use, offered as suggestions (status is free text).</summary>
    public IReadOnlyList<string> Statuses => StatusesIn(Org.Workspace);

    public static OpportunityPageModel Build(OrgView org, Opportunity opportunity)
    {
        var w = org.Workspace;
        var ranked = org.RankedOpportunities;
        var places = opportunity.TargetIds.Select(id => OpportunityPlace.Of(org, org.Accountability, id)).ToList();
        return new OpportunityPageModel(org, opportunity, Prioritisation.ValueOf(opportunity, w.Weights),
            ranked?.FirstOrDefault(p => p.Opportunity.Id == opportunity.Id), ranked?.Count ?? 0, places,
            org.SolutionsByOpportunity[opportunity.Id].OrderBy(s => PriorityOrder(s.Priority)).ThenBy(s => s.Title, StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    public static IReadOnlyList<string> StatusesIn(Workspace w) =>
        new[] { "open", "in progress", "done" }.Concat(w.Opportunities.Select(o => o.Status).OfType<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static int PriorityOrder(string? priority) => priority is null ? 3 : Math.Max(0, SolutionPriorities.All.ToList().IndexOf(priority));
}

/// <summary>
/// A step or phase an opportunity is on: its name, the page to open it on, and the teams accountable for it (null when
/// the analysis is missing). <see cref="Exists"/> is false for a target deleted since it was linked.
/// </summary>
public sealed record OpportunityPlace(string TargetId, bool Exists, bool IsStep, string? JourneyId, string Name, string? Href,
    IReadOnlyList<string>? AccountableTeams, bool Unowned)
{
    public static OpportunityPlace Of(OrgView org, Accountability? accountability, string targetId)
    {
        var teams = accountability?.TeamsFor([targetId]);
        var unowned = accountability?.TouchesUnownedUnit([targetId]) ?? false;
        if (org.Steps.TryGetValue(targetId, out var s))
            return new(targetId, true, true, s.Journey.Id, org.TargetName(targetId),
                $"/journeys/{Uri.EscapeDataString(s.Journey.Id)}/steps/{Uri.EscapeDataString(targetId)}", teams, unowned);
        if (org.Phases.TryGetValue(targetId, out var p))
            return new(targetId, true, false, p.Journey.Id, org.TargetName(targetId), $"/journeys/{Uri.EscapeDataString(p.Journey.Id)}", teams, unowned);
        return new(targetId, false, false, null, targetId, null, null, false);
    }
}

/// <summary>The Value formula written out with the workspace's weights, the same words on every screen.</summary>
public static class ValueFormula
{
    public static string Describe(PrioritisationWeights w)
    {
        var total = w.CustomerValue + w.BusinessValue;
        return $"Value = ({N(w.CustomerValue)} × Customer Value + {N(w.BusinessValue)} × Business Value) / {N(total)}";
    }

    /// <summary>The worked example for one opportunity, e.g. <c>(1 × 80 + 1 × 60) / 2 = 70</c>.</summary>
    public static string Worked(Opportunity o, PrioritisationWeights w, double? value) =>
        value is null ? "no Value: neither Customer nor Business Value is scored"
        : $"({N(w.CustomerValue)} × {N(o.CustomerValue ?? 0)} + {N(w.BusinessValue)} × {N(o.BusinessValue ?? 0)}) / {N(w.CustomerValue + w.BusinessValue)} = {N(value.Value)}";

    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The opportunity fields with the workspace's choices; <see cref="Prefix"/> keeps label ids unique on the page.</summary>
public sealed record OpportunityFieldsModel(string Prefix, OpportunityForm Form, OrgView Org, IReadOnlyList<string> Statuses, FormProblems Problems);

/// <summary>The solution fields with the workspace's teams; <see cref="Prefix"/> keeps label ids unique per row.</summary>
public sealed record SolutionFieldsModel(string Prefix, SolutionForm Form, OrgView Org, FormProblems Problems)
{
    public static SolutionForm FormOf(Solution s) => new()
    {
        Title = s.Title, Type = s.Type, Status = s.Status, Priority = s.Priority, TeamId = s.TeamId,
        ExternalLinks = string.Join("\n", s.ExternalLinks),
    };
}

/// <summary>The new-opportunity form; <see cref="OutOfBand"/> when it rides along another fragment's response.</summary>
public sealed record NewOpportunityModel(OpportunitiesModel List, bool OutOfBand = false);
