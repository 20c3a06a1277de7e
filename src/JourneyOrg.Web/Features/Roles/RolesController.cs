using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Roles;

/// <summary>
/// The role catalog and a page per role. Family, level, the cost of an opening and the openings planned in scenarios are
/// HR data (SPEC §5): the views render them for HR and Admin only, and only HR changes the catalog.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class RolesController(OrgReader reader, WorkspaceEditor editor, Scenarios.ScenarioOpenings openings) : Controller
{
    [HttpGet("/roles")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return View(new RolesModel(org, []) { Openings = await OpeningsAsync(org, cancellationToken) });
    }

    [HttpGet("/roles/{id}")]
    public async Task<IActionResult> Role(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Roles.TryGetValue(id, out var role)) return NotFound();
        return View(new RolePageModel(org, role, []) { Openings = (await OpeningsAsync(org, cancellationToken)).Where(o => o.Opening.RoleId == id).ToList() });
    }

    /// <summary>
    /// Creates a role (its id made from the title when none is given) or, with the id of an existing role, edits it.
    /// </summary>
    [HttpPost("/roles")]
    [Authorize(Policy = Policies.HR)]
    public async Task<IActionResult> Save(RoleForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var id = (form.Id ?? "").Trim();
        if (id.Length == 0 && !string.IsNullOrWhiteSpace(form.Title)) id = new WorkspaceIds(org.Workspace).New("r-", form.Title.Trim());
        var isNew = !org.Roles.ContainsKey(id);
        var errors = new List<string>();
        if (isNew && id.Length > 0 && new WorkspaceIds(org.Workspace).IsTaken(id))
            errors.Add($"The id '{id}' is already used by something else in the workspace.");
        var result = await SaveAsync(org, id, form, errors, cancellationToken);
        if (result.Applied) return Redirect("/roles/" + Uri.EscapeDataString(id));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var fresh = await reader.LoadAsync(cancellationToken);
        return View("Index", new RolesModel(fresh, result.Errors, form) { Openings = await OpeningsAsync(fresh, cancellationToken) });
    }

    [HttpPost("/roles/{id}")]
    [Authorize(Policy = Policies.HR)]
    public async Task<IActionResult> Edit(string id, RoleForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Roles.ContainsKey(id)) return NotFound();
        var result = await SaveAsync(org, id, form, [], cancellationToken);
        if (result.Applied) return Redirect("/roles/" + Uri.EscapeDataString(id));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var fresh = await reader.LoadAsync(cancellationToken);
        return View("Role", new RolePageModel(fresh, fresh.Roles[id], result.Errors, form)
        {
            Openings = (await OpeningsAsync(fresh, cancellationToken)).Where(o => o.Opening.RoleId == id).ToList(),
        });
    }

    private Task<EditResult> SaveAsync(OrgView org, string id, RoleForm form, List<string> errors, CancellationToken cancellationToken)
    {
        var title = (form.Title ?? "").Trim();
        if (title.Length == 0) errors.Add("Give the role a title.");
        double? cost = null;
        if (!string.IsNullOrWhiteSpace(form.AnnualCost))
        {
            cost = Format.ParseAmount(form.AnnualCost);
            if (cost is null) errors.Add($"Annual cost '{form.AnnualCost.Trim()}' is not a number; write it in {org.Workspace.Currency}, for example 85000.");
            else if (cost < 0) errors.Add($"Annual cost {form.AnnualCost.Trim()} is negative; a cost is 0 or more.");
        }
        var role = new Role(id, title, Blank(form.Family), Blank(form.Level)) { AnnualCost = cost };
        return editor.ApplyAsync(errors, () => new WorkspaceChangeSet { UpsertRoles = [role] }, form.Revision, cancellationToken);
    }

    // Openings are HR data: they are not even computed for anyone else.
    private async Task<IReadOnlyList<Scenarios.PlannedOpening>> OpeningsAsync(OrgView org, CancellationToken cancellationToken) =>
        User.CanSeeHrData() ? await openings.ListAsync(org, User, cancellationToken) : [];

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class RoleForm
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Family { get; set; }
    public string? Level { get; set; }
    /// <summary>The annual cost of one full-time opening, as typed (HR-only).</summary>
    public string? AnnualCost { get; set; }
    public long Revision { get; set; }
}

public sealed record RolesModel(OrgView Org, IReadOnlyList<string> Errors, RoleForm? Form = null)
{
    public IReadOnlyList<Scenarios.PlannedOpening> Openings { get; init; } = [];
    public ILookup<string, Person> Holders => Org.RoleHolders;
}

public sealed record RolePageModel(OrgView Org, Role Role, IReadOnlyList<string> Errors, RoleForm? Form = null)
{
    public IReadOnlyList<Scenarios.PlannedOpening> Openings { get; init; } = [];
    public IReadOnlyList<Person> Holders { get; } = Org.RoleHolders[Role.Id].OrderBy(p => p.DisplayName).ToList();

    /// <summary>What the holders cost a year together (HR-only), and how many of them have a cost entry.</summary>
    public (double Total, int Known) HoldersCost
    {
        get
        {
            var costs = Org.Workspace.Costs.ToDictionary(c => c.PersonId, c => c.AnnualCost);
            var known = Holders.Where(p => costs.ContainsKey(p.Id)).ToList();
            return (known.Sum(p => costs[p.Id]), known.Count);
        }
    }
}
