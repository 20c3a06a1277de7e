using System.Text;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// Taking a scenario to a decision: export and import it as a file, the change list HR and IT act on, applying an
/// approved scenario to the live organisation, and deleting a discarded one.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class ScenarioDecisionsController(OrgReader reader, IScenarioStore store, ScenarioApplier applier) : Controller
{
    [HttpGet("/scenarios/{id}/export.json")]
    public async Task<IActionResult> Export(string id, CancellationToken cancellationToken)
    {
        if (await store.GetVisibleAsync(User, id, cancellationToken) is not { } stored) return NotFound();
        // Roles and openings are HR data (SPEC §5): a file carrying them leaves the app only through HR or an Admin.
        if (!User.CanSeeHrData() && PlansForHr(stored))
            return Forbid();
        return File(Encoding.UTF8.GetBytes(ScenarioExchange.Export(stored)), "application/json; charset=utf-8", $"scenario-{FileName(stored.Name)}.json");
    }

    public static bool PlansForHr(StoredScenario stored) =>
        System.Text.Json.Nodes.JsonNode.Parse(stored.Document)?["operations"] is System.Text.Json.Nodes.JsonArray operations
        && operations.Any(o => o?["op"]?.ToString() is { } op && OperationForms.HrOperations.Contains(op));

    [HttpPost("/scenarios/import")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return await RefuseAsync(["Scenario file: choose a scenario file (.json) to import."], cancellationToken);
        string json;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
            json = await reader.ReadToEndAsync(cancellationToken);
        var id = ScenarioIds.New();
        var (scenario, errors) = ScenarioExchange.Import(json, id, User.Identity?.Name, DateTimeOffset.UtcNow);
        if (scenario is null)
            return await RefuseAsync([$"Scenario file: {file.FileName} was not imported; nothing was created:", .. errors.Select(ScenarioErrorText.For)], cancellationToken);
        await store.SaveScenarioAsync(scenario, null, cancellationToken);
        return this.Saved($"/scenarios/{id}", $"Imported the scenario “{scenario.Name}” as a draft.");
    }

    [HttpGet("/scenarios/{id}/changes.csv")]
    public async Task<IActionResult> Changes(string id, CancellationToken cancellationToken)
    {
        if (await store.GetVisibleAsync(User, id, cancellationToken) is not { } stored) return NotFound();
        var org = await reader.LoadAsync(cancellationToken);
        var plan = ScenarioPlan.Load(stored, org.Baseline);
        if (plan.Simulation is not { Valid: true } simulation)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var reasons = plan.Applied is { } applied
                ? [$"This scenario was applied on {applied.At:yyyy-MM-dd HH:mm} UTC; its changes are part of today's organisation."]
                : plan.Errors.Select(e => e.Message);
            return Content("No change list: the scenario does not apply to today's organisation.\n" + string.Join("\n", reasons), "text/plain; charset=utf-8");
        }
        var parsed = ScenarioJson.Parse(stored.Document).Scenario!;
        // Openings and cost are HR data (SPEC §5): other readers get neither the rows nor the columns.
        var hr = User.CanSeeHrData() || User.IsAdmin();
        var rows = ScenarioChangeList.Build(org.Workspace, simulation.Workspace!, parsed, simulation.Openings, hr, includeCost: hr);
        return File(Encoding.UTF8.GetBytes(ScenarioChangeList.ToCsv(rows, withCost: hr && (org.Workspace.HasCosts || simulation.Workspace!.Roles.Any(r => r.AnnualCost is not null)))), "text/csv; charset=utf-8", $"scenario-{FileName(stored.Name)}-changes.csv");
    }

    [HttpPost("/scenarios/{id}/apply")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Apply(string id, CancellationToken cancellationToken)
    {
        if (await store.GetVisibleAsync(User, id, cancellationToken) is null) return NotFound();
        var outcome = await applier.ApplyAsync(id, User.Identity?.Name ?? "unknown", cancellationToken);
        if (outcome.Applied) return Redirect($"/scenarios/{id}");
        return await RefuseOnPlanAsync(id, ["Not applied; the organisation is unchanged:", .. outcome.Reasons], cancellationToken);
    }

    [HttpPost("/scenarios/{id}/delete")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        if (await store.GetVisibleAsync(User, id, cancellationToken) is not { } stored) return NotFound();
        if (!ScenarioLifecycle.CanDelete(stored.Status))
            return await RefuseOnPlanAsync(id, [$"Only a discarded scenario can be deleted; this one is {stored.Status}. Discard it first."], cancellationToken);
        await store.DeleteScenarioAsync(id, cancellationToken);
        return Redirect("/scenarios");
    }

    private async Task<IActionResult> RefuseAsync(IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var plans = await ScenarioSummary.VisiblePlansAsync(store, User, org, cancellationToken);
        var problems = new FormProblems(ScenarioListModel.ImportForm);
        foreach (var error in errors) problems.Add("File", error);
        return this.Refused("~/Features/Scenarios/Index.cshtml", new ScenarioListModel(org, plans, problems));
    }

    private async Task<IActionResult> RefuseOnPlanAsync(string id, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var stored = await store.GetVisibleAsync(User, id, cancellationToken);
        if (stored is null) return NotFound();
        var org = await reader.LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("~/Features/Scenarios/Plan.cshtml", new ScenarioPageModel(org, ScenarioPlan.Load(stored, org.Baseline), errors));
    }

    /// <summary>A download name from the scenario's name: letters, digits and dashes only.</summary>
    private static string FileName(string name)
    {
        var cleaned = new string(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        while (cleaned.Contains("--", StringComparison.Ordinal)) cleaned = cleaned.Replace("--", "-", StringComparison.Ordinal);
        return cleaned.Length == 0 ? "scenario" : cleaned[..Math.Min(60, cleaned.Length)];
    }
}

/// <summary>New scenario ids: short, unguessable, the same shape wherever a scenario is created.</summary>
public static class ScenarioIds
{
    public static string New() => "sc-" + Guid.NewGuid().ToString("N")[..10];
}
