using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Teams;

/// <summary>Create, rename and move teams and change their memberships (<see cref="TeamEdits"/>); each edit validated and atomic.</summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class TeamEditsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    [HttpPost("/teams")]
    public async Task<IActionResult> Create(TeamForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return await Answer(org, TeamEdits.Create(org, form), form.Revision, form, cancellationToken);
    }

    [HttpPost("/teams/{id}/rename")]
    public Task<IActionResult> Rename(string id, TeamForm form, CancellationToken cancellationToken) =>
        OnTeam(id, form.Revision, form, (_, team) => TeamEdits.Rename(team, form), cancellationToken);

    [HttpPost("/teams/{id}/move")]
    public Task<IActionResult> Move(string id, TeamForm form, CancellationToken cancellationToken) =>
        OnTeam(id, form.Revision, form, (org, team) => TeamEdits.Move(org, team, form), cancellationToken);

    [HttpPost("/teams/{id}/members")]
    public Task<IActionResult> SetMember(string id, MemberForm form, CancellationToken cancellationToken) =>
        OnTeam(id, form.Revision, form, (org, team) => TeamEdits.SetMember(org, team, form), cancellationToken);

    [HttpPost("/teams/{id}/members/remove")]
    public Task<IActionResult> RemoveMember(string id, MemberForm form, CancellationToken cancellationToken) =>
        OnTeam(id, form.Revision, null, (_, team) => TeamEdits.RemoveMember(team, form), cancellationToken);

    private async Task<IActionResult> OnTeam(string id, long revision, object? draft, Func<OrgView, Team, TeamEdit> edit, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Teams.TryGetValue(id, out var team)) return NotFound();
        return await Answer(org, edit(org, team), revision, draft, cancellationToken);
    }

    private async Task<IActionResult> Answer(OrgView org, TeamEdit edit, long revision, object? draft, CancellationToken cancellationToken)
    {
        if (edit.Changes is null) return Refused(org, edit.TeamId, edit.Problems, draft);
        var result = await editor.ApplyAsync(edit.Changes, revision, cancellationToken);
        if (result.Applied) return this.Saved($"/teams/{Uri.EscapeDataString(edit.TeamId)}", Done(edit));
        return Refused(await reader.LoadAsync(cancellationToken), edit.TeamId, edit.RefusedByRules(result.Errors), draft);
    }

    private static string Done(TeamEdit edit)
    {
        var team = edit.Changes!.UpsertTeams[0];
        return edit.Problems.Form switch
        {
            TeamForms.New => $"Created the team “{team.Name}”.",
            TeamForms.Rename => $"Renamed the team to “{team.Name}”.",
            TeamForms.Move => "Moved the team.",
            _ => "Saved the team's members.",
        };
    }

    /// <summary>The page the form was on, with the problems at their fields and what was typed (422).</summary>
    private ViewResult Refused(OrgView org, string teamId, FormProblems problems, object? draft) =>
        org.Teams.TryGetValue(teamId, out var team)
            ? this.Refused("~/Features/Teams/Team.cshtml", TeamPageModel.Build(org, team) with { Problems = problems, Draft = draft })
            : this.Refused("~/Features/Teams/Index.cshtml", TeamListModel.Build(org, new TeamListQuery()) with { Problems = problems, Draft = draft as TeamForm });
}
