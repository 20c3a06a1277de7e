using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Templates;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Templates;

/// <summary>
/// Starter journey frameworks: the list, a preview of one, and adding it to the workspace (merged; refused whole when an
/// id is already used). For planners, who are the ones to shape the framework.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class TemplatesController(OrgReader reader, IWorkspaceStore store) : Controller
{
    [HttpGet("/journeys/templates")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return View(new TemplateListModel(JourneyTemplates.All.Select(TemplatePreview.Of).ToList(), org.Workspace.Journeys.Count == 0));
    }

    [HttpGet("/journeys/templates/{name}")]
    public async Task<IActionResult> Preview(string name, CancellationToken cancellationToken)
    {
        if (JourneyTemplates.Find(name) is not { } template) return NotFound();
        var org = await reader.LoadAsync(cancellationToken);
        return View(new TemplatePreviewModel(TemplatePreview.Of(template), org.Workspace.Journeys.Count == 0, FormProblems.None));
    }

    [HttpPost("/journeys/templates/{name}")]
    public async Task<IActionResult> Add(string name, CancellationToken cancellationToken)
    {
        if (JourneyTemplates.Find(name) is not { } template) return NotFound();
        TemplateApplication result;
        try
        {
            result = await JourneyTemplates.ApplyAsync(store, template, cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            result = new TemplateApplication(null, 0, [], [new Workspaces.WorkspaceError("$", "The workspace changed while the template was being added. Nothing was added; please try again.")]);
        }
        if (result.Applied)
            return this.Saved("/journeys", $"Added the template “{template.Title}”: {result.Added} journeys with their phases and steps.");
        var org = await reader.LoadAsync(cancellationToken);
        var problems = new FormProblems(TemplatePreviewModel.Form);
        if (result.Clashes.Count > 0) problems.Whole.Add(ClashText(org, result.Clashes));
        problems.Whole.AddRange(result.Errors.Select(e => e.Message));
        return this.Refused("Preview", new TemplatePreviewModel(TemplatePreview.Of(template), org.Workspace.Journeys.Count == 0, problems));
    }

    /// <summary>
    /// Which of the workspace's records already use the template's ids, by name (the ids mean nothing to a planner);
    /// the first few, then how many more.
    /// </summary>
    private static string ClashText(OrgView org, IReadOnlyList<string> clashes)
    {
        const int Named = 5;
        string Name(string id) =>
            org.Steps.TryGetValue(id, out var s) ? $"the step “{s.Step.Name}” of “{s.Journey.Name}”"
            : org.Phases.TryGetValue(id, out var p) ? $"the phase “{p.Phase.Name}” of “{p.Journey.Name}”"
            : org.Journeys.TryGetValue(id, out var j) ? $"the journey “{j.Name}”"
            : org.Teams.TryGetValue(id, out var t) ? $"the team “{t.Name}”"
            : org.People.TryGetValue(id, out var person) ? person.DisplayName
            : $"a record with the id '{id}'";
        var named = string.Join("; ", clashes.Take(Named).Select(Name));
        var more = clashes.Count > Named ? $"; and {clashes.Count - Named} more" : "";
        return $"This workspace already has {clashes.Count} of the template's journeys, phases or steps ({named}{more}), "
            + "and a template never overwrites your records. It was probably added before.";
    }
}

/// <summary>A template read for showing: its journeys, their hierarchy, and the figures of its shape.</summary>
public sealed record TemplatePreview(JourneyTemplate Template, Workspace Workspace)
{
    public static TemplatePreview Of(JourneyTemplate template) => new(template, template.Read().Workspace ?? Workspace.Empty);

    public ILookup<string, Journey> Children { get; } = Workspace.Journeys.Where(j => j.ParentId is not null).ToLookup(j => j.ParentId!);

    public IEnumerable<Journey> Tops => Workspace.Journeys.Where(j => j.ParentId is null);

    /// <summary>Journeys with phases that no step uses: the customer journeys themselves.</summary>
    public int Journeys => Workspace.Journeys.Count(j => j.Phases.Count > 0 && !UsedBy(j.Id).Any());

    public int Steps => Workspace.Journeys.Sum(j => j.Phases.Sum(p => p.Steps.Count));

    /// <summary>The journeys whose steps use <paramref name="subjourneyId"/>.</summary>
    public IEnumerable<Journey> UsedBy(string subjourneyId) =>
        Workspace.Journeys.Where(j => j.Phases.Any(p => p.Steps.Any(s => s.SubjourneyId == subjourneyId)));

    public IReadOnlyList<Journey> Subjourneys => Workspace.Journeys.Where(j => UsedBy(j.Id).Any()).ToList();
}

public sealed record TemplateListModel(IReadOnlyList<TemplatePreview> Templates, bool WorkspaceEmpty);

/// <summary>One template's preview, and why adding it was refused (its records already there, or validation errors).</summary>
public sealed record TemplatePreviewModel(TemplatePreview Preview, bool WorkspaceEmpty, FormProblems Problems)
{
    /// <summary>The add form's DOM prefix.</summary>
    public const string Form = "add-template";
}
