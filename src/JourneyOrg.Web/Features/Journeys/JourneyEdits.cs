using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Journeys;

/// <summary>What a journey edit would change, or why it cannot: the problems are in the product's words.</summary>
public sealed record JourneyEdit(WorkspaceChangeSet? Changes, IReadOnlyList<string> Problems)
{
    /// <summary>What the notice says once the edit is stored, for the edits that answer with one.</summary>
    public string Done { get; init; } = "";

    public static JourneyEdit Refused(params string[] problems) => new(null, problems);
}

/// <summary>
/// The journey editor's use cases: each turns a form into the one change set the edit pipeline applies
/// (<c>WorkspaceEditor</c>), or says what is wrong with the form. New ids are made from names (<see cref="WorkspaceIds"/>)
/// unless typed under "Advanced". A change that drops phases or steps takes their ownership and KPIs along.
/// </summary>
public static class JourneyEdits
{
    /// <summary>Names the levels of the framework (a workspace setting, see <see cref="FrameworkLevels"/>).</summary>
    public static JourneyEdit NameLevels(LevelsPost form)
    {
        var named = FrameworkLevels.FromTyped(form.Levels, out var problem);
        if (problem is not null) return JourneyEdit.Refused(problem);
        return new(new WorkspaceChangeSet { State = new Dictionary<string, string?> { [FrameworkLevels.StateKey] = named!.ToStored() } }, [])
        {
            Done = $"The framework's levels are now {named}.",
        };
    }

    public static JourneyEdit Create(OrgView org, JourneyEditForm form)
    {
        var name = (form.Name ?? "").Trim();
        if (name.Length == 0) return JourneyEdit.Refused("Give the journey a name.");
        if (IdProblem(org, form.NewId) is { } taken) return JourneyEdit.Refused(taken);
        var parentId = ParentOf(org, form, out var parentProblem);
        if (parentProblem is not null) return JourneyEdit.Refused(parentProblem);
        var id = Blank(form.NewId) ?? new WorkspaceIds(org.Workspace).New("j-", name);
        return new(new WorkspaceChangeSet { UpsertJourneys = [new Journey(id, name, parentId, (form.Description ?? "").Trim(), [])] }, []);
    }

    /// <summary>Renames the journey, changes its description, and places it under another journey picked by name.</summary>
    public static JourneyEdit Details(OrgView org, Journey journey, JourneyEditForm form)
    {
        var parentId = ParentOf(org, form, out var problem);
        return problem is not null ? JourneyEdit.Refused(problem)
            : Changed(org, journey, journey with { Name = (form.Name ?? "").Trim(), Description = (form.Description ?? "").Trim(), ParentId = parentId });
    }

    public static JourneyEdit AddPhase(OrgView org, Journey journey, JourneyEditForm form)
    {
        if (NewPartProblem(org, form) is { } problem) return JourneyEdit.Refused(problem);
        var phaseId = Blank(form.NewId) ?? new WorkspaceIds(org.Workspace).New("p-", form.Name!);
        return Changed(org, journey, journey with { Phases = [.. journey.Phases, new Phase(phaseId, form.Name!.Trim(), [])] });
    }

    public static JourneyEdit RenamePhase(OrgView org, Journey journey, string phaseId, JourneyEditForm form) =>
        Changed(org, journey, journey with { Phases = [.. journey.Phases.Select(p => p.Id == phaseId ? p with { Name = (form.Name ?? "").Trim() } : p)] });

    public static JourneyEdit MovePhase(OrgView org, Journey journey, string phaseId, JourneyEditForm form) =>
        Changed(org, journey, journey with { Phases = Shift(journey.Phases, p => p.Id == phaseId, form.Direction) });

    public static JourneyEdit DeletePhase(OrgView org, Journey journey, string phaseId, JourneyEditForm form) =>
        form.Confirm ? Changed(org, journey, journey with { Phases = [.. journey.Phases.Where(p => p.Id != phaseId)] }) : Unconfirmed;

    public static JourneyEdit AddStep(OrgView org, Journey journey, JourneyEditForm form)
    {
        if (NewPartProblem(org, form) is { } problem) return JourneyEdit.Refused(problem);
        if (journey.Phases.All(p => p.Id != form.PhaseId)) return JourneyEdit.Refused("Choose the phase the step belongs to.");
        var stepId = Blank(form.NewId) ?? new WorkspaceIds(org.Workspace).New("s-", form.Name!);
        return Changed(org, journey, journey with
        {
            Phases = [.. journey.Phases.Select(p => p.Id == form.PhaseId
                ? p with { Steps = [.. p.Steps, new Step(stepId, form.Name!.Trim(), Blank(form.SubjourneyId))] }
                : p)],
        });
    }

    /// <summary>Moves a step to the end of another phase of the same journey; its id, owners and links go with it. Null: no such step.</summary>
    public static JourneyEdit? MoveStepToPhase(OrgView org, Journey journey, string stepId, JourneyEditForm form)
    {
        var from = journey.Phases.FirstOrDefault(p => p.Steps.Any(s => s.Id == stepId));
        if (from is null) return null;
        var step = from.Steps.First(s => s.Id == stepId);
        var to = journey.Phases.FirstOrDefault(p => p.Id == form.PhaseId);
        if (to is null) return JourneyEdit.Refused("Choose the phase the step should move to.");
        if (to.Id == from.Id) return JourneyEdit.Refused($"“{step.Name}” is already in {to.Name}.");
        return Changed(org, journey, journey with
        {
            Phases = [.. journey.Phases.Select(p =>
                p.Id == from.Id ? p with { Steps = [.. p.Steps.Where(s => s.Id != stepId)] }
                : p.Id == to.Id ? p with { Steps = [.. p.Steps, step] }
                : p)],
        });
    }

    /// <summary>Renames a step and sets (or clears) the sub-journey it uses.</summary>
    public static JourneyEdit ChangeStep(OrgView org, Journey journey, string stepId, JourneyEditForm form) =>
        Changed(org, journey, journey with
        {
            Phases = [.. journey.Phases.Select(p => p with
            {
                Steps = [.. p.Steps.Select(s => s.Id == stepId ? s with { Name = (form.Name ?? "").Trim(), SubjourneyId = Blank(form.SubjourneyId) } : s)],
            })],
        });

    public static JourneyEdit MoveStep(OrgView org, Journey journey, string stepId, JourneyEditForm form) =>
        Changed(org, journey, journey with { Phases = [.. journey.Phases.Select(p => p with { Steps = Shift(p.Steps, s => s.Id == stepId, form.Direction) })] });

    public static JourneyEdit DeleteStep(OrgView org, Journey journey, string stepId, JourneyEditForm form) =>
        form.Confirm ? Changed(org, journey, journey with { Phases = [.. journey.Phases.Select(p => p with { Steps = [.. p.Steps.Where(s => s.Id != stepId)] })] }) : Unconfirmed;

    internal static readonly JourneyEdit Unconfirmed = JourneyEdit.Refused("Tick the box to confirm the deletion.");

    /// <summary>The journey as changed, with the ownership and KPIs of phases or steps that no longer exist going with them.</summary>
    private static JourneyEdit Changed(OrgView org, Journey before, Journey after)
    {
        var kept = after.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Append(after.Id).ToHashSet();
        var removed = before.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Where(x => !kept.Contains(x)).ToHashSet();
        return new(new WorkspaceChangeSet
        {
            UpsertJourneys = [after],
            DeleteOwnership = [.. org.Workspace.Ownership.Where(o => removed.Contains(o.TargetId)).Select(o => new OwnershipKey(o.TeamId, o.TargetId))],
            DeleteMetrics = [.. org.Workspace.Metrics.Where(m => removed.Contains(m.TargetId)).Select(m => m.Id)],
        }, []);
    }

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
    private static string? ParentOf(OrgView org, JourneyEditForm form, out string? problem) =>
        NamePick.ResolveOptional(org, "journey", "Part of", form.ParentId, form.ParentText, out problem);

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

/// <summary>The journey editor; after a refused post, the problems of the form that posted it and what was typed there.</summary>
public sealed record JourneyEditModel(OrgView Org, Journey Journey, FormProblems Problems)
{
    public JourneyEditForm? Typed { get; init; }

    /// <summary>The name field's value: as typed in the refused form, else as stored.</summary>
    public string? NameIn(string form, string? stored) => Problems.Form == form && Typed is not null ? Typed.Name : stored;
}

/// <summary>
/// The journey editor's forms as the page tells them apart (their DOM prefixes), and a refusal placed at the field the
/// form changes: the workspace rules' reasons too, since each of these forms changes one thing.
/// </summary>
public static class JourneyForms
{
    public const string Details = "journey-details", Duplicate = "journey-duplicate", NewPhase = "new-phase";

    public static string Phase(string phaseId) => "phase-" + DomIds.Safe(phaseId);
    public static string MovePhase(string phaseId) => "move-phase-" + DomIds.Safe(phaseId);
    public static string DeletePhase(string phaseId) => "delete-phase-" + DomIds.Safe(phaseId);
    public static string NewStep(string phaseId) => "new-step-" + DomIds.Safe(phaseId);
    public static string Step(string stepId) => "step-" + DomIds.Safe(stepId);
    public static string MoveStep(string stepId) => "move-step-" + DomIds.Safe(stepId);
    public static string StepPhase(string stepId) => "step-phase-" + DomIds.Safe(stepId);
    public static string DeleteStep(string stepId) => "delete-step-" + DomIds.Safe(stepId);

    /// <summary>The problems at <paramref name="field"/>; with no field (a form of buttons only) above the form.</summary>
    public static FormProblems Refusal(string form, string? field, IEnumerable<string> messages)
    {
        var problems = new FormProblems(form);
        foreach (var message in messages)
            if (field is null) problems.Whole.Add(message);
            else problems.Add(field, message);
        return problems;
    }
}
