using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Storage;

// People cost (SPEC §5) in every store.
public abstract partial class WorkspaceStoreContract
{
    private static Workspace SmallWorkspaceWithCosts() => SmallWorkspace() with
    {
        Roles = [new Role("r-lead", "Product lead", "Product", "L6") { AnnualCost = 110_000 }, new Role("r-dev", "Developer", null, null)],
        Costs = [new PersonCost("u-1", 120_000.5), new PersonCost("u-3", 0)],
        Currency = "GBP",
    };

    [StoreFact]
    public async Task Costs_role_costs_and_currency_load_back_as_written()
    {
        var store = await CreateStoreAsync();
        await store.ReplaceAsync(SmallWorkspaceWithCosts());
        Assert.Equal(Canonical(SmallWorkspaceWithCosts()), Canonical((await store.LoadAsync()).Workspace));

        await store.ReplaceAsync(SmallWorkspace());
        var plain = (await store.LoadAsync()).Workspace;
        Assert.Equal(Canonical(SmallWorkspace()), Canonical(plain));
        Assert.Equal("EUR", plain.Currency);
    }

    [StoreFact]
    public async Task Cost_changes_apply_and_a_deleted_person_takes_their_cost()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspaceWithCosts());
        revision = await store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertCosts = [new PersonCost("u-2", 65_000), new PersonCost("u-1", 125_000)],
            DeleteCosts = ["u-3"],
            Currency = "CHF",
            UpsertRoles = [new Role("r-lead", "Product lead", "Product", "L7")],
        }, revision);
        var workspace = (await store.LoadAsync()).Workspace;
        Assert.Equal([("u-1", 125_000.0), ("u-2", 65_000.0)], workspace.Costs.Select(c => (c.PersonId, c.AnnualCost)).OrderBy(c => c.PersonId));
        Assert.Equal("CHF", workspace.Currency);
        Assert.Null(workspace.Roles.Single(r => r.Id == "r-lead").AnnualCost);

        await store.ApplyAsync(new WorkspaceChangeSet
        {
            DeletePeople = ["u-2"],
            UpsertTeams = [SmallWorkspace().Teams[0], SmallWorkspace().Teams[1] with { LeadId = null, Members = [new Membership("u-3", 1.0)] }],
        }, revision);
        Assert.Equal(["u-1"], (await store.LoadAsync()).Workspace.Costs.Select(c => c.PersonId));
    }
}
