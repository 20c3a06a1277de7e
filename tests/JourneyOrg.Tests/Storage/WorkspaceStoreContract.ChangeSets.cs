using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Storage;

// One edit pipeline: what a store loads after a change set is exactly what WorkspaceChanges.ApplyTo says it is, so the
// editor can validate, and the screens' cache can move on with, the pure result instead of reading the store back.
public abstract partial class WorkspaceStoreContract
{
    private static readonly Dictionary<string, Func<Workspace, WorkspaceChangeSet>> ChangeSets = new()
    {
        ["people, teams, journeys, ownership and a metric"] = _ => new WorkspaceChangeSet
        {
            UpsertPeople = [new Person("u-2", "Bo Chen-Li", "bo@example.com", null, null, "u-1", "r-lead", true), new Person("u-4", "Dee", null, null, null, null, null, true)],
            DeletePeople = ["u-3"],
            UpsertTeams = [new Team("t-loans", "Loans", "t-lending", "u-2", "stream-aligned", [new Membership("u-4", 0.25), new Membership("u-2", 1.0)])],
            UpsertJourneys = [new Journey("j-loan", "Borrow", "j-life", "", [
                new Phase("p-loan-decide", "Decide", [new Step("s-loan-decision", "Get decision", null)]),
                new Phase("p-loan-apply", "Apply", [])])],
            UpsertOwnership = [new Ownership("t-loans", "p-loan-apply", OwnershipKind.Accountable), new Ownership("t-loans", "s-loan-decision", OwnershipKind.Accountable)],
            DeleteOwnership = [new OwnershipKey("t-lending", "j-loan")],
            DeleteMetrics = ["m-1"],
        },
        // Only valid edits reach a store (the editor checks the result first), so no change set leaves a reference dangling.
        ["a deleted person leaves the teams they were in"] = _ => new WorkspaceChangeSet { DeletePeople = ["u-3"] },
        ["a deleted team takes its ownership along"] = _ => new WorkspaceChangeSet { DeleteTeams = ["t-loans"] },
        ["a new role and a changed kind of ownership"] = _ => new WorkspaceChangeSet
        {
            UpsertRoles = [new Role("r-eng", "Engineer", "Engineering", "L4")],
            UpsertOwnership = [new Ownership("t-loans", "p-loan-apply", OwnershipKind.Accountable)],
        },
        ["people cost: a new, a changed and a removed cost, the currency, and a departing person's cost"] = _ => new WorkspaceChangeSet
        {
            UpsertCosts = [new PersonCost("u-1", 91000), new PersonCost("u-2", 64000.5)],
            DeletePeople = ["u-3"],
            Currency = "NOK",
            UpsertRoles = [new Role("r-eng", "Engineer", "Engineering", "L4") { AnnualCost = 70000 }],
        },
        ["a deleted journey with what was on it"] = _ => new WorkspaceChangeSet
        {
            DeleteJourneys = ["j-loan"],
            DeleteOwnership = [new OwnershipKey("t-lending", "j-loan"), new OwnershipKey("t-loans", "p-loan-apply")],
            DeleteMetrics = ["m-1"],
        },
        ["journey management: records, people, teams and weights"] = w => new WorkspaceChangeSet
        {
            UpsertInsights = [w.Insights[0] with { Title = "Form far too long", StepIds = ["s-claim-id", "s-claim-form"] }],
            UpsertOpportunities = [new Opportunity("o-2", "Chat", "", null, "t-claims", 10, 20, 1) { TargetIds = ["p-claim-report"] }],
            DeleteSolutions = ["sol-1"],
            UpsertMetrics = [w.Metrics[1] with { TargetId = "s-claim-id", DataPoints = [new MetricDataPoint(new DateOnly(2024, 3, 31), [], 7)] }],
            DeletePeople = ["u-2"],
            DeleteTeams = ["t-motor"],
            Weights = new PrioritisationWeights(1, 3),
        },
        ["journey management: a deleted opportunity and a changed journey"] = w => new WorkspaceChangeSet
        {
            DeleteOpportunities = [w.Opportunities[0].Id],
            UpsertJourneys = [w.Journeys.First(j => j.Phases.Count > 0) is var j ? j with { Phases = j.Phases.Take(1).ToList() } : null!],
        },
    };

    private static Workspace StartFor(string name) =>
        name.StartsWith("journey management", StringComparison.Ordinal) ? JourneyWorkspace()
        : name.StartsWith("people cost", StringComparison.Ordinal) ? SmallWorkspace() with { Costs = [new PersonCost("u-1", 80000), new PersonCost("u-3", 50000)] }
        : SmallWorkspace();

    [StoreFact]
    public async Task What_a_store_loads_after_a_change_set_is_what_ApplyTo_gives()
    {
        foreach (var (name, build) in ChangeSets)
        {
            var store = await CreateStoreAsync();
            var before = StartFor(name);
            var revision = await store.ReplaceAsync(before);
            var changes = build(before);

            await store.ApplyAsync(changes, revision);

            var expected = Comparable(WorkspaceChanges.ApplyTo(before, changes));
            var loaded = Comparable((await store.LoadAsync()).Workspace);
            Assert.True(expected == loaded, $"{name}:\nApplyTo: {expected}\nstore:   {loaded}");
        }
    }

    [StoreFact]
    public async Task Another_process_applying_the_change_log_gets_what_the_store_loads()
    {
        foreach (var (name, build) in ChangeSets)
        {
            var store = await CreateStoreAsync();
            var before = StartFor(name);
            var revision = await store.ReplaceAsync(before);
            var changes = build(before) with { State = new Dictionary<string, string?> { ["directory.test"] = "kept out of the log" } };

            var written = await store.ApplyAsync(changes, revision);

            var since = await store.ChangesSinceAsync(revision);
            Assert.NotNull(since);
            Assert.Equal(written, since.Revision);
            var followed = Comparable(since.Changes.Aggregate(before, WorkspaceChanges.ApplyTo));
            var loaded = Comparable((await store.LoadAsync()).Workspace);
            Assert.True(followed == loaded, $"{name}:\nfollowed: {followed}\nstore:    {loaded}");
            Assert.Empty(Assert.Single(since.Changes).State);
        }
    }

    [StoreFact]
    public async Task The_change_log_says_nothing_it_cannot_vouch_for()
    {
        var store = await CreateStoreAsync();
        var start = await store.ReplaceAsync(SmallWorkspace());
        var renamed = await store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-lead", "Lead", "Product", "L6")] }, start);
        var added = await store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-new", "New", null, null)] }, renamed);

        Assert.Equal(["r-lead", "r-new"], (await store.ChangesSinceAsync(start))!.Changes.Select(c => c.UpsertRoles[0].Id));
        Assert.Equal((added, 0), ((await store.ChangesSinceAsync(added))!.Revision, (await store.ChangesSinceAsync(added))!.Changes.Count));
        // Nothing from before the replace that started it all, nor across a revision that is ahead of the store.
        Assert.Null(await store.ChangesSinceAsync(start - 1));
        Assert.Null(await store.ChangesSinceAsync(added + 1));

        // A change set too large to log (a first directory sync) stops followers: they load the store.
        var many = Enumerable.Range(0, WorkspaceChangeLog.MaxRecords + 1).Select(i => new Person($"u-many-{i}", $"Person {i}", null, null, null, null, null, true)).ToList();
        var large = await store.ApplyAsync(new WorkspaceChangeSet { UpsertPeople = many }, added);
        Assert.Null(await store.ChangesSinceAsync(added));
        var small = await store.ApplyAsync(new WorkspaceChangeSet { DeleteRoles = ["r-new"] }, large);
        Assert.Equal(small, (await store.ChangesSinceAsync(large))!.Revision);

        // A replace does too.
        var replaced = await store.ReplaceAsync(SmallWorkspace());
        Assert.Null(await store.ChangesSinceAsync(small));
        Assert.Empty((await store.ChangesSinceAsync(replaced))!.Changes);
    }

    [StoreFact]
    public async Task The_change_log_keeps_only_recent_revisions()
    {
        var store = await CreateStoreAsync();
        var start = await store.ReplaceAsync(SmallWorkspace());
        var revision = start;
        for (var i = 0; i <= WorkspaceChangeLog.Kept; i++)
            revision = await store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-lead", $"Lead {i}", null, null)] }, revision);

        Assert.Null(await store.ChangesSinceAsync(start));
        var recent = await store.ChangesSinceAsync(revision - WorkspaceChangeLog.Kept);
        Assert.Equal(WorkspaceChangeLog.Kept, recent!.Changes.Count);
        Assert.Equal($"Lead {WorkspaceChangeLog.Kept}", recent.Changes[^1].UpsertRoles[0].Title);
    }

    /// <summary>The workspace as JSON to compare, ownership edges sorted: they have no order of their own in a store.</summary>
    internal static string Comparable(Workspace workspace) =>
        WorkspaceWriter.ToJson(workspace with { Ownership = workspace.Ownership.OrderBy(o => o.TeamId, StringComparer.Ordinal).ThenBy(o => o.TargetId, StringComparer.Ordinal).ToList() });
}
