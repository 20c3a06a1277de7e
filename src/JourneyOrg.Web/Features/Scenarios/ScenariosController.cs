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
public sealed class ScenariosController(OrgReader reader, IScenarioStore store, ScenarioLenses lenses) : Controller
{
    [HttpGet("/scenarios")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        // Each scenario is simulated once per revision and version, and shared, not on every visit.
        var plans = await ScenarioSummary.VisiblePlansAsync(store, User, org, cancellationToken);
        return View(new ScenarioListModel(org, plans, FormProblems.None));
    }

    [HttpPost("/scenarios")]
    [Authorize(Policy = Policies.Scenarios)]
    public async Task<IActionResult> Create(string? name, string? description, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            var org = await reader.LoadAsync(cancellationToken);
            var plans = await ScenarioSummary.VisiblePlansAsync(store, User, org, cancellationToken);
            return this.Refused("Index", new ScenarioListModel(org, plans, new FormProblems(ScenarioListModel.NewForm).Add("Name", "Name: give the scenario a name."))
            {
                Typed = new Dictionary<string, string?> { ["Name"] = name, ["Description"] = description },
            });
        }
        var now = DateTimeOffset.UtcNow;
        var id = ScenarioIds.New();
        var document = ScenarioPlan.NewDocument(name.Trim(), description?.Trim());
        await store.SaveScenarioAsync(new StoredScenario(id, name.Trim(), ScenarioStatus.Draft, document.ToJsonString(), User.Identity?.Name, now, now, 0), null, cancellationToken);
        return this.Saved($"/scenarios/{id}", $"Created the scenario “{name.Trim()}”.");
    }

    [HttpGet("/scenarios/{id}")]
    public async Task<IActionResult> Plan(string id, string? op, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, [], cancellationToken, shared: true);
        ViewData["Op"] = op;
        return model is null ? NotFound() : View(model);
    }

    /// <summary>The fields of one operation type, swapped into the add-operation form when the type is chosen.</summary>
    [HttpGet("/scenarios/{id}/operation-form")]
    public async Task<IActionResult> OperationForm(string id, string? op, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, [], cancellationToken);
        if (model is null) return NotFound();
        // The form of a change the user may not add is not offered (role and opening forms name HR-only fields).
        if (op is not null && OperationForms.All.ContainsKey(op) && !OperationForms.MayEdit(User, op)) return StatusCode(StatusCodes.Status403Forbidden);
        return Request.IsHtmx() ? PartialView("_OperationFields", new OperationFieldsModel(model.Org, op ?? "") { ScenarioId = id }) : Redirect($"/scenarios/{id}?op={op}");
    }

    /// <summary>Active search behind a name field: a few matches from the organisation the scenario has built so far.</summary>
    [HttpGet("/scenarios/{id}/pick")]
    [Authorize(Policy = Policies.Scenarios)]
    public async Task<IActionResult> Pick(string id, string? op, string? field, CancellationToken cancellationToken)
    {
        if (await PickFieldAsync(id, op, field, cancellationToken) is not { } pick) return NotFound();
        var typed = Request.Query[pick.Field.Name + OperationForms.PickedText].ToString();
        var (options, total) = NameSearch.Search(pick.Org, pick.Field.Refers, typed);
        return PartialView("_PickResults", new PickResults(pick.Field with { }, id, op!, typed, options, total));
    }

    /// <summary>A name chosen from the matches: the field in its chosen state (and, for the team to split, its members and parts).</summary>
    [HttpGet("/scenarios/{id}/pick/choose")]
    [Authorize(Policy = Policies.Scenarios)]
    public async Task<IActionResult> Choose(string id, string? op, string? field, string? value, CancellationToken cancellationToken)
    {
        if (await PickFieldAsync(id, op, field, cancellationToken) is not { } pick) return NotFound();
        if (value is null || !NameSearch.Exists(pick.Org, pick.Field.Refers, value)) return NotFound();
        ViewData["PickOrg"] = pick.Org;
        var chosen = new PickField(id, op!, pick.Field, value, NameSearch.LabelOf(pick.Org, pick.Field.Refers, value), null);
        if (op == "splitTeam" && pick.Field.Name == "teamId") ViewData["SplitLists"] = new SplitLists(pick.Org, pick.Org.Teams[value]);
        return PartialView("_PickField", chosen);
    }

    private async Task<(OrgView Org, OperationField Field)?> PickFieldAsync(string id, string? op, string? field, CancellationToken cancellationToken)
    {
        if (op is null || !OperationForms.All.TryGetValue(op, out var definition)) return null;
        if (definition.Fields.FirstOrDefault(f => f.Name == field && OperationForms.IsPicked(f)) is not { } picked) return null;
        return await PickOrgAsync(id, cancellationToken) is { } org ? (org, picked) : null;
    }

    /// <summary>Where names are looked up: the organisation after the scenario's changes so far, or today's while they do not apply.</summary>
    private async Task<OrgView?> PickOrgAsync(string id, CancellationToken cancellationToken) =>
        await lenses.LoadAsync(id, User, cancellationToken) is { } loaded ? loaded.Lens?.After ?? await reader.LoadAsync(cancellationToken) : null;

    [HttpPost("/scenarios/{id}/operations")]
    [Authorize(Policy = Policies.Scenarios)]
    public async Task<IActionResult> AddOperation(string id, string? op, long version, CancellationToken cancellationToken)
    {
        var pickOrg = await PickOrgAsync(id, cancellationToken);
        if (pickOrg is null) return NotFound();
        return await ChangeAsync(id, version, plan =>
        {
            if (op is null || !OperationForms.All.ContainsKey(op)) return ["Choose the kind of change first."];
            if (OperationForms.Refusal(User, op) is { } refused) return [refused];
            var created = OperationForms.CreatedIds(plan.Operations).ToHashSet(StringComparer.Ordinal);
            var errors = new List<string>();
            var json = OperationForms.Build(op, Request.Form, pickOrg,
                candidate => created.Contains(candidate) || NameSearch.Exists(pickOrg, "team", candidate) || NameSearch.Exists(pickOrg, "person", candidate)
                    || NameSearch.Exists(pickOrg, "role", candidate) || NameSearch.Exists(pickOrg, "target", candidate)
                    || pickOrg.Workspace.Metrics.Any(m => m.Id == candidate), errors);
            if (errors.Count > 0) return errors;
            var trial = plan.Document.DeepClone().AsObject();
            trial["operations"]!.AsArray().Add(json);
            // The document's shape (required fields, numbers) must be right before it is stored; whether the change
            // makes sense for the org is for the simulation to say, next to the operation.
            var parsed = ScenarioJson.Parse(trial.ToJsonString());
            if (!parsed.Succeeded) return parsed.Errors.Select(e => ScenarioErrorText.For(e)).ToList();
            plan.Operations.Add(json.DeepClone());
            return [];
        }, cancellationToken,
        done: m => $"Added change {m.Plan.Operations.Count}: {(m.Plan.Operations[^1] is System.Text.Json.Nodes.JsonObject added ? OperationForms.Describe(m.Org, added) : "?")}.");
    }

    [HttpPost("/scenarios/{id}/operations/{index:int}/remove")]
    [Authorize(Policy = Policies.Scenarios)]
    public Task<IActionResult> RemoveOperation(string id, int index, long version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, plan =>
        {
            if (index < 0 || index >= plan.Operations.Count) return ["That operation is no longer there."];
            if (OperationForms.Refusal(User, plan.Operations[index]?["op"]?.ToString() ?? "") is { } refused) return [refused];
            plan.Operations.RemoveAt(index);
            return [];
        }, cancellationToken, done: _ => $"Removed change {index + 1}.");

    [HttpPost("/scenarios/{id}/operations/{index:int}/move")]
    [Authorize(Policy = Policies.Scenarios)]
    public Task<IActionResult> MoveOperation(string id, int index, string? direction, long version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, plan =>
        {
            var to = direction == "up" ? index - 1 : index + 1;
            if (index < 0 || index >= plan.Operations.Count || to < 0 || to >= plan.Operations.Count) return [];
            var node = plan.Operations[index]!;
            plan.Operations.RemoveAt(index);
            plan.Operations.Insert(to, node);
            return [];
        }, cancellationToken, done: _ => $"Moved change {index + 1} {(direction == "up" ? "earlier" : "later")}.");

    [HttpPost("/scenarios/{id}/status")]
    [Authorize(Policy = Policies.ScenarioStatus)]
    public async Task<IActionResult> SetStatus(string id, string? status, long version, CancellationToken cancellationToken)
    {
        var stored = await store.GetVisibleAsync(User, id, cancellationToken);
        if (stored is null) return NotFound();
        var mayApprove = User.IsInRole(AppRoles.HR) || User.IsAdmin();
        if (ScenarioLifecycle.WhyNot(stored.Status, status ?? "", mayApprove, User.IsAdmin()) is { } why)
        {
            Response.StatusCode = stored.Status == ScenarioStatus.Approved || status == ScenarioStatus.Approved
                ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
            return View("Plan", await LoadAsync(id, [why], cancellationToken));
        }
        try
        {
            // Moving an approved scenario back is a decision reversed: the audit entry says who did it and from where.
            using var _ = stored.Status == ScenarioStatus.Approved && status != stored.Status
                ? AuditContext.BeginAction($"reopen approved scenario {id} as {status}") : null;
            await store.SaveScenarioAsync(stored with { Status = status!, UpdatedAt = DateTimeOffset.UtcNow }, version, cancellationToken);
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
        var baseline = org.Baseline;
        var plans = new List<ScenarioPlan>();
        foreach (var id in ids.Distinct().Take(3))
            if (await store.GetVisibleAsync(User, id, cancellationToken) is { } s) plans.Add(ScenarioPlan.Load(s, baseline));
        return View(new ScenarioCompareModel(org, plans));
    }

    private const string StaleMessage = "Someone else changed this scenario meanwhile; it now shows their version. Please check and try again.";

    /// <param name="done">What to tell the planner once the change is saved (read out by screen readers after the in-place update).</param>
    private async Task<IActionResult> ChangeAsync(string id, long version, Func<ScenarioPlan, IReadOnlyList<string>> change, CancellationToken cancellationToken,
        Func<ScenarioPageModel, string> done)
    {
        var model = await LoadAsync(id, [], cancellationToken);
        if (model is null) return NotFound();
        // Approved and applied scenarios are frozen here, on the server, whatever a page still offers.
        var errors = ScenarioLifecycle.WhyReadOnly(model.Plan.Stored.Status) is { } frozen ? [frozen] : change(model.Plan);
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
        if (fresh is not null && errors.Count == 0) fresh = fresh with { Done = done(fresh) };
        return Request.IsHtmx() ? PartialView("_Workbench", fresh) : View("Plan", fresh);
    }

    /// <param name="shared">Only reading: the plan simulated once per revision and scenario version (ScenarioSummary),
    /// which must not be changed; otherwise a plan of the caller's own to change.</param>
    private async Task<ScenarioPageModel?> LoadAsync(string id, IReadOnlyList<string> errors, CancellationToken cancellationToken, bool shared = false)
    {
        var stored = await store.GetVisibleAsync(User, id, cancellationToken);
        if (stored is null) return null;
        var org = await reader.LoadAsync(cancellationToken);
        return new ScenarioPageModel(org, shared ? ScenarioSummary.Of(org, stored).Plan : ScenarioPlan.Load(stored, org.Baseline), errors);
    }
}

/// <summary>The scenario list; after a refused post, the problems of the form that posted (new, import, propose) and what was typed.</summary>
public sealed record ScenarioListModel(OrgView Org, IReadOnlyList<ScenarioPlan> Plans, FormProblems Problems)
{
    public const string NewForm = "new-scenario", ImportForm = "scenario-import", ProposeForm = "propose";

    public IReadOnlyDictionary<string, string?> Typed { get; init; } = new Dictionary<string, string?>();

    public string? TypedOr(string form, string field, string? otherwise) =>
        Problems.Form == form && Typed.TryGetValue(field, out var typed) ? typed : otherwise;
}
public sealed record ScenarioPageModel(OrgView Org, ScenarioPlan Plan, IReadOnlyList<string> Errors)
{
    /// <summary>The confirmation of the edit just saved, if any.</summary>
    public string? Done { get; init; }
}
public sealed record ScenarioCompareModel(OrgView Org, IReadOnlyList<ScenarioPlan> Plans);
public sealed record OperationFieldsModel(OrgView Org, string Op)
{
    public string ScenarioId { get; init; } = "";
}

/// <summary>The matches of one name search. Rendered by _PickResults.</summary>
public sealed record PickResults(OperationField Field, string ScenarioId, string Op, string Typed, IReadOnlyList<PickOption> Options, int Total);
