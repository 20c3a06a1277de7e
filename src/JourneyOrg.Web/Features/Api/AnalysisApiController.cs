using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using System.Text;
using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Api;

/// <summary>
/// The engines over HTTP, with the same JSON as the CLI: <c>GET /api/analysis</c> (as <c>analyze --json</c>; <c>?org=true</c> as <c>--org</c>) and
/// <c>POST /api/scenarios/simulate</c> with a scenario document as the body (as <c>simulate --json</c>).
/// An invalid scenario answers 422 with the simulation JSON (<c>valid: false</c> and the errors); a body that is
/// not JSON answers 400 with the same shape.
/// </summary>
[ApiController]
[Route("api")]
[Authorize(Policy = Policies.Read)]
public sealed class AnalysisApiController(OrgReader reader) : ControllerBase
{
    [HttpGet("analysis")]
    public async Task<IActionResult> Analysis(bool org, CancellationToken cancellationToken)
    {
        var view = await reader.LoadAsync(cancellationToken);
        return Json(JsonOf(view, User.CanSeeHrData(), org), StatusCodes.Status200OK);
    }

    /// <summary>The analysis JSON, serialised once per revision and variant (half a megabyte at 100,000 people), not per call.</summary>
    public static string JsonOf(OrgView view, bool withCost, bool org) => view.PerRevision((nameof(Analysis), withCost, org), () =>
    {
        var baseline = view.Baseline;
        return AnalysisJson.Serialize(withCost ? baseline.Report : baseline.Report.WithoutCost(), org: org ? baseline.OrgAlignment : null);
    });

    [HttpPost("scenarios/simulate")]
    public async Task<IActionResult> Simulate(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var baseline = await BaselineAsync(cancellationToken);
        var parsed = ScenarioJson.Parse(body);
        if (!parsed.Succeeded)
        {
            var malformed = parsed.Errors.Any(e => e.Index is null && e.Field is null);
            var invalid = ScenarioSimulation.Invalid(baseline, parsed.Errors);
            return Json(SimulationJson.Serialize(User.CanSeeHrData() ? invalid : invalid.WithoutCost()),
                malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity);
        }
        var result = ScenarioSimulation.Simulate(baseline, parsed.Scenario!);
        if (!User.CanSeeHrData()) result = result.WithoutCost();
        return Json(SimulationJson.Serialize(result), result.Valid ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private async Task<AlignmentBaseline> BaselineAsync(CancellationToken cancellationToken) =>
        (await reader.LoadAsync(cancellationToken)).Baseline;

    private ContentResult Json(string json, int status) =>
        new() { Content = json, ContentType = "application/json; charset=utf-8", StatusCode = status };
}

/// <summary>The API's analysis of each new revision (with and without cost), built before the revision is shown.</summary>
public sealed class AnalysisFigure : IRevisionFigure
{
    public Task PrepareAsync(OrgView org, CancellationToken cancellationToken)
    {
        _ = AnalysisApiController.JsonOf(org, withCost: true, org: false);
        _ = AnalysisApiController.JsonOf(org, withCost: false, org: false);
        return Task.CompletedTask;
    }
}
