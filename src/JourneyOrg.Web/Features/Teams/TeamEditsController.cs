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
        return await Answer(org, TeamEdits.Create(org, form), form.Revision, cancellationToken);
    }

    [HttpPost("/teams/{id}/rename")]
    public Task<IActionResult> Rename(string id, TeamForm form, CancellationToken cancellationToken) =>
        OnTeam(id, form.Revision, (_, team) => TeamEdits.Rename(team, form), cancellationToken);

    [HttpPost("/teams/{id}/move")]
    public Task<IActionResult> Move(string id, TeamForm form, CancellationToken cancellationToken) =>
        OnTeam(id, form.Revision, (org, team) => TeamEdits.Move(org, team, form), cancellationToken);

    [HttpPost("/teams/{id}/members")]
    public Task<IActionResult> SetMember(string id, MemberForm form, CancellationToken cancellationToken) =>
        OnTeam(id, form.Revision, (org, team) => TeamEdits.SetMember(org, team, form), cancellationToken);

    [HttpPost("/teams/{id}/members/remove")]
    public Task<IActionResult> RemoveMember(string id, MemberForm form, CancellationToken cancellationToken) =>
        OnTeam(id, form.Revision, (_, team) => TeamEdits.RemoveMember(team, form), cancellationToken);

    private async Task<IActionResult> OnTeam(string id, long revision, Func<OrgView, Team, TeamEdit> edit, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Teams.TryGetValue(id, out var team)) return NotFound();
        return await Answer(org, edit(org, team), revision, cancellationToken);
    }

    private async Task<IActionResult> Answer(OrgView org, TeamEdit edit, long revision, CancellationToken cancellationToken)
    {
        if (edit.Changes is null) return Refused(org, edit.TeamId, edit.Problems);
        var result = await editor.ApplyAsync(edit.Changes, revision, cancellationToken);
        if (result.Applied) return Redirect($"/teams/{Uri.EscapeDataString(edit.TeamId)}");
        return Refused(await reader.LoadAsync(cancellationToken), edit.TeamId, [.. result.Errors]);
    }

    /// <summary>The page the form was on, with the problems, keeping its address (422).</summary>
    private ViewResult Refused(OrgView org, string teamId, IReadOnlyList<string> problems)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return org.Teams.TryGetValue(teamId, out var team)
            ? View("~/Features/Teams/Team.cshtml", TeamPageModel.Build(org, team) with { Errors = [.. problems] })
            : View("~/Features/Teams/Index.cshtml", TeamListModel.Build(org, new TeamListQuery()) with { Errors = [.. problems] });
    }
}
