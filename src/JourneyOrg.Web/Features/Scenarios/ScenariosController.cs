using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using System.Text.Json.Nodes;
using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// The scenario planner: scenarios are stored documents, simulated against the current baseline every time they are
/// shown, so operations that no longer apply (a team or person that left) show up with their reason.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class ScenariosController(OrgReader reader, IWorkspaceStore store) : Controller
{
    [HttpGet("/scenarios")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = org.Revision;
        var baseline = org.Baseline;
        var plans = (await store.ListScenariosAsync(cancellationToken)).Select(s => ScenarioPlan.Load(s, baseline)).ToList();
        return View(new ScenarioListModel(org, plans, []));
    }

    [HttpPost("/scenarios")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Create(string? name, string? description, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            var org = await reader.LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new ScenarioListModel(org, [], ["Give the scenario a name."]));
        }
        var now = DateTimeOffset.UtcNow;
        var id = "sc-" + Guid.NewGuid().ToString("N")[..10];
        var document = ScenarioPlan.NewDocument(name.Trim(), description?.Trim());
        await store.SaveScenarioAsync(new StoredScenario(id, name.Trim(), ScenarioStatus.Draft, document.ToJsonString(), User.Identity?.Name, now, now, 0), null, cancellationToken);
        return Redirect($"/scenarios/{id}");
    }

    [HttpGet("/scenarios/{id}")]
    public async Task<IActionResult> Plan(string id, string? op, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, [], cancellationToken);
        ViewData["Op"] = op;
        return model is null ? NotFound() : View(model);
    }

    /// <summary>The fields of one operation type, swapped into the add-operation form when the type is chosen.</summary>
    [HttpGet("/scenarios/{id}/operation-form")]
    public async Task<IActionResult> OperationForm(string id, string? op, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, [], cancellationToken);
        if (model is null) return NotFound();
        return Request.IsHtmx() ? PartialView("_OperationFields", new OperationFieldsModel(model.Org, op ?? "")) : Redirect($"/scenarios/{id}?op={op}");
    }

    [HttpPost("/scenarios/{id}/operations")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> AddOperation(string id, string? op, long version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, plan =>
        {
            if (op is null || !OperationForms.All.ContainsKey(op)) return ["Choose the kind of change first."];
            var json = OperationForms.ToJson(op, Request.Form);
            var trial = plan.Document.DeepClone().AsObject();
            trial["operations"]!.AsArray().Add(json);
            // The document's shape (required fields, numbers) must be right before it is stored; whether the change
            // makes sense for the org is for the simulation to say, next to the operation.
            var parsed = ScenarioJson.Parse(trial.ToJsonString());
            if (!parsed.Succeeded) return parsed.Errors.Select(ScenarioErrorText.For).ToList();
            plan.Operations.Add(json.DeepClone());
            return [];
        }, cancellationToken);

    [HttpPost("/scenarios/{id}/operations/{index:int}/remove")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> RemoveOperation(string id, int index, long version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, plan =>
        {
            if (index < 0 || index >= plan.Operations.Count) return ["That operation is no longer there."];
            plan.Operations.RemoveAt(index);
            return [];
        }, cancellationToken);

    [HttpPost("/scenarios/{id}/operations/{index:int}/move")]
    [Authorize(Policy = Policies.Plan)]
    public Task<IActionResult> MoveOperation(string id, int index, string? direction, long version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, plan =>
        {
            var to = direction == "up" ? index - 1 : index + 1;
            if (index < 0 || index >= plan.Operations.Count || to < 0 || to >= plan.Operations.Count) return [];
            var node = plan.Operations[index]!;
            plan.Operations.RemoveAt(index);
            plan.Operations.Insert(to, node);
            return [];
        }, cancellationToken);

    [HttpPost("/scenarios/{id}/status")]
    [Authorize(Policy = Policies.ScenarioStatus)]
    public async Task<IActionResult> SetStatus(string id, string? status, long version, CancellationToken cancellationToken)
    {
        var stored = await store.GetScenarioAsync(id, cancellationToken);
        if (stored is null) return NotFound();
        if (status is null || !ScenarioStatus.All.Contains(status))
            return View("Plan", await LoadAsync(id, ["Unknown status."], cancellationToken));
        try
        {
            await store.SaveScenarioAsync(stored with { Status = status, UpdatedAt = DateTimeOffset.UtcNow }, version, cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Plan", await LoadAsync(id, [StaleMessage], cancellationToken));
        }
        return Redirect($"/scenarios/{id}");
    }

    [HttpGet("/scenarios/compare")]
    public async Task<IActionResult> Compare([FromQuery] string[] ids, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = org.Revision;
        var baseline = org.Baseline;
        var plans = new List<ScenarioPlan>();
        foreach (var id in ids.Distinct().Take(3))
            if (await store.GetScenarioAsync(id, cancellationToken) is { } s) plans.Add(ScenarioPlan.Load(s, baseline));
        return View(new ScenarioCompareModel(org, plans));
    }

    private const string StaleMessage = "Someone else changed this scenario meanwhile; it now shows their version. Please check and try again.";

    private async Task<IActionResult> ChangeAsync(string id, long version, Func<ScenarioPlan, IReadOnlyList<string>> change, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, [], cancellationToken);
        if (model is null) return NotFound();
        var errors = change(model.Plan);
        if (errors.Count == 0)
        {
            try
            {
                await store.SaveScenarioAsync(model.Plan.Stored with { Document = model.Plan.Document.ToJsonString(), UpdatedAt = DateTimeOffset.UtcNow },
                    version, cancellationToken);
            }
            catch (ConcurrentChangeException)
            {
                errors = [StaleMessage];
            }
        }
        if (errors.Count == 0 && !Request.IsHtmx()) return Redirect($"/scenarios/{id}");
        if (errors.Count > 0) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var fresh = await LoadAsync(id, errors, cancellationToken);
        return Request.IsHtmx() ? PartialView("_Workbench", fresh) : View("Plan", fresh);
    }

    private async Task<ScenarioPageModel?> LoadAsync(string id, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var stored = await store.GetScenarioAsync(id, cancellationToken);
        if (stored is null) return null;
        var org = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = org.Revision;
        return new ScenarioPageModel(org, ScenarioPlan.Load(stored, org.Baseline), errors);
    }
}

public sealed record ScenarioListModel(OrgView Org, IReadOnlyList<ScenarioPlan> Plans, IReadOnlyList<string> Errors);
public sealed record ScenarioPageModel(OrgView Org, ScenarioPlan Plan, IReadOnlyList<string> Errors);
public sealed record ScenarioCompareModel(OrgView Org, IReadOnlyList<ScenarioPlan> Plans);
public sealed record OperationFieldsModel(OrgView Org, string Op);
