using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Roles;

/// <summary>A role as typed in the catalog's form (HR only).</summary>
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

/// <summary>What saving a role would store, or why not, at the form's fields.</summary>
public sealed record RoleEdit(WorkspaceChangeSet? Changes, string RoleId, FormProblems Problems, string Done);

/// <summary>
/// Adding or changing a role in the catalog as a use case: the form becomes one change set for the edit pipeline, or
/// problems at its fields. Both forms (the catalog's and a role's page) have the same fields, so one DOM prefix.
/// </summary>
public static class RoleEdits
{
    public const string Form = "role";

    /// <summary>A role with the given id, or (no id) a new one whose id is made from its title.</summary>
    public static RoleEdit Save(OrgView org, RoleForm form)
    {
        var typed = (form.Id ?? "").Trim();
        var ids = new WorkspaceIds(org.Workspace);
        var problems = new FormProblems(Form);
        // A typed id (scripts and imports of the form) must not name something else; a made one never does.
        if (typed.Length > 0 && !org.Roles.ContainsKey(typed) && ids.IsTaken(typed))
            problems.Whole.Add($"The id '{typed}' is already used by something else in the workspace.");
        var id = typed.Length == 0 && !string.IsNullOrWhiteSpace(form.Title) ? ids.New("r-", form.Title.Trim()) : typed;
        return Edit(org, id, form, problems);
    }

    public static RoleEdit Change(OrgView org, Role role, RoleForm form) => Edit(org, role.Id, form, new FormProblems(Form));

    private static RoleEdit Edit(OrgView org, string id, RoleForm form, FormProblems problems)
    {
        var title = (form.Title ?? "").Trim();
        if (title.Length == 0) problems.Add(nameof(RoleForm.Title), "Title: give the role a title.");
        double? cost = null;
        if (!string.IsNullOrWhiteSpace(form.AnnualCost))
        {
            var typed = form.AnnualCost.Trim();
            cost = Format.ParseAmount(typed);
            if (cost is null) problems.Add(nameof(RoleForm.AnnualCost), $"Annual cost: '{typed}' is not a number; write it in {org.Workspace.Currency}, for example 85000.");
            else if (cost < 0) problems.Add(nameof(RoleForm.AnnualCost), $"Annual cost: {typed} is negative; a cost is 0 or more.");
        }
        var role = new Role(id, title, Blank(form.Family), Blank(form.Level)) { AnnualCost = cost };
        var done = org.Roles.ContainsKey(id) ? $"Saved the role “{title}”." : $"Added the role “{title}”.";
        return new RoleEdit(problems.Any ? null : new WorkspaceChangeSet { UpsertRoles = [role] }, id, problems, done);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
