using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Teams;

/// <summary>Create, rename and move teams and change their memberships; each edit validated and atomic.</summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class TeamEditsController(OrgReader reader, WorkspaceEditor editor) : Controller
{
    [HttpPost("/teams")]
    public async Task<IActionResult> Create(TeamForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var id = (form.Id ?? "").Trim();
        if (id.Length == 0) return await Refused(org, null, "Give the team an id (for example t-payments).");
        if (org.Teams.ContainsKey(id) || org.People.ContainsKey(id) || org.Journeys.ContainsKey(id) || org.Phases.ContainsKey(id) || org.Steps.ContainsKey(id) || org.Roles.ContainsKey(id))
            return await Refused(org, null, $"The id '{id}' is already used in the workspace.");
        var team = new Team(id, (form.Name ?? "").Trim(), Blank(form.ParentId), null, Blank(form.Type), []);
        return await Save(org, team, form.Revision, cancellationToken);
    }

    [HttpPost("/teams/{id}/rename")]
    public Task<IActionResult> Rename(string id, TeamForm form, CancellationToken cancellationToken) =>
        Edit(id, form.Revision, t => t with { Name = (form.Name ?? "").Trim() }, cancellationToken);

    [HttpPost("/teams/{id}/move")]
    public Task<IActionResult> Move(string id, TeamForm form, CancellationToken cancellationToken) =>
        Edit(id, form.Revision, t => t with { ParentId = Blank(form.ParentId) }, cancellationToken);

    /// <summary>Adds a member, or changes their allocation when they are already in the team.</summary>
    [HttpPost("/teams/{id}/members")]
    public async Task<IActionResult> SetMember(string id, MemberForm form, CancellationToken cancellationToken)
    {
        // People are typed by id or by their exact name.
        var org = await reader.LoadAsync(cancellationToken);
        var typed = (form.PersonId ?? "").Trim();
        var named = org.Workspace.People.Where(p => string.Equals(p.DisplayName, typed, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        var personId = org.People.ContainsKey(typed) ? typed : named.Count == 1 ? named[0].Id : typed;
        if (named.Count > 1 && !org.People.ContainsKey(typed))
            return await Refused(org, id, $"More than one person is called '{typed}': use their id (shown on their page).");
        return await Edit(id, form.Revision, t => t with
        {
            Members = t.Members.Where(m => m.PersonId != personId)
                .Append(new Membership(personId, form.AllocationPercent / 100.0)).ToList(),
        }, cancellationToken);
    }

    [HttpPost("/teams/{id}/members/remove")]
    public Task<IActionResult> RemoveMember(string id, MemberForm form, CancellationToken cancellationToken) =>
        Edit(id, form.Revision, t => t with
        {
            Members = t.Members.Where(m => m.PersonId != form.PersonId).ToList(),
            LeadId = t.LeadId == form.PersonId ? null : t.LeadId,
        }, cancellationToken);

    private async Task<IActionResult> Edit(string id, long revision, Func<Team, Team> change, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Teams.TryGetValue(id, out var team)) return NotFound();
        return await Save(org, change(team), revision, cancellationToken);
    }

    private async Task<IActionResult> Save(OrgView org, Team team, long revision, CancellationToken cancellationToken)
    {
        var result = await editor.ApplyAsync(new WorkspaceChangeSet { UpsertTeams = [team] }, revision, cancellationToken);
        if (result.Applied) return Redirect($"/teams/{Uri.EscapeDataString(team.Id)}");
        return await Refused(await reader.LoadAsync(cancellationToken), org.Teams.ContainsKey(team.Id) ? team.Id : null, [.. result.Errors]);
    }

    private Task<IActionResult> Refused(OrgView org, string? teamId, params string[] errors)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        IActionResult view = teamId is not null && org.Teams.TryGetValue(teamId, out var team)
            ? View("~/Features/Teams/Team.cshtml", TeamPageModel.Build(org, team) with { Errors = errors })
            : View("~/Features/Teams/Index.cshtml", TeamListModel.Build(org, new TeamListQuery()) with { Errors = errors });
        return Task.FromResult(view);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class TeamForm
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ParentId { get; set; }
    public string? Type { get; set; }
    public long Revision { get; set; }
}

public sealed class MemberForm
{
    public string? PersonId { get; set; }
    public double AllocationPercent { get; set; } = 100;
    public long Revision { get; set; }
}
