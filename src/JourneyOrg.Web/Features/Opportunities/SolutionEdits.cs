using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Opportunities;

/// <summary>A solution added to or edited on an opportunity's page.</summary>
public sealed class SolutionForm
{
    /// <summary>Only on create; made from the title when left empty.</summary>
    public string? NewId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Type { get; set; }
    public string? Status { get; set; }
    public string? Priority { get; set; }
    public string? TeamId { get; set; }
    public string? ExternalLinks { get; set; }
    public long Revision { get; set; }

    /// <summary>The types TheyDo and the issue name; the domain takes any text.</summary>
    public static readonly IReadOnlyList<string> SuggestedTypes = ["epic", "campaign", "initiative"];

    public Solution? ToSolution(string id, Solution? existing, string opportunityId, OrgView org, FormProblems problems)
    {
        var title = (Title ?? "").Trim();
        if (title.Length == 0) problems.Add(nameof(Title), "Solution title is required.");
        var priority = FormValues.Text(Priority)?.ToUpperInvariant();
        if (priority is not null && !SolutionPriorities.All.Contains(priority))
            problems.Add(nameof(Priority), $"Priority must be one of {string.Join(", ", SolutionPriorities.All)} (you entered '{Priority!.Trim()}').");
        string? teamProblem = null;
        var team = FormValues.Text(TeamId) is { } typedTeam ? org.FindTeam(typedTeam, "Owning team", out teamProblem) : null;
        if (teamProblem is not null) problems.Add(nameof(TeamId), teamProblem);
        var links = FormValues.Links(ExternalLinks, problems.At(nameof(ExternalLinks)));
        if (problems.Any) return null;
        return (existing ?? new Solution(id, title, "", null, null, null) { OpportunityIds = [opportunityId] }) with
        {
            Title = title, Description = existing is not null && Description is null ? existing.Description : (Description ?? "").Trim(),
            Type = FormValues.Text(Type), Status = FormValues.Text(Status), Priority = priority, TeamId = team, ExternalLinks = links,
        };
    }
}

/// <summary>
/// The solution edits as use cases, made from an opportunity's page: add one, change it, or take it off the
/// opportunity. Each gives the one change set the edit pipeline applies, or the problems at the form's fields.
/// </summary>
public static class SolutionEdits
{
    public static OpportunityEdit Add(OrgView org, string opportunityId, SolutionForm form)
    {
        var problems = new FormProblems(OpportunityForms.NewSolution);
        // Ids are unique across every kind of record; a typed one is checked, otherwise one is made from the title.
        var ids = new WorkspaceIds(org.Workspace);
        var typedId = FormValues.Text(form.NewId);
        if (typedId is not null && ids.IsTaken(typedId))
            problems.Add(nameof(SolutionForm.NewId), $"Id: '{typedId}' is already used in the workspace; choose another or leave it empty.");
        var solution = form.ToSolution(typedId ?? ids.New("sol-", form.Title ?? ""), null, opportunityId, org, problems);
        return Upsert(opportunityId, solution, problems, $"Solution '{solution?.Title}' added.");
    }

    public static OpportunityEdit Edit(OrgView org, string opportunityId, Solution existing, SolutionForm form)
    {
        var problems = new FormProblems(OpportunityForms.Solution(existing.Id));
        var solution = form.ToSolution(existing.Id, existing, opportunityId, org, problems);
        return Upsert(opportunityId, solution, problems, $"Solution '{solution?.Title}' saved.");
    }

    /// <summary>One that addressed nothing else is deleted (<see cref="OpportunityRemoval.DetachSolution"/>).</summary>
    public static OpportunityEdit Remove(OrgView org, string opportunityId, Solution solution) =>
        new(OpportunityRemoval.DetachSolution(org.Workspace, solution.Id, opportunityId), opportunityId,
            new FormProblems(OpportunityForms.RemoveSolution), $"Solution '{solution.Title}' removed.");

    private static OpportunityEdit Upsert(string opportunityId, Solution? solution, FormProblems problems, string done) =>
        new(solution is null || problems.Any ? null : new WorkspaceChangeSet { UpsertSolutions = [solution] }, opportunityId, problems, done);
}
