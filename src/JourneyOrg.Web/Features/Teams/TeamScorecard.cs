using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Teams;

/// <summary>One KPI on the team's scorecard: the reading, where it measures, and the link to that place.</summary>
public sealed record ScorecardKpi(Metric Metric, MetricReading Reading, string Where, string? WhereUrl)
{
    /// <summary>
    /// How far the KPI is on the wrong side of its target, as a share of the target (positive: short of it; negative:
    /// beyond it). Null without a target or a value.
    /// </summary>
    public double? Shortfall => Reading.Current is { } current && Metric.Target is { } target
        ? (Reading.LowerIsBetter ? current - target : target - current) / Math.Max(Math.Abs(target), 1e-9)
        : null;
}

/// <summary>
/// The KPIs on the parts of journeys a team answers for (the Team API's <c>kpis</c>: a step when the team is among its
/// effective owners, a phase or journey when it owns any unit of it), worst first: off target by how far off, then those
/// without a reading against a target, then those on target, closest to slipping first. With the insights on the
/// steps the team answers for.
/// </summary>
public sealed record TeamScorecard(IReadOnlyList<ScorecardKpi> Kpis, IReadOnlyList<(Insight Insight, string StepId)> Insights)
{
    public static TeamScorecard? For(OrgView org, string teamId)
    {
        if (org.TeamApis?.GetValueOrDefault(teamId) is not { } api) return null;
        var wanted = api.Kpis.ToHashSet(StringComparer.Ordinal);
        var kpis = org.Workspace.Metrics.Where(m => wanted.Contains(m.Id))
            .Select(m => new ScorecardKpi(m, MetricReading.Of(m), org.TargetName(m.TargetId), WhereUrl(org, m.TargetId)))
            .OrderBy(k => k.Reading.Status switch { TargetStatus.OffTarget => 0, TargetStatus.Unknown => 1, _ => 2 })
            .ThenByDescending(k => k.Shortfall ?? 0)
            .ThenBy(k => k.Metric.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var insights = api.Units.SelectMany(u => org.InsightsByStep[u].Select(i => (Insight: i, StepId: u)))
            .DistinctBy(x => x.Insight.Id)
            .OrderBy(x => x.Insight.Type == InsightTypes.PainPoint ? 0 : 1).ThenByDescending(x => x.Insight.Weight ?? 0)
            .ThenBy(x => x.Insight.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new TeamScorecard(kpis, insights);
    }

    /// <summary>The step page for a step, else the journey map of the phase or journey.</summary>
    public static string? WhereUrl(OrgView org, string targetId) =>
        org.Steps.TryGetValue(targetId, out var s) ? $"/journeys/{Uri.EscapeDataString(s.Journey.Id)}/steps/{Uri.EscapeDataString(s.Step.Id)}"
        : org.JourneyOf(targetId) is { } journey ? $"/journeys/{Uri.EscapeDataString(journey)}"
        : null;
}

/// <summary>What the scorecard partial needs: the team, its scorecard and the view for names and links.</summary>
public sealed record TeamScorecardModel(OrgView Org, Team Team, TeamScorecard Scorecard)
{
    public const int InsightsShown = 20;
}
