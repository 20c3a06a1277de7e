using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.JourneyManagement;

/// <summary>An opportunity with its computed Value, the teams accountable for its units, and its flag.</summary>
/// <param name="Opportunity">The opportunity as stored.</param>
/// <param name="Value">(wc × CustomerValue + wb × BusinessValue) / (wc + wb), 0–100; null when neither score is set.</param>
/// <param name="AccountableTeams">Effective owners of the units it is on.</param>
/// <param name="Flagged">Some unit it is on has no accountable team.</param>
/// <param name="JourneyIds">The journeys it is on.</param>
/// <param name="Rank">1 for the first in the ranked list.</param>
public sealed record PrioritisedOpportunity(
    Opportunity Opportunity, double? Value, IReadOnlyList<string> AccountableTeams, bool Flagged, IReadOnlyList<string> JourneyIds, int Rank);

/// <summary>Filters for the ranked list; null means any.</summary>
public sealed record OpportunityFilter(string? JourneyId = null, string? TeamId = null, string? Status = null);

/// <summary>
/// Ranks opportunities across all journeys on one rule. Value = (wc × CV + wb × BV) / (wc + wb), with the workspace's
/// weights (default 1 and 1, the plain mean); a missing score counts as 0, and an opportunity with neither score has no
/// Value. The list is ordered by Value (highest first, unscored last), then by Effort (lowest first, unestimated last),
/// then by title.
/// </summary>
public static class Prioritisation
{
    /// <summary>The Value of one opportunity under <paramref name="weights"/>.</summary>
    public static double? ValueOf(Opportunity opportunity, PrioritisationWeights weights)
    {
        if (opportunity.CustomerValue is null && opportunity.BusinessValue is null) return null;
        var total = weights.CustomerValue + weights.BusinessValue;
        if (!(total > 0)) return null;
        return MetricFormulas.Round(
            (weights.CustomerValue * (opportunity.CustomerValue ?? 0) + weights.BusinessValue * (opportunity.BusinessValue ?? 0)) / total);
    }

    /// <summary>Every opportunity that passes <paramref name="filter"/>, ranked.</summary>
    public static IReadOnlyList<PrioritisedOpportunity> Rank(Workspace workspace, AlignmentReport report, OpportunityFilter? filter = null) =>
        Rank(workspace, new Accountability(report), filter);

    /// <summary>As <see cref="Rank(Workspace, AlignmentReport, OpportunityFilter?)"/>, with the report's accountability already indexed.</summary>
    public static IReadOnlyList<PrioritisedOpportunity> Rank(Workspace workspace, Accountability accountability, OpportunityFilter? filter = null)
    {
        var ranked = workspace.Opportunities
            .Select(o => new PrioritisedOpportunity(o, ValueOf(o, workspace.Weights), accountability.TeamsFor(o.TargetIds),
                accountability.TouchesUnownedUnit(o.TargetIds),
                accountability.JourneysOf(o.TargetIds), 0))
            .Where(p => filter is null || Passes(p, filter))
            .OrderBy(p => p.Value is null).ThenByDescending(p => p.Value)
            .ThenBy(p => p.Opportunity.Effort is null).ThenBy(p => p.Opportunity.Effort)
            .ThenBy(p => p.Opportunity.Title, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(p => p.Opportunity.Id, StringComparer.Ordinal)
            .ToList();
        return ranked.Select((p, i) => p with { Rank = i + 1 }).ToList();
    }

    /// <summary>Opportunities whose accountable teams differ between two analyses of the same journeys (a scenario's diff).</summary>
    public static IReadOnlyList<OpportunityOwnerChange> AccountableChanges(Workspace workspace, AlignmentReport before, AlignmentReport after)
    {
        if (workspace.Opportunities.Count == 0) return [];
        var (b, a) = (new Accountability(before), new Accountability(after));
        var changes = new List<OpportunityOwnerChange>();
        foreach (var o in workspace.Opportunities.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            var (was, becomes) = (b.TeamsFor(o.TargetIds), a.TeamsFor(o.TargetIds));
            if (!was.SequenceEqual(becomes)) changes.Add(new OpportunityOwnerChange(o.Id, was, becomes));
        }
        return changes;
    }

    private static bool Passes(PrioritisedOpportunity p, OpportunityFilter f) =>
        (f.JourneyId is null || p.JourneyIds.Contains(f.JourneyId)) &&
        (f.TeamId is null || p.Opportunity.TeamId == f.TeamId || p.AccountableTeams.Contains(f.TeamId)) &&
        (f.Status is null || string.Equals(p.Opportunity.Status, f.Status, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An opportunity whose accountable teams change in a scenario.</summary>
public sealed record OpportunityOwnerChange(string OpportunityId, IReadOnlyList<string> Before, IReadOnlyList<string> After);
