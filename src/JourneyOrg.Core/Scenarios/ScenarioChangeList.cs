using System.Globalization;
using System.Text;
using JourneyOrg.Domain;

namespace JourneyOrg.Scenarios;

/// <summary>
/// One line of the to-do list HR and IT act on when a scenario goes ahead (<c>changes.csv</c>): a person whose teams,
/// allocations, manager or role change, a team created, renamed, moved, merged, re-led or removed, or an opening.
/// Columns that do not apply to the kind of line are empty.
/// </summary>
public sealed record ScenarioChangeRow(
    string Change, string Id, string Name, string Mail,
    string TeamsBefore, string TeamsAfter, string ManagerBefore, string ManagerAfter, string RoleBefore, string RoleAfter, string Note)
{
    /// <summary>
    /// People cost a year before and after (HR data, SPEC §5): a person's own cost (a scenario does not change it), a team's
    /// cost (Σ allocation × cost of its own members), an opening's planned cost, and the organisation's total. Null: none.
    /// </summary>
    public double? CostBefore { get; init; }

    /// <inheritdoc cref="CostBefore"/>
    public double? CostAfter { get; init; }
}

/// <summary>Builds the change list of a valid scenario from the organisation before and after it.</summary>
public static class ScenarioChangeList
{
    public static readonly IReadOnlyList<string> Header =
        ["change", "id", "name", "mail", "teams before", "teams after", "manager before", "manager after", "role before", "role after", "note"];

    /// <summary>The columns only HR and Admins get (the same rows with <c>includeCost</c>).</summary>
    public static readonly IReadOnlyList<string> CostHeader = ["cost before", "cost after"];

    /// <summary>
    /// The lines for a scenario that turned <paramref name="before"/> into <paramref name="after"/> with
    /// <paramref name="scenario"/>'s operations (which say where merged teams went) and planned <paramref name="openings"/>.
    /// Openings are HR data: they are listed only with <paramref name="includeOpenings"/>.
    /// </summary>
    /// <remarks>With <paramref name="includeCost"/> (HR data, only for HR and Admins) the rows carry cost before and after, and a
    /// last row gives the organisation's total people cost (SPEC §5 <c>totalCost</c>).</remarks>
    public static IReadOnlyList<ScenarioChangeRow> Build(Workspace before, Workspace after, Scenario scenario, IReadOnlyList<Opening> openings, bool includeOpenings,
        bool includeCost = false)
    {
        var rows = new List<ScenarioChangeRow>();
        var teamsBefore = before.Teams.ToDictionary(t => t.Id);
        var teamsAfter = after.Teams.ToDictionary(t => t.Id);
        var peopleBefore = before.People.ToDictionary(p => p.Id);
        var rolesAfter = after.Roles.ToDictionary(r => r.Id);
        var rolesBefore = before.Roles.ToDictionary(r => r.Id);

        string TeamName(string? id) => id is null ? "" : teamsAfter.TryGetValue(id, out var t) || teamsBefore.TryGetValue(id, out t) ? $"{t.Name} ({id})" : id;
        string PersonName(string? id) => id is null ? "" : peopleBefore.TryGetValue(id, out var p) ? $"{p.DisplayName} ({id})" : id;
        string RoleName(string? id, Dictionary<string, Role> roles) => id is null ? "" : roles.TryGetValue(id, out var r) ? $"{r.Title} ({id})" : id;

        var membershipBefore = Memberships(before.Teams);
        var membershipAfter = Memberships(after.Teams);
        // Each side in its own names (a renamed team reads as it was called then); whether anything changed is by ids.
        string BeforeName(string id) => teamsBefore.TryGetValue(id, out var t) ? $"{t.Name} ({id})" : TeamName(id);
        string Teams(Dictionary<string, List<(string TeamId, double Allocation)>> of, string personId, Func<string, string> name) =>
            of.TryGetValue(personId, out var list)
                ? string.Join("; ", list.OrderBy(m => name(m.TeamId), StringComparer.CurrentCultureIgnoreCase)
                    .Select(m => $"{name(m.TeamId)} {m.Allocation.ToString("0.##", CultureInfo.InvariantCulture)}"))
                : "";
        string Key(Dictionary<string, List<(string TeamId, double Allocation)>> of, string personId) =>
            Teams(of, personId, id => id);

        foreach (var person in after.People)
        {
            var was = peopleBefore.GetValueOrDefault(person.Id);
            var teamsChanged = Key(membershipBefore, person.Id) != Key(membershipAfter, person.Id);
            var (tb, ta) = (Teams(membershipBefore, person.Id, BeforeName), Teams(membershipAfter, person.Id, TeamName));
            var managerChanged = was?.ManagerId != person.ManagerId;
            var roleChanged = was?.RoleId != person.RoleId;
            if (!teamsChanged && !managerChanged && !roleChanged) continue;
            rows.Add(new ScenarioChangeRow("person", person.Id, person.DisplayName, person.Mail ?? "", tb, ta,
                PersonName(was?.ManagerId), PersonName(person.ManagerId), RoleName(was?.RoleId, rolesBefore), RoleName(person.RoleId, rolesAfter), ""));
        }

        // Where removed teams went and where new ones came from, as the operations say (a merge target may itself merge later).
        var mergedInto = new Dictionary<string, string>(StringComparer.Ordinal);
        var splitFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var op in scenario.Operations)
        {
            if (op is MergeTeams m) mergedInto[m.SourceTeamId] = m.TargetTeamId;
            if (op is SplitTeam s) splitFrom[s.NewTeamId] = s.TeamId;
        }
        string FinalTarget(string id)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (mergedInto.TryGetValue(id, out var next) && seen.Add(id)) id = next;
            return id;
        }
        string Parent(string? id) => id is null ? "the top level" : TeamName(id);

        foreach (var team in after.Teams)
        {
            if (!teamsBefore.TryGetValue(team.Id, out var was))
            {
                var origin = splitFrom.TryGetValue(team.Id, out var from) ? $"split off {TeamName(from)}; " : "";
                rows.Add(TeamRow("team created", team, $"{origin}under {Parent(team.ParentId)}; {team.Members.Count} member(s)"));
                continue;
            }
            if (was.Name != team.Name) rows.Add(TeamRow("team renamed", team, $"was '{was.Name}'"));
            if (was.ParentId != team.ParentId) rows.Add(TeamRow("team moved", team, $"from under {Parent(was.ParentId)} to under {Parent(team.ParentId)}"));
            if (was.LeadId != team.LeadId) rows.Add(TeamRow("team lead changed", team, $"{(was.LeadId is null ? "nobody" : PersonName(was.LeadId))} → {(team.LeadId is null ? "nobody" : PersonName(team.LeadId))}"));
        }
        foreach (var team in before.Teams.Where(t => !teamsAfter.ContainsKey(t.Id)))
            rows.Add(mergedInto.ContainsKey(team.Id)
                ? TeamRow("team merged", team, $"into {TeamName(FinalTarget(team.Id))}")
                : TeamRow("team removed", team, $"{team.Members.Count} member(s) lose this membership; its child units move to {Parent(team.ParentId)}"));

        if (includeOpenings)
            foreach (var o in openings)
                rows.Add(new ScenarioChangeRow("opening", o.TeamId, teamsAfter.TryGetValue(o.TeamId, out var t) ? t.Name : o.TeamId, "", "", "", "", "", "",
                    RoleName(o.RoleId, rolesAfter), $"{o.Count} × {o.Allocation.ToString("0.##", CultureInfo.InvariantCulture)} FTE")
                {
                    CostAfter = includeCost && rolesAfter.GetValueOrDefault(o.RoleId)?.AnnualCost is { } each ? o.Fte * each : null,
                });
        return includeCost && (before.HasCosts || after.HasCosts) ? WithCost(rows, before, after) : rows;

        static ScenarioChangeRow TeamRow(string change, Team team, string note) => new(change, team.Id, team.Name, "", "", "", "", "", "", "", note);
    }

    private static IReadOnlyList<ScenarioChangeRow> WithCost(List<ScenarioChangeRow> rows, Workspace before, Workspace after)
    {
        var cost = after.Costs.Concat(before.Costs).GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.First().AnnualCost);
        double Team(Workspace w, string id) => w.Teams.FirstOrDefault(t => t.Id == id)?.Members.Sum(m => m.Allocation * cost.GetValueOrDefault(m.PersonId)) ?? 0;
        bool Has(Workspace w, string id) => w.Teams.Any(t => t.Id == id);
        double Total(Workspace w)
        {
            var allocation = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var m in w.Teams.SelectMany(t => t.Members)) allocation[m.PersonId] = allocation.GetValueOrDefault(m.PersonId) + m.Allocation;
            return allocation.Sum(a => cost.GetValueOrDefault(a.Key) * Math.Min(1, a.Value));
        }
        var priced = rows.Select(r => r.Change switch
        {
            "person" => cost.TryGetValue(r.Id, out var c) ? r with { CostBefore = c, CostAfter = c } : r,
            "opening" => r,
            _ => r with { CostBefore = Has(before, r.Id) ? Team(before, r.Id) : null, CostAfter = Has(after, r.Id) ? Team(after, r.Id) : null },
        }).ToList();
        priced.Add(new ScenarioChangeRow("total people cost", "", "", "", "", "", "", "", "", "", "people in teams, each counted once (SPEC §5 totalCost)")
            { CostBefore = Total(before), CostAfter = Total(after) });
        return priced;
    }

    private static Dictionary<string, List<(string TeamId, double Allocation)>> Memberships(IReadOnlyList<Team> teams)
    {
        var result = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        foreach (var team in teams)
            foreach (var m in team.Members)
            {
                if (!result.TryGetValue(m.PersonId, out var list)) result[m.PersonId] = list = [];
                list.Add((team.Id, m.Allocation));
            }
        return result;
    }

    /// <summary>RFC 4180 CSV with a header line; cells a spreadsheet would run as a formula get a leading apostrophe.</summary>
    /// <param name="rows">The lines, as <see cref="Build"/> made them.</param>
    /// <param name="withCost">Adds the cost columns (HR and Admins only; without it no cost figure is written).</param>
    public static string ToCsv(IReadOnlyList<ScenarioChangeRow> rows, bool withCost = false)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', (withCost ? Header.Concat(CostHeader) : Header).Select(Cell)).Append("\r\n");
        static string Amount(double? a) => a is { } x ? Math.Round(x, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";
        foreach (var r in rows)
        {
            string[] cells = [r.Change, r.Id, r.Name, r.Mail, r.TeamsBefore, r.TeamsAfter, r.ManagerBefore, r.ManagerAfter, r.RoleBefore, r.RoleAfter, r.Note];
            csv.AppendJoin(',', (withCost ? [.. cells, Amount(r.CostBefore), Amount(r.CostAfter)] : cells).Select(Cell)).Append("\r\n");
        }
        return csv.ToString();
    }

    // Names come from the directory and may be hostile: =, +, -, @ would start a formula in a spreadsheet.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('\'') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
