using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Storage;

/// <summary>Accounts, the audit log and scenario sharing: what every store must do for sign-in and accountability.</summary>
public abstract partial class WorkspaceStoreContract
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Account NewAccount(string userName, params string[] roles) =>
        new(userName, userName, roles, "hash", false, false, 0, null, Created, null, 0);

    private static IAccountStore Accounts(IStore store) => store;

    [StoreFact]
    public async Task Accounts_are_created_updated_and_versioned_each_with_its_audit_entry()
    {
        var store = await CreateStoreAsync();
        var accounts = Accounts(store);
        var created = await accounts.SaveAccountAsync(NewAccount("Ada", "Viewer", "HR"), null, AuditEntry.Now(AuditActions.AccountCreate, "ada", "created"));
        Assert.Equal("ada", created.UserName);
        Assert.Equal(1, created.Version);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() =>
            accounts.SaveAccountAsync(NewAccount("ADA"), null, AuditEntry.Now(AuditActions.AccountCreate, "ada", "again")));

        var locked = created with { FailedSignIns = 5, LockedUntil = Created.AddMinutes(15), Roles = ["Viewer"], Source = AccountSources.Entra };
        var updated = await accounts.SaveAccountAsync(locked, created.Version, AuditEntry.Now(AuditActions.AccountRoles, "ada", "Viewer, HR → Viewer"));
        Assert.Equal(2, updated.Version);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() =>
            accounts.SaveAccountAsync(created, created.Version, AuditEntry.Now(AuditActions.AccountUpdate, "ada", "stale")));

        var loaded = await accounts.GetAccountAsync("ADA");
        Assert.NotNull(loaded);
        Assert.Equal(["Viewer"], loaded.Roles);
        Assert.Equal(5, loaded.FailedSignIns);
        Assert.Equal(Created.AddMinutes(15), loaded.LockedUntil);
        Assert.Equal(AccountSources.Entra, loaded.Source);
        Assert.Equal(created.SecurityStamp, loaded.SecurityStamp);
        var ended = await accounts.SaveAccountAsync(loaded.EndingSessions(), loaded.Version, AuditEntry.Now(AuditActions.SignOut, "ada", "signed out"));
        Assert.NotEqual(created.SecurityStamp, (await accounts.GetAccountAsync("ada"))!.SecurityStamp);
        Assert.Equal(ended.SecurityStamp, (await accounts.GetAccountAsync("ada"))!.SecurityStamp);
        Assert.Equal(["ada"], (await accounts.ListAccountsAsync()).Select(a => a.UserName));

        var log = await accounts.ListAuditAsync(new AuditQuery(Action: "account."));
        Assert.Equal([AuditActions.SignOut, AuditActions.AccountRoles, AuditActions.AccountCreate], log.Select(e => e.Action));
        Assert.Equal("Viewer, HR → Viewer", log[1].Summary);
    }

    [StoreFact]
    public async Task Every_workspace_write_appends_an_audit_entry_by_the_ambient_actor_with_before_and_after()
    {
        var store = await CreateStoreAsync();
        using (AuditContext.Begin("ada", "POST /workspace/import", "corr-1"))
            await store.ReplaceAsync(SmallWorkspace());
        var revision = (await store.LoadAsync()).Revision;
        using (AuditContext.Begin("bo", "POST /teams/t-loans/rename", "corr-2"))
            await store.ApplyAsync(new WorkspaceChangeSet
            {
                UpsertTeams = [SmallWorkspace().Teams[1] with { Name = "Loans", Members = [SmallWorkspace().Teams[1].Members[0]] }],
                UpsertPeople = [new Person("u-9", "Nine", null, null, null, null, null, true)],
                DeletePeople = ["u-3"],
            }, revision);

        var log = await Accounts(store).ListAuditAsync(new AuditQuery());
        Assert.Equal(2, log.Count);
        var edit = log[0];
        Assert.Equal(("bo", AuditActions.WorkspaceEdit, "corr-2"), (edit.Actor, edit.Action, edit.CorrelationId));
        Assert.Contains("[POST /teams/t-loans/rename]", edit.Summary);
        Assert.Contains("~ t-loans 'Loans squad' → 'Loans'", edit.Summary);
        Assert.Contains("+ u-9 'Nine'", edit.Summary);
        Assert.Contains("− u-3 'Cy Diaz'", edit.Summary);
        var import = log[1];
        Assert.Equal(("ada", AuditActions.WorkspaceReplace), (import.Actor, import.Action));
        Assert.Contains("0 journeys, 0 people", import.Summary);
        Assert.Contains("3 journeys, 3 people, 2 teams", import.Summary);
        Assert.True(edit.Id > import.Id);
    }

    [StoreFact]
    public async Task A_write_that_fails_leaves_no_audit_entry()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        await store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-a", "A", null, null)] }, revision);
        var before = await Accounts(store).ListAuditAsync(new AuditQuery());

        await Assert.ThrowsAsync<ConcurrentChangeException>(() =>
            store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-b", "B", null, null)] }, revision));
        await Assert.ThrowsAnyAsync<Exception>(() => store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertTeams = [new Team("t-broken", "Broken", null, null, null, [new Membership("u-1", double.NaN)])],
        }, null));

        Assert.Equal(before.Select(e => e.Id), (await Accounts(store).ListAuditAsync(new AuditQuery())).Select(e => e.Id));
    }

    [StoreFact]
    public async Task Scenario_changes_are_audited_and_sharing_is_stored_with_the_scenario()
    {
        var store = await CreateStoreAsync();
        using var actor = AuditContext.Begin("ada");
        var created = await store.SaveScenarioAsync(
            new StoredScenario("sc-1", "Merge cards", ScenarioStatus.Draft, "{}", "ada", Created, Created, 0) { SharedWith = ["bo", "cy"] }, null);
        Assert.Equal(["bo", "cy"], created.SharedWith);
        var updated = await store.SaveScenarioAsync(created with { Status = ScenarioStatus.Proposed, SharedWith = ["cy"] }, created.Version);
        Assert.Equal(["cy"], (await store.GetScenarioAsync("sc-1"))!.SharedWith);
        Assert.Equal(["cy"], (await store.ListScenariosAsync()).Single().SharedWith);
        Assert.True(await store.DeleteScenarioAsync("sc-1"));

        var log = await Accounts(store).ListAuditAsync(new AuditQuery(Action: "scenario."));
        Assert.Equal([AuditActions.ScenarioDelete, AuditActions.ScenarioUpdate, AuditActions.ScenarioCreate], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal(("ada", "sc-1"), (e.Actor, e.Target)));
        Assert.Contains("status draft → proposed", log[1].Summary);
        Assert.Contains("shared with [bo, cy] → [cy]", log[1].Summary);
        Assert.Equal(2, updated.Version);
    }

    [StoreFact]
    public async Task The_audit_log_filters_by_actor_action_text_and_time()
    {
        var store = await CreateStoreAsync();
        var accounts = Accounts(store);
        await accounts.AppendAuditAsync(new AuditEntry(0, Created, "ada", AuditActions.SignIn, "ada", "signed in", null));
        await accounts.AppendAuditAsync(new AuditEntry(0, Created.AddHours(1), "bo", AuditActions.SignInFailed, "bo", "wrong password", null));
        await accounts.AppendAuditAsync(new AuditEntry(0, Created.AddHours(2), "ada", AuditActions.AccountRoles, "bo", "Viewer → Viewer, Planner", null));

        Assert.Equal(2, (await accounts.ListAuditAsync(new AuditQuery(Actor: "ADA"))).Count);
        Assert.Equal(["bo"], (await accounts.ListAuditAsync(new AuditQuery(Action: AuditActions.SignInFailed))).Select(e => e.Actor));
        Assert.Single(await accounts.ListAuditAsync(new AuditQuery(Text: "planner")));
        Assert.Equal([Created.AddHours(1)], (await accounts.ListAuditAsync(new AuditQuery(From: Created.AddMinutes(30), To: Created.AddHours(2)))).Select(e => e.At));
        Assert.Single(await accounts.ListAuditAsync(new AuditQuery(Limit: 1)));
    }

    [StoreFact]
    public async Task Hostile_names_from_a_sync_are_stored_verbatim_and_change_nothing_else()
    {
        const string hostileTeam = "'); MATCH (n) DETACH DELETE n //";
        const string hostilePerson = "<img src=x onerror=alert(1)>";
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        await Accounts(store).SaveAccountAsync(NewAccount("ada", "Admin"), null, AuditEntry.Now(AuditActions.AccountCreate, "ada", "created"));
        await store.SaveScenarioAsync(new StoredScenario("sc-keep", "Keep", ScenarioStatus.Draft, "{}", "ada", Created, Created, 0), null);
        await store.SetStateAsync("sync.users.deltaLink", "https://graph/delta?token=1");

        await store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertPeople = [new Person("u-x", hostilePerson, null, null, null, null, null, true, Source: RecordSource.Entra)],
            UpsertTeams = [new Team("t-x", hostileTeam, null, null, null, [new Membership("u-x", 1.0)], Source: RecordSource.Entra)],
        }, revision);

        var loaded = (await store.LoadAsync()).Workspace;
        Assert.Equal(hostilePerson, loaded.People.Single(p => p.Id == "u-x").DisplayName);
        Assert.Equal(hostileTeam, loaded.Teams.Single(t => t.Id == "t-x").Name);
        var expected = SmallWorkspace() with
        {
            People = [.. SmallWorkspace().People, loaded.People.Single(p => p.Id == "u-x")],
            Teams = [.. SmallWorkspace().Teams, loaded.Teams.Single(t => t.Id == "t-x")],
        };
        Assert.Equal(Canonical(expected), Canonical(loaded));
        Assert.NotNull(await Accounts(store).GetAccountAsync("ada"));
        Assert.NotNull(await store.GetScenarioAsync("sc-keep"));
        Assert.Equal("https://graph/delta?token=1", await store.GetStateAsync("sync.users.deltaLink"));
        var entry = (await Accounts(store).ListAuditAsync(new AuditQuery(Action: AuditActions.WorkspaceEdit))).Single();
        Assert.Contains(hostilePerson, entry.Summary);
        Assert.Contains(hostileTeam, entry.Summary);
    }
}
