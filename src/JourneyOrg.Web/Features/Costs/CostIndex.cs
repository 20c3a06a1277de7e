using System.Runtime.CompilerServices;
using JourneyOrg.Analysis;

namespace JourneyOrg.Web.Features.Costs;

/// <summary>
/// A report's cost figures by phase, journey and team id, built once per report (reports live as long as their workspace
/// revision), so the journey map, team page and dashboard look figures up instead of scanning lists. HR data: callers
/// ask only for users who may see it.
/// </summary>
public sealed class CostIndex
{
    private static readonly ConditionalWeakTable<AlignmentReport, CostIndex> Cache = new();

    private readonly Dictionary<string, double> _phases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _journeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _teams = new(StringComparer.Ordinal);

    private CostIndex(AlignmentReport report, CostFigures cost)
    {
        Currency = cost.Currency;
        for (var i = 0; i < report.Phases.Count; i++) _phases[report.Phases[i].Id] = cost.Phases[i];
        for (var i = 0; i < report.Journeys.Count; i++) _journeys[report.Journeys[i].Id] = cost.Journeys[i];
        for (var i = 0; i < report.Teams.Count; i++) _teams.TryAdd(report.Teams[i].Id, cost.Teams[i]);
    }

    public string Currency { get; }

    /// <summary>The index of <paramref name="report"/>'s cost, or null when the workspace has no cost data.</summary>
    public static CostIndex? Of(AlignmentReport? report) =>
        report?.Cost is { } cost ? Cache.GetValue(report, r => new CostIndex(r, cost)) : null;

    public double? Phase(string id) => _phases.TryGetValue(id, out var v) ? v : null;
    public double? Journey(string id) => _journeys.TryGetValue(id, out var v) ? v : null;
    public double? Team(string id) => _teams.TryGetValue(id, out var v) ? v : null;
}
