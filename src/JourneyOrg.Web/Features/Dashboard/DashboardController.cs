using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Dashboard;

[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class DashboardController(OrgReader reader) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return View(DashboardModel.Of(org));
    }
}

/// <summary>The dashboard of each new revision, built before the revision is shown (the first page most people open).</summary>
public sealed class DashboardFigure : IRevisionFigure
{
    public Task PrepareAsync(OrgView org, CancellationToken cancellationToken)
    {
        _ = DashboardModel.Of(org);
        return Task.CompletedTask;
    }
}

/// <summary>The organisation's alignment at a glance; <see cref="Alignment"/> is null while no analysis engine is installed.</summary>
public sealed record DashboardModel(
    int Journeys, int Teams, int People, int Roles,
    DashboardAlignment? Alignment,
    IReadOnlyList<IGrouping<string, DataQualityFinding>> Findings,
    DashboardKpis Kpis)
{
    /// <summary>The first of the opportunities ranked across journeys, and how many touch a step nobody answers for.</summary>
    public DashboardOpportunities? Opportunities { get; init; }

    /// <summary>Teams whose cognitive-load signals stand out (null while there is no analysis).</summary>
    public TeamLoadOutliers? TeamLoad { get; init; }
    /// <summary>People records whose account is disabled: kept for reporting lines, counted nowhere.</summary>
    public int DisabledPeople { get; init; }
    /// <summary>Journeys ranked by cost to serve (HR data: the view shows it to HR and Admin only); null without cost data.</summary>
    public IReadOnlyList<(string Id, string Name, double Cost, string Currency)>? CostToServe { get; init; }

    /// <summary>
    /// The same for every reader of a revision (what only HR may see is left out by the view): built once per revision.
    /// </summary>
    public static DashboardModel Of(OrgView org) => org.PerRevision(typeof(DashboardModel), () => From(org));

    public static DashboardModel From(OrgView org)
    {
        var w = org.Workspace;
        // People as everywhere else: enabled accounts (SPEC §3 Org); disabled ones are said separately.
        return new DashboardModel(w.Journeys.Count, w.Teams.Count, w.People.Count(p => p.AccountEnabled), w.Roles.Count,
            org.Report is { } report ? DashboardAlignment.From(org, report) : null,
            org.Findings.GroupBy(f => f.Kind).ToList(),
            DashboardKpis.From(org))
        {
            DisabledPeople = w.People.Count(p => !p.AccountEnabled),
            Opportunities = org.RankedOpportunities is { Count: > 0 } ranked ? DashboardOpportunities.From(ranked) : null,
            TeamLoad = TeamLoadOutliers.From(org),
            CostToServe = org.Report is { Cost: { } cost } analysed
                ? analysed.Journeys.Select((j, i) => (j.Id, Name: org.JourneyName(j.Id), Cost: cost.Journeys[i], cost.Currency, j.Units))
                    .Where(x => x.Units > 0).OrderByDescending(x => x.Cost).Select(x => (x.Id, x.Name, x.Cost, x.Currency)).ToList()
                : null,
        };
    }
}

/// <summary>The top of the prioritised opportunities (Prioritisation.Rank) and the count of flagged ones.</summary>
public sealed record DashboardOpportunities(IReadOnlyList<PrioritisedOpportunity> Top, int Total, int Flagged, int Open)
{
    public const int Shown = 5;

    public static DashboardOpportunities From(IReadOnlyList<PrioritisedOpportunity> ranked)
    {
        // "done" work no longer competes for attention; everything else is still to act on.
        var open = ranked.Where(p => !string.Equals(p.Opportunity.Status, "done", StringComparison.OrdinalIgnoreCase)).ToList();
        return new DashboardOpportunities(open.Take(Shown).ToList(), ranked.Count, ranked.Count(p => p.Flagged), open.Count);
    }
}

/// <summary>
/// The KPIs at a glance: linked metrics off target first, then the rest; the metrics on units nobody is accountable
/// for (null while no analysis engine is installed); and how many imported metrics still wait for a link.
/// </summary>
public sealed record DashboardKpis(
    IReadOnlyList<(Metric Metric, string JourneyId, string Where)> Linked,
    IReadOnlyList<(Metric Metric, string JourneyId, string Where)>? Unaccountable,
    int Unlinked)
{
    public const int Shown = 12;

    public static DashboardKpis From(OrgView org)
    {
        var w = org.Workspace;
        (Metric, string, string) Located(Metric m) => (m, org.JourneyOf(m.TargetId) ?? "", org.TargetName(m.TargetId));
        var linked = w.Metrics.Where(m => m.IsLinked)
            .OrderBy(m => MetricReading.Of(m).Status != TargetStatus.OffTarget)
            .ThenBy(m => org.TargetName(m.TargetId), StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(Located).ToList();
        var unaccountable = org.Accountability is { } accountability
            ? accountability.UnaccountableMetrics(w)
                .OrderBy(m => org.TargetName(m.TargetId), StringComparer.CurrentCultureIgnoreCase).Select(Located).ToList()
            : null;
        return new DashboardKpis(linked, unaccountable, w.Metrics.Count(m => !m.IsLinked));
    }
}

public sealed record DashboardAlignment(
    int Units, int OwnedUnits, double Coverage,
    int UnownedPhases, int PartialPhases, int OverlappingPhases,
    IReadOnlyList<(string Id, string Name, int Handoffs, int Teams)> MostHandoffs,
    IReadOnlyList<(string Id, string Name, double Fte)> UnalignedTeams,
    OrgFigures Org)
{
    public static DashboardAlignment From(OrgView org, AlignmentReport report)
    {
        var units = report.Journeys.Sum(j => j.Units);
        var owned = report.Journeys.Sum(j => j.OwnedUnits);
        return new DashboardAlignment(
            units, owned, units == 0 ? 1.0 : (double)owned / units,
            report.Phases.Count(p => p.Status == PhaseStatus.Unowned),
            report.Phases.Count(p => p.Status == PhaseStatus.Partial),
            report.Phases.Count(p => p.Status == PhaseStatus.Overlapping),
            report.Journeys.Where(j => j.Handoffs > 0).OrderByDescending(j => j.Handoffs).ThenBy(j => org.JourneyName(j.Id)).Take(5)
                .Select(j => (j.Id, org.JourneyName(j.Id), j.Handoffs, j.Teams.Count)).ToList(),
            report.Teams.Where(t => t.Unaligned).OrderByDescending(t => t.Fte).ThenBy(t => org.TeamName(t.Id))
                .Select(t => (t.Id, org.TeamName(t.Id), t.Fte)).ToList(),
            report.Org);
    }
}
