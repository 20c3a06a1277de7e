using System.Diagnostics;
using JourneyOrg.Analysis;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>How a run was asked for.</summary>
/// <param name="Trigger"><c>cli</c>, <c>web</c> or <c>schedule</c>, for the history.</param>
/// <param name="Token">A static bearer token that overrides the configured credentials (one-off runs).</param>
/// <param name="Full">Ignore stored delta links and read everything (repairs a mirror after changing settings by hand).</param>
public sealed record SyncRequest(string Trigger, string? Token = null, bool Full = false);

/// <summary>Where a running sync is, for the CLI's progress lines and the admin page's progress bar.</summary>
public sealed record SyncProgress(
    string RunId, string Stage, int Page, int PageObjects, int Users, int Groups, int Pages, int? ExpectedPages,
    int ThrottlingEvents, string Message);

/// <summary>Another instance (or another request here) holds the sync lease.</summary>
public sealed class SyncAlreadyRunningException(string message) : Exception(message);

/// <summary>
/// One directory sync run: take the store lease, read users (and groups) delta from Graph page by page into a
/// compact stage, plan the mirror changes, and apply them together with the new delta links and the run record in
/// ONE store transaction. A run that fails before that transaction leaves the store as it was, so the next run
/// starts from the same delta links and nothing is lost or applied twice.
/// </summary>
public sealed class DirectorySyncRunner(IWorkspaceStore store, IStateStore stateStore, DirectorySyncOptions options, TimeProvider? time = null)
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);
    private const int MaxApplyAttempts = 3;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<SyncRun> RunAsync(SyncRequest request, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = options.Problems(request.Token is { Length: > 0 });
        if (problems.Count > 0) throw new DirectorySyncConfigurationException(problems);

        var runId = Guid.NewGuid().ToString("N")[..10];
        var holder = $"{Environment.MachineName}/{Environment.ProcessId}/{runId}";
        if (!await SyncLease.AcquireAsync(stateStore, holder, LeaseDuration, cancellationToken))
            throw new SyncAlreadyRunningException("Another directory sync is running (the store's sync lease is taken). Try again when it has finished.");

        var counters = new SyncCounters();
        var run = new SyncRun { Id = runId, StartedAt = _time.GetUtcNow(), Trigger = request.Trigger };
        var pages = 0;
        var resyncs = 0;
        try
        {
            await stateStore.SetStateAsync(run.Key, run.ToJson(), cancellationToken);
            var previous = await SyncState.ListRunsAsync(stateStore, 10, cancellationToken);

            var fingerprint = options.Fingerprint();
            var sameSettings = await stateStore.GetStateAsync(SyncStateKeys.Fingerprint, cancellationToken) == fingerprint;
            var usersLink = request.Full || !sameSettings ? null : await stateStore.GetStateAsync(SyncStateKeys.UsersDeltaLink, cancellationToken);
            var groupsLink = request.Full || !sameSettings || !options.UsesGroups ? null : await stateStore.GetStateAsync(SyncStateKeys.GroupsDeltaLink, cancellationToken);
            var mode = usersLink is null && (groupsLink is null || !options.UsesGroups) ? "full" : "delta";
            var expectedPages = previous.FirstOrDefault(r => r.Outcome == SyncOutcomes.Succeeded && r.Mode == mode)?.Pages;

            // The workspace as stored loads while the users download; the groups need it (which groups are mirrored).
            // (Task.Run: the SQLite store reads synchronously.) A run that fails first leaves the load's outcome unobserved.
            var loading = Task.Run(() => store.LoadAsync(cancellationToken), cancellationToken);
            _ = loading.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

            var graph = DirectoryGraph.Create(options, request.Token, counters);
            var stage = new DirectoryStage();
            var leaseRenewed = Stopwatch.StartNew();
            var stageName = "users";
            async Task OnPage(int page, int objects)
            {
                pages++;
                progress?.Report(new SyncProgress(runId, stageName, page, objects, stage.Users.Count, stage.Groups.Count, pages, expectedPages,
                    counters.ThrottlingEvents, $"{stageName} page {page}: {objects} objects ({stage.Users.Count} users, {stage.Groups.Count} groups so far)"));
                if (leaseRenewed.Elapsed > LeaseDuration / 3)
                {
                    if (!await stateStore.TryAcquireLeaseAsync(SyncStateKeys.LeaseName, holder, LeaseDuration, cancellationToken))
                        throw new DirectorySyncException("The sync lease was lost (another instance took it over); this run stops without applying anything.");
                    leaseRenewed.Restart();
                }
            }

            stage.UsersFull = usersLink is null;
            string newUsersLink;
            try
            {
                newUsersLink = await graph.ReadUsersAsync(usersLink, stage.Add, OnPage, cancellationToken);
            }
            catch (DeltaLinkExpiredException) when (usersLink is not null)
            {
                resyncs++;
                stage.ClearUsers();
                stage.UsersFull = true;
                progress?.Report(new SyncProgress(runId, stageName, 0, 0, 0, 0, pages, null, counters.ThrottlingEvents,
                    "The users delta link expired (410 Gone): reading all users again."));
                newUsersLink = await graph.ReadUsersAsync(null, stage.Add, OnPage, cancellationToken);
            }

            var snapshot = await loading;
            var mirrorTeamIds = snapshot.Workspace.Teams.Where(t => t.Source == Domain.RecordSource.Entra).Select(t => t.Id)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);

            string? newGroupsLink = null;
            if (options.UsesGroups)
            {
                stageName = "groups";
                // Groups already mirrored stay staged even when renamed out of the selection, so the plan can remove them.
                bool IsTeam(string id, string? name) => (options.IsTeamGroup(id, name) ?? false) || mirrorTeamIds.Contains(id);
                stage.GroupsFull = groupsLink is null;
                try
                {
                    newGroupsLink = await graph.ReadGroupsAsync(groupsLink, g => stage.Add(g, IsTeam), OnPage, cancellationToken);
                }
                catch (DeltaLinkExpiredException) when (groupsLink is not null)
                {
                    resyncs++;
                    stage.ClearGroups();
                    stage.GroupsFull = true;
                    progress?.Report(new SyncProgress(runId, stageName, 0, 0, stage.Users.Count, 0, pages, null, counters.ThrottlingEvents,
                        "The groups delta link expired (410 Gone): reading all groups again."));
                    newGroupsLink = await graph.ReadGroupsAsync(null, g => stage.Add(g, IsTeam), OnPage, cancellationToken);
                }
                if (!stage.GroupsFull) await ReadNewTeamsAsync(graph, stage, mirrorTeamIds, cancellationToken);
            }

            mode = stage.UsersFull && (stage.GroupsFull || !options.UsesGroups) ? "full"
                : !stage.UsersFull && (!stage.GroupsFull || !options.UsesGroups) ? "delta"
                : $"users: {(stage.UsersFull ? "full" : "delta")}, groups: {(stage.GroupsFull ? "full" : "delta")}";
            progress?.Report(new SyncProgress(runId, "applying", 0, 0, stage.Users.Count, stage.Groups.Count, pages, expectedPages,
                counters.ThrottlingEvents, $"Read {stage.Users.Count} users and {stage.Groups.Count} groups in {pages} pages; applying."));

            for (var attempt = 1; ; attempt++)
            {
                var plan = MirrorPlanner.Plan(new MirrorPlanInput(
                    snapshot.Workspace, stage, options,
                    (await stateStore.ListStateAsync(SyncStateKeys.PendingManagerPrefix, cancellationToken))
                        .ToDictionary(e => e.Key[SyncStateKeys.PendingManagerPrefix.Length..], e => e.Value),
                    await SyncState.ReadAllocationOverridesAsync(stateStore, cancellationToken),
                    (await SyncState.ListSetAsideOwnershipAsync(stateStore, cancellationToken)).ToDictionary(s => s.TeamId),
                    runId, _time.GetUtcNow()) { Overrides = await DirectoryOverrides.ReadAsync(stateStore, cancellationToken) });
                // The planner repairs what Entra can get wrong (missing managers, cycles); an error here is a bug, and
                // the run fails rather than store a graph the rest of the product cannot trust.
                // The two whole-workspace passes over the result are independent: one on each core.
                var validating = Task.Run(() => WorkspaceValidator.Validate(plan.Result), cancellationToken);
                var quality = DataQualityFindings(plan.Result).ToList();
                var validation = await validating;
                if (validation.Count > 0)
                    throw new DirectorySyncException("The synced workspace would be invalid, nothing was applied: " + string.Join("; ", validation.Take(10)));

                run = Finished(run, SyncOutcomes.Succeeded, mode, counters, pages, resyncs, null) with { Counts = plan.Counts };
                run = WithFindings(run, [.. plan.Findings, .. quality]);
                var state = new Dictionary<string, string?>(plan.State)
                {
                    [SyncStateKeys.UsersDeltaLink] = newUsersLink,
                    [SyncStateKeys.GroupsDeltaLink] = newGroupsLink,
                    [SyncStateKeys.Fingerprint] = fingerprint,
                    [run.Key] = run.ToJson(),
                };
                foreach (var old in (await stateStore.ListStateAsync(SyncStateKeys.RunPrefix, cancellationToken)).Reverse().Skip(Math.Max(1, options.HistoryLength - 1)))
                    if (old.Key != run.Key) state[old.Key] = null;
                try
                {
                    await store.ApplyAsync(plan.Changes with { State = state }, snapshot.Revision, cancellationToken);
                    break;
                }
                catch (ConcurrentChangeException) when (attempt < MaxApplyAttempts)
                {
                    // Someone edited the workspace while we read Graph: plan again against what is stored now.
                    snapshot = await store.LoadAsync(cancellationToken);
                }
            }
            progress?.Report(new SyncProgress(runId, "done", 0, 0, stage.Users.Count, stage.Groups.Count, pages, pages, counters.ThrottlingEvents,
                $"Done: {run.Counts}."));
            return run;
        }
        catch (Exception error) when (error is not DirectorySyncConfigurationException)
        {
            run = Finished(run, SyncOutcomes.Failed, run.Mode, counters, pages, resyncs,
                error is OperationCanceledException ? "Cancelled." : Describe(error));
            // The failure is recorded on its own; the mirror and the delta links stay as they were.
            await stateStore.SetStateAsync(run.Key, run.ToJson(), CancellationToken.None);
            progress?.Report(new SyncProgress(runId, "failed", 0, 0, 0, 0, pages, null, counters.ThrottlingEvents, run.Error!));
            return run;
        }
        finally
        {
            await stateStore.ReleaseLeaseAsync(SyncStateKeys.LeaseName, holder, CancellationToken.None);
        }
    }

    /// <summary>
    /// A group that became a team between two delta runs (renamed into the prefix, or added to the id list) arrives
    /// with its changes only; its whole membership and its parents are read directly.
    /// </summary>
    private static async Task ReadNewTeamsAsync(DirectoryGraph graph, DirectoryStage stage, HashSet<string> mirrorTeamIds, CancellationToken cancellationToken)
    {
        foreach (var group in stage.Groups.Values.Where(g => !g.Ignored && !g.Removed && !mirrorTeamIds.Contains(g.Id)).ToList())
        {
            await graph.ReadMembersAsync(group, cancellationToken);
            stage.ExtraParents[group.Id] = await graph.ReadParentGroupsAsync(group.Id, cancellationToken);
        }
    }

    private SyncRun Finished(SyncRun run, string outcome, string mode, SyncCounters counters, int pages, int resyncs, string? error) => run with
    {
        FinishedAt = _time.GetUtcNow(),
        Outcome = outcome,
        Mode = mode,
        Pages = pages,
        Requests = counters.Requests,
        ThrottlingEvents = counters.ThrottlingEvents,
        Retries = counters.Retries,
        Resyncs = resyncs,
        Error = error,
    };

    /// <summary>The shared data-quality checks over the mirror as it will be; sync's own repairs are already in the plan's findings.</summary>
    private static IEnumerable<SyncFinding> DataQualityFindings(Domain.Workspace result) =>
        DataQualityAnalysis.Check(result)
            .Where(f => f.Kind is not (DataQualityKinds.MissingManager or DataQualityKinds.ReportingCycle))
            .Select(f => new SyncFinding(f.Kind, f.SubjectId, f.Message));

    private static SyncRun WithFindings(SyncRun run, IReadOnlyList<SyncFinding> findings) => run with
    {
        FindingTotals = findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        Findings = findings.Take(SyncRun.MaxStoredFindings).ToList(),
    };

    private static string Describe(Exception error) => error switch
    {
        DirectorySyncException => error.Message,
        HttpRequestException http => $"Could not reach Graph: {http.Message}",
        Azure.Identity.AuthenticationFailedException auth => $"Sign-in to Entra failed: {auth.Message}",
        _ => $"{error.GetType().Name}: {error.Message}",
    };
}

/// <summary>The configuration cannot work; <see cref="Problems"/> says what to set.</summary>
public sealed class DirectorySyncConfigurationException(IReadOnlyList<string> problems)
    : Exception("Directory sync is not configured: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
