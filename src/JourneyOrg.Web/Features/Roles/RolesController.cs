using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Roles;

[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class RolesController(OrgReader reader, WorkspaceEditor editor, Scenarios.ScenarioOpenings openings) : Controller
{
    [HttpGet("/roles")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = org.Revision;
        return View(new RolesModel(org, []) { Openings = await openings.ListAsync(org, cancellationToken) });
    }

    /// <summary>Creates a role, or edits the one with the same id.</summary>
    [HttpPost("/roles")]
    [Authorize(Policy = Policies.HR)]
    public async Task<IActionResult> Save(RoleForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var errors = new List<string>();
        var id = (form.Id ?? "").Trim();
        var title = (form.Title ?? "").Trim();
        if (id.Length == 0) errors.Add("Give the role an id (for example r-engineer).");
        if (title.Length == 0) errors.Add("Give the role a title.");
        var isNew = !org.Roles.ContainsKey(id);
        if (isNew && id.Length > 0 && (org.Journeys.ContainsKey(id) || org.Phases.ContainsKey(id) || org.Steps.ContainsKey(id) || org.Teams.ContainsKey(id) || org.People.ContainsKey(id)))
            errors.Add($"The id '{id}' is already used by something else in the workspace.");
        var role = new Role(id, title, Blank(form.Family), Blank(form.Level));
        var result = await editor.ApplyAsync(errors, () => (new WorkspaceChangeSet { UpsertRoles = [role] },
            org.Workspace with { Roles = org.Workspace.Roles.Where(r => r.Id != id).Append(role).ToList() }), form.Revision, cancellationToken);
        if (result.Applied) return Redirect("/roles#role-" + DomIds.Safe(id));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var fresh = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = fresh.Revision;
        return View("Index", new RolesModel(fresh, result.Errors, form) { Openings = await openings.ListAsync(fresh, cancellationToken) });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class RoleForm
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Family { get; set; }
    public string? Level { get; set; }
    public long Revision { get; set; }
}

public sealed record RolesModel(OrgView Org, IReadOnlyList<string> Errors, RoleForm? Form = null)
{
    public IReadOnlyList<Scenarios.PlannedOpening> Openings { get; init; } = [];
    public ILookup<string, Person> Holders { get; } = Org.Workspace.People.Where(p => p.RoleId is not null).ToLookup(p => p.RoleId!);
}
