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
    public double AllocationPercent { get; set; } = 100;
    public long Revision { get; set; }
}

/// <summary>What a team edit would change, or why it cannot: the problems are in the product's words.</summary>
public sealed record TeamEdit(WorkspaceChangeSet? Changes, string TeamId, IReadOnlyList<string> Problems)
{
    public static TeamEdit Refused(string teamId, string problem) => new(null, teamId, [problem]);
}

/// <summary>
/// The team edits as use cases: each turns a form into the one change set the edit pipeline applies
/// (<c>WorkspaceEditor</c>), or says what is wrong with the form. The controller only binds, applies and answers.
/// </summary>
public static class TeamEdits
{
    public static TeamEdit Create(OrgView org, TeamForm form)
    {
        var name = (form.Name ?? "").Trim();
        var typed = Blank(form.Id);
        if (typed is null && name.Length == 0) return TeamEdit.Refused("", "Give the team a name.");
        var ids = new WorkspaceIds(org.Workspace);
        if (typed is not null && ids.IsTaken(typed)) return TeamEdit.Refused("", $"The id '{typed}' is already used in the workspace.");
        if (!TryParent(org, form, out var parentId, out var problem)) return TeamEdit.Refused("", problem!);
        var id = typed ?? ids.New("t-", name);
        return Upsert(new Team(id, name, parentId, null, Blank(form.Type), []));
    }

    public static TeamEdit Rename(Team team, TeamForm form) => Upsert(team with { Name = (form.Name ?? "").Trim() });

    public static TeamEdit Move(OrgView org, Team team, TeamForm form) =>
        TryParent(org, form, out var parentId, out var problem) ? Upsert(team with { ParentId = parentId }) : TeamEdit.Refused(team.Id, problem!);

    /// <summary>The unit picked by name (or given by id); an emptied picker means the top level.</summary>
    private static bool TryParent(OrgView org, TeamForm form, out string? parentId, out string? problem)
    {
        parentId = NamePick.ResolveOptional(org, "team", "Part of", form.ParentId, form.ParentText, out problem);
        return problem is null;
    }

    /// <summary>Adds a member, or changes their share when they are already in the team.</summary>
    public static TeamEdit SetMember(OrgView org, Team team, MemberForm form)
    {
        var typed = (form.PersonId ?? "").Trim();
        if (typed.Length == 0) return TeamEdit.Refused(team.Id, "Member: type a person's name, mail or id.");
        if (org.FindPerson(typed, "Member", out var problem) is not { } personId) return TeamEdit.Refused(team.Id, problem!);
        return Upsert(team with
        {
            Members = [.. team.Members.Where(m => m.PersonId != personId), new Membership(personId, form.AllocationPercent / 100.0)],
        });
    }

    public static TeamEdit RemoveMember(Team team, MemberForm form) => Upsert(team with
    {
        Members = [.. team.Members.Where(m => m.PersonId != form.PersonId)],
        LeadId = team.LeadId == form.PersonId ? null : team.LeadId,
    });

    private static TeamEdit Upsert(Team team) => new(new WorkspaceChangeSet { UpsertTeams = [team] }, team.Id, []);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
