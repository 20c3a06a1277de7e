using JourneyOrg.Web.Features.Journeys;
using JourneyOrg.Web.Features.Matrix;
using JourneyOrg.Web.Features.Org;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Web.Features.Teams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// The screens of today, as a scenario would make the organisation: the same views with a <see cref="ScenarioLens"/>
/// in their model, so they mark what changes and offer no edits. A scenario that does not apply has no "after".
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class ScenarioViewsController(ScenarioLenses lenses, OrgReader reader) : Controller
{
    [HttpGet("/scenarios/{id}/journeys/{journeyId}")]
    public Task<IActionResult> JourneyMap(string id, string journeyId, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            if (!lens.After.Journeys.TryGetValue(journeyId, out var journey)) return NotFound();
            var model = JourneyMapModel.Build(lens.After, journey) with { Lens = lens };
            return Request.IsHtmx() ? PartialView("~/Features/Journeys/_JourneyMap.cshtml", model) : View("~/Features/Journeys/Map.cshtml", model);
        }, cancellationToken);

    [HttpGet("/scenarios/{id}/org")]
    public Task<IActionResult> Org(string id, CancellationToken cancellationToken) => OrgTeams(id, null, 0, cancellationToken);

    [HttpGet("/scenarios/{id}/org/teams")]
    public Task<IActionResult> OrgTeams(string id, string? root, int skip, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            var org = lens.After;
            var focus = root is not null && org.Teams.TryGetValue(root, out var t) ? t : null;
            var level = focus is null ? org.TopTeams : org.TeamChildren[focus.Id];
            var url = focus is null ? $"{lens.Base}/org/teams/roots" : $"{lens.Base}/org/teams/{Uri.EscapeDataString(focus.Id)}/children";
            var nodes = TeamNodes.Page(org, level, skip, url) with { Lens = lens };
            return View("~/Features/Org/Teams.cshtml", new TeamChartModel(org, focus, nodes));
        }, cancellationToken);

    [HttpGet("/scenarios/{id}/org/teams/roots")]
    public Task<IActionResult> OrgRoots(string id, int skip, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens => PartialView("~/Features/Org/_TeamNodes.cshtml",
            TeamNodes.Page(lens.After, lens.After.TopTeams, skip, $"{lens.Base}/org/teams/roots") with { Lens = lens }), cancellationToken);

    [HttpGet("/scenarios/{id}/org/teams/{teamId}/children")]
    public Task<IActionResult> OrgChildren(string id, string teamId, int skip, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            if (!lens.After.Teams.ContainsKey(teamId)) return NotFound();
            if (!Request.IsHtmx()) return Redirect($"{lens.Base}/org/teams?root={Uri.EscapeDataString(teamId)}");
            return PartialView("~/Features/Org/_TeamNodes.cshtml", TeamNodes.Page(lens.After, lens.After.TeamChildren[teamId], skip,
                $"{lens.Base}/org/teams/{Uri.EscapeDataString(teamId)}/children") with { Lens = lens });
        }, cancellationToken);

    /// <summary>Hides a unit's child teams in the scenario's hierarchy (see <c>OrgController.CollapseTeam</c> for today's).</summary>
    [HttpGet("/scenarios/{id}/org/teams/{teamId}/collapse")]
    public Task<IActionResult> OrgTeamCollapse(string id, string teamId, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            if (!lens.After.Teams.TryGetValue(teamId, out var team)) return NotFound();
            if (!Request.IsHtmx()) return Redirect($"{lens.Base}/org/teams");
            return PartialView("~/Features/Org/_TeamToggle.cshtml", new TeamToggle(team.Id, team.Name, Expanded: false, Oob: true, lens.Base));
        }, cancellationToken);

    [HttpGet("/scenarios/{id}/org/people")]
    public Task<IActionResult> OrgPeople(string id, string? root, int skip, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            var org = lens.After;
            var focus = root is not null && org.People.TryGetValue(root, out var p) ? p : null;
            var level = focus is null ? org.TopPeople : org.Reports[focus.Id];
            var url = focus is null ? $"{lens.Base}/org/people/roots" : $"{lens.Base}/org/people/{Uri.EscapeDataString(focus.Id)}/reports";
            return View("~/Features/Org/Index.cshtml", new OrgChartModel(org, focus, PersonNodes.Page(org, level, skip, url) with { Lens = lens }));
        }, cancellationToken);

    [HttpGet("/scenarios/{id}/org/people/roots")]
    public Task<IActionResult> OrgPeopleRoots(string id, int skip, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens => PartialView("~/Features/Org/_PersonNodes.cshtml",
            PersonNodes.Page(lens.After, lens.After.TopPeople, skip, $"{lens.Base}/org/people/roots") with { Lens = lens }), cancellationToken);

    [HttpGet("/scenarios/{id}/org/people/{personId}/reports")]
    public Task<IActionResult> OrgReports(string id, string personId, int skip, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            if (!lens.After.People.TryGetValue(personId, out var person)) return NotFound();
            if (!Request.IsHtmx()) return Redirect($"{lens.Base}/org/people?root={Uri.EscapeDataString(personId)}");
            if (skip == 0) ViewData["Expanded"] = person;
            return PartialView("~/Features/Org/_PersonNodes.cshtml", PersonNodes.Page(lens.After, lens.After.Reports[personId], skip,
                $"{lens.Base}/org/people/{Uri.EscapeDataString(personId)}/reports") with { Lens = lens });
        }, cancellationToken);

    [HttpGet("/scenarios/{id}/org/people/{personId}/collapse")]
    public Task<IActionResult> OrgCollapse(string id, string personId, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            if (!lens.After.People.TryGetValue(personId, out var person)) return NotFound();
            if (!Request.IsHtmx()) return Redirect($"{lens.Base}/org/people");
            return PartialView("~/Features/Org/_OrgToggle.cshtml", new OrgToggle(person, false, true, lens.Base));
        }, cancellationToken);

    [HttpGet("/scenarios/{id}/matrix")]
    public Task<IActionResult> Matrix(string id, [FromQuery] MatrixQuery query, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            var model = MatrixModel.Build(lens, query);
            return Request.IsHtmx() ? PartialView("~/Features/Matrix/_MatrixTable.cshtml", model) : View("~/Features/Matrix/Index.cshtml", model);
        }, cancellationToken);

    [HttpGet("/scenarios/{id}/teams/{teamId}")]
    public Task<IActionResult> Team(string id, string teamId, CancellationToken cancellationToken) =>
        WithLensAsync(id, lens =>
        {
            if (!lens.After.Teams.TryGetValue(teamId, out var team))
                return lens.Today.Teams.ContainsKey(teamId) ? Redirect($"{lens.Base}?gone={Uri.EscapeDataString(teamId)}") : NotFound();
            var openings = lens.Openings[teamId].Select(o => new PlannedOpening(lens.Scenario, o, lens.After.Roles.GetValueOrDefault(o.RoleId)?.AnnualCost)).ToList();
            return View("~/Features/Teams/Team.cshtml", TeamPageModel.Build(lens.After, team) with { Openings = openings, Lens = lens });
        }, cancellationToken);

    /// <summary>
    /// The scenario on paper (A4 landscape): its changes, what they change, and the journeys they touch as they would be.
    /// A scenario that does not apply (or was applied) prints its changes and why there is no "after".
    /// </summary>
    [HttpGet("/scenarios/{id}/print")]
    public async Task<IActionResult> Print(string id, CancellationToken cancellationToken)
    {
        if (await lenses.LoadAsync(id, User, cancellationToken) is not { } loaded) return NotFound();
        var today = loaded.Lens?.Today ?? await reader.LoadAsync(cancellationToken);
        var journeys = new List<JourneyMapModel>();
        if (loaded.Lens is { } lens && loaded.Plan.Simulation?.Diff is { } diff)
        {
            var unitJourney = loaded.Plan.Simulation.Baseline.Units.ToDictionary(u => u.Id, u => u.JourneyId);
            var touched = diff.OwnerChanges.Select(c => unitJourney[c.UnitId]).Concat(diff.Handoffs.Select(h => h.JourneyId))
                .Concat(diff.NewlyUnowned.Concat(diff.ResolvedUnowned).Concat(diff.NewlyOverlapping).Concat(diff.ResolvedOverlapping).Select(u => unitJourney[u]))
                .Distinct().Take(PrintedJourneys);
            foreach (var journeyId in touched)
                if (lens.After.Journeys.TryGetValue(journeyId, out var journey))
                    journeys.Add(JourneyMapModel.Build(lens.After, journey) with { Lens = lens });
        }
        return View("~/Features/Scenarios/Print.cshtml", new ScenarioPrintModel(new ScenarioPageModel(today, loaded.Plan, []), journeys));
    }

    /// <summary>Enough for a board pack; a scenario touching more journeys links to the rest.</summary>
    public const int PrintedJourneys = 12;

    private async Task<IActionResult> WithLensAsync(string id, Func<ScenarioLens, IActionResult> render, CancellationToken cancellationToken)
    {
        if (await lenses.LoadAsync(id, User, cancellationToken) is not { } loaded) return NotFound();
        if (loaded.Lens is { } lens) return render(lens);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var why = loaded.Plan.Applied is { } applied
            ? $"This scenario was applied on {applied.At:yyyy-MM-dd}; today's screens show its organisation."
            : $"This scenario does not apply to today's organisation, so there is no “as it would be” to show: {loaded.Plan.Errors.FirstOrDefault()?.Message}";
        var today = await reader.LoadAsync(cancellationToken);
        return View("~/Features/Scenarios/Plan.cshtml", new ScenarioPageModel(today, loaded.Plan, [why]));
    }
}

/// <summary>The print view of a scenario: the page's model and the maps, as they would be, of the journeys it touches.</summary>
public sealed record ScenarioPrintModel(ScenarioPageModel Page, IReadOnlyList<JourneyMapModel> Journeys);
