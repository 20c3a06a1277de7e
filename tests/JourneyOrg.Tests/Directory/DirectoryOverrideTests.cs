using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.DirectorySync;

namespace JourneyOrg.Tests.DirectorySync;

/// <summary>
/// Issue 13: applying a scenario to people and teams that come from Entra records overrides, so the directory sync does
/// not silently undo the reorg; each override goes once a sync shows Entra says the same.
/// </summary>
public sealed class DirectoryOverrideTests : IAsyncLifetime
{
    private SyncTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await SyncTestBed.StartAsync();
        _bed.SeedBank();
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    /// <summary>What ScenarioApplier writes: the change and, in the same transaction, the overrides.</summary>
    private async Task ApplyReorgAsync()
    {
        var before = await _bed.WorkspaceAsync();
        var teams = before.Teams.Where(t => t.Id != "g-plat").Select(t => t.Id switch
        {
            "g-card" => t with { Name = "Card services", Members = [.. t.Members, new Membership("u-ana", 1.0)] },
            "g-pay" => t with { Members = [.. t.Members.Where(m => m.PersonId != "u-ana")] },
            _ => t,
        }).ToList();
        var people = before.People.Select(p => p.Id == "u-p1" ? p with { ManagerId = "u-ana" } : p).ToList();
        var after = before with { Teams = teams, People = people };
        var changes = ScenarioChanges.Between(before, after) with { State = DirectoryOverrides.For(before, after, "Reorg", DateTimeOffset.UtcNow) };
        await _bed.Store.ApplyAsync(changes, null);
    }

    private async Task AssertReorgStandsAsync()
    {
        var workspace = await _bed.WorkspaceAsync();
        Assert.Equal("u-ana", (await _bed.PersonAsync("u-p1")).ManagerId);
        Assert.Equal("Card services", (await _bed.TeamAsync("g-card")).Name);
        Assert.DoesNotContain(workspace.Teams, t => t.Id == "g-plat");
        Assert.Equal([("g-card", 1.0)], await _bed.MembershipsAsync("u-ana"));
    }

    [Fact]
    public async Task A_reorg_of_synced_records_survives_syncs_until_entra_agrees_then_the_overrides_clear()
    {
        await _bed.SyncAsync();
        await ApplyReorgAsync();
        var pending = await DirectoryOverrides.ListAsync(_bed.Store);
        Assert.Equal(["manager u-p1", "teamMembers g-card", "teamMembers g-pay", "teamName g-card", "teamRemoved g-plat"],
            pending.Select(o => $"{o.Kind} {o.Id}").Order(StringComparer.Ordinal));

        // Entra still says the old thing: neither a delta (with news about these records) nor a full sync undoes the reorg.
        _bed.Tenant.SetUser("u-p1", "jobTitle", "Staff Engineer");
        _bed.Tenant.AddMember("g-plat", "u-p2");
        Assert.Equal(SyncOutcomes.Succeeded, (await _bed.SyncAsync()).Outcome);
        await AssertReorgStandsAsync();
        Assert.Equal(SyncOutcomes.Succeeded, (await _bed.SyncAsync(full: true)).Outcome);
        await AssertReorgStandsAsync();
        Assert.Equal(5, (await DirectoryOverrides.ListAsync(_bed.Store)).Count);

        // The directory owners make the changes in Entra; the next full sync sees agreement and lets go.
        var t = _bed.Tenant;
        t.SetUser("u-p1", "manager", "u-ana");
        t.RenameGroup("g-card", "Team - Card services");
        t.RemoveMember("g-pay", "u-ana");
        t.AddMember("g-card", "u-ana");
        t.DeleteGroup("g-plat");
        Assert.Equal(SyncOutcomes.Succeeded, (await _bed.SyncAsync(full: true)).Outcome);
        await AssertReorgStandsAsync();
        Assert.Empty(await DirectoryOverrides.ListAsync(_bed.Store));
    }
}
