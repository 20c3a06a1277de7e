using System.Text.Json;
using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Storage;

/// <summary>
/// What every store must do, whatever it is built on. Each store runs this suite through a sealed subclass
/// that supplies a fresh, empty, initialized store. Tests are <see cref="StoreFactAttribute"/>s so that a backend that is
/// not available here (a Neo4j server) is reported as skipped, not passed.
/// </summary>
public abstract partial class WorkspaceStoreContract
{
    /// <summary>A new, empty store that no other test uses.</summary>
    protected abstract Task<IStore> CreateStoreAsync();

    protected static Workspace SmallWorkspace() => new(
        Journeys:
        [
            new Journey("j-life", "Customer lifecycle", null, "", []),
            new Journey("j-id", "Online identification", null, "Reusable", [
                new Phase("p-id-check", "Check", [new Step("s-id-scan", "Scan ID", null), new Step("s-id-selfie", "Selfie", null)]),
            ]),
            new Journey("j-loan", "Get a loan", "j-life", "Borrow money", [
                new Phase("p-loan-apply", "Apply", [new Step("s-loan-form", "Fill in form", null), new Step("s-loan-id", "Verify identity", "j-id")]),
                new Phase("p-loan-decide", "Decide", []),
            ]),
        ],
        People:
        [
            new Person("u-1", "Ada Park", "ada@example.com", "Head of lending", "Lending", null, "r-lead", true),
            new Person("u-2", "Bo Chen", null, null, null, "u-1", null, true),
            new Person("u-3", "Cy Diaz", null, null, null, "u-1", null, false, "cy@example.com", "E3", "Employee", "Oslo", RecordSource.Entra),
        ],
        Teams:
        [
            new Team("t-lending", "Lending", null, "u-1", "stream-aligned", [new Membership("u-1", 1.0)]),
            new Team("t-loans", "Loans squad", "t-lending", "u-2", null, [new Membership("u-2", 0.5), new Membership("u-3", 1.0)], "Loan origination"),
        ],
        Roles: [new Role("r-lead", "Product lead", "Product", "L6")],
        Ownership:
        [
            new Ownership("t-lending", "j-loan", OwnershipKind.Accountable),
            new Ownership("t-loans", "p-loan-apply", OwnershipKind.Contributing),
        ],
        Metrics: [new Metric("m-1", "p-loan-apply", "Drop-off", "%", 31.0, 20.0, "lower")]);

    protected static string Canonical(Workspace workspace) => JsonSerializer.Serialize(workspace);

    [StoreFact]
    public async Task A_new_store_is_empty()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.IsEmptyAsync());
        Assert.Equal(Canonical(Workspace.Empty), Canonical((await store.LoadAsync()).Workspace));
    }

    [StoreFact]
    public async Task Initializing_twice_keeps_the_data()
    {
        var store = await CreateStoreAsync();
        await store.ReplaceAsync(SmallWorkspace());
        await store.InitializeAsync();
        Assert.Equal(Canonical(SmallWorkspace()), Canonical((await store.LoadAsync()).Workspace));
    }

    [StoreFact]
    public async Task Replaced_workspace_loads_back_identical_in_order()
    {
        var store = await CreateStoreAsync();
        await store.ReplaceAsync(SmallWorkspace());
        Assert.False(await store.IsEmptyAsync());
        Assert.Equal(Canonical(SmallWorkspace()), Canonical((await store.LoadAsync()).Workspace));

        var smaller = SmallWorkspace() with { Metrics = [], Teams = [SmallWorkspace().Teams[0]], Ownership = [] };
        await store.ReplaceAsync(smaller);
        Assert.Equal(Canonical(smaller), Canonical((await store.LoadAsync()).Workspace));
    }

    [StoreFact]
    public async Task Every_write_moves_the_revision_on()
    {
        var store = await CreateStoreAsync();
        var first = await store.ReplaceAsync(SmallWorkspace());
        var second = await store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-x", "X", null, null)] }, first);
        Assert.True(second > first);
        Assert.Equal(second, (await store.LoadAsync()).Revision);
        Assert.Equal(second, await store.GetRevisionAsync());
    }

    [StoreFact]
    public async Task Applied_changes_upsert_and_delete_by_id_and_keep_positions()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        await store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertPeople = [new Person("u-2", "Bo Chen-Li", "bo@example.com", null, null, "u-1", "r-lead", true), new Person("u-4", "Dee", null, null, null, null, null, true)],
            DeletePeople = ["u-3"],
            UpsertTeams = [new Team("t-loans", "Loans", "t-lending", "u-2", "stream-aligned", [new Membership("u-4", 0.25), new Membership("u-2", 1.0)])],
            // Phases swap places, one loses its steps and one gains a step; ownership of the kept phase survives.
            UpsertJourneys = [new Journey("j-loan", "Borrow", "j-life", "", [
                new Phase("p-loan-decide", "Decide", [new Step("s-loan-decision", "Get decision", null)]),
                new Phase("p-loan-apply", "Apply", [])])],
            UpsertOwnership = [new Ownership("t-loans", "p-loan-apply", OwnershipKind.Accountable), new Ownership("t-loans", "s-loan-decision", OwnershipKind.Accountable)],
            DeleteOwnership = [new OwnershipKey("t-lending", "j-loan")],
            DeleteMetrics = ["m-1"],
        }, revision);

        var loaded = (await store.LoadAsync()).Workspace;
        Assert.Equal(["u-1", "u-2", "u-4"], loaded.People.Select(p => p.Id));
        Assert.Equal("Bo Chen-Li", loaded.People[1].DisplayName);
        var loans = loaded.Teams.Single(t => t.Id == "t-loans");
        Assert.Equal("Loans", loans.Name);
        Assert.Equal([new Membership("u-4", 0.25), new Membership("u-2", 1.0)], loans.Members);
        Assert.Equal(["j-life", "j-id", "j-loan"], loaded.Journeys.Select(j => j.Id));
        var loan = loaded.Journeys[2];
        Assert.Equal("Borrow", loan.Name);
        Assert.Equal(["p-loan-decide", "p-loan-apply"], loan.Phases.Select(p => p.Id));
        Assert.Equal(["s-loan-decision"], loan.Phases[0].Steps.Select(s => s.Id));
        Assert.Empty(loan.Phases[1].Steps);
        Assert.Equal(
            [new Ownership("t-loans", "p-loan-apply", OwnershipKind.Accountable), new Ownership("t-loans", "s-loan-decision", OwnershipKind.Accountable)],
            loaded.Ownership.OrderBy(o => o.TargetId));
        Assert.Empty(loaded.Metrics);
    }

    [StoreFact]
    public async Task Deleting_a_team_removes_its_memberships_and_ownership()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        // The team under it moves up in the same write: a team may not stay under one that is gone.
        await store.ApplyAsync(new WorkspaceChangeSet { DeleteTeams = ["t-lending"], UpsertTeams = [SmallWorkspace().Teams[1] with { ParentId = null }] }, revision);
        var loaded = (await store.LoadAsync()).Workspace;
        Assert.Equal(["t-loans"], loaded.Teams.Select(t => t.Id));
        Assert.DoesNotContain(loaded.Ownership, o => o.TeamId == "t-lending");
    }

    [StoreFact]
    public async Task A_stale_revision_is_refused_and_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        await store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-a", "A", null, null)] }, revision);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() =>
            store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-b", "B", null, null)] }, revision));
        Assert.DoesNotContain((await store.LoadAsync()).Workspace.Roles, r => r.Id == "r-b");
    }

    [StoreFact]
    public async Task Two_concurrent_writers_lose_no_update()
    {
        var store = await CreateStoreAsync();
        await store.ReplaceAsync(SmallWorkspace());

        // Each writer reads, adds its own role, and retries when the other got in first: both roles must survive.
        async Task AddRoleWithRetries(string id)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var snapshot = await store.LoadAsync();
                var change = new WorkspaceChangeSet { UpsertRoles = [new Role(id, id, null, null)] };
                try { await store.ApplyAsync(change, snapshot.Revision); return; }
                catch (ConcurrentChangeException) { await Task.Yield(); }
            }
            throw new InvalidOperationException("gave up");
        }

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => AddRoleWithRetries($"r-writer-{i}"))));
        var roles = (await store.LoadAsync()).Workspace.Roles.Select(r => r.Id).ToHashSet();
        for (var i = 0; i < 10; i++) Assert.Contains($"r-writer-{i}", roles);
    }

    [StoreFact]
    public async Task State_is_written_with_the_changes_it_belongs_to()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        await store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertPeople = [new Person("u-9", "New", null, null, null, null, null, true, Source: RecordSource.Entra)],
            State = new Dictionary<string, string?> { ["sync.users.deltaLink"] = "https://graph/delta?token=1" },
        }, revision);
        Assert.Equal("https://graph/delta?token=1", await store.GetStateAsync("sync.users.deltaLink"));

        var failed = await Record.ExceptionAsync(() => store.ApplyAsync(new WorkspaceChangeSet
        {
            State = new Dictionary<string, string?> { ["sync.users.deltaLink"] = "https://graph/delta?token=2" },
        }, revision));
        Assert.IsType<ConcurrentChangeException>(failed);
        Assert.Equal("https://graph/delta?token=1", await store.GetStateAsync("sync.users.deltaLink"));

        await store.ApplyAsync(new WorkspaceChangeSet { State = new Dictionary<string, string?> { ["sync.users.deltaLink"] = null } }, null);
        Assert.Null(await store.GetStateAsync("sync.users.deltaLink"));
    }

    [StoreFact]
    public async Task Scenarios_are_stored_versioned_and_deleted()
    {
        var store = await CreateStoreAsync();
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var created = await store.SaveScenarioAsync(
            new StoredScenario("sc-1", "Merge cards", ScenarioStatus.Draft, """{"name":"Merge cards","operations":[]}""", "ada", now, now, 0), null);
        Assert.Equal(1, created.Version);

        var updated = await store.SaveScenarioAsync(created with { Status = ScenarioStatus.Proposed, UpdatedAt = now.AddHours(1) }, created.Version);
        Assert.Equal(2, updated.Version);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() => store.SaveScenarioAsync(created with { Name = "Stale" }, created.Version));
        await Assert.ThrowsAsync<ConcurrentChangeException>(() => store.SaveScenarioAsync(created, null));

        var loaded = await store.GetScenarioAsync("sc-1");
        Assert.NotNull(loaded);
        Assert.Equal(ScenarioStatus.Proposed, loaded.Status);
        Assert.Equal("""{"name":"Merge cards","operations":[]}""", loaded.Document);
        Assert.Equal(now, loaded.CreatedAt);
        Assert.Equal(["sc-1"], (await store.ListScenariosAsync()).Select(s => s.Id));

        Assert.True(await store.DeleteScenarioAsync("sc-1"));
        Assert.False(await store.DeleteScenarioAsync("sc-1"));
        Assert.Null(await store.GetScenarioAsync("sc-1"));
    }

    [StoreFact]
    public async Task Replacing_the_workspace_keeps_scenarios_and_state()
    {
        var store = await CreateStoreAsync();
        var now = DateTimeOffset.UtcNow;
        await store.SaveScenarioAsync(new StoredScenario("sc-keep", "Keep", ScenarioStatus.Draft, "{}", null, now, now, 0), null);
        await store.ApplyAsync(new WorkspaceChangeSet { State = new Dictionary<string, string?> { ["k"] = "v" } }, null);
        await store.ReplaceAsync(SmallWorkspace());
        Assert.NotNull(await store.GetScenarioAsync("sc-keep"));
        Assert.Equal("v", await store.GetStateAsync("k"));
    }

    [StoreFact]
    public async Task Names_with_markup_and_query_syntax_are_stored_verbatim()
    {
        var store = await CreateStoreAsync();
        const string hostileTeam = "'); MATCH (n) DETACH DELETE n //";
        const string hostilePerson = "<img src=x onerror=alert(1)>";
        var workspace = SmallWorkspace();
        workspace = workspace with
        {
            People = [workspace.People[0] with { DisplayName = hostilePerson }, .. workspace.People.Skip(1)],
            Teams = [workspace.Teams[0] with { Name = hostileTeam }, .. workspace.Teams.Skip(1)],
        };
        await store.ReplaceAsync(workspace);
        Assert.Equal(Canonical(workspace), Canonical((await store.LoadAsync()).Workspace));
    }

    [StoreFact]
    public async Task State_can_be_set_alone_and_listed_by_prefix_without_a_new_revision()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        await store.SetStateAsync("sync.run.0002", "{\"outcome\":\"failed\"}");
        await store.SetStateAsync("sync.run.0001", "{\"outcome\":\"succeeded\"}");
        await store.SetStateAsync("sync_run_x", "not in the prefix");
        Assert.Equal(["sync.run.0001", "sync.run.0002"], (await store.ListStateAsync("sync.run.")).Select(e => e.Key));
        Assert.Equal(revision, (await store.LoadAsync()).Revision);
        await store.SetStateAsync("sync.run.0001", null);
        Assert.Equal(["sync.run.0002"], (await store.ListStateAsync("sync.run.")).Select(e => e.Key));
    }

    [StoreFact]
    public async Task A_lease_is_held_by_one_holder_until_released_or_expired()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryAcquireLeaseAsync("sync", "app-a", TimeSpan.FromMinutes(5)));
        Assert.False(await store.TryAcquireLeaseAsync("sync", "app-b", TimeSpan.FromMinutes(5)));
        Assert.True(await store.TryAcquireLeaseAsync("sync", "app-a", TimeSpan.FromMinutes(5)));
        await store.ReleaseLeaseAsync("sync", "app-b");
        Assert.False(await store.TryAcquireLeaseAsync("sync", "app-b", TimeSpan.FromMinutes(5)));
        await store.ReleaseLeaseAsync("sync", "app-a");
        Assert.True(await store.TryAcquireLeaseAsync("sync", "app-b", TimeSpan.FromMilliseconds(1)));
        await Task.Delay(20);
        Assert.True(await store.TryAcquireLeaseAsync("sync", "app-c", TimeSpan.FromMinutes(5)));
    }

    // NaN is a value no store can keep (SQLite turns it into NULL, which the schema refuses; JSON has no NaN), and it sits
    // in the last list a store writes, so these writes fail half way, after everything before it went in.
    private static Workspace WithUnstorableAllocation(Workspace workspace) => workspace with
    {
        Teams = [.. workspace.Teams, new Team("t-broken", "Broken", null, null, null, [new Membership("u-1", double.NaN)])],
    };

    [StoreFact]
    public async Task A_replace_that_fails_half_way_leaves_the_store_as_it_was()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        var other = new Workspace([new Journey("j-other", "Other", null, "", [])], [new Person("u-1", "Someone else", null, null, null, null, null, true)],
            [], [], [], []);

        await Assert.ThrowsAnyAsync<Exception>(() => store.ReplaceAsync(WithUnstorableAllocation(other)));

        var after = await store.LoadAsync();
        Assert.Equal(Canonical(SmallWorkspace()), Canonical(after.Workspace));
        Assert.Equal(revision, after.Revision);
    }

    [StoreFact]
    public async Task Changes_that_fail_half_way_leave_the_store_as_it_was()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());

        await Assert.ThrowsAnyAsync<Exception>(() => store.ApplyAsync(new WorkspaceChangeSet
        {
            DeletePeople = ["u-3"],
            UpsertRoles = [new Role("r-new", "New", null, null)],
            UpsertTeams = [new Team("t-broken", "Broken", null, null, null, [new Membership("u-1", double.NaN)])],
            State = new Dictionary<string, string?> { ["sync.users.deltaLink"] = "never written" },
        }, revision));

        var after = await store.LoadAsync();
        Assert.Equal(Canonical(SmallWorkspace()), Canonical(after.Workspace));
        Assert.Equal(revision, after.Revision);
        Assert.Null(await store.GetStateAsync("sync.users.deltaLink"));
    }
}
