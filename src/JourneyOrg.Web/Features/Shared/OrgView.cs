using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Teams;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// The workspace with the lookups every screen needs and the alignment analysis. The view of the latest revision is
/// kept across requests (the model is immutable), so a request costs one revision read until someone changes the
/// workspace; at 100,000 people a full reload is what would otherwise dominate every page.
/// </summary>
public sealed class OrgReader(IWorkspaceStore store, AlignmentBaselineCache baselines)
{
    private OrgView? _latest;

    public async Task<OrgView> LoadAsync(CancellationToken cancellationToken = default)
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is not null && latest.Revision == await store.GetRevisionAsync(cancellationToken)) return latest;

        return Keep(await store.LoadAsync(cancellationToken));
    }

    /// <summary>
    /// Moves the cached view to a revision this process wrote itself, whose workspace the editor already computed, so
    /// the next request needs no reload. Only another instance's or the command line's writes cost a load.
    /// </summary>
    public void Advance(WorkspaceSnapshot written) => Keep(written);

    private OrgView Keep(WorkspaceSnapshot snapshot)
    {
        var view = new OrgView(snapshot, () => baselines.Get(snapshot.Revision, snapshot.Workspace));
        // Keep the newest of concurrent loads; an older one must not replace a newer view.
        for (var current = Volatile.Read(ref _latest); current is null || current.Revision < view.Revision; current = Volatile.Read(ref _latest))
            if (Interlocked.CompareExchange(ref _latest, view, current) == current) break;
        return view;
    }
}

/// <summary>
/// One snapshot of the workspace indexed for the screens: by id, parent/child, ownership by target and by team.
/// <see cref="Report"/> is the alignment analysis of SPEC §3 (computed on first use).
/// </summary>
public sealed class OrgView
{
    private readonly Lazy<AlignmentBaseline> _baseline;

    /// <param name="baseline">The analysed baseline of this snapshot (shared across requests by revision).</param>
    public OrgView(WorkspaceSnapshot snapshot, Func<AlignmentBaseline>? baseline = null)
    {
        Snapshot = snapshot;
        var w = snapshot.Workspace;
        Journeys = w.Journeys.ToDictionary(j => j.Id);
        Teams = w.Teams.ToDictionary(t => t.Id);
        People = w.People.ToDictionary(p => p.Id);
        Roles = w.Roles.ToDictionary(r => r.Id);
        foreach (var journey in w.Journeys)
            foreach (var phase in journey.Phases)
            {
                Phases[phase.Id] = (journey, phase);
                foreach (var step in phase.Steps) Steps[step.Id] = (journey, phase, step);
            }
        JourneyChildren = w.Journeys.Where(j => j.ParentId is not null).ToLookup(j => j.ParentId!);
        SubjourneyUsers = w.Journeys
            .SelectMany(j => j.Phases.SelectMany(p => p.Steps).Where(s => s.SubjourneyId is not null).Select(s => (Sub: s.SubjourneyId!, j)))
            .ToLookup(x => x.Sub, x => x.j);
        TeamChildren = w.Teams.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!);
        Reports = w.People.Where(p => p.ManagerId is not null).ToLookup(p => p.ManagerId!);
        TeamsOfPerson = w.Teams.SelectMany(t => t.Members.Select(m => (m.PersonId, Team: t, m.Allocation)))
            .ToLookup(x => x.PersonId, x => (x.Team, x.Allocation));
        OwnershipByTarget = w.Ownership.ToLookup(o => o.TargetId);
        OwnershipByTeam = w.Ownership.ToLookup(o => o.TeamId);
        MetricsByTarget = w.Metrics.ToLookup(m => m.TargetId);
        InsightsByStep = w.Insights.SelectMany(i => i.StepIds.Select(s => (s, i))).ToLookup(x => x.s, x => x.i);
        OpportunitiesByTarget = w.Opportunities.SelectMany(o => o.TargetIds.Select(t => (t, o))).ToLookup(x => x.t, x => x.o);
        SolutionsByOpportunity = w.Solutions.SelectMany(s => s.OpportunityIds.Select(o => (o, s))).ToLookup(x => x.o, x => x.s);
        _baseline = new Lazy<AlignmentBaseline>(baseline ?? (() => AlignmentAnalysis.Prepare(w)));
    }

    public WorkspaceSnapshot Snapshot { get; }
    public Workspace Workspace => Snapshot.Workspace;
    public long Revision => Snapshot.Revision;

    public IReadOnlyDictionary<string, Journey> Journeys { get; }
    public IReadOnlyDictionary<string, Team> Teams { get; }
    public IReadOnlyDictionary<string, Person> People { get; }
    public IReadOnlyDictionary<string, Role> Roles { get; }
    public Dictionary<string, (Journey Journey, Phase Phase)> Phases { get; } = [];
    public Dictionary<string, (Journey Journey, Phase Phase, Step Step)> Steps { get; } = [];
    public ILookup<string, Journey> JourneyChildren { get; }

    // The tops of the three hierarchies. A parent that is not in the workspace (a manager outside the synced groups, a
    // unit deleted under its children) makes a top too, so nothing falls out of the trees.

    /// <summary>People at the top of the reporting tree.</summary>
    public IEnumerable<Person> TopPeople => Workspace.People.Where(p => p.ManagerId is null || !People.ContainsKey(p.ManagerId));

    /// <summary>Teams at the top of the unit hierarchy.</summary>
    public IEnumerable<Team> TopTeams => Workspace.Teams.Where(t => t.ParentId is null || !Teams.ContainsKey(t.ParentId));

    /// <summary>Journeys at the top of the journey framework.</summary>
    public IEnumerable<Journey> TopJourneys => Workspace.Journeys.Where(j => j.ParentId is null || !Journeys.ContainsKey(j.ParentId));
    /// <summary>Journeys with a step that USES the keyed sub-journey (a journey appears once per such step).</summary>
    public ILookup<string, Journey> SubjourneyUsers { get; }
    public ILookup<string, Team> TeamChildren { get; }
    public ILookup<string, Person> Reports { get; }
    public ILookup<string, (Team Team, double Allocation)> TeamsOfPerson { get; }
    public ILookup<string, Ownership> OwnershipByTarget { get; }
    public ILookup<string, Ownership> OwnershipByTeam { get; }
    public ILookup<string, Metric> MetricsByTarget { get; }
    public ILookup<string, Insight> InsightsByStep { get; }
    /// <summary>Opportunities by the step or phase they are on (an opportunity on several appears under each).</summary>
    public ILookup<string, Opportunity> OpportunitiesByTarget { get; }
    public ILookup<string, Solution> SolutionsByOpportunity { get; }

    /// <summary>The alignment analysis of SPEC §3 for this snapshot.</summary>
    public AlignmentReport? Report => _baseline.Value.Report;

    /// <summary>The analysed baseline scenarios are simulated against.</summary>
    public AlignmentBaseline Baseline => _baseline.Value;

    /// <summary>What each manager's organisation serves and which handoffs each settles (SPEC §6), once per revision.</summary>
    public OrgAlignment OrgAlignment => Baseline.OrgAlignment;

    private IReadOnlyDictionary<string, CommonManager>? _commonManagers;
    private IReadOnlyList<DataQualityFinding>? _findings;

    /// <summary>Per phase and journey: the lowest common manager of the leads of its accountable teams.</summary>
    public IReadOnlyDictionary<string, CommonManager> CommonManagers => _commonManagers ??=
        Report is { } report
            ? CommonManagerAnalysis.Find(Workspace, report).GroupBy(c => c.TargetId).ToDictionary(g => g.Key, g => g.First())
            : new Dictionary<string, CommonManager>();

    /// <summary>What in the directory data weakens the analysis or smells of org-design trouble.</summary>
    public IReadOnlyList<DataQualityFinding> Findings => _findings ??= DataQualityAnalysis.Check(Workspace);

    private IReadOnlyList<Journey>? _journeysWithPhases;

    /// <summary>Journeys that have phases (so a map), by name: the choices wherever a screen filters or places by journey.</summary>
    public IReadOnlyList<Journey> JourneysWithPhases => _journeysWithPhases ??=
        Workspace.Journeys.Where(j => j.Phases.Count > 0).OrderBy(j => j.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    private Accountability? _accountability;
    private IReadOnlyList<PrioritisedOpportunity>? _rankedOpportunities;

    /// <summary>
    /// Who answers for each journey, phase and step, indexed from <see cref="Report"/> (null while there is none). Built
    /// once per revision like the analysis, not per request: KPI lists, the dashboard and the opportunity pages all ask.
    /// </summary>
    public Accountability? Accountability => _accountability ??= Report is { } report ? new Accountability(report) : null;

    /// <summary>Every opportunity ranked across journeys (null while there is no analysis); filtered lists rank their own.</summary>
    public IReadOnlyList<PrioritisedOpportunity>? RankedOpportunities =>
        _rankedOpportunities ??= Accountability is { } accountability ? Prioritisation.Rank(Workspace, accountability) : null;

    /// <summary>
    /// The team a planner typed or chose: by id, else by its exact name (ignoring case). Null with a
    /// <paramref name="problem"/> naming <paramref name="field"/> when there is none or the name is not unique.
    /// </summary>
    public string? FindTeam(string typed, string field, out string? problem)
    {
        problem = null;
        if (Teams.ContainsKey(typed)) return typed;
        var named = Workspace.Teams.Where(t => string.Equals(t.Name.Trim(), typed, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        if (named.Count == 1) return named[0].Id;
        problem = named.Count == 0
            ? $"{field}: no team is called or has the id '{typed}'."
            : $"{field}: more than one team is called '{typed}'; type its id (shown on the team's page).";
        return null;
    }

    /// <summary>The person a planner typed: by id, else by mail, else by exact display name (ignoring case), as <see cref="FindTeam"/>.</summary>
    public string? FindPerson(string typed, string field, out string? problem)
    {
        problem = null;
        if (People.ContainsKey(typed)) return typed;
        foreach (var key in new Func<Person, string?>[] { p => p.Mail, p => p.DisplayName })
        {
            var found = Workspace.People.Where(p => string.Equals(key(p)?.Trim(), typed, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
            if (found.Count == 1) return found[0].Id;
            if (found.Count > 1)
            {
                problem = $"{field}: more than one person matches '{typed}'; type their id (shown on their page).";
                return null;
            }
        }
        problem = $"{field}: nobody has the id, mail or name '{typed}'.";
        return null;
    }

    /// <summary>
    /// How to write a team in a typed field so that <see cref="FindTeam"/> gives this team back: its name while no other
    /// team shares it, otherwise its id. A form shown unchanged then saves unchanged.
    /// </summary>
    public string TeamAsTyped(string id) =>
        Teams.TryGetValue(id, out var team) && FindTeam(team.Name.Trim(), "", out _) == id ? team.Name.Trim() : id;

    /// <summary>As <see cref="TeamAsTyped"/> for a person: their name if it is theirs alone, else their mail if it is, else their id.</summary>
    public string PersonAsTyped(string id)
    {
        if (!People.TryGetValue(id, out var person)) return id;
        foreach (var typed in new[] { person.DisplayName, person.Mail })
            if (!string.IsNullOrWhiteSpace(typed) && FindPerson(typed.Trim(), "", out _) == id) return typed.Trim();
        return id;
    }

    public string TeamName(string id) => Teams.TryGetValue(id, out var t) ? t.Name : id;
    public string PersonName(string id) => People.TryGetValue(id, out var p) ? p.DisplayName : id;
    public string JourneyName(string id) => Journeys.TryGetValue(id, out var j) ? j.Name : id;

    /// <summary>Name of any journey, phase or step, for ownership targets.</summary>
    public string TargetName(string id) =>
        Journeys.TryGetValue(id, out var j) ? j.Name
        : Phases.TryGetValue(id, out var p) ? $"{p.Journey.Name} › {p.Phase.Name}"
        : Steps.TryGetValue(id, out var s) ? $"{s.Journey.Name} › {s.Phase.Name} › {s.Step.Name}"
        : id;

    /// <summary>The journey a journey, phase or step belongs to.</summary>
    public string? JourneyOf(string targetId) =>
        Journeys.ContainsKey(targetId) ? targetId
        : Phases.TryGetValue(targetId, out var p) ? p.Journey.Id
        : Steps.TryGetValue(targetId, out var s) ? s.Journey.Id
        : null;

    /// <summary>The journey and its ancestors, nearest first (stops on a cycle).</summary>
    public IEnumerable<Journey> JourneyAncestry(string journeyId)
    {
        var seen = new HashSet<string>();
        for (var id = journeyId; id is not null && seen.Add(id) && Journeys.TryGetValue(id, out var j); id = j.ParentId)
            yield return j;
    }

    /// <summary>The team and its parent units, nearest first (stops on a cycle).</summary>
    public IEnumerable<Team> TeamAncestry(string teamId)
    {
        var seen = new HashSet<string>();
        for (var id = teamId; id is not null && seen.Add(id) && Teams.TryGetValue(id, out var t); id = t.ParentId)
            yield return t;
    }

    public TeamAlignment? TeamAlignment(string teamId) => Report?.Teams.FirstOrDefault(t => t.Id == teamId);

    private IReadOnlyDictionary<string, TeamApiDocument>? _teamApis;

    /// <summary>Every team's Team API by team id (null while there is no analysis), built once per revision.</summary>
    public IReadOnlyDictionary<string, TeamApiDocument>? TeamApis => _teamApis ??=
        Report is { } report ? TeamApi.Build(Workspace, report, Accountability).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First()) : null;
}
