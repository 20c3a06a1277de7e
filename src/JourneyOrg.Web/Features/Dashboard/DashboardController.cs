using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Analysis;
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
        ViewData["Revision"] = org.Revision;
        return View(DashboardModel.From(org));
    }
}

/// <summary>The organisation's alignment at a glance; <see cref="Alignment"/> is null while no analysis engine is installed.</summary>
public sealed record DashboardModel(
    int Journeys, int Teams, int People, int Roles,
    DashboardAlignment? Alignment,
    IReadOnlyList<IGrouping<string, DataQualityFinding>> Findings)
{
    public static DashboardModel From(OrgView org)
    {
        var w = org.Workspace;
        return new DashboardModel(w.Journeys.Count, w.Teams.Count, w.People.Count, w.Roles.Count,
            org.Report is { } report ? DashboardAlignment.From(org, report) : null,
            org.Findings.GroupBy(f => f.Kind).ToList());
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
