using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.JourneyManagement.Import;

/// <summary>Something in an imported file that was read but could not be carried over, with where it was.</summary>
public sealed record ImportNote(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// What an import of a TheyDo or data-point file would do: the workspace after it, the upserts that get there, how many
/// records are new or updated, and what could not be mapped.
/// </summary>
public sealed record JourneyImportPlan(Workspace Result, WorkspaceChangeSet Changes, int Added, int Updated, IReadOnlyList<ImportNote> NotMapped)
{
    /// <summary>For data points: how many KPIs got new or replaced points (Added and Updated count the points).</summary>
    public int MetricsChanged { get; init; }
}

/// <summary>Finds people by mail and teams by name, and hands out ids that are unused across the workspace.</summary>
internal sealed class ImportDirectory
{
    private readonly ILookup<string, Person> _peopleByMail;
    private readonly ILookup<string, Team> _teamsByName;
    private readonly WorkspaceIds _ids;

    public ImportDirectory(Workspace workspace)
    {
        // Mail first; the user principal name is the sign-in address and usually the same, so it is the fallback.
        _peopleByMail = workspace.People
            .SelectMany(p => new[] { p.Mail, p.UserPrincipalName }.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(m => (Mail: m!.Trim(), Person: p)))
            .ToLookup(x => x.Mail, x => x.Person, StringComparer.OrdinalIgnoreCase);
        _teamsByName = workspace.Teams.ToLookup(t => t.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        _ids = new WorkspaceIds(workspace);
    }

    public List<ImportNote> Notes { get; } = [];

    /// <summary>The person with this mail, or null (with a note) when there is none or more than one.</summary>
    public string? PersonByMail(string? mail, string path, string what)
    {
        if (mail is null) return null;
        var matches = _peopleByMail[mail.Trim()].DistinctBy(p => p.Id).ToList();
        if (matches.Count == 1) return matches[0].Id;
        Notes.Add(new ImportNote(JsonPath.Property(path, "ownerEmail"), matches.Count == 0
            ? $"no person has the mail '{mail}'; {what} keeps the owner it had"
            : $"{matches.Count} people have the mail '{mail}' ({string.Join(", ", matches.Select(p => p.Id))}); {what} keeps the owner it had"));
        return null;
    }

    /// <summary>The teams named by <paramref name="groups"/>, in order; each name that matches no single team gets a note.</summary>
    public List<string> TeamsByName(IReadOnlyList<string>? groups, string path)
    {
        var teams = new List<string>();
        if (groups is null) return teams;
        for (var i = 0; i < groups.Count; i++)
        {
            var matches = _teamsByName[groups[i].Trim()].ToList();
            if (matches.Count == 1) { if (!teams.Contains(matches[0].Id)) teams.Add(matches[0].Id); }
            else
                Notes.Add(new ImportNote(JsonPath.Index(JsonPath.Property(path, "groups"), i), matches.Count == 0
                    ? $"no team is named '{groups[i]}'"
                    : $"{matches.Count} teams are named '{groups[i]}' ({string.Join(", ", matches.Select(t => t.Id))})"));
        }
        return teams;
    }

    /// <summary>A new id from <paramref name="prefix"/> and a readable form of <paramref name="key"/>, unused in the workspace.</summary>
    public string NewId(string prefix, string key) => _ids.New(prefix, key);
}
