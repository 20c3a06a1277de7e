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
    private readonly Dictionary<string, int> _personIndex;
    private readonly int[] _managerPositions;

    internal AlignmentBaseline(Workspace workspace)
    {
        Workspace = workspace;
        Map = new JourneyMap(workspace.Journeys);
        // The person index and manager positions are kept: scenarios look people up and patch reporting lines in them.
        _personIndex = OrgAnalysis.PositionIndex(workspace.People);
        _managerPositions = OrgAnalysis.ManagerPositions(workspace.People, _personIndex);
        Report = AlignmentAnalysis.Compute(Map, workspace, OrgAnalysis.Figures(workspace.People, _managerPositions));
        _teamsOfPerson = new Lazy<Dictionary<string, string[]>>(() => TeamsOfPerson(workspace.Teams), isThreadSafe: true);
        _orgAlignment = new Lazy<OrgAlignment>(() => OrgAlignment.Compute(workspace, Report), isThreadSafe: true);
    }

    private readonly Lazy<OrgAlignment> _orgAlignment;

    /// <summary>The org chart aligned to journeys (SPEC §6) of <see cref="Workspace"/>, computed on first use.</summary>
    public OrgAlignment OrgAlignment => _orgAlignment.Value;

    public Workspace Workspace { get; }

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
        return AlignmentAnalysis.Compute(map, variant, VariantOrg(variant.People));
    }

    /// <summary>
    /// The variant's org figures: the baseline's when reporting lines are unchanged; else computed on the baseline's
    /// manager positions patched for the people that differ (scenarios replace people in place, never add or remove).
    /// </summary>
    private OrgFigures VariantOrg(IReadOnlyList<Person> people)
    {
        var baseline = Workspace.People;
        if (OrgAnalysis.SameReportingLines(baseline, people)) return Report.Org;
        if (people.Count != baseline.Count) return OrgAnalysis.Figures(people);
        int[]? managers = null;
        for (var i = 0; i < people.Count; i++)
        {
            if (ReferenceEquals(people[i], baseline[i])) continue;
            if (people[i].Id != baseline[i].Id) return OrgAnalysis.Figures(people);
            managers ??= (int[])_managerPositions.Clone();
            managers[i] = people[i].ManagerId is { } m && _personIndex.TryGetValue(m, out var mi) ? mi : -1;
        }
        return OrgAnalysis.Figures(people, managers ?? _managerPositions);
    }

    /// <summary>Position of each person in the baseline's people list, built once for all simulations.</summary>
    internal Dictionary<string, int> PersonIndex => _personIndex;

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
