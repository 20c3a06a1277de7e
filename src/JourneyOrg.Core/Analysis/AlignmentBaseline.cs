using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>
/// A workspace together with its analysis and the indexes built for it. Scenarios are simulated on top of a
/// baseline: they share its <see cref="JourneyMap"/> (scenarios never change journeys), reuse its org figures
/// when no reporting line changed, and never recompute its <see cref="Report"/>. Immutable and thread-safe, so
/// one baseline can serve many simulations at once.
/// </summary>
public sealed class AlignmentBaseline
{
    private readonly Lazy<Dictionary<string, string[]>> _teamsOfPerson;
    private readonly Lazy<Dictionary<string, int>> _personIndex;

    internal AlignmentBaseline(Workspace workspace)
    {
        Workspace = workspace;
        Map = new JourneyMap(workspace.Journeys);
        Report = AlignmentAnalysis.Compute(Map, workspace, knownOrg: null);
        _teamsOfPerson = new Lazy<Dictionary<string, string[]>>(() => TeamsOfPerson(workspace.Teams), isThreadSafe: true);
        _personIndex = new Lazy<Dictionary<string, int>>(() =>
        {
            var index = new Dictionary<string, int>(workspace.People.Count, StringComparer.Ordinal);
            for (var i = 0; i < workspace.People.Count; i++) index.TryAdd(workspace.People[i].Id, i);
            return index;
        }, isThreadSafe: true);
    }

    /// <summary>The analysed workspace.</summary>
    public Workspace Workspace { get; }

    /// <summary>The indexed journey framework.</summary>
    public JourneyMap Map { get; }

    /// <summary>The SPEC §3 analysis of <see cref="Workspace"/>.</summary>
    public AlignmentReport Report { get; }

    /// <summary>
    /// Analyses a variant of this baseline (typically a scenario's result), reusing what the variant shares
    /// with the baseline: the journey map when its journeys are the baseline's, the org figures when its
    /// reporting lines are. Gives exactly what <see cref="AlignmentAnalysis.Analyze"/> would.
    /// </summary>
    public AlignmentReport AnalyzeVariant(Workspace variant)
    {
        if (ReferenceEquals(variant, Workspace)) return Report;
        var map = SameJourneys(variant.Journeys, Workspace.Journeys) ? Map : new JourneyMap(variant.Journeys);
        var org = OrgAnalysis.SameReportingLines(Workspace.People, variant.People) ? Report.Org : null;
        return AlignmentAnalysis.Compute(map, variant, org);
    }

    /// <summary>Position of each person in the baseline's people list, built once for all simulations.</summary>
    internal Dictionary<string, int> PersonIndex => _personIndex.Value;

    /// <summary>The ids of the baseline teams a person belongs to, sorted; empty when none.</summary>
    internal string[] TeamsOf(string personId) =>
        _teamsOfPerson.Value.TryGetValue(personId, out var teams) ? teams : [];

    internal static Dictionary<string, string[]> TeamsOfPerson(IEnumerable<Team> teams)
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var team in teams)
        foreach (var member in team.Members)
        {
            if (!lists.TryGetValue(member.PersonId, out var list)) lists[member.PersonId] = list = [];
            if (!list.Contains(team.Id)) list.Add(team.Id);
        }
        var result = new Dictionary<string, string[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (person, list) in lists)
        {
            var array = list.ToArray();
            Array.Sort(array, StringComparer.Ordinal);
            result[person] = array;
        }
        return result;
    }

    private static bool SameJourneys(IReadOnlyList<Journey> a, IReadOnlyList<Journey> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (!ReferenceEquals(a[i], b[i])) return false;
        return true;
    }
}
