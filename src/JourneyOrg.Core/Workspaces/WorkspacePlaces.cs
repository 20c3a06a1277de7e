using System.Globalization;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// Says where in a workspace an error is, as a person counts and names things: <c>$.people[1].managerId</c> becomes
/// "person 2, Ada Park's manager"; <c>$.teams[3].members[2].allocation</c> becomes "team 4 “Lending”, member 3 (Cara
/// Lund): allocation". Positions count from 1 in the order of the file (or of the edited workspace). The JSON path stays
/// on <see cref="WorkspaceError.Path"/> for tools (SPEC §2 lists path and reason); screens show this.
/// </summary>
public static partial class WorkspacePlaces
{
    /// <summary>The place <paramref name="path"/> points at, in words; the path itself when it is not one this knows.</summary>
    public static string Describe(string path, Workspace workspace)
    {
        if (path == JsonPath.Root) return "the file";
        var steps = Parse(path);
        if (steps is null || steps.Count == 0) return path;
        var (section, index) = steps[0];
        string? field = steps.Count > 1 ? steps[^1].Name : null;
        if (index is null) return section switch
        {
            "format" => "the file's format",
            "currency" => "the currency",
            "weights" => "the prioritisation weights" + (field is null or "weights" ? "" : $": {field}"),
            _ => $"the “{section}” list",
        };
        var i = index.Value;
        var n = (i + 1).ToString(CultureInfo.InvariantCulture);
        string Quote(string? name) => string.IsNullOrWhiteSpace(name) ? "" : $" “{name}”";
        switch (section)
        {
            case "people":
            {
                var name = At(workspace.People, i)?.DisplayName;
                var who = string.IsNullOrWhiteSpace(name) ? $"person {n}" : $"person {n}, {name}";
                var possessive = string.IsNullOrWhiteSpace(name) ? $"person {n}'s" : $"{name}'s";
                return field switch
                {
                    null => who,
                    "managerId" => $"person {n}, {possessive} manager",
                    "roleId" => $"person {n}, {possessive} role",
                    "displayName" => $"person {n}: name",
                    "mail" => $"person {n}, {possessive} mail",
                    _ => $"{who}: {Field(field)}",
                };
            }
            case "teams":
            {
                var team = At(workspace.Teams, i);
                var where = $"team {n}{Quote(team?.Name)}";
                if (steps.Count > 1 && steps[1] is ("members", { } m))
                {
                    var member = team is not null && m < team.Members.Count ? team.Members[m].PersonId : null;
                    var person = member is null ? null : workspace.People.FirstOrDefault(p => p.Id == member)?.DisplayName;
                    var whom = $"member {(m + 1).ToString(CultureInfo.InvariantCulture)}{(person is null ? "" : $" ({person})")}";
                    return steps.Count > 2 ? $"{where}, {whom}: {Field(field!)}" : $"{where}, {whom}";
                }
                return field switch
                {
                    null => where,
                    "parentId" => $"{where}: the unit it is part of",
                    "leadId" => $"{where}: its lead",
                    _ => $"{where}: {Field(field)}",
                };
            }
            case "journeys":
            {
                var journey = At(workspace.Journeys, i);
                var where = $"journey {n}{Quote(journey?.Name)}";
                if (steps.Count > 1 && steps[1] is ("phases", { } p))
                {
                    var phase = journey is not null && p < journey.Phases.Count ? journey.Phases[p] : null;
                    where += $" › phase {(p + 1).ToString(CultureInfo.InvariantCulture)}{Quote(phase?.Name)}";
                    if (steps.Count > 2 && steps[2] is ("steps", { } s))
                    {
                        var step = phase is not null && s < phase.Steps.Count ? phase.Steps[s] : null;
                        where += $" › step {(s + 1).ToString(CultureInfo.InvariantCulture)}{Quote(step?.Name)}";
                    }
                }
                return field switch
                {
                    null or "phases" or "steps" => where,
                    "parentId" => $"{where}: the journey it is part of",
                    "subjourneyId" => $"{where}: the sub-journey it uses",
                    _ => $"{where}: {Field(field)}",
                };
            }
            case "ownership":
            {
                var edge = At(workspace.Ownership, i);
                var what = edge is null ? "" : $" ({Name(workspace, edge.TeamId)} → {Name(workspace, edge.TargetId)})";
                return field switch
                {
                    null => $"ownership row {n}{what}",
                    "teamId" => $"ownership row {n}{what}: the team",
                    "targetId" => $"ownership row {n}{what}: what it owns",
                    _ => $"ownership row {n}{what}: {Field(field)}",
                };
            }
            case "roles": return Record($"role {n}{Quote(At(workspace.Roles, i)?.Title)}", field);
            case "metrics": return Record($"KPI {n}{Quote(At(workspace.Metrics, i)?.Name)}", field);
            case "insights": return Record($"insight {n}{Quote(At(workspace.Insights, i)?.Title)}", field);
            case "opportunities": return Record($"opportunity {n}{Quote(At(workspace.Opportunities, i)?.Title)}", field);
            case "solutions": return Record($"solution {n}{Quote(At(workspace.Solutions, i)?.Title)}", field);
            case "costs":
            {
                var cost = At(workspace.Costs, i);
                var person = cost is null ? null : workspace.People.FirstOrDefault(p => p.Id == cost.PersonId)?.DisplayName;
                return Record($"cost row {n}{(person is null ? "" : $" ({person})")}", field);
            }
            default: return path;
        }
    }

    /// <summary>The error as a person reads it: where, in words, then why, with any paths in the reason put in words too.</summary>
    public static string Explain(WorkspaceError error, Workspace workspace) =>
        $"{Describe(error.Path, workspace)}: {InWords(error.Message, workspace)}";

    /// <summary>Replaces the JSON paths inside a message ("already used by the team at $.teams[2]") with places in words.</summary>
    public static string InWords(string message, Workspace workspace) =>
        EmbeddedPath().Replace(message, m => Describe(m.Value, workspace));

    /// <summary>Each error with <see cref="WorkspaceError.Where"/> and <see cref="WorkspaceError.Reason"/> worked out from <paramref name="workspace"/>.</summary>
    public static List<WorkspaceError> InWords(IEnumerable<WorkspaceError> errors, Workspace workspace) =>
        errors.Select(e => e.Where is not null ? e : e with { Where = Describe(e.Path, workspace), Reason = InWords(e.Message, workspace) }).ToList();

    private static string Record(string where, string? field) => field is null ? where : $"{where}: {Field(field)}";

    /// <summary>A field's name as words: <c>annualCost</c> → "annual cost", <c>targetId</c> → "target".</summary>
    private static string Field(string field)
    {
        var name = field.EndsWith("Ids", StringComparison.Ordinal) ? field[..^3] + "s" : field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2 ? field[..^2] : field;
        return Words().Replace(name, m => " " + m.Value.ToLowerInvariant()).Trim();
    }

    private static string Name(Workspace workspace, string id) =>
        workspace.Teams.FirstOrDefault(t => t.Id == id)?.Name
        ?? workspace.Journeys.FirstOrDefault(j => j.Id == id)?.Name
        ?? workspace.Journeys.SelectMany(j => j.Phases).FirstOrDefault(p => p.Id == id)?.Name
        ?? workspace.Journeys.SelectMany(j => j.Phases).SelectMany(p => p.Steps).FirstOrDefault(s => s.Id == id)?.Name
        ?? (id.Length == 0 ? "?" : id);

    private static T? At<T>(IReadOnlyList<T> items, int index) where T : class => index >= 0 && index < items.Count ? items[index] : null;

    /// <summary>The path's steps: (property, index or null). Null when it is not a path this reader writes.</summary>
    private static List<(string Name, int? Index)>? Parse(string path)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal)) return null;
        var steps = new List<(string, int?)>();
        foreach (Match m in PathStep().Matches(path[1..]))
            steps.Add((m.Groups["name"].Value, m.Groups["index"].Success ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : null));
        return steps;
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z]+)(\[(?<index>\d+)\])?")]
    private static partial Regex PathStep();

    [GeneratedRegex(@"\$(\.[A-Za-z]+(\[\d+\])?)+")]
    private static partial Regex EmbeddedPath();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Words();
}
