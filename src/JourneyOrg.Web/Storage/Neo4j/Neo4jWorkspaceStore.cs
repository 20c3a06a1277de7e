using System.Globalization;
using System.Runtime.CompilerServices;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using static JourneyOrg.Web.Storage.Neo4j.Neo4jCypher;

[assembly: InternalsVisibleTo("JourneyOrg.Tests")]

namespace JourneyOrg.Web.Storage.Neo4j;

/// <summary>
/// The workspace as a Neo4j graph (SPEC §1), over the HTTP transactional endpoint. Every write is one explicit
/// transaction that first locks the revision node, so writers run one after another and a stale writer is refused;
/// bulk data goes in <c>UNWIND $rows</c> batches of <see cref="BatchSize"/>; any error rolls the whole transaction
/// back. Top-level lists keep their order through a <c>seq</c> property handed out from the revision node.
/// </summary>
public sealed partial class Neo4jWorkspaceStore : IStore, IDisposable
{
    /// <summary>Rows per <c>UNWIND</c> statement: big enough that the server's per-statement work is amortised, small enough for a modest heap.</summary>
    public const int BatchSize = 10_000;

    /// <summary>About this many rows go in one HTTP request of a write transaction (several statements together).</summary>
    public const int RowsPerRequest = 20_000;

    private const string RevisionKey = "workspace.revision";
    private readonly Neo4jHttp _http;

    /// <param name="server">e.g. <c>http://user:pass@host:7474/database</c>.</param>
    public Neo4jWorkspaceStore(Uri server)
    {
        _http = new Neo4jHttp(server);
        var builder = new UriBuilder(server) { Password = "" };
        if (builder.UserName.Length > 0 && server.UserInfo.Contains(':')) builder.Password = "***";
        Description = "neo4j:" + builder.Uri.ToString().TrimEnd('/');
    }

    public string Description { get; }

    /// <summary>Test seam: when set, the write transaction fails on the server just before the statement of this name.</summary>
    internal string? FailBeforeStatement { get; set; }

    /// <summary>The connection, for tests and tools that send statements from <see cref="Neo4jCypher"/> themselves.</summary>
    public Neo4jHttp Connection => _http;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var endpoint = await _http.GetEndpointAsync(cancellationToken);
        // Schema statements cannot share a transaction with writes, so each runs on its own.
        foreach (var constraint in endpoint.SupportsModernConstraints ? Constraints : LegacyConstraints)
        {
            try
            {
                await _http.RunAsync([new Neo4jStatement("constraint", constraint, NoParameters)], cancellationToken);
            }
            catch (Neo4jException e) when (e.Code is "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"
                                                  or "Neo.ClientError.Schema.ConstraintAlreadyExists")
            {
                // Neo4j 4.0–4.3 refuse to create an existing constraint again; it is there, which is all we need.
            }
        }
        await using var transaction = await _http.BeginAsync(cancellationToken);
        await transaction.RunAsync([Statement(nameof(LockWorkspace), LockWorkspace, ("key", RevisionKey))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(IsEmpty), IsEmpty)], cancellationToken);
        return results[0].Rows[0][0].GetInt64() == 0;
    }

    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(ReadRevision), ReadRevision, ("key", RevisionKey))], cancellationToken);
        return RevisionOf(results[0]).Item1;
    }

    public async Task<WorkspaceChangesSince?> ChangesSinceAsync(long revision, CancellationToken cancellationToken = default)
    {
        // Two statements of one request, not one transaction: entries up to the revision read first are committed with
        // it and stay as they are (pruning only forgets what Follow would then miss, which means a full load).
        var results = await _http.RunAsync(
        [
            Statement(nameof(ReadRevision), ReadRevision, ("key", RevisionKey)),
            Statement(nameof(Neo4jCypher.ChangesSince), Neo4jCypher.ChangesSince, ("revision", revision)),
        ], cancellationToken);
        return WorkspaceChangeLog.Follow(revision, RevisionOf(results[0]).Revision, results[1].Rows.Select(row =>
            (row[0].GetInt64(), row[1].ValueKind == System.Text.Json.JsonValueKind.String ? row[1].GetString() : null)));
    }

    public async Task<WorkspaceSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        // Neo4j reads committed data statement by statement. Every write commits a new revision, so when the revision
        // read first and last agree, no write landed in between and the statements saw one consistent workspace.
        for (var attempt = 0; attempt < OptimisticReadAttempts; attempt++)
        {
            var statements = LoadStatements();
            var rows = new LoadSink(statements, skip: 0);
            await _http.RunAsync(statements, rows, cancellationToken);
            if (rows.Results[0].Revision == rows.Results[^1].Revision) return Snapshot(rows.Results);
        }
        // Writers kept landing in between: read under the workspace lock (writers wait for it), then roll back, so the
        // snapshot cannot be torn. A failure here is an error, never a half-read workspace.
        await using var transaction = await _http.BeginAsync(cancellationToken);
        var loads = LoadStatements();
        var locked = new LoadSink(loads, skip: 1);
        await transaction.RunAsync([Statement(nameof(LockWorkspace), LockWorkspace, ("key", RevisionKey)), .. loads], locked, cancellationToken);
        return Snapshot(locked.Results);
    }

    /// <summary>Optimistic reads before <see cref="LoadAsync"/> reads under the lock (tests set 0 to always lock).</summary>
    public int OptimisticReadAttempts { get; set; } = 5;

    private static Neo4jStatement[] LoadStatements()
    {
        var revision = Statement(nameof(ReadRevision), ReadRevision, ("key", RevisionKey));
        return
        [
            revision,
            Statement(nameof(LoadJourneys), LoadJourneys), Statement(nameof(LoadPhases), LoadPhases),
            Statement(nameof(LoadSteps), LoadSteps), Statement(nameof(LoadPeople), LoadPeople),
            Statement(nameof(LoadTeams), LoadTeams), Statement(nameof(LoadMemberships), LoadMemberships),
            Statement(nameof(LoadRoles), LoadRoles), Statement(nameof(LoadOwnership), LoadOwnership),
            Statement(nameof(LoadMetrics), LoadMetrics),
            .. JourneyManagementLoadStatements(),
            .. CostLoadStatements(),
            revision,
        ];
    }

    private static WorkspaceSnapshot Snapshot(IReadOnlyList<LoadedRows> r)
    {
        var journeyManagement = JourneyManagementLoadStatements().Length;
        var workspace = WithJourneyManagement(BuildWorkspace(r), r.Skip(10).Take(journeyManagement).ToList());
        return new(WithCosts(workspace, r.Skip(10 + journeyManagement).Take(r.Count - 11 - journeyManagement).ToList()), r[^1].Revision);
    }

    /// <summary>What each load statement's row is read into, straight from the response stream.</summary>
    private static readonly Dictionary<string, Type> LoadRowTypes = new()
    {
        [nameof(LoadJourneys)] = typeof(JourneyRow), [nameof(LoadPhases)] = typeof(PhaseRow), [nameof(LoadSteps)] = typeof(StepRow),
        [nameof(LoadTeams)] = typeof(TeamRow), [nameof(LoadMemberships)] = typeof(MembershipRow), [nameof(LoadRoles)] = typeof(RoleRow),
        [nameof(LoadOwnership)] = typeof(OwnershipRow), [nameof(LoadMetrics)] = typeof(MetricRow),
        [nameof(LoadMetricDetails)] = typeof(MetricDetailRow), [nameof(LoadInsights)] = typeof(InsightRow),
        [nameof(LoadOpportunities)] = typeof(OpportunityRow), [nameof(LoadSolutions)] = typeof(SolutionRow),
        [nameof(LoadJourneyRecordLinks)] = typeof(LinkRow), [nameof(LoadWeights)] = typeof(WeightsRow),
        [nameof(LoadCosts)] = typeof(CostRow), [nameof(LoadRoleCosts)] = typeof(RoleCostRow), [nameof(LoadCurrency)] = typeof(CurrencyRow),
    };

    private static readonly System.Text.Json.JsonSerializerOptions RowJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>The rows of one load statement, already read into their records.</summary>
    private sealed class LoadedRows
    {
        public List<object> Items { get; } = [];

        /// <summary>For <see cref="ReadRevision"/>: the revision it read (0 for an empty store).</summary>
        public long Revision { get; set; }

        public IEnumerable<T> As<T>() => Items.Cast<T>();
    }

    /// <summary>
    /// Reads a load's answer as it streams in: each row becomes its record at once (no JSON document of the answer, no
    /// copies of values). <paramref name="skip"/> statements at the front (the lock) have no rows wanted.
    /// </summary>
    private sealed class LoadSink(IReadOnlyList<Neo4jStatement> statements, int skip) : INeo4jRowSink
    {
        public List<LoadedRows> Results { get; } = [.. statements.Select(_ => new LoadedRows())];

        public void Columns(int statement, IReadOnlyList<string> columns) { }

        public void Row(int statement, ref System.Text.Json.Utf8JsonReader row)
        {
            // The row is all in the buffer, but the reader does not know it: Skip() is refused, reading on is not.
            var depth = row.CurrentDepth;
            var index = statement - skip;
            if (index < 0)
            {
                while (row.TokenType != System.Text.Json.JsonTokenType.EndArray || row.CurrentDepth != depth) row.Read();
                return;
            }
            var rows = Results[index];
            var name = statements[index].Name;
            row.Read();
            if (name == nameof(ReadRevision))
            {
                rows.Revision = long.Parse(row.GetString() ?? "0", CultureInfo.InvariantCulture);
            }
            else if (name == nameof(LoadPeople))
            {
                // [the person node's properties, the manager's id, the role's id]
                var node = System.Text.Json.JsonSerializer.Deserialize<PersonNode>(ref row, RowJson)!;
                row.Read();
                var managerId = row.GetString();
                row.Read();
                var roleId = row.GetString();
                rows.Items.Add(new PersonRow(node.Id, node.DisplayName, node.Mail, node.JobTitle, node.Department, managerId, roleId,
                    node.AccountEnabled, node.UserPrincipalName, node.EmployeeId, node.EmployeeType, node.OfficeLocation, node.Source, node.Seq));
            }
            else
            {
                rows.Items.Add(System.Text.Json.JsonSerializer.Deserialize(ref row, LoadRowTypes[name], RowJson)!);
            }
            while (row.TokenType != System.Text.Json.JsonTokenType.EndArray || row.CurrentDepth != depth) row.Read();
        }
    }

    private static Workspace BuildWorkspace(IReadOnlyList<LoadedRows> r)
    {
        var steps = r[3].As<StepRow>().GroupBy(s => s.PhaseId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Step>)g.Select(s => new Step(s.Id, s.Name, s.SubjourneyId)).ToList());
        var phases = r[2].As<PhaseRow>().GroupBy(p => p.JourneyId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Phase>)g.Select(p => new Phase(p.Id, p.Name, steps.GetValueOrDefault(p.Id) ?? [])).ToList());
        var journeys = r[1].As<JourneyRow>()
            .Select(j => new Journey(j.Id, j.Name, j.ParentId, j.Description ?? "", phases.GetValueOrDefault(j.Id) ?? [])).ToList();
        var people = r[4].As<PersonRow>().OrderBy(p => p.Seq)
            .Select(p => new Person(p.Id, p.DisplayName, p.Mail, p.JobTitle, p.Department, p.ManagerId, p.RoleId, p.AccountEnabled ?? true,
                p.UserPrincipalName, p.EmployeeId, p.EmployeeType, p.OfficeLocation, p.Source ?? RecordSource.Local)).ToList();
        var members = r[6].As<MembershipRow>().GroupBy(m => m.TeamId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Membership>)g.Select(m => new Membership(m.PersonId, m.Allocation)).ToList());
        var teams = r[5].As<TeamRow>()
            .Select(t => new Team(t.Id, t.Name, t.ParentId, t.LeadId, t.Type, members.GetValueOrDefault(t.Id) ?? [], t.Description,
                t.Source ?? RecordSource.Local)).ToList();
        var roles = r[7].As<RoleRow>().Select(x => new Role(x.Id, x.Title, x.Family, x.Level)).ToList();
        var ownership = r[8].As<OwnershipRow>()
            .Select(o => new Ownership(o.TeamId, o.TargetId, o.Kind == OwnershipKinds.Contributing ? OwnershipKind.Contributing : OwnershipKind.Accountable))
            .ToList();
        var metrics = r[9].As<MetricRow>().Select(m => new Metric(m.Id, m.TargetId ?? "", m.Name, m.Unit, m.Value, m.Target, m.Direction)).ToList();
        return new Workspace(journeys, people, teams, roles, ownership, metrics);
    }

    public async Task<long> ReplaceAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        StoredReferences.ThrowIfAny(StoredReferences.ProblemsOfWhole(workspace));
        await using var write = await BeginWriteAsync(cancellationToken);
        var before = await CountAsync(write, cancellationToken);
        foreach (var (name, text) in new[]
                 {
                     (nameof(ClearSteps), ClearSteps), (nameof(ClearPhases), ClearPhases), (nameof(ClearJourneys), ClearJourneys),
                     (nameof(ClearPeople), ClearPeople), (nameof(ClearTeams), ClearTeams), (nameof(ClearRoles), ClearRoles),
                     (nameof(ClearMetrics), ClearMetrics), (nameof(ClearJourneyRecords), ClearJourneyRecords),
                 })
            await write.RunAsync(name, text, cancellationToken);
        await WriteAsync(write, new WorkspaceChangeSet
        {
            UpsertJourneys = workspace.Journeys, UpsertPeople = workspace.People, UpsertTeams = workspace.Teams,
            UpsertRoles = workspace.Roles, UpsertOwnership = workspace.Ownership, UpsertMetrics = workspace.Metrics,
            UpsertInsights = workspace.Insights, UpsertOpportunities = workspace.Opportunities, UpsertSolutions = workspace.Solutions,
            Weights = workspace.Weights, UpsertCosts = workspace.Costs, Currency = workspace.Currency,
        }, replacing: true, cancellationToken);
        await write.RunBatchesAsync(nameof(Neo4jCypher.DeleteState), Neo4jCypher.DeleteState, "keys", MirrorStateKeys.DroppedByReplace, cancellationToken);
        await write.QueryAsync(AuditStatement(WorkspaceAudit.ForReplace(before, workspace)), cancellationToken);
        return await write.CommitAsync(changeLogEntry: null, cancellationToken);
    }

    public async Task<long> ApplyAsync(WorkspaceChangeSet changes, long? expectedRevision, CancellationToken cancellationToken = default)
    {
        await using var write = await BeginWriteAsync(cancellationToken);
        if (expectedRevision is { } expected && expected != write.Revision)
            throw new ConcurrentChangeException(
                $"The workspace changed since it was read (revision {expected}, now {write.Revision}). Reload and try again.");
        await RefuseDanglingReferencesAsync(write, changes, cancellationToken);
        var audit = WorkspaceAudit.ForChanges(changes, await PriorNamesAsync(write, changes, cancellationToken));
        await WriteAsync(write, changes, replacing: false, cancellationToken);
        var state = changes.State.ToList();
        await write.RunBatchesAsync(nameof(Neo4jCypher.DeleteState), Neo4jCypher.DeleteState, "keys",
            state.Where(e => e.Value is null).Select(e => e.Key).ToList(), cancellationToken);
        await write.RunBatchesAsync(nameof(SetState), SetState, "rows",
            state.Where(e => e.Value is not null).Select(e => new StateRow(e.Key, e.Value!)).ToList(), cancellationToken);
        await write.QueryAsync(AuditStatement(audit), cancellationToken);
        return await write.CommitAsync(WorkspaceChangeLog.Entry(changes), cancellationToken);
    }

    /// <summary>Nodes first, then edges, so a reference to something later in the same change set still links.</summary>
    private static async Task WriteAsync(WriteTransaction write, WorkspaceChangeSet c, bool replacing, CancellationToken ct)
    {
        if (!replacing)
        {
            await write.RunBatchesAsync(nameof(DeleteJourneys), DeleteJourneys, "ids", c.DeleteJourneys, ct);
            await write.RunBatchesAsync(nameof(DeletePeople), DeletePeople, "ids", c.DeletePeople, ct);
            await write.RunBatchesAsync(nameof(DeleteTeams), DeleteTeams, "ids", c.DeleteTeams, ct);
            await write.RunBatchesAsync(nameof(DeleteRoles), DeleteRoles, "ids", c.DeleteRoles, ct);
            await write.RunBatchesAsync(nameof(DeleteOwnership), DeleteOwnership, "rows",
                c.DeleteOwnership.Select(k => new OwnershipKeyRow(k.TeamId, k.TargetId)).ToList(), ct);
            await write.RunBatchesAsync(nameof(DeleteMetrics), DeleteMetrics, "ids", c.DeleteMetrics, ct);
        }

        if (replacing) await CreateOrgAsync(write, c, ct);
        else await UpsertOrgAsync(write, c, ct);
        await write.RunBatchesAsync(nameof(UpsertOwnership), UpsertOwnership, "rows",
            c.UpsertOwnership.Select(o => new OwnershipWriteRow(o.TeamId, o.TargetId, o.Kind.ToText(), write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(UpsertMetrics), UpsertMetrics, "rows",
            c.UpsertMetrics.Select(m => new MetricWriteRow(m.Id, m.TargetId, m.Name, m.Unit, m.Value, m.Target, m.Direction, write.NextSeq())).ToList(), ct);
        await WriteJourneyManagementAsync(write, c, replacing, ct);
        await WriteCostsAsync(write, c, replacing, ct);
    }

    /// <summary>
    /// Replacing: the transaction has just deleted every journey, person, team and role, so nodes are created (no
    /// MERGE against the transaction's own changes) and links are only added, each end found through its id index.
    /// </summary>
    private static async Task CreateOrgAsync(WriteTransaction write, WorkspaceChangeSet c, CancellationToken ct)
    {
        var journeys = c.UpsertJourneys;
        await write.RunBatchesAsync(nameof(CreateJourneys), CreateJourneys, "rows",
            journeys.Select(j => new JourneyWriteRow(j.Id, j.Name, j.Description, write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreatePhases), CreatePhases, "rows",
            journeys.SelectMany(j => j.Phases.Select((p, i) => new PhaseWriteRow(p.Id, j.Id, p.Name, i))).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreateSteps), CreateSteps, "rows",
            journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps.Select((s, i) => new StepWriteRow(s.Id, p.Id, s.Name, i)))).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreatePeople), CreatePeople, "rows",
            c.UpsertPeople.Select(p => new PersonWriteRow(p.Id, p.DisplayName, p.Mail, p.JobTitle, p.Department, null, null,
                p.AccountEnabled, p.UserPrincipalName, p.EmployeeId, p.EmployeeType, p.OfficeLocation, p.Source, write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreateTeams), CreateTeams, "rows",
            c.UpsertTeams.Select(t => new TeamWriteRow(t.Id, t.Name, t.ParentId, t.LeadId, t.Type, t.Description, t.Source, write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreateRoles), CreateRoles, "rows",
            c.UpsertRoles.Select(r => new RoleWriteRow(r.Id, r.Title, r.Family, r.Level, write.NextSeq())).ToList(), ct);

        // Every node exists now, so a reference to something listed later still links.
        await write.RunBatchesAsync(nameof(LinkJourneyParents), LinkJourneyParents, "rows",
            journeys.Where(j => j.ParentId is not null).Select(j => new ParentRow(j.Id, j.ParentId)).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkStepSubjourneys), LinkStepSubjourneys, "rows",
            journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps)).Where(s => s.SubjourneyId is not null)
                .Select(s => new SubjourneyRow(s.Id, s.SubjourneyId)).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreateReportingLines), CreateReportingLines, "rows",
            c.UpsertPeople.Where(p => p.ManagerId is not null).Select(p => new EdgeRow(p.Id, p.ManagerId!)).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreateRoleHolders), CreateRoleHolders, "rows",
            c.UpsertPeople.Where(p => p.RoleId is not null).Select(p => new EdgeRow(p.Id, p.RoleId!)).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreateTeamParents), CreateTeamParents, "rows",
            c.UpsertTeams.Where(t => t.ParentId is not null).Select(t => new EdgeRow(t.Id, t.ParentId!)).ToList(), ct);
        await write.RunBatchesAsync(nameof(CreateMemberships), CreateMemberships, "rows",
            c.UpsertTeams.SelectMany(t => t.Members.Select((m, i) => new MembershipWriteRow(t.Id, m.PersonId, m.Allocation, i))).ToList(), ct);
    }

    /// <summary>A change set: nodes are merged by id (an upsert keeps a node's position), then links are replaced.</summary>
    private static async Task UpsertOrgAsync(WriteTransaction write, WorkspaceChangeSet c, CancellationToken ct)
    {
        var journeys = c.UpsertJourneys;
        await write.RunBatchesAsync(nameof(UpsertJourneys), UpsertJourneys, "rows",
            journeys.Select(j => new JourneyWriteRow(j.Id, j.Name, j.Description, write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(UnlinkJourneyPhases), UnlinkJourneyPhases, "ids", journeys.Select(j => j.Id).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkPhases), LinkPhases, "rows",
            journeys.SelectMany(j => j.Phases.Select((p, i) => new PhaseWriteRow(p.Id, j.Id, p.Name, i))).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkSteps), LinkSteps, "rows",
            journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps.Select((s, i) => new StepWriteRow(s.Id, p.Id, s.Name, i)))).ToList(), ct);
        if (journeys.Count > 0)
        {
            await write.RunAsync(nameof(DeleteDetachedPhases), DeleteDetachedPhases, ct);
            await write.RunAsync(nameof(DeleteDetachedSteps), DeleteDetachedSteps, ct);
        }

        await write.RunBatchesAsync(nameof(UpsertPeople), UpsertPeople, "rows",
            c.UpsertPeople.Select(p => new PersonWriteRow(p.Id, p.DisplayName, p.Mail, p.JobTitle, p.Department, p.ManagerId, p.RoleId,
                p.AccountEnabled, p.UserPrincipalName, p.EmployeeId, p.EmployeeType, p.OfficeLocation, p.Source, write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(UpsertTeams), UpsertTeams, "rows",
            c.UpsertTeams.Select(t => new TeamWriteRow(t.Id, t.Name, t.ParentId, t.LeadId, t.Type, t.Description, t.Source, write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(UpsertRoles), UpsertRoles, "rows",
            c.UpsertRoles.Select(r => new RoleWriteRow(r.Id, r.Title, r.Family, r.Level, write.NextSeq())).ToList(), ct);

        // Second pass: every node of this change set exists now.
        await write.RunBatchesAsync(nameof(LinkJourneyParents), LinkJourneyParents, "rows",
            journeys.Select(j => new ParentRow(j.Id, j.ParentId)).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkStepSubjourneys), LinkStepSubjourneys, "rows",
            journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps)).Select(s => new SubjourneyRow(s.Id, s.SubjourneyId)).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkPeople), LinkPeople, "rows",
            c.UpsertPeople.Select(p => new PersonLinkRow(p.Id, p.ManagerId, p.RoleId)).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkTeamParents), LinkTeamParents, "rows",
            c.UpsertTeams.Select(t => new ParentRow(t.Id, t.ParentId)).ToList(), ct);
        await write.RunBatchesAsync(nameof(ClearMemberships), ClearMemberships, "ids", c.UpsertTeams.Select(t => t.Id).ToList(), ct);
        await write.RunBatchesAsync(nameof(AddMemberships), AddMemberships, "rows",
            c.UpsertTeams.SelectMany(t => t.Members.Select((m, i) => new MembershipWriteRow(t.Id, m.PersonId, m.Allocation, i))).ToList(), ct);
    }

    public async Task<IReadOnlyList<StoredScenario>> ListScenariosAsync(CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(ListScenarios), ListScenarios)], cancellationToken);
        return results[0].As<ScenarioRow>().Select(ToScenario).ToList();
    }

    public async Task<StoredScenario?> GetScenarioAsync(string id, CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(GetScenario), GetScenario, ("id", id))], cancellationToken);
        return results[0].As<ScenarioRow>().Select(ToScenario).FirstOrDefault();
    }

    public async Task<StoredScenario> SaveScenarioAsync(StoredScenario scenario, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _http.BeginAsync(cancellationToken);
        var locked = await transaction.RunAsync(
            [Statement(nameof(LockScenario), LockScenario, ("id", scenario.Id), ("createdAt", scenario.CreatedAt.ToString("O", CultureInfo.InvariantCulture)))],
            cancellationToken);
        var row = locked[0].Rows[0];
        long? storedVersion = row[0].GetInt64() is var v and > 0 ? v : null;
        ConcurrentChangeException.ThrowIfStale($"Scenario '{scenario.Id}'", expectedVersion, storedVersion);

        var saved = scenario with
        {
            Version = (storedVersion ?? 0) + 1,
            CreatedAt = DateTimeOffset.Parse(row[1].GetString()!, CultureInfo.InvariantCulture),
        };
        var previous = storedVersion is null ? null
            : (await transaction.RunAsync([Statement(nameof(GetScenario), GetScenario, ("id", scenario.Id))], cancellationToken))[0]
                .As<ScenarioRow>().Select(ToScenario).FirstOrDefault();
        await transaction.RunAsync(
        [
            Statement(nameof(WriteScenario), WriteScenario, ("id", saved.Id), ("name", saved.Name), ("status", saved.Status),
                ("document", saved.Document), ("author", saved.Author), ("updatedAt", saved.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)),
                ("updatedTicks", saved.UpdatedAt.UtcTicks), ("version", saved.Version), ("sharedWith", saved.SharedWith.ToArray())),
            AuditStatement(WorkspaceAudit.ForScenario(previous, saved)),
        ], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public async Task<bool> DeleteScenarioAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _http.BeginAsync(cancellationToken);
        var previous = (await transaction.RunAsync([Statement(nameof(GetScenario), GetScenario, ("id", id))], cancellationToken))[0]
            .As<ScenarioRow>().Select(ToScenario).FirstOrDefault();
        if (previous is null) return false;
        await transaction.RunAsync(
            [Statement(nameof(DeleteScenario), DeleteScenario, ("id", id)), AuditStatement(WorkspaceAudit.ForScenarioDelete(id, previous))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<string?> GetStateAsync(string key, CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(GetState), GetState, ("key", key))], cancellationToken);
        return results[0].Rows.Count == 0 ? null : results[0].Rows[0][0].GetString();
    }

    public async Task SetStateAsync(string key, string? value, CancellationToken cancellationToken = default) =>
        await _http.RunAsync([value is null
            ? Statement(nameof(Neo4jCypher.DeleteState), Neo4jCypher.DeleteState, ("keys", new[] { key }))
            : Statement(nameof(SetState), SetState, ("rows", new[] { new StateRow(key, value) }))], cancellationToken);

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> ListStateAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(ListState), ListState, ("prefix", prefix))], cancellationToken);
        // Ordinal, as SQLite orders text: Neo4j's own string order may differ outside ASCII.
        return results[0].Rows.Select(r => KeyValuePair.Create(r[0].GetString()!, r[1].GetString()!))
            .OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _http.BeginAsync(cancellationToken);
        var key = LeaseKey(name);
        var locked = await transaction.RunAsync([Statement(nameof(LockState), LockState, ("key", key))], cancellationToken);
        var current = locked[0].Rows[0][0] is { ValueKind: System.Text.Json.JsonValueKind.String } text ? text.GetString() : null;
        var now = DateTimeOffset.UtcNow;
        if (current is not null && Lease.Parse(current) is { } lease && lease.Holder != holder && lease.ExpiresAt > now)
            return false; // disposing rolls back, so a lock node created just now goes again
        await transaction.RunAsync([Statement(nameof(SetState), SetState, ("rows", new[] { new StateRow(key, new Lease(holder, now + duration).ToString()) }))],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _http.BeginAsync(cancellationToken);
        var key = LeaseKey(name);
        var locked = await transaction.RunAsync([Statement(nameof(LockState), LockState, ("key", key))], cancellationToken);
        var current = locked[0].Rows[0][0] is { ValueKind: System.Text.Json.JsonValueKind.String } text ? text.GetString() : null;
        if (current is null || Lease.Parse(current)?.Holder != holder) return;
        await transaction.RunAsync([Statement(nameof(Neo4jCypher.DeleteState), Neo4jCypher.DeleteState, ("keys", new[] { key }))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static string LeaseKey(string name) => "lease." + name;

    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    internal static Neo4jStatement Statement(string name, string text, params (string Name, object? Value)[] parameters) =>
        new(name, text, parameters.ToDictionary(p => p.Name, p => p.Value));

    private static (long Revision, long Seq) RevisionOf(Neo4jResult result) =>
        result.Rows.Count == 0
            ? (0, 0)
            : (long.Parse(result.Rows[0][0].GetString() ?? "0", CultureInfo.InvariantCulture),
               result.Rows[0][1].ValueKind == System.Text.Json.JsonValueKind.Number ? result.Rows[0][1].GetInt64() : 0);

    private static async Task<WorkspaceCounts> CountAsync(WriteTransaction write, CancellationToken cancellationToken)
    {
        var row = (await write.QueryAsync(Statement(nameof(CountWorkspace), CountWorkspace), cancellationToken))[0].Rows[0];
        return new WorkspaceCounts(row[0].GetInt64(), row[1].GetInt64(), row[2].GetInt64(), row[3].GetInt64(), row[4].GetInt64(), row[5].GetInt64());
    }

    private static async Task<IReadOnlyDictionary<(string Kind, string Id), string>> PriorNamesAsync(
        WriteTransaction write, WorkspaceChangeSet changes, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var (kind, ids) in WorkspaceAudit.NamesToLookUp(changes))
        {
            if (ids.Count == 0) continue;
            var (name, text) = kind switch
            {
                WorkspaceAudit.Kinds.Journey => (nameof(PriorJourneyNames), PriorJourneyNames),
                WorkspaceAudit.Kinds.Person => (nameof(PriorPersonNames), PriorPersonNames),
                WorkspaceAudit.Kinds.Team => (nameof(PriorTeamNames), PriorTeamNames),
                WorkspaceAudit.Kinds.Role => (nameof(PriorRoleNames), PriorRoleNames),
                _ => (nameof(PriorMetricNames), PriorMetricNames),
            };
            var result = await write.QueryAsync(Statement(name, text, ("ids", ids.Distinct().ToArray())), cancellationToken);
            foreach (var row in result[0].Rows)
                if (row[1].ValueKind == System.Text.Json.JsonValueKind.String) names[(kind, row[0].GetString()!)] = row[1].GetString()!;
        }
        return names;
    }

    private async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var transaction = await _http.BeginAsync(cancellationToken);
        try
        {
            var results = await transaction.RunAsync(
            [
                Statement(nameof(LockWorkspace), LockWorkspace, ("key", RevisionKey)),
                Statement(nameof(ReadRevision), ReadRevision, ("key", RevisionKey)),
            ], cancellationToken);
            var (revision, seq) = RevisionOf(results[1]);
            return new WriteTransaction(transaction, revision, seq, FailBeforeStatement);
        }
        catch
        {
            await transaction.RollbackAsync();
            throw;
        }
    }

    private static StoredScenario ToScenario(ScenarioRow r) => new(
        r.Id, r.Name, r.Status, r.Document, r.Author,
        DateTimeOffset.Parse(r.CreatedAt, CultureInfo.InvariantCulture), DateTimeOffset.Parse(r.UpdatedAt, CultureInfo.InvariantCulture), r.Version)
    {
        SharedWith = r.SharedWith ?? [],
    };

    /// <summary>
    /// A write transaction that holds the workspace lock: hands out positions and bumps the revision at commit.
    /// Statements queue up and go to the server together, about <see cref="RowsPerRequest"/> rows per HTTP request,
    /// so an import makes a handful of round trips instead of one per statement; a read sends the queue before it.
    /// </summary>
    private sealed class WriteTransaction(Neo4jTransaction transaction, long revision, long seq, string? failBefore) : IAsyncDisposable
    {
        private readonly List<Neo4jStatement> _queued = [];
        private int _queuedRows;
        private long _seq = seq;

        public long Revision { get; } = revision;

        public long NextSeq() => _seq++;

        public Task RunAsync(string name, string text, CancellationToken ct) => QueueAsync(Statement(name, text), 1, ct);

        /// <summary>Sends the queue and then <paramref name="statement"/>, and returns that statement's rows (reads under the lock, the audit entry).</summary>
        public async Task<IReadOnlyList<Neo4jResult>> QueryAsync(Neo4jStatement statement, CancellationToken ct)
        {
            var results = await transaction.RunAsync([.. _queued, statement], ct);
            _queued.Clear();
            _queuedRows = 0;
            return [results[^1]];
        }

        /// <summary>Queues <paramref name="items"/> in <c>UNWIND</c> batches of <see cref="BatchSize"/> rows.</summary>
        public async Task RunBatchesAsync<T>(string name, string text, string parameter, IReadOnlyList<T> items, CancellationToken ct)
        {
            for (var start = 0; start < items.Count; start += BatchSize)
            {
                var count = Math.Min(BatchSize, items.Count - start);
                var batch = items is List<T> list ? list.GetRange(start, count) : items.Skip(start).Take(count).ToList();
                await QueueAsync(Statement(name, text, (parameter, batch)), count, ct);
            }
        }

        private async Task QueueAsync(Neo4jStatement statement, int rows, CancellationToken ct)
        {
            _queued.Add(Planned(statement));
            _queuedRows += rows;
            if (_queuedRows >= RowsPerRequest) await FlushAsync(ct);
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            if (_queued.Count == 0) return;
            await transaction.RunAsync(_queued.ToArray(), ct);
            _queued.Clear();
            _queuedRows = 0;
        }

        /// <summary>The statement as it is sent: the fault tests replace the one named to fail with one that does.</summary>
        private Neo4jStatement Planned(Neo4jStatement statement) =>
            statement.Name == failBefore ? Statement(nameof(FailOnPurpose), FailOnPurpose, ("ids", new[] { "x" })) : statement;

        /// <summary>
        /// Sends what is queued with the revision's change-log entry, then the new revision with the commit. The commit
        /// request carries only that small statement, so a connection lost while the data goes out is known to have saved nothing.
        /// </summary>
        public async Task<long> CommitAsync(string? changeLogEntry, CancellationToken ct)
        {
            var next = Revision + 1;
            await QueueAsync(Statement(nameof(LogChanges), LogChanges, ("revision", next), ("changes", changeLogEntry),
                ("kept", WorkspaceChangeLog.Kept)), 1, ct);
            await FlushAsync(ct);
            await transaction.CommitAsync([Statement(nameof(WriteRevision), WriteRevision, ("key", RevisionKey),
                ("value", next.ToString(CultureInfo.InvariantCulture)), ("seq", _seq))], ct);
            return next;
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    private sealed record JourneyRow(string Id, string Name, string? ParentId, string? Description);
    private sealed record PhaseRow(string Id, string JourneyId, string Name);
    private sealed record StepRow(string Id, string PhaseId, string Name, string? SubjourneyId);
    private sealed record PersonRow(string Id, string DisplayName, string? Mail, string? JobTitle, string? Department, string? ManagerId,
        string? RoleId, bool? AccountEnabled, string? UserPrincipalName, string? EmployeeId, string? EmployeeType, string? OfficeLocation, string? Source,
        long Seq);
    private sealed record PersonNode(string Id, string DisplayName, string? Mail, string? JobTitle, string? Department, bool? AccountEnabled,
        string? UserPrincipalName, string? EmployeeId, string? EmployeeType, string? OfficeLocation, string? Source, long Seq);
    private sealed record TeamRow(string Id, string Name, string? ParentId, string? LeadId, string? Type, string? Description, string? Source);
    private sealed record MembershipRow(string TeamId, string PersonId, double Allocation);
    private sealed record RoleRow(string Id, string Title, string? Family, string? Level);
    private sealed record OwnershipRow(string TeamId, string TargetId, string Kind);
    private sealed record MetricRow(string Id, string? TargetId, string Name, string? Unit, double? Value, double? Target, string? Direction);
    private sealed record ScenarioRow(string Id, string Name, string Status, string Document, string? Author, string CreatedAt, string UpdatedAt, long Version,
        IReadOnlyList<string>? SharedWith);

    private sealed record JourneyWriteRow(string Id, string Name, string Description, long Seq);
    private sealed record PhaseWriteRow(string Id, string JourneyId, string Name, int Order);
    private sealed record StepWriteRow(string Id, string PhaseId, string Name, int Order);
    private sealed record ParentRow(string Id, string? ParentId);
    private sealed record SubjourneyRow(string Id, string? SubjourneyId);
    private sealed record PersonWriteRow(string Id, string DisplayName, string? Mail, string? JobTitle, string? Department, string? ManagerId,
        string? RoleId, bool AccountEnabled, string? UserPrincipalName, string? EmployeeId, string? EmployeeType, string? OfficeLocation,
        string Source, long Seq);
    private sealed record PersonLinkRow(string Id, string? ManagerId, string? RoleId);
    private sealed record EdgeRow(string Id, string TargetId);
    private sealed record TeamWriteRow(string Id, string Name, string? ParentId, string? LeadId, string? Type, string? Description, string Source, long Seq);
    private sealed record MembershipWriteRow(string TeamId, string PersonId, double Allocation, int Order);
    private sealed record RoleWriteRow(string Id, string Title, string? Family, string? Level, long Seq);
    private sealed record OwnershipWriteRow(string TeamId, string TargetId, string Kind, long Seq);
    private sealed record OwnershipKeyRow(string TeamId, string TargetId);
    private sealed record MetricWriteRow(string Id, string TargetId, string Name, string? Unit, double? Value, double? Target, string? Direction, long Seq);
    private sealed record StateRow(string Key, string Value);
}
