using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
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
        return View(new RolesModel(org, FormProblems.None) { Openings = await OpeningsAsync(org, cancellationToken) });
    }

    [HttpGet("/roles/{id}")]
    public async Task<IActionResult> Role(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Roles.TryGetValue(id, out var role)) return NotFound();
        return View(new RolePageModel(org, role, FormProblems.None) { Openings = (await OpeningsAsync(org, cancellationToken)).Where(o => o.Opening.RoleId == id).ToList() });
    }

    /// <summary>
    /// Creates a role (its id made from the title when none is given) or, with the id of an existing role, edits it.
    /// </summary>
    [HttpPost("/roles")]
    [Authorize(Policy = Policies.HR)]
    public async Task<IActionResult> Save(RoleForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var edit = RoleEdits.Save(org, form);
        if (await AppliedAsync(edit, form.Revision, cancellationToken)) return this.Saved("/roles/" + Uri.EscapeDataString(edit.RoleId), edit.Done);
        var fresh = await reader.LoadAsync(cancellationToken);
        return this.Refused("Index", new RolesModel(fresh, edit.Problems, form) { Openings = await OpeningsAsync(fresh, cancellationToken) });
    }

    [HttpPost("/roles/{id}")]
    [Authorize(Policy = Policies.HR)]
    public async Task<IActionResult> Edit(string id, RoleForm form, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.Roles.TryGetValue(id, out var role)) return NotFound();
        var edit = RoleEdits.Change(org, role, form);
        if (await AppliedAsync(edit, form.Revision, cancellationToken)) return this.Saved("/roles/" + Uri.EscapeDataString(id), edit.Done);
        var fresh = await reader.LoadAsync(cancellationToken);
        if (!fresh.Roles.TryGetValue(id, out var now)) return NotFound();
        return this.Refused("Role", new RolePageModel(fresh, now, edit.Problems, form)
        {
            Openings = (await OpeningsAsync(fresh, cancellationToken)).Where(o => o.Opening.RoleId == id).ToList(),
        });
    }

    /// <summary>Stores the edit; the workspace rules' refusal joins the form's problems above the form.</summary>
    private async Task<bool> AppliedAsync(RoleEdit edit, long revision, CancellationToken cancellationToken)
    {
        if (edit.Changes is null) return false;
        var result = await editor.ApplyAsync(edit.Changes, revision, cancellationToken);
        edit.Problems.Whole.AddRange(result.Errors);
        return result.Applied;
    }

    // Openings are HR data: they are not even computed for anyone else.
    private async Task<IReadOnlyList<Scenarios.PlannedOpening>> OpeningsAsync(OrgView org, CancellationToken cancellationToken) =>
        User.CanSeeHrData() ? await openings.ListAsync(org, User, cancellationToken) : [];

}

public sealed record RolesModel(OrgView Org, FormProblems Problems, RoleForm? Form = null)
{
    public IReadOnlyList<Scenarios.PlannedOpening> Openings { get; init; } = [];
    public ILookup<string, Person> Holders => Org.RoleHolders;
}

public sealed record RolePageModel(OrgView Org, Role Role, FormProblems Problems, RoleForm? Form = null)
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
