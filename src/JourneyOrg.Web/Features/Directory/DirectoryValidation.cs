using JourneyOrg.Domain;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>
/// The reference checks a synced workspace must pass before it is written. The planner repairs what Entra can get
/// wrong (missing managers, cycles); an error here means a bug, so the run fails rather than store a broken graph.
/// </summary>
public static class DirectoryValidation
{
    public static IReadOnlyList<string> Validate(Workspace workspace)
    {
        var errors = new List<string>();
        var people = new HashSet<string>();
        foreach (var p in workspace.People)
            if (!people.Add(p.Id)) errors.Add($"people: duplicate id {p.Id}");
        var teams = new HashSet<string>();
        foreach (var t in workspace.Teams)
            if (!teams.Add(t.Id) || people.Contains(t.Id)) errors.Add($"teams: duplicate id {t.Id}");
        foreach (var p in workspace.People)
            if (p.ManagerId is { } m && !people.Contains(m)) errors.Add($"people[{p.Id}].managerId: unknown person {m}");
        foreach (var t in workspace.Teams)
        {
            if (t.ParentId is { } parent && !teams.Contains(parent)) errors.Add($"teams[{t.Id}].parentId: unknown team {parent}");
            if (t.LeadId is { } lead && !people.Contains(lead)) errors.Add($"teams[{t.Id}].leadId: unknown person {lead}");
            foreach (var m in t.Members)
            {
                if (!people.Contains(m.PersonId)) errors.Add($"teams[{t.Id}].members: unknown person {m.PersonId}");
                if (m.Allocation is <= 0 or > 1) errors.Add($"teams[{t.Id}].members[{m.PersonId}].allocation: {m.Allocation} is outside (0, 1]");
            }
        }
        foreach (var o in workspace.Ownership)
            if (!teams.Contains(o.TeamId)) errors.Add($"ownership: unknown team {o.TeamId}");
        return errors;
    }
}
