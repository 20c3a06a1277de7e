using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JourneyOrg.Domain;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>One match of a name search: the record's id, its name, and what tells namesakes apart (team, mail, place).</summary>
public sealed record PickOption(string Id, string Label, string Detail);

/// <summary>
/// Picking people, teams, roles and journey parts by name, on the edit forms and the scenario operation forms. Searches
/// run on the server over the organisation given (for a scenario, the one it has built so far, so a team created by an
/// earlier change can be picked), return a handful of matches, and never send a list of everyone: a 100,000-person
/// organisation costs one scan per pause in typing.
/// </summary>
public static class NameSearch
{
    public const int MaxResults = 10;

    /// <summary>The matches for <paramref name="query"/> (best first: starts with, then contains) and how many there are in all.</summary>
    public static (IReadOnlyList<PickOption> Options, int Total) Search(OrgView org, string kind, string query)
    {
        query = query.Trim();
        if (query.Length == 0) return ([], 0);
        IEnumerable<(string Id, string Name, Func<string> Detail)> candidates = kind switch
        {
            "person" => org.Workspace.People.Select(p => (p.Id, p.DisplayName, (Func<string>)(() => PersonDetail(org, p)))).Concat(
                org.Workspace.People.Where(p => p.Mail is not null).Select(p => (p.Id, p.Mail!, (Func<string>)(() => PersonDetail(org, p))))),
            "team" => org.Workspace.Teams.Select(t => (t.Id, t.Name, (Func<string>)(() => TeamDetail(org, t)))),
            "role" => org.Workspace.Roles.Select(r => (r.Id, r.Title, (Func<string>)(() => string.Join(" · ", new[] { r.Family, r.Level }.Where(x => !string.IsNullOrEmpty(x)))))),
            "target" => Targets(org),
            "journey" => org.Workspace.Journeys.Select(j => (j.Id, j.Name, (Func<string>)(() => JourneyDetail(org, j)))),
            _ => [],
        };
        var starts = new List<(string Id, string Name, Func<string> Detail)>();
        var contains = new List<(string Id, string Name, Func<string> Detail)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            var at = c.Name.IndexOf(query, StringComparison.CurrentCultureIgnoreCase);
            if (at < 0 && !string.Equals(c.Id, query, StringComparison.Ordinal)) continue;
            if (!seen.Add(c.Id)) continue;
            (at == 0 || c.Id == query ? starts : contains).Add(c);
        }
        var ordered = starts.OrderBy(c => c.Name.Length).Concat(contains.OrderBy(c => c.Name.Length));
        var options = ordered.Take(MaxResults).Select(c => new PickOption(c.Id, LabelOf(org, kind, c.Id), c.Detail())).ToList();
        return (options, starts.Count + contains.Count);
    }

    /// <summary>How a picked record reads in its field: the name (for a journey part, its path).</summary>
    public static string LabelOf(OrgView org, string kind, string id) => kind switch
    {
        "person" => org.PersonName(id),
        "team" => org.TeamName(id),
        "role" => org.Roles.TryGetValue(id, out var r) ? r.Title : id,
        "target" => org.TargetName(id),
        "journey" => org.JourneyName(id),
        _ => id,
    };

    /// <summary>Whether <paramref name="id"/> is a record of <paramref name="kind"/> in <paramref name="org"/>.</summary>
    public static bool Exists(OrgView org, string kind, string id) => kind switch
    {
        "person" => org.People.ContainsKey(id),
        "team" => org.Teams.ContainsKey(id),
        "role" => org.Roles.ContainsKey(id),
        "target" => org.Journeys.ContainsKey(id) || org.Phases.ContainsKey(id) || org.Steps.ContainsKey(id),
        "journey" => org.Journeys.ContainsKey(id),
        _ => false,
    };

    /// <summary>
    /// The record a field names: the id chosen from the list while the text still reads as that choice, else the one
    /// record whose name (or a person's mail) is exactly what was typed. Null with the reason when there is none or several.
    /// </summary>
    public static string? Resolve(OrgView org, string kind, string label, string? chosenId, string? typed, out string? problem)
    {
        problem = null;
        typed = typed?.Trim();
        if (!string.IsNullOrEmpty(chosenId) && Exists(org, kind, chosenId)
            && (string.IsNullOrEmpty(typed) || string.Equals(typed, LabelOf(org, kind, chosenId), StringComparison.CurrentCultureIgnoreCase)))
            return chosenId;
        if (string.IsNullOrEmpty(typed))
        {
            if (!string.IsNullOrEmpty(chosenId)) problem = $"{label}: '{chosenId}' is not a {Noun(kind)} in this organisation.";
            return null;
        }
        var exact = Search(org, kind, typed).Options.Where(o => string.Equals(o.Label, typed, StringComparison.CurrentCultureIgnoreCase)
            || (kind == "person" && string.Equals(org.People.GetValueOrDefault(o.Id)?.Mail, typed, StringComparison.OrdinalIgnoreCase))).ToList();
        if (exact.Count == 1) return exact[0].Id;
        problem = exact.Count == 0
            ? $"{label}: no {Noun(kind)} is called '{typed}'. Pick one from the list as you type."
            : $"{label}: {exact.Count} {Noun(kind)}s are called '{typed}'. Pick the one you mean from the list (it shows their team and mail).";
        return null;
    }

    public static string Noun(string kind) => kind switch { "person" => "person", "team" => "team", "role" => "role", "target" => "journey, phase or step", "journey" => "journey", _ => kind };

    private static string PersonDetail(OrgView org, Person p)
    {
        var teams = org.TeamsOfPerson[p.Id].Select(x => x.Team.Name).Take(3).ToList();
        return string.Join(" · ", new[] { teams.Count == 0 ? "no team" : string.Join(", ", teams), p.Mail, p.JobTitle }.Where(x => !string.IsNullOrEmpty(x)));
    }

    private static string TeamDetail(OrgView org, Team t) =>
        $"{(t.ParentId is null ? "top level" : "in " + org.TeamName(t.ParentId))} · {t.Members.Count} people";

    private static string JourneyDetail(OrgView org, Journey j) =>
        $"{(j.ParentId is null ? "top level" : "in " + org.JourneyName(j.ParentId))} · {j.Phases.Count} phases";

    private static IEnumerable<(string, string, Func<string>)> Targets(OrgView org)
    {
        foreach (var j in org.Workspace.Journeys)
        {
            yield return (j.Id, j.Name, () => "journey");
            foreach (var p in j.Phases)
            {
                yield return (p.Id, p.Name, () => $"phase of {j.Name}");
                foreach (var s in p.Steps) yield return (s.Id, s.Name, () => $"step in {j.Name} › {p.Name}");
            }
        }
    }
}
