using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Journeys;

/// <summary>
/// Editing the journey framework: journeys, phases and steps (create, rename, reorder, move, delete, duplicate) and
/// sub-journey links. New ids are made from names (<see cref="WorkspaceIds"/>) unless typed under "Advanced". Each edit
/// is one change set, validated like an import and applied atomically.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class JourneyEditsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    /// <summary>Names the levels of the framework (a workspace setting, see <see cref="FrameworkLevels"/>).</summary>
    [HttpPost("/journeys/levels")]
    public async Task<IActionResult> NameLevels(LevelsPost form, CancellationToken cancellationToken)
    {
        var (levels, revision) = (form.Levels, form.Revision);
        var named = FrameworkLevels.FromTyped(levels, out var problem);
        var result = await editor.ApplyAsync(problem is null ? [] : [problem],
            () => new WorkspaceChangeSet { State = new Dictionary<string, string?> { [FrameworkLevels.StateKey] = named!.ToStored() } },
            revision, cancellationToken);
        if (result.Applied)
        {
            TempData["Done"] = $"The framework's levels are now {named}.";
            return Redirect("/journeys");
        }
        var org = await reader.LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ViewData[LevelsForm.Key] = new LevelsForm(levels, result.Errors);
        return View("~/Features/Journeys/Index.cshtml", org);
    }

    private const string EditView = "~/Features/Journeys/Edit.cshtml";

    [HttpGet("/journeys/{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        return View(EditView, new JourneyEditModel(org, journey, []));
    }

    [HttpPost("/journeys")]
    public async Task<IActionResult> Create(JourneyEditForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var name = (form.Name ?? "").Trim();
        if (name.Length == 0) return RefusedNew(org, form, "Give the journey a name.");
        if (IdProblem(org, form.NewId) is { } taken) return RefusedNew(org, form, taken);
        var parentId = ParentOf(org, form, out var parentProblem);
        if (parentProblem is not null) return RefusedNew(org, form, parentProblem);
        var id = Blank(form.NewId) ?? new WorkspaceIds(org.Workspace).New("j-", name);
        var journey = new Journey(id, name, parentId, (form.Description ?? "").Trim(), []);
        var result = await editor.ApplyAsync(new WorkspaceChangeSet { UpsertJourneys = [journey] }, form.Revision, cancellationToken);
        if (result.Applied) return Redirect($"/journeys/{Uri.EscapeDataString(journey.Id)}/edit");
        return RefusedNew(await reader.LoadAsync(cancellationToken), form, [.. result.Errors]);
    }

    /// <summary>The journeys page again, at the same address, with the reasons next to the new-journey form and what was typed in it.</summary>
    private IActionResult RefusedNew(OrgView org, JourneyEditForm form, params string[] errors)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ViewData[NewJourneyForm.Key] = new NewJourneyForm(form.NewId, form.Name, form.ParentId, errors) { ParentText = form.ParentText };
        return View("~/Features/Journeys/Index.cshtml", org);
    }

    /// <summary>Renames the journey, changes its description, and places it under another journey picked by name.</summary>
    [HttpPost("/journeys/{id}/edit/details")]
    public async Task<IActionResult> Details(string id, JourneyEditForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        var parentId = ParentOf(org, form, out var problem);
        if (problem is not null) return Refused(org, journey, problem);
        return await Change(id, form.Revision, j => j with { Name = (form.Name ?? "").Trim(), Description = (form.Description ?? "").Trim(), ParentId = parentId }, cancellationToken);
    }

    [HttpPost("/journeys/{id}/edit/phases")]
    public async Task<IActionResult> AddPhase(string id, JourneyEditForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        if (NewPartProblem(org, form) is { } problem) return Refused(org, journey, problem);
        var phaseId = Blank(form.NewId) ?? new WorkspaceIds(org.Workspace).New("p-", form.Name!);
        return await Change(id, form.Revision, j => j with { Phases = [.. j.Phases, new Phase(phaseId, form.Name!.Trim(), [])] }, cancellationToken);
    }

    [HttpPost("/journeys/{id}/edit/phases/{phaseId}")]
    public Task<IActionResult> RenamePhase(string id, string phaseId, JourneyEditForm form, CancellationToken cancellationToken) =>
        Change(id, form.Revision, j => j with { Phases = j.Phases.Select(p => p.Id == phaseId ? p with { Name = (form.Name ?? "").Trim() } : p).ToList() }, cancellationToken);

    [HttpPost("/journeys/{id}/edit/phases/{phaseId}/move")]
    public Task<IActionResult> MovePhase(string id, string phaseId, JourneyEditForm form, CancellationToken cancellationToken) =>
        Change(id, form.Revision, j => j with { Phases = Shift(j.Phases, p => p.Id == phaseId, form.Direction) }, cancellationToken);

    [HttpPost("/journeys/{id}/edit/phases/{phaseId}/delete")]
    public Task<IActionResult> DeletePhase(string id, string phaseId, JourneyEditForm form, CancellationToken cancellationToken) =>
        form.Confirm
            ? Change(id, form.Revision, j => j with { Phases = j.Phases.Where(p => p.Id != phaseId).ToList() }, cancellationToken)
            : RefusedAsync(id, "Tick the box to confirm the deletion.", cancellationToken);

    [HttpPost("/journeys/{id}/edit/steps")]
    public async Task<IActionResult> AddStep(string id, JourneyEditForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        if (NewPartProblem(org, form) is { } problem) return Refused(org, journey, problem);
        if (journey.Phases.All(p => p.Id != form.PhaseId)) return Refused(org, journey, "Choose the phase the step belongs to.");
        var stepId = Blank(form.NewId) ?? new WorkspaceIds(org.Workspace).New("s-", form.Name!);
        return await Change(id, form.Revision, j => j with
        {
            Phases = j.Phases.Select(p => p.Id == form.PhaseId
                ? p with { Steps = [.. p.Steps, new Step(stepId, form.Name!.Trim(), Blank(form.SubjourneyId))] }
                : p).ToList(),
        }, cancellationToken);
    }

    /// <summary>Moves a step to the end of another phase of the same journey; its id, owners and links go with it.</summary>
    [HttpPost("/journeys/{id}/edit/steps/{stepId}/phase")]
    public async Task<IActionResult> MoveStepToPhase(string id, string stepId, JourneyEditForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        var from = journey.Phases.FirstOrDefault(p => p.Steps.Any(s => s.Id == stepId));
        if (from is null) return NotFound();
        var to = journey.Phases.FirstOrDefault(p => p.Id == form.PhaseId);
        if (to is null) return Refused(org, journey, "Choose the phase the step should move to.");
        if (to.Id == from.Id) return Refused(org, journey, $"“{from.Steps.First(s => s.Id == stepId).Name}” is already in {to.Name}.");
        var step = from.Steps.First(s => s.Id == stepId);
        return await Change(id, form.Revision, j => j with
        {
            Phases = j.Phases.Select(p =>
                p.Id == from.Id ? p with { Steps = p.Steps.Where(s => s.Id != stepId).ToList() }
                : p.Id == to.Id ? p with { Steps = [.. p.Steps, step] }
                : p).ToList(),
        }, cancellationToken);
    }

    /// <summary>Renames a step and sets (or clears) the sub-journey it uses.</summary>
    [HttpPost("/journeys/{id}/edit/steps/{stepId}")]
    public Task<IActionResult> ChangeStep(string id, string stepId, JourneyEditForm form, CancellationToken cancellationToken) =>
        Change(id, form.Revision, j => j with
        {
            Phases = j.Phases.Select(p => p with
            {
                Steps = p.Steps.Select(s => s.Id == stepId ? s with { Name = (form.Name ?? "").Trim(), SubjourneyId = Blank(form.SubjourneyId) } : s).ToList(),
            }).ToList(),
        }, cancellationToken);

    [HttpPost("/journeys/{id}/edit/steps/{stepId}/move")]
    public Task<IActionResult> MoveStep(string id, string stepId, JourneyEditForm form, CancellationToken cancellationToken) =>
        Change(id, form.Revision, j => j with { Phases = j.Phases.Select(p => p with { Steps = Shift(p.Steps, s => s.Id == stepId, form.Direction) }).ToList() }, cancellationToken);

    [HttpPost("/journeys/{id}/edit/steps/{stepId}/delete")]
    public Task<IActionResult> DeleteStep(string id, string stepId, JourneyEditForm form, CancellationToken cancellationToken) =>
        form.Confirm
            ? Change(id, form.Revision, j => j with { Phases = j.Phases.Select(p => p with { Steps = p.Steps.Where(s => s.Id != stepId).ToList() }).ToList() }, cancellationToken)
            : RefusedAsync(id, "Tick the box to confirm the deletion.", cancellationToken);

    /// <summary>Why a typed id cannot be used (it is taken), or null; an empty id is made from the name.</summary>
    private static string? IdProblem(OrgView org, string? typed)
    {
        var id = Blank(typed);
        if (id is null || !new WorkspaceIds(org.Workspace).IsTaken(id)) return null;
        return org.Journeys.TryGetValue(id, out var journey) ? $"The journey “{journey.Name}” already has the id '{id}': choose another id, or leave it empty to have one made from the name."
            : $"The id '{id}' is already used in the workspace: choose another id, or leave it empty to have one made from the name.";
    }

    private static string? NewPartProblem(OrgView org, JourneyEditForm form) =>
        string.IsNullOrWhiteSpace(form.Name) ? "Give it a name." : IdProblem(org, form.NewId);

    /// <summary>The journey to place a journey under: picked by name (or id), or none for the top of the framework.</summary>
    private static string? ParentOf(OrgView org, JourneyEditForm form, out string? problem)
    {
        problem = null;
        // The picker's text box emptied means the top, even while its hidden field still holds the old parent.
        if (form.ParentText is not null && form.ParentText.Trim().Length == 0) return null;
        if (string.IsNullOrWhiteSpace(form.ParentId) && string.IsNullOrWhiteSpace(form.ParentText)) return null;
        return NamePick.Resolve(org, "journey", "Part of", form.ParentId, form.ParentText, out problem);
    }

    private async Task<IActionResult> Change(string id, long revision, Func<Journey, Journey> change, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var before)) return NotFound();
        var after = change(before);
        // Ownership and metrics on phases or steps that no longer exist go with them.
        var kept = after.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Append(after.Id).ToHashSet();
        var removed = before.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Where(x => !kept.Contains(x)).ToHashSet();
        var changes = new WorkspaceChangeSet
        {
            UpsertJourneys = [after],
            DeleteOwnership = org.Workspace.Ownership.Where(o => removed.Contains(o.TargetId)).Select(o => new OwnershipKey(o.TeamId, o.TargetId)).ToList(),
            DeleteMetrics = org.Workspace.Metrics.Where(m => removed.Contains(m.TargetId)).Select(m => m.Id).ToList(),
        };
        return await Save(org, after, changes, revision, cancellationToken);
    }

    private async Task<IActionResult> Save(OrgView org, Journey journey, WorkspaceChangeSet changes, long revision, CancellationToken cancellationToken)
    {
        var result = await editor.ApplyAsync(changes, revision, cancellationToken);
        if (result.Applied) return Redirect($"/journeys/{Uri.EscapeDataString(journey.Id)}/edit");
        var fresh = await reader.LoadAsync(cancellationToken);
        return Refused(fresh, fresh.Journeys.GetValueOrDefault(journey.Id), [.. result.Errors]);
    }

    private async Task<IActionResult> RefusedAsync(string id, string error, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return org.Journeys.TryGetValue(id, out var journey) ? Refused(org, journey, error) : NotFound();
    }

    private IActionResult Refused(OrgView org, Journey? journey, params string[] errors)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return journey is null
            ? View("~/Features/Journeys/Index.cshtml", org)
            : View(EditView, new JourneyEditModel(org, journey, errors));
    }

    private static IReadOnlyList<T> Shift<T>(IReadOnlyList<T> items, Func<T, bool> match, string? direction)
    {
        var list = items.ToList();
        var i = list.FindIndex(x => match(x));
        var j = direction == "up" ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= list.Count) return items;
        (list[i], list[j]) = (list[j], list[i]);
        return list;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The levels form as posted.</summary>
public sealed class LevelsPost
{
    public string? Levels { get; set; }
    public long Revision { get; set; }
}

/// <summary>A refused form naming the levels: what was typed, and why.</summary>
public sealed record LevelsForm(string? Typed, IReadOnlyList<string> Errors)
{
    public const string Key = "LevelsForm";
}

/// <summary>A refused new-journey form: what was typed, and why it was refused (shown next to the form).</summary>
public sealed record NewJourneyForm(string? NewId, string? Name, string? ParentId, IReadOnlyList<string> Errors)
{
    public string? ParentText { get; init; }
    public const string Key = "NewJourneyForm";
}

public sealed class JourneyEditForm
{
    /// <summary>The id of a journey, phase or step being created (not "Id": that would shadow the route's journey id).</summary>
    public string? NewId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? ParentId { get; set; }
    /// <summary>What was typed in the "part of" journey picker.</summary>
    [ModelBinder(Name = "ParentId" + NamePick.TextSuffix)]
    [System.ComponentModel.DataAnnotations.DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? ParentText { get; set; }
    public string? PhaseId { get; set; }
    public string? SubjourneyId { get; set; }
    /// <summary>up or down</summary>
    public string? Direction { get; set; }
    public bool Confirm { get; set; }
    public long Revision { get; set; }
}

public sealed record JourneyEditModel(OrgView Org, Journey Journey, IReadOnlyList<string> Errors);
