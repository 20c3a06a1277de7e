using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Teams;

/// <summary>A new team, a new name or a new place for one, as posted from the teams list or a team's page.</summary>
public sealed class TeamForm
{
    /// <summary>Typed under "Advanced" only; otherwise the id is made from the name.</summary>
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ParentId { get; set; }
    /// <summary>What was typed in the "Part of" picker; emptied means the top level.</summary>
    [ModelBinder(Name = "ParentId" + NamePick.TextSuffix)]
    [System.ComponentModel.DataAnnotations.DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? ParentText { get; set; }
    public string? Type { get; set; }
    public long Revision { get; set; }
}

/// <summary>A member to add (by id, mail or exact name) or remove, with their share of time.</summary>
public sealed class MemberForm
{
    public string? PersonId { get; set; }
    /// <summary>As typed, so that "abc" is answered at the field rather than read as the default.</summary>
    public string? AllocationPercent { get; set; }
    public long Revision { get; set; }
}

/// <summary>
/// What a team edit would change, or why it cannot, at the form's fields (<see cref="TeamForms"/> names the forms).
/// <paramref name="RulesField"/> is the one field a form changes, where the workspace rules' refusal belongs too.
/// </summary>
public sealed record TeamEdit(WorkspaceChangeSet? Changes, string TeamId, FormProblems Problems, string? RulesField = null)
{
    public static TeamEdit Refused(string teamId, string form, string field, string problem) =>
        new(null, teamId, new FormProblems(form).Add(field, problem));

    /// <summary>Adds the workspace rules' refusal: at the one field the form changes, else above the form.</summary>
    public FormProblems RefusedByRules(IEnumerable<string> errors)
    {
        if (RulesField is null) Problems.Whole.AddRange(errors);
        else Problems.At(RulesField).AddRange(errors);
        return Problems;
    }
}

/// <summary>The team forms, as their fields' DOM ids begin.</summary>
public static class TeamForms
{
    public const string New = "new-team";
    public const string Rename = "team";
    public const string Move = "team-parent";
    public const string Member = "member";
}

/// <summary>
/// The team edits as use cases: each turns a form into the one change set the edit pipeline applies
/// (<c>WorkspaceEditor</c>), or says what is wrong with the form. The controller only binds, applies and answers.
/// </summary>
public static class TeamEdits
{
    public static TeamEdit Create(OrgView org, TeamForm form)
    {
        var problems = new FormProblems(TeamForms.New);
        var name = (form.Name ?? "").Trim();
        var typed = Blank(form.Id);
        if (name.Length == 0) problems.Add(nameof(TeamForm.Name), "Name: give the team a name.");
        var ids = new WorkspaceIds(org.Workspace);
        if (typed is not null && ids.IsTaken(typed)) problems.Add(nameof(TeamForm.Id), $"Id: '{typed}' is already used in the workspace; choose another or leave it empty.");
        if (!TryParent(org, form, out var parentId, out var problem)) problems.Add(nameof(TeamForm.ParentId), problem!);
        if (problems.Any) return new TeamEdit(null, "", problems);
        var id = typed ?? ids.New("t-", name);
        return Upsert(new Team(id, name, parentId, null, Blank(form.Type), []), TeamForms.New);
    }

    public static TeamEdit Rename(Team team, TeamForm form)
    {
        var name = (form.Name ?? "").Trim();
        if (name.Length == 0) return TeamEdit.Refused(team.Id, TeamForms.Rename, nameof(TeamForm.Name), "Name: give the team a name.");
        return Upsert(team with { Name = name }, TeamForms.Rename, nameof(TeamForm.Name));
    }

    public static TeamEdit Move(OrgView org, Team team, TeamForm form) =>
        TryParent(org, form, out var parentId, out var problem)
            ? Upsert(team with { ParentId = parentId }, TeamForms.Move, nameof(TeamForm.ParentId))
            : TeamEdit.Refused(team.Id, TeamForms.Move, nameof(TeamForm.ParentId), problem!);

    /// <summary>The unit picked by name (or given by id); an emptied picker means the top level.</summary>
    private static bool TryParent(OrgView org, TeamForm form, out string? parentId, out string? problem)
    {
        parentId = NamePick.ResolveOptional(org, "team", "Part of", form.ParentId, form.ParentText, out problem);
        return problem is null;
    }

    /// <summary>Adds a member, or changes their share when they are already in the team.</summary>
    public static TeamEdit SetMember(OrgView org, Team team, MemberForm form)
    {
        var problems = new FormProblems(TeamForms.Member);
        var typed = (form.PersonId ?? "").Trim();
        string? personId = null;
        if (typed.Length == 0) problems.Add(nameof(MemberForm.PersonId), "Person: type a person's name, mail or id.");
        else if (org.FindPerson(typed, "Person", out var problem) is { } found) personId = found;
        else problems.Add(nameof(MemberForm.PersonId), problem!);
        var percent = FormValues.Text(form.AllocationPercent) is null ? 100 : FormValues.Number(form.AllocationPercent, "Share of time", problems.At(nameof(MemberForm.AllocationPercent)));
        if (percent is <= 0 or > 100)
            problems.Add(nameof(MemberForm.AllocationPercent), $"Share of time: {FormValues.Show(percent)} is not a share; give a percentage above 0 and at most 100.");
        if (problems.Any || personId is null || percent is null) return new TeamEdit(null, team.Id, problems);
        return Upsert(team with
        {
            Members = [.. team.Members.Where(m => m.PersonId != personId), new Membership(personId, percent.Value / 100.0)],
        }, TeamForms.Member);
    }

    public static TeamEdit RemoveMember(Team team, MemberForm form) => Upsert(team with
    {
        Members = [.. team.Members.Where(m => m.PersonId != form.PersonId)],
        LeadId = team.LeadId == form.PersonId ? null : team.LeadId,
    }, TeamForms.Member);

    private static TeamEdit Upsert(Team team, string form, string? rulesField = null) =>
        new(new WorkspaceChangeSet { UpsertTeams = [team] }, team.Id, new FormProblems(form), rulesField);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
