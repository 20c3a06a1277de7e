using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Journeys;

/// <summary>
/// A journey as a whole: delete it after a page that names everything that goes with it (refused while another journey
/// uses it as a sub-journey), or duplicate it as the starting point for a new one.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class WholeJourneyEditsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    [HttpGet("/journeys/{id}/delete")]
    public async Task<IActionResult> ConfirmDelete(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        return View("Delete", JourneyDeletion.Of(org, journey));
    }

    [HttpPost("/journeys/{id}/delete")]
    public async Task<IActionResult> Delete(string id, WholeJourneyForm form, CancellationToken cancellationToken)
    {
        var (confirm, revision) = (form.Confirm, form.Revision);
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        var deletion = JourneyDeletion.Of(org, journey);
        string[] errors = deletion.UsedBy.Count > 0
            ? [$"“{journey.Name}” cannot be deleted while other journeys use it as a sub-journey: {string.Join(", ", deletion.UsedBy.Select(u => $"“{u.Journey.Name}” (step “{u.Step.Name}”)"))}. Change those steps first."]
            : !confirm ? ["Tick the box to confirm the deletion."] : [];
        var result = await editor.ApplyAsync(errors, deletion.Changes, revision, cancellationToken);
        if (result.Applied)
        {
            TempData[FormAnswers.Done] = $"Deleted the journey “{journey.Name}”.";
            return Redirect(journey.ParentId is { } parent && org.Journeys.ContainsKey(parent) ? $"/journeys/{Uri.EscapeDataString(parent)}" : "/journeys");
        }
        var fresh = await reader.LoadAsync(cancellationToken);
        if (!fresh.Journeys.TryGetValue(id, out var still)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Delete", JourneyDeletion.Of(fresh, still) with { Errors = result.Errors });
    }

    /// <summary>
    /// A copy of the journey under the same parent, with new ids made from the names; with <see cref="WholeJourneyForm.WithOwners"/>
    /// the teams that own its parts own the copies too. KPIs, insights and opportunities stay with the original.
    /// </summary>
    [HttpPost("/journeys/{id}/duplicate")]
    public async Task<IActionResult> Duplicate(string id, WholeJourneyForm form, CancellationToken cancellationToken)
    {
        var (name, withOwners, revision) = (form.Name, form.WithOwners, form.Revision);
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Journeys.TryGetValue(id, out var journey)) return NotFound();
        var copyName = string.IsNullOrWhiteSpace(name) ? $"{journey.Name} (copy)" : name.Trim();
        var (copy, ownership) = JourneyCopy.Of(org.Workspace, journey, copyName, withOwners);
        var result = await editor.ApplyAsync(new WorkspaceChangeSet { UpsertJourneys = [copy], UpsertOwnership = ownership }, revision, cancellationToken);
        if (result.Applied) return Redirect($"/journeys/{Uri.EscapeDataString(copy.Id)}/edit");
        var fresh = await reader.LoadAsync(cancellationToken);
        if (!fresh.Journeys.TryGetValue(id, out var still)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new JourneyEditModel(fresh, still, result.Errors));
    }
}

/// <summary>The delete and duplicate forms (a class, so a form MVC cannot read at all is answered 400 by <see cref="UnreadableForms"/>).</summary>
public sealed class WholeJourneyForm
{
    public bool Confirm { get; set; }
    public string? Name { get; set; }
    public bool WithOwners { get; set; }
    public long Revision { get; set; }
}

/// <summary>What deleting a journey takes with it, what it moves, and what stops it. Rendered by Delete.cshtml.</summary>
public sealed record JourneyDeletion(
    OrgView Org, Journey Journey,
    IReadOnlyList<(Journey Journey, Step Step)> UsedBy,
    IReadOnlyList<Journey> Children,
    IReadOnlyList<Ownership> Ownership,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<Insight> Insights,
    IReadOnlyList<Opportunity> Opportunities)
{
    public IReadOnlyList<string> Errors { get; init; } = [];

    public int Steps => Journey.Phases.Sum(p => p.Steps.Count);

    /// <summary>
    /// The change set: the journey, the ownership of it and its parts, its KPIs; its child journeys move up to its parent;
    /// insights and opportunities stay but lose their links to its steps and phases.
    /// </summary>
    public WorkspaceChangeSet Changes() => new()
    {
        DeleteJourneys = [Journey.Id],
        UpsertJourneys = Children.Select(c => c with { ParentId = Journey.ParentId }).ToList(),
        DeleteOwnership = Ownership.Select(o => new OwnershipKey(o.TeamId, o.TargetId)).ToList(),
        DeleteMetrics = Metrics.Select(m => m.Id).ToList(),
        UpsertInsights = Insights.Select(i => i with { StepIds = i.StepIds.Where(s => !Parts.Contains(s)).ToList() }).ToList(),
        UpsertOpportunities = Opportunities.Select(o => o with { TargetIds = o.TargetIds.Where(t => !Parts.Contains(t)).ToList() }).ToList(),
    };

    /// <summary>The ids of the journey, its phases and steps.</summary>
    public IReadOnlySet<string> Parts { get; } =
        Journey.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Append(Journey.Id).ToHashSet(StringComparer.Ordinal);

    public static JourneyDeletion Of(OrgView org, Journey journey)
    {
        var parts = journey.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Append(journey.Id).ToHashSet(StringComparer.Ordinal);
        var usedBy = org.Workspace.Journeys.Where(j => j.Id != journey.Id)
            .SelectMany(j => j.Phases.SelectMany(p => p.Steps).Where(s => s.SubjourneyId == journey.Id).Select(s => (j, s))).ToList();
        return new JourneyDeletion(org, journey, usedBy,
            org.JourneyChildren[journey.Id].ToList(),
            parts.SelectMany(p => org.OwnershipByTarget[p]).ToList(),
            parts.SelectMany(p => org.MetricsByTarget[p]).ToList(),
            org.Workspace.Insights.Where(i => i.StepIds.Any(parts.Contains)).ToList(),
            org.Workspace.Opportunities.Where(o => o.TargetIds.Any(parts.Contains)).ToList());
    }
}

/// <summary>A journey copied as the starting point of another: same phases, steps and sub-journeys, new ids from the names.</summary>
public static class JourneyCopy
{
    public static (Journey Copy, IReadOnlyList<Ownership> Ownership) Of(Workspace workspace, Journey journey, string name, bool withOwners)
    {
        var ids = new WorkspaceIds(workspace);
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { [journey.Id] = ids.New("j-", name) };
        var phases = journey.Phases.Select(p =>
        {
            map[p.Id] = ids.New("p-", $"{name} {p.Name}");
            return new Phase(map[p.Id], p.Name, p.Steps.Select(s =>
            {
                map[s.Id] = ids.New("s-", $"{name} {s.Name}");
                return new Step(map[s.Id], s.Name, s.SubjourneyId);
            }).ToList());
        }).ToList();
        var copy = new Journey(map[journey.Id], name, journey.ParentId, journey.Description, phases);
        IReadOnlyList<Ownership> ownership = withOwners
            ? workspace.Ownership.Where(o => map.ContainsKey(o.TargetId)).Select(o => o with { TargetId = map[o.TargetId] }).ToList()
            : [];
        return (copy, ownership);
    }
}
