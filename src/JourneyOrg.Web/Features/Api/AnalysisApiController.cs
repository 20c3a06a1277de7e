using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using System.Text;
using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
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
public sealed class AnalysisApiController(IWorkspaceStore store, AlignmentBaselineCache baselines) : ControllerBase
{
    [HttpGet("analysis")]
    public async Task<IActionResult> Analysis(bool org, CancellationToken cancellationToken)
    {
        var baseline = await BaselineAsync(cancellationToken);
        return Json(AnalysisJson.Serialize(User.CanSeeHrData() ? baseline.Report : baseline.Report.WithoutCost(), org: org ? baseline.OrgAlignment : null), StatusCodes.Status200OK);
    }

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

    private async Task<AlignmentBaseline> BaselineAsync(CancellationToken cancellationToken)
    {
        var snapshot = await store.LoadAsync(cancellationToken);
        return baselines.Get(snapshot.Revision, snapshot.Workspace);
    }

    private ContentResult Json(string json, int status) =>
        new() { Content = json, ContentType = "application/json; charset=utf-8", StatusCode = status };
}
