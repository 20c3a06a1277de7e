using System.Diagnostics;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.DirectorySync;

namespace JourneyOrg.Tests.DirectorySync;

public sealed class DirectorySyncTests : IAsyncLifetime
{
    private SyncTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await SyncTestBed.StartAsync();
        _bed.SeedBank();
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_first_sync_mirrors_people_managers_teams_and_nesting()
    {
        var pages = new List<SyncProgress>();
        var run = await _bed.SyncAsync(progress: new SynchronousProgress<SyncProgress>(pages.Add));

        Assert.Equal(SyncOutcomes.Succeeded, run.Outcome);
        Assert.Equal("full", run.Mode);
        var workspace = await _bed.WorkspaceAsync();
        Assert.Equal(13, workspace.People.Count);
        Assert.All(workspace.People, p => Assert.Equal(RecordSource.Entra, p.Source));
        var ana = await _bed.PersonAsync("u-ana");
        Assert.Equal(("Ana Lead", "u-ceo", "Head of Payments", "Retail", "u-ana@example.com", "Eu-ana", "HQ"),
            (ana.DisplayName, ana.ManagerId, ana.JobTitle, ana.Department, ana.UserPrincipalName, ana.EmployeeId, ana.OfficeLocation));
        Assert.False((await _bed.PersonAsync("u-cat")).AccountEnabled);

        // The manager outside the directory: the person stays, the line is empty, and the run says why.
        Assert.Null((await _bed.PersonAsync("u-dan")).ManagerId);
        Assert.Contains(run.Findings, f => f.Kind == SyncFindingKinds.MissingManager && f.SubjectId == "u-dan");

        Assert.Equal(["g-card", "g-pay", "g-plat", "g-retail"], workspace.Teams.Select(t => t.Id).Order());
        var payments = await _bed.TeamAsync("g-pay");
        Assert.Equal(("Payments", "Moves money", "g-retail", RecordSource.Entra), (payments.Name, payments.Description, payments.ParentId, payments.Source));
        Assert.Equal(9, (await _bed.TeamAsync("g-plat")).Members.Count);
        Assert.Equal([("g-pay", 0.5), ("g-plat", 0.5)], await _bed.MembershipsAsync("u-ben"));
        Assert.Equal([("g-pay", 1.0)], await _bed.MembershipsAsync("u-ana"));

        Assert.Equal(new SyncCounts { PeopleAdded = 13, TeamsAdded = 4, MembershipsAdded = 14 }, run.Counts);
        Assert.True(run.Pages >= 5 + 4, $"pages: {run.Pages}");
        Assert.Equal(run.Pages, pages.Count(p => p.Stage is "users" or "groups"));
        Assert.NotNull(await _bed.Store.GetStateAsync(SyncStateKeys.UsersDeltaLink));
        Assert.NotNull(await _bed.Store.GetStateAsync(SyncStateKeys.GroupsDeltaLink));
        var history = await SyncState.ListRunsAsync(_bed.Store);
        Assert.Equal(run with { }, history.Single(), new RunComparer());
    }

    [Fact]
    public async Task A_delta_round_applies_deletions_moves_new_managers_renames_and_new_nested_teams()
    {
        await SeedLocalWorkAsync();
        await _bed.SyncAsync();
        await _bed.Store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertOwnership = [new Ownership("g-plat", "j-pay", OwnershipKind.Contributing), new Ownership("g-pay", "j-pay", OwnershipKind.Accountable)],
            UpsertTeams = [new Team("t-guild", "Guild", null, "u-ben", null, [new("u-ana", 0.1), new("u-ben", 0.1), new("x-local", 1.0)])],
        }, null);
        var t = _bed.Tenant;
        t.DeleteUser("u-ben");
        t.RemoveMember("g-pay", "u-ana");
        t.AddMember("g-card", "u-ana");
        t.SetUser("u-dan", "manager", "u-ana");
        t.SetUser("u-p1", "jobTitle", "Staff Engineer");
        t.RenameGroup("g-card", "Team - Card Services");
        t.AddGroup("g-fraud", "Team - Fraud");
        t.AddMember("g-fraud", "u-p2");
        t.AddMember("g-card", "g-fraud", isGroup: true);
        t.DeleteGroup("g-plat");

        var run = await _bed.SyncAsync();

        Assert.Equal(SyncOutcomes.Succeeded, run.Outcome);
        Assert.Equal("delta", run.Mode);
        var workspace = await _bed.WorkspaceAsync();
        Assert.DoesNotContain(workspace.People, p => p.Id == "u-ben");
        Assert.DoesNotContain(workspace.Teams.SelectMany(t => t.Members), m => m.PersonId == "u-ben");
        Assert.Equal([("g-card", 1.0), ("t-guild", 0.1)], await _bed.MembershipsAsync("u-ana"));
        Assert.Equal("u-ana", (await _bed.PersonAsync("u-dan")).ManagerId);
        Assert.DoesNotContain(run.Findings, f => f.Kind == SyncFindingKinds.MissingManager && f.SubjectId == "u-dan");
        var p1 = await _bed.PersonAsync("u-p1");
        Assert.Equal(("Staff Engineer", "Platform Person 1", "u-ceo"), (p1.JobTitle, p1.DisplayName, p1.ManagerId));
        Assert.Equal("Card Services", (await _bed.TeamAsync("g-card")).Name);
        Assert.Equal("g-card", (await _bed.TeamAsync("g-fraud")).ParentId);
        Assert.Equal([("g-fraud", 1.0)], await _bed.MembershipsAsync("u-p2"));

        // The removed team's ownership is kept aside and reported; the other team's edge and the journey are untouched.
        Assert.DoesNotContain(workspace.Teams, t => t.Id == "g-plat");
        Assert.Equal([new Ownership("g-pay", "j-pay", OwnershipKind.Accountable)], workspace.Ownership);
        var aside = Assert.Single(await SyncState.ListSetAsideOwnershipAsync(_bed.Store));
        Assert.Equal(("g-plat", "Platform", "j-pay", "contributing"), (aside.TeamId, aside.TeamName, aside.Edges.Single().TargetId, aside.Edges.Single().Kind));
        Assert.Equal(1, run.Counts.OwnershipSetAside);
        Assert.Contains(run.Findings, f => f.Kind == SyncFindingKinds.OwnershipSetAside && f.SubjectId == "g-plat");
        Assert.Equal(1, run.Counts.PeopleRemoved);
        Assert.Equal(1, run.Counts.TeamsRemoved);
        Assert.Equal(1, run.Counts.TeamsAdded);

        // Local records: kept, except the reference to the person who left.
        Assert.Single(workspace.Journeys);
        var guild = workspace.Teams.Single(t => t.Id == "t-guild");
        Assert.Equal((RecordSource.Local, null, "u-ana,x-local"), (guild.Source, guild.LeadId, string.Join(",", guild.Members.Select(m => m.PersonId).Order())));
        Assert.Contains(workspace.People, p => p.Id == "x-local" && p.Source == RecordSource.Local);
        Assert.Contains(run.Findings, f => f.Kind == SyncFindingKinds.LocalReferenceCleared && f.SubjectId == "t-guild");
    }

    [Fact]
    public async Task A_restored_group_gets_its_set_aside_ownership_back()
    {
        await SeedLocalWorkAsync();
        await _bed.SyncAsync();
        await _bed.Store.ApplyAsync(new WorkspaceChangeSet { UpsertOwnership = [new Ownership("g-card", "j-pay", OwnershipKind.Accountable)] }, null);
        _bed.Tenant.DeleteGroup("g-card", reason: "changed");
        await _bed.SyncAsync();
        Assert.Empty((await _bed.WorkspaceAsync()).Ownership);

        var group = _bed.Tenant.Group("g-card");
        group.Deleted = false;
        _bed.Tenant.RenameGroup("g-card", "Team - Cards");
        _bed.Tenant.AddMember("g-card", "u-dan");
        var run = await _bed.SyncAsync();

        Assert.Equal([new Ownership("g-card", "j-pay", OwnershipKind.Accountable)], (await _bed.WorkspaceAsync()).Ownership);
        Assert.Equal(1, run.Counts.OwnershipRestored);
        Assert.Empty(await SyncState.ListSetAsideOwnershipAsync(_bed.Store));
    }

    [Fact]
    public async Task Running_the_same_delta_again_changes_nothing()
    {
        await _bed.SyncAsync();
        var revision = (await _bed.Store.LoadAsync()).Revision;
        var run = await _bed.SyncAsync();
        Assert.Equal(SyncOutcomes.Succeeded, run.Outcome);
        Assert.Equal(new SyncCounts(), run.Counts);

        // A full read of the same tenant finds nothing to change either.
        var full = await _bed.SyncAsync(full: true);
        Assert.Equal(new SyncCounts(), full.Counts);
        Assert.Equal("full", full.Mode);
        Assert.Equal(13, (await _bed.WorkspaceAsync()).People.Count);
        Assert.True((await _bed.Store.LoadAsync()).Revision > revision);
    }

    [Fact]
    public async Task Throttling_is_waited_out_and_counted()
    {
        _bed.Graph.Faults.Add(new("users", 1, 429, RetryAfterSeconds: 1));
        _bed.Graph.Faults.Add(new("groups", 0, 503));
        var clock = Stopwatch.StartNew();

        var run = await _bed.SyncAsync();

        Assert.Equal(SyncOutcomes.Succeeded, run.Outcome);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "Retry-After was not honoured");
        Assert.Equal(2, run.ThrottlingEvents);
        Assert.Equal(2, run.Retries);
        Assert.Equal(13, (await _bed.WorkspaceAsync()).People.Count);
    }

    [Fact]
    public async Task An_expired_delta_link_falls_back_to_a_full_sync()
    {
        await _bed.SyncAsync();
        _bed.Tenant.DeleteUser("u-p8");
        _bed.Tenant.SetUser("u-p7", "department", "Cards");
        _bed.Graph.ExpireTokensBefore = _bed.Tenant.Sequence + 1;

        var run = await _bed.SyncAsync();

        Assert.Equal(SyncOutcomes.Succeeded, run.Outcome);
        Assert.Equal("full", run.Mode);
        Assert.Equal(2, run.Resyncs);
        var workspace = await _bed.WorkspaceAsync();
        Assert.DoesNotContain(workspace.People, p => p.Id == "u-p8");
        Assert.Equal("Cards", (await _bed.PersonAsync("u-p7")).Department);
        Assert.Equal(new SyncCounts { PeopleUpdated = 1, PeopleRemoved = 1, TeamsUpdated = 1 }, run.Counts);
    }

    [Fact]
    public async Task A_run_failing_on_page_3_of_5_leaves_the_store_as_it_was_and_the_next_run_completes()
    {
        _bed.Graph.Faults.Add(new("users", 2, 500, Times: -1));

        var failed = await _bed.SyncAsync();

        Assert.Equal(SyncOutcomes.Failed, failed.Outcome);
        Assert.Contains("500", failed.Error);
        Assert.True(await _bed.Store.IsEmptyAsync());
        Assert.Null(await _bed.Store.GetStateAsync(SyncStateKeys.UsersDeltaLink));
        Assert.Equal(SyncOutcomes.Failed, (await SyncState.ListRunsAsync(_bed.Store)).Single().Outcome);

        _bed.Graph.Faults.Clear();
        var run = await _bed.SyncAsync();

        Assert.Equal(SyncOutcomes.Succeeded, run.Outcome);
        Assert.Equal(13, (await _bed.WorkspaceAsync()).People.Count);
        Assert.Equal(2, (await SyncState.ListRunsAsync(_bed.Store)).Count);
    }

    [Fact]
    public async Task A_delta_run_failing_half_way_is_replayed_whole_by_the_next_run()
    {
        await _bed.SyncAsync();
        var before = await _bed.Store.LoadAsync();
        var links = await _bed.Store.GetStateAsync(SyncStateKeys.UsersDeltaLink);
        for (var i = 1; i <= 7; i++) _bed.Tenant.SetUser($"u-p{i}", "jobTitle", "Principal");
        _bed.Graph.Faults.Add(new("users", 2, 500, Times: -1));

        var failed = await _bed.SyncAsync();

        Assert.Equal(SyncOutcomes.Failed, failed.Outcome);
        var after = await _bed.Store.LoadAsync();
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(links, await _bed.Store.GetStateAsync(SyncStateKeys.UsersDeltaLink));
        Assert.All(after.Workspace.People.Where(p => p.Id.StartsWith("u-p")), p => Assert.Equal("Engineer", p.JobTitle));

        _bed.Graph.Faults.Clear();
        var run = await _bed.SyncAsync();
        Assert.Equal(7, run.Counts.PeopleUpdated);
        Assert.Equal(7, (await _bed.WorkspaceAsync()).People.Count(p => p.JobTitle == "Principal"));
    }

    [Fact]
    public async Task A_local_allocation_override_survives_syncs()
    {
        await SyncState.SetAllocationOverrideAsync(_bed.Store, "u-ben", "g-pay", 0.8);
        await _bed.SyncAsync();
        Assert.Equal([("g-pay", 0.8), ("g-plat", 0.5)], await _bed.MembershipsAsync("u-ben"));

        _bed.Tenant.AddMember("g-card", "u-ben");
        await _bed.SyncAsync();
        Assert.Equal([("g-card", 1.0 / 3), ("g-pay", 0.8), ("g-plat", 1.0 / 3)], await _bed.MembershipsAsync("u-ben"));
    }

    [Fact]
    public async Task Teams_can_come_from_departments_instead_of_groups()
    {
        _bed.Options = _bed.Options with { TeamSource = TeamSources.Department };
        var run = await _bed.SyncAsync();

        var teams = (await _bed.WorkspaceAsync()).Teams;
        Assert.Equal(["Board", "Cards", "Platform", "Retail"], teams.Select(t => t.Name).Order());
        Assert.Equal(8, teams.Single(t => t.Name == "Platform").Members.Count);
        Assert.Null(await _bed.Store.GetStateAsync(SyncStateKeys.GroupsDeltaLink));
        Assert.DoesNotContain(_bed.Graph.Log, l => l.StartsWith("groups"));
        Assert.Equal(4, run.Counts.TeamsAdded);
    }

    [Fact]
    public async Task Changing_the_team_selection_forces_a_full_sync_and_switches_the_teams()
    {
        await _bed.SyncAsync();
        _bed.Options = _bed.Options with { GroupSelection = GroupSelections.Ids, GroupIds = ["g-all"] };
        var run = await _bed.SyncAsync();

        Assert.Equal("full", run.Mode);
        var team = Assert.Single((await _bed.WorkspaceAsync()).Teams);
        Assert.Equal(("g-all", "All staff", 13), (team.Id, team.Name, team.Members.Count));
    }

    [Fact]
    public async Task A_group_renamed_into_the_prefix_becomes_a_team_with_all_its_members()
    {
        await _bed.SyncAsync();
        _bed.Tenant.AddGroup("g-risk", "Risk");
        _bed.Tenant.AddMember("g-risk", "u-p3");
        _bed.Tenant.AddMember("g-risk", "u-p4");
        _bed.Tenant.AddMember("g-retail", "g-risk", isGroup: true);
        await _bed.SyncAsync();
        Assert.DoesNotContain((await _bed.WorkspaceAsync()).Teams, t => t.Id == "g-risk");

        _bed.Tenant.RenameGroup("g-risk", "Team - Risk");
        await _bed.SyncAsync();

        var risk = await _bed.TeamAsync("g-risk");
        Assert.Equal(("Risk", "g-retail", 2), (risk.Name, risk.ParentId, risk.Members.Count));
    }

    [Fact]
    public async Task A_reporting_cycle_in_Entra_is_cut_and_reported()
    {
        _bed.Tenant.SetUser("u-ceo", "manager", "u-ben");
        var run = await _bed.SyncAsync();

        Assert.Equal(SyncOutcomes.Succeeded, run.Outcome);
        var finding = Assert.Single(run.Findings, f => f.Kind == SyncFindingKinds.ReportingCycle);
        Assert.Equal("u-ana", finding.SubjectId);
        Assert.Null((await _bed.PersonAsync("u-ana")).ManagerId);
    }

    [Fact]
    public async Task Only_one_sync_runs_at_a_time_across_instances()
    {
        Assert.True(await _bed.Store.TryAcquireLeaseAsync(SyncStateKeys.LeaseName, "other-instance", TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<SyncAlreadyRunningException>(() => _bed.SyncAsync());
        await _bed.Store.ReleaseLeaseAsync(SyncStateKeys.LeaseName, "other-instance");
        Assert.Equal(SyncOutcomes.Succeeded, (await _bed.SyncAsync()).Outcome);
    }

    [Fact]
    public async Task Missing_credentials_are_reported_before_anything_runs()
    {
        var runner = new DirectorySyncRunner(_bed.Store, _bed.Store, _bed.Options);
        var error = await Assert.ThrowsAsync<DirectorySyncConfigurationException>(() => runner.RunAsync(new SyncRequest("test")));
        Assert.Contains("Credential:Kind", error.Message);
        Assert.Empty(await SyncState.ListRunsAsync(_bed.Store));
    }

    /// <summary>A journey owned by nobody yet, a local person and a local team led by a synced person.</summary>
    private async Task SeedLocalWorkAsync() =>
        await _bed.Store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertJourneys = [new Journey("j-pay", "Pay a bill", null, "", [new Phase("p-pay", "Pay", [])])],
            UpsertPeople = [new Person("x-local", "Lou Local", null, null, null, null, null, true)],
        }, null);

    private sealed class RunComparer : IEqualityComparer<SyncRun>
    {
        public bool Equals(SyncRun? x, SyncRun? y) => x?.ToJson() == y?.ToJson();
        public int GetHashCode(SyncRun obj) => 0;
    }
}

/// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
