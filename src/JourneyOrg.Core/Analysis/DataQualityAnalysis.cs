using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>Kinds of <see cref="DataQualityFinding"/>, as shown in the UI and in <c>analyze</c>'s text output.</summary>
public static class DataQualityKinds
{
    /// <summary>An enabled person's manager id names nobody in the workspace.</summary>
    public const string MissingManager = "missing-manager";
    /// <summary>An enabled person reports to a disabled account (the org figures end their chain there).</summary>
    public const string DisabledManager = "disabled-manager";
    /// <summary>People whose reporting lines go round in a circle.</summary>
    public const string ReportingCycle = "reporting-cycle";
    /// <summary>An enabled person who belongs to no team.</summary>
    public const string PersonInNoTeam = "person-in-no-team";
    /// <summary>A team with no lead, or a lead who is not in the workspace.</summary>
    public const string TeamWithoutLead = "team-without-lead";
    /// <summary>A team (a unit without child teams) with fewer than 5 or more than 9 enabled members.</summary>
    public const string TeamSize = "team-size";
    /// <summary>A manager with exactly one report: often a layer that adds little.</summary>
    public const string SpanOfOne = "span-of-one";
    /// <summary>A manager with more than 12 reports: hard to lead well.</summary>
    public const string SpanTooWide = "span-too-wide";
}

/// <summary>
/// Something in the directory data that makes the analysis less trustworthy or points at an org-design smell.
/// <see cref="SubjectId"/> is the person or team concerned; <see cref="RelatedIds"/> the others involved
/// (e.g. everyone on a reporting cycle).
/// </summary>
public sealed record DataQualityFinding(string Kind, string SubjectId, IReadOnlyList<string> RelatedIds, string Message);

/// <summary>Checks the directory data behind the analysis. Not part of the SPEC JSON; shown in the UI.</summary>
public static class DataQualityAnalysis
{
    /// <summary>Team Topologies' guidance: teams of 5 to 9 people.</summary>
    public const int MinTeamSize = 5, MaxTeamSize = 9;

    /// <summary>Spans above this are flagged.</summary>
    public const int MaxSpan = 12;

    /// <summary>
    /// All findings, grouped by kind in the order of <see cref="DataQualityKinds"/>, each group in workspace order.
    /// Disabled accounts are leavers: they are not flagged themselves and do not count in team sizes or spans.
    /// </summary>
    public static IReadOnlyList<DataQualityFinding> Check(Workspace workspace)
    {
        var people = workspace.People;
        var index = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++) index.TryAdd(people[i].Id, i);

        var missing = new List<DataQualityFinding>();
        var disabled = new List<DataQualityFinding>();
        var parent = new int[people.Count];
        var span = new int[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            parent[i] = -1;
            var p = people[i];
            if (p.ManagerId is not { } managerId) continue;
            if (!index.TryGetValue(managerId, out var m))
            {
                if (p.AccountEnabled)
                    missing.Add(new(DataQualityKinds.MissingManager, p.Id, [managerId], $"{p.DisplayName}'s manager '{managerId}' is not in the directory"));
                continue;
            }
            parent[i] = m;
            if (!p.AccountEnabled) continue;
            if (!people[m].AccountEnabled)
                disabled.Add(new(DataQualityKinds.DisabledManager, p.Id, [people[m].Id], $"{p.DisplayName} reports to {people[m].DisplayName}, whose account is disabled"));
            else span[m]++;
        }

        var cycles = new List<DataQualityFinding>();
        OrgAnalysis.Depths(parent, out var onCycle);
        var reported = new bool[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            if (!onCycle[i] || reported[i]) continue;
            var members = new List<string>();
            for (var c = i; !reported[c]; c = parent[c]) { reported[c] = true; members.Add(people[c].Id); }
            cycles.Add(new(DataQualityKinds.ReportingCycle, people[i].Id, members,
                $"reporting cycle: {string.Join(" → ", members.Select(id => people[index[id]].DisplayName))} → {people[i].DisplayName}"));
        }

        var inTeam = new HashSet<string>(workspace.Teams.SelectMany(t => t.Members.Select(m => m.PersonId)), StringComparer.Ordinal);
        var noTeam = people.Where(p => p.AccountEnabled && !inTeam.Contains(p.Id))
            .Select(p => new DataQualityFinding(DataQualityKinds.PersonInNoTeam, p.Id, [], $"{p.DisplayName} is in no team"));

        var withoutLead = workspace.Teams.Where(t => t.LeadId is null || !index.ContainsKey(t.LeadId))
            .Select(t => new DataQualityFinding(DataQualityKinds.TeamWithoutLead, t.Id, t.LeadId is null ? [] : [t.LeadId],
                t.LeadId is null ? $"team {t.Name} has no lead" : $"team {t.Name}'s lead '{t.LeadId}' is not in the directory"));

        // Units that contain teams (tribes, divisions) are not teams themselves: only leaf teams are sized.
        var parents = new HashSet<string>(workspace.Teams.Select(t => t.ParentId).OfType<string>(), StringComparer.Ordinal);
        var sizes = workspace.Teams.Where(t => !parents.Contains(t.Id))
            .Select(t => (Team: t, Size: t.Members.Select(m => m.PersonId).Distinct().Count(id => index.TryGetValue(id, out var i) && people[i].AccountEnabled)))
            .Where(x => x.Size is < MinTeamSize or > MaxTeamSize)
            .Select(x => new DataQualityFinding(DataQualityKinds.TeamSize, x.Team.Id, [],
                $"team {x.Team.Name} has {x.Size} {(x.Size == 1 ? "person" : "people")} (guidance: {MinTeamSize}–{MaxTeamSize})"));

        var spans = Enumerable.Range(0, people.Count).Where(i => people[i].AccountEnabled && (span[i] == 1 || span[i] > MaxSpan)).ToList();
        var one = spans.Where(i => span[i] == 1).Select(i => new DataQualityFinding(DataQualityKinds.SpanOfOne, people[i].Id, [],
            $"{people[i].DisplayName} manages one person"));
        var wide = spans.Where(i => span[i] > MaxSpan).Select(i => new DataQualityFinding(DataQualityKinds.SpanTooWide, people[i].Id, [],
            $"{people[i].DisplayName} manages {span[i]} people (more than {MaxSpan})"));

        return [.. missing, .. disabled, .. cycles, .. noTeam, .. withoutLead, .. sizes, .. one, .. wide];
    }
}
