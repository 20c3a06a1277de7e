using System.Diagnostics;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Teams;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// The workspace with the lookups every screen needs and the alignment analysis. The view of the latest revision is
/// kept across requests (the model is immutable), so a request costs one revision read until someone changes the
/// workspace; at 100,000 people a full reload is what would otherwise dominate every page.
/// <para>
/// Edits made in this process move the view forward without reading the store (<see cref="Advance"/>). A write by
/// another instance or the command line is noticed by the revision read and caught up with once, in the background
/// (single flight): by applying the change sets the store logged since (<see cref="FollowAsync"/>), or else by loading
/// the store; 50 concurrent loads of 100,000 people took seconds each and gigabytes between them. Meanwhile every reader,
/// the one that noticed included, is served the view it would have got a moment earlier, until the new view is published
/// with its analysis and per-revision figures (<see cref="Figures"/>) built. Callers about to write use
/// <see cref="LoadCurrentAsync"/>, and the store refuses a write made against an older revision in any case, so a stale
/// read can never turn into a lost update.
/// </para>
/// </summary>
public sealed class OrgReader(IWorkspaceStore store, AlignmentBaselineCache baselines, IHttpContextAccessor? http = null,
    ILogger<OrgReader>? logger = null)
{
    private readonly object _gate = new();
    private OrgView? _latest;
    private Task<OrgView>? _reload;

    /// <summary>
    /// For reading: the view of the store's revision, or, while a write by another process is being loaded, the view
    /// before it (no request waits for someone else's reload once a view exists).
    /// </summary>
    public Task<OrgView> LoadAsync(CancellationToken cancellationToken = default) => ShownAsync(LoadAsync(current: false, cancellationToken));

    /// <summary>For a caller that is about to change the workspace: always the view of the store's current revision.</summary>
    public Task<OrgView> LoadCurrentAsync(CancellationToken cancellationToken = default) => ShownAsync(LoadAsync(current: true, cancellationToken));

    private async Task<OrgView> ShownAsync(Task<OrgView> loading)
    {
        var view = await loading;
        ShownRevision.Saw(http?.HttpContext, view.Revision);
        return view;
    }

    private async Task<OrgView> LoadAsync(bool current, CancellationToken cancellationToken)
    {
        var revision = await store.GetRevisionAsync(cancellationToken);
        var latest = Volatile.Read(ref _latest);
        if (latest is not null && latest.Revision == revision) return latest;

        var (reload, _) = SharedReload();
        // Nobody reading waits for someone else's write to be loaded, not even the request that noticed it: at 100,000
        // people the load and its figures take about a second, and every request would queue behind it. They are served
        // the view before it until the new one is published whole.
        if (!current && latest is not null) return latest;
        var view = await reload.WaitAsync(cancellationToken);
        // A load that was already running when this request read the revision may have read the store before that
        // revision was written: then wait for the next one (bounded: each round is a whole load).
        for (var round = 0; view.Revision < revision && round < 3; round++)
            view = await SharedReload().Load.WaitAsync(cancellationToken);
        return view;
    }

    /// <summary>The load in progress, or a new one when none is running: at most one load of the store at a time.</summary>
    private (Task<OrgView> Load, bool Started) SharedReload()
    {
        lock (_gate)
        {
            if (_reload is { IsCompleted: false } running) return (running, false);
            var replacing = Volatile.Read(ref _latest);
            return (_reload = Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var view = replacing is null ? null : await FollowAsync(replacing);
                TimeSpan? loaded = null;
                if (view is null)
                {
                    view = Indexed(await store.LoadAsync(CancellationToken.None));
                    loaded = Stopwatch.GetElapsedTime(started);
                }
                // Analysed, and the figures every reader asks for built, inside the shared load and before the view is
                // published: the first pages after it (served the previous view meanwhile) wait for none of it.
                view.Warm();
                await PrepareAsync(view);
                // At start-up and after each write by another process: what that costs this one, for whoever sizes the machine.
                var ready = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (loaded is { } read)
                    logger?.LogInformation("Loaded revision {Revision} from the store: read in {LoadMs} ms, shown after {ReadyMs} ms",
                        view.Revision, (int)read.TotalMilliseconds, ready);
                else
                    logger?.LogInformation("Followed the store to revision {Revision} by applying its change log, shown after {ReadyMs} ms",
                        view.Revision, ready);
                return Keep(view, replacing);
            }), true);
        }
    }

    /// <summary>
    /// The view of the store's current revision made from <paramref name="from"/> and the change sets logged since, the
    /// way <see cref="Advance"/> makes it after this process's own edit; null when the store cannot say what changed
    /// (then the caller loads it). At 100,000 people this spares the load (about 0.5 s of reading) and, for a single
    /// change set on a workspace known to be valid, the whole check (its change alone is checked).
    /// </summary>
    private async Task<OrgView?> FollowAsync(OrgView from)
    {
        WorkspaceChangesSince? since;
        try
        {
            since = await store.ChangesSinceAsync(from.Revision, CancellationToken.None);
        }
        catch (System.Text.Json.JsonException unreadable)
        {
            logger?.LogWarning(unreadable, "The store's change log could not be read; loading the whole workspace instead");
            return null;
        }
        if (since is not { Changes.Count: > 0 }) return null;
        var workspace = from.Workspace;
        foreach (var changes in since.Changes) workspace = WorkspaceChanges.ApplyTo(workspace, changes);
        var view = Indexed(new WorkspaceSnapshot(workspace, since.Revision));
        if (since.Changes.Count == 1 && from.IsKnownValid && ChangeKeepsValid(from, since.Changes[0], workspace)) view.KnownValid();
        return view;
    }

    /// <summary>
    /// Moves the cached view to a revision this process wrote itself, whose workspace the editor already computed, so
    /// the next request needs no reload. Only another instance's or the command line's writes cost a load.
    /// </summary>
    /// <param name="validated">The workspace passed the edit's check, so the next edit may check only what it changes.</param>
    public void Advance(WorkspaceSnapshot written, bool validated = false)
    {
        var indexed = Indexed(written);
        if (validated) indexed.KnownValid();
        var view = Keep(indexed, null);
        ShownRevision.Saw(http?.HttpContext, view.Revision);
        // The edit's own response does not wait for this; the next pages find it done or join it.
        _ = Task.Run(async () =>
        {
            view.Warm();
            await PrepareAsync(view);
        });
    }

    /// <summary>
    /// Whether a change set keeps a valid workspace valid, judged from the change alone (the editor's incremental check;
    /// false means "maybe not"). Set where the reader is registered; by default nothing is assumed, and a followed view
    /// is checked whole on first use.
    /// </summary>
    public Func<OrgView, WorkspaceChangeSet, Workspace, bool> ChangeKeepsValid { get; set; } = (_, _, _) => false;

    /// <summary>
    /// What the screens work out once per revision for every reader (the dashboard, the API's analysis, the scenario
    /// summaries), prepared for each new view before it is published. Set once where the reader is registered.
    /// </summary>
    public IReadOnlyList<IRevisionFigure> Figures { get; set; } = [];

    private async Task PrepareAsync(OrgView view)
    {
        foreach (var figure in Figures)
        {
            try
            {
                await figure.PrepareAsync(view, CancellationToken.None);
            }
            catch (Exception)
            {
                // A figure that fails here fails again, and is reported, on the page that asks for it.
            }
        }
    }

    private OrgView Indexed(WorkspaceSnapshot snapshot) => new(snapshot, () => baselines.Get(snapshot.Revision, snapshot.Workspace));

    /// <param name="replacing">The view a store load set out to replace: a load replaces it even with a lower revision
    /// (a store that was emptied and imported again starts counting anew).</param>
    private OrgView Keep(OrgView view, OrgView? replacing)
    {
        if (replacing is not null && Interlocked.CompareExchange(ref _latest, view, replacing) == replacing) return view;
        // Otherwise keep the newest of concurrent loads and edits; an older one must not replace a newer view.
        for (var current = Volatile.Read(ref _latest); current is null || current.Revision < view.Revision; current = Volatile.Read(ref _latest))
            if (Interlocked.CompareExchange(ref _latest, view, current) == current) break;
        return view;
    }
}

/// <summary>A figure every reader of a revision asks for, built in the background before the revision is shown (see <see cref="OrgReader.Figures"/>).</summary>
public interface IRevisionFigure
{
    /// <summary>Works the figure out for <paramref name="org"/>, keeping it with the view (<see cref="OrgView.PerRevision{T}"/>).</summary>
    Task PrepareAsync(OrgView org, CancellationToken cancellationToken);
}

/// <summary>
/// The workspace revision a page shows in its footer: the newest one its request read or wrote through
/// <see cref="OrgReader"/>, so no action has to remember to pass it on.
/// </summary>
public static class ShownRevision
{
    private static readonly object Key = new();

    internal static void Saw(HttpContext? context, long revision)
    {
        if (context is null) return;
        if (!context.Items.TryGetValue(Key, out var seen) || seen is not long before || before < revision) context.Items[Key] = revision;
    }

    public static long? Of(HttpContext context) => context.Items.TryGetValue(Key, out var revision) ? revision as long? : null;
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

    // 0 = not worked out yet, 1 = valid, 2 = not valid.
    private int _valid;

    /// <summary>
    /// Whether the import validator finds nothing wrong with this workspace (worked out once per revision, unless the edit
    /// that made it already checked it). An edit on a valid workspace needs to check only what it changes.
    /// </summary>
    public bool IsValid
    {
        get
        {
            if (Volatile.Read(ref _valid) == 0) Volatile.Write(ref _valid, WorkspaceValidator.Validate(Workspace).Count == 0 ? 1 : 2);
            return _valid == 1;
        }
    }

    internal void KnownValid() => Volatile.Write(ref _valid, 1);

    /// <summary>Whether this workspace has already been found valid (without working it out now).</summary>
    internal bool IsKnownValid => Volatile.Read(ref _valid) == 1;
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
    public IEnumerable<Person> TopPeople => Once(ref _topPeople, () => Workspace.People.Where(p => p.ManagerId is null || !People.ContainsKey(p.ManagerId)).ToList())!;

    private List<Person>? _topPeople;

    /// <summary>The people holding each role, by role id (the roles page lists them; 100,000 people scanned once per revision).</summary>
    public ILookup<string, Person> RoleHolders => Once(ref _roleHolders, () => Workspace.People.Where(p => p.RoleId is not null).ToLookup(p => p.RoleId!))!;

    private ILookup<string, Person>? _roleHolders;

    /// <summary>
    /// Per person (in workspace order) the name, mail and job title upper-cased, separated by a NUL: search compares a
    /// whole upper-cased query ordinally against one string per person instead of three case-insensitive comparisons.
    /// </summary>
    public IReadOnlyList<string> PeopleSearchText => Once(ref _peopleSearchText, () =>
        Workspace.People.Select(p => string.Join('\0', p.DisplayName, p.Mail, p.JobTitle).ToUpperInvariant()).ToArray())!;

    private string[]? _peopleSearchText;

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

    private readonly object _onceGate = new();

    /// <summary>
    /// Computes a per-revision figure once: under many concurrent requests right after a revision moved, each would
    /// otherwise compute its own copy (the Team APIs of 1,300 teams, the opportunity ranking) at the same time.
    /// </summary>
    private T? Once<T>(ref T? field, Func<T?> compute) where T : class
    {
        if (Volatile.Read(ref field) is { } done) return done;
        lock (_onceGate) return field ??= compute();
    }

    /// <summary>
    /// Works out, ahead of the first request that needs them, what most screens ask of a new revision: the analysis,
    /// accountability, the opportunity ranking and the Team APIs. Run in the background after a load or an edit.
    /// </summary>
    public void Warm()
    {
        try
        {
            _ = Baseline;
            _ = RankedOpportunities;
            _ = TeamApis;
            _ = CommonManagers;
            _ = Findings;
            // Last: only the first edit after a write by another process needs it.
            _ = IsValid;
        }
        catch (Exception)
        {
            // A workspace the analysis fails on: the screens that need it report the failure when asked.
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<object>> _perRevision = new();

    /// <summary>
    /// A result worked out once for this revision and shared by every request that asks while it is the latest
    /// (the analysis JSON of the API, the scenario list's simulations). <paramref name="key"/> must say everything the
    /// result depends on besides the workspace; the result must be immutable. Concurrent askers share one computation.
    /// </summary>
    public T PerRevision<T>(object key, Func<T> compute) where T : class =>
        (T)_perRevision.GetOrAdd(key, _ => new Lazy<object>(() => compute())).Value;

    /// <summary>The alignment analysis of SPEC §3 for this snapshot.</summary>
    public AlignmentReport? Report => _baseline.Value.Report;

    /// <summary>The analysed baseline scenarios are simulated against.</summary>
    public AlignmentBaseline Baseline => _baseline.Value;

    /// <summary>What each manager's organisation serves and which handoffs each settles (SPEC §6), once per revision.</summary>
    public OrgAlignment OrgAlignment => Baseline.OrgAlignment;

    private IReadOnlyDictionary<string, CommonManager>? _commonManagers;
    private IReadOnlyList<DataQualityFinding>? _findings;

    /// <summary>Per phase and journey: the lowest common manager of the leads of its accountable teams.</summary>
    public IReadOnlyDictionary<string, CommonManager> CommonManagers => Once(ref _commonManagers, () =>
        Report is { } report
            ? CommonManagerAnalysis.Find(Workspace, report).GroupBy(c => c.TargetId).ToDictionary(g => g.Key, g => g.First())
            : new Dictionary<string, CommonManager>())!;

    /// <summary>What in the directory data weakens the analysis or smells of org-design trouble.</summary>
    public IReadOnlyList<DataQualityFinding> Findings => Once(ref _findings, () => DataQualityAnalysis.Check(Workspace))!;

    private IReadOnlyList<Journey>? _journeysWithPhases;

    /// <summary>Journeys that have phases (so a map), by name: the choices wherever a screen filters or places by journey.</summary>
    public IReadOnlyList<Journey> JourneysWithPhases => Once(ref _journeysWithPhases, () =>
        Workspace.Journeys.Where(j => j.Phases.Count > 0).OrderBy(j => j.Name, StringComparer.CurrentCultureIgnoreCase).ToList())!;

    private Accountability? _accountability;
    private IReadOnlyList<PrioritisedOpportunity>? _rankedOpportunities;

    /// <summary>
    /// Who answers for each journey, phase and step, indexed from <see cref="Report"/> (null while there is none). Built
    /// once per revision like the analysis, not per request: KPI lists, the dashboard and the opportunity pages all ask.
    /// </summary>
    public Accountability? Accountability => Once(ref _accountability, () => Report is { } report ? new Accountability(report) : null);

    /// <summary>Every opportunity ranked across journeys (null while there is no analysis); filtered lists rank their own.</summary>
    public IReadOnlyList<PrioritisedOpportunity>? RankedOpportunities =>
        Once(ref _rankedOpportunities, () => Accountability is { } accountability ? Prioritisation.Rank(Workspace, accountability) : null);

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
    public IReadOnlyDictionary<string, TeamApiDocument>? TeamApis => Once(ref _teamApis, () =>
        Report is { } report ? TeamApi.Build(Workspace, report, Accountability).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First()) : null);
}
