using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Storage;

// Review defect 7: the stores differed on a reference that names nothing (Neo4j dropped the edge, SQLite kept the id).
// Both now refuse the whole write, naming the record, the field and the id; the store is as it was.
public abstract partial class WorkspaceStoreContract
{
    private static readonly Dictionary<string, (WorkspaceChangeSet Changes, string[] Named)> DanglingChangeSets = new()
    {
        ["a member who is nobody"] = (new WorkspaceChangeSet
        {
            UpsertTeams = [new Team("t-loans", "Loans squad", "t-lending", "u-2", null, [new Membership("u-2", 0.5), new Membership("u-ghost", 1.0)])],
        }, ["team 'Loans squad' (t-loans)", "member", "'u-ghost'"]),
        ["a manager who is nobody"] = (new WorkspaceChangeSet
        {
            UpsertPeople = [new Person("u-4", "Dee Evans", null, null, null, "u-ghost", null, true)],
        }, ["person 'Dee Evans' (u-4)", "manager", "'u-ghost'"]),
        ["a role that does not exist"] = (new WorkspaceChangeSet
        {
            UpsertPeople = [new Person("u-2", "Bo Chen", null, null, null, "u-1", "r-ghost", true)],
        }, ["person 'Bo Chen' (u-2)", "role", "'r-ghost'"]),
        ["a parent team that does not exist"] = (new WorkspaceChangeSet
        {
            UpsertTeams = [new Team("t-new", "New squad", "t-ghost", null, null, [])],
        }, ["team 'New squad' (t-new)", "parent team", "'t-ghost'"]),
        ["ownership of a step that does not exist"] = (new WorkspaceChangeSet
        {
            UpsertOwnership = [new Ownership("t-loans", "s-ghost", OwnershipKind.Accountable)],
        }, ["ownership of 's-ghost' by team 't-loans'", "target"]),
        ["ownership by a team that does not exist"] = (new WorkspaceChangeSet
        {
            UpsertOwnership = [new Ownership("t-ghost", "p-loan-apply", OwnershipKind.Accountable)],
        }, ["by team 't-ghost'", "team 't-ghost' names no team"]),
        ["a metric on a step of a journey deleted in the same write"] = (new WorkspaceChangeSet
        {
            DeleteJourneys = ["j-loan"],
            DeleteOwnership = [new OwnershipKey("t-lending", "j-loan"), new OwnershipKey("t-loans", "p-loan-apply")],
            UpsertMetrics = [new Metric("m-2", "s-loan-form", "Time to fill in", "min", 12, 8, "lower")],
        }, ["metric 'Time to fill in' (m-2)", "'s-loan-form'"]),
        ["a sub-journey that does not exist"] = (new WorkspaceChangeSet
        {
            UpsertJourneys = [new Journey("j-id", "Online identification", null, "", [new Phase("p-id-check", "Check", [new Step("s-id-scan", "Scan ID", "j-ghost")])])],
        }, ["step 'Scan ID' (s-id-scan) of journey 'Online identification'", "sub-journey", "'j-ghost'"]),
        ["deleting a manager whose report stays"] = (new WorkspaceChangeSet { DeletePeople = ["u-1"] },
            ["person 'Bo Chen' (u-2) still names person 'u-1' as its manager", "team 'Lending' (t-lending) still names person 'u-1' as its lead"]),
        ["deleting a role someone holds"] = (new WorkspaceChangeSet { DeleteRoles = ["r-lead"] },
            ["person 'Ada Park' (u-1) still names role 'r-lead' as its role"]),
        ["deleting a team with a team under it"] = (new WorkspaceChangeSet { DeleteTeams = ["t-lending"] },
            ["team 'Loans squad' (t-loans) still names team 't-lending' as its parent team"]),
        ["deleting a journey another journey sits under"] = (new WorkspaceChangeSet { DeleteJourneys = ["j-life"] },
            ["journey 'Get a loan' (j-loan) still names journey 'j-life' as its parent"]),
        ["deleting a journey a step uses"] = (new WorkspaceChangeSet { DeleteJourneys = ["j-id"] },
            ["step 'Verify identity' (s-loan-id) of journey 'Get a loan' still names journey 'j-id' as its sub-journey"]),
        ["deleting a journey whose parts are still owned"] = (new WorkspaceChangeSet { DeleteJourneys = ["j-loan"], DeleteMetrics = ["m-1"] },
            ["team 'Lending' (t-lending) still names journey, phase or step 'j-loan'", "team 'Loans squad' (t-loans) still names journey, phase or step 'p-loan-apply'"]),
    };

    [StoreFact]
    public async Task A_write_that_leaves_a_reference_naming_nothing_is_refused_whole_and_names_the_record()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        foreach (var (write, (dangling, named)) in DanglingChangeSets)
        {
            // Something valid rides along, to show that nothing of the write lands.
            var changes = dangling with { UpsertRoles = [.. dangling.UpsertRoles, new Role("r-eng", "Engineer", "Engineering", "L4")] };
            var refused = await Record.ExceptionAsync(() => store.ApplyAsync(changes, revision));
            Assert.True(refused is DanglingReferenceException, $"{write}: expected a refusal, got {refused?.ToString() ?? "none"}");
            Assert.NotNull(refused);
            Assert.StartsWith("Nothing was saved: ", refused.Message);
            foreach (var text in named) Assert.True(refused.Message.Contains(text, StringComparison.Ordinal), $"{write}: '{text}' not in: {refused.Message}");

            var after = await store.LoadAsync();
            Assert.Equal(revision, after.Revision);
            Assert.Equal(Canonical(SmallWorkspace()), Canonical(after.Workspace));
        }
    }

    [StoreFact]
    public async Task A_replace_with_a_reference_naming_nothing_is_refused_and_keeps_the_stored_workspace()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        var broken = SmallWorkspace() with
        {
            People = [.. SmallWorkspace().People, new Person("u-4", "Dee Evans", null, null, null, "u-ghost", null, true)],
        };

        var refused = await Assert.ThrowsAsync<DanglingReferenceException>(() => store.ReplaceAsync(broken));
        Assert.Contains("person 'Dee Evans' (u-4): manager 'u-ghost' names no person in the workspace", refused.Message);
        var after = await store.LoadAsync();
        Assert.Equal(revision, after.Revision);
        Assert.Equal(Canonical(SmallWorkspace()), Canonical(after.Workspace));
    }

    [StoreFact]
    public async Task References_the_same_write_satisfies_or_rewrites_are_accepted()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        // A new manager and their reports together; the old manager deleted with their reports and team moved away.
        await store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertPeople =
            [
                new Person("u-5", "Eve Ford", null, null, null, null, null, true), new Person("u-2", "Bo Chen", null, null, null, "u-5", null, true),
                SmallWorkspace().People[2] with { ManagerId = "u-5" },
            ],
            DeletePeople = ["u-1"],
            UpsertTeams = [new Team("t-lending", "Lending", null, "u-5", "stream-aligned", [new Membership("u-5", 1.0)])],
        }, revision);
        var workspace = (await store.LoadAsync()).Workspace;
        Assert.Equal("u-5", workspace.People.Single(p => p.Id == "u-2").ManagerId);
        Assert.DoesNotContain(workspace.People, p => p.Id == "u-1");
    }
}
