using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Storage;

/// <summary>What a replace does to the directory mirror's sync state, the same in every store.</summary>
public abstract partial class WorkspaceStoreContract
{
    [StoreFact]
    public async Task A_replace_drops_the_directory_delta_links_so_the_next_sync_is_full_but_keeps_other_state()
    {
        var store = await CreateStoreAsync();
        await store.ReplaceAsync(SmallWorkspace());
        await store.SetStateAsync(MirrorStateKeys.UsersDeltaLink, "https://graph.example/users/delta?token=1");
        await store.SetStateAsync(MirrorStateKeys.GroupsDeltaLink, "https://graph.example/groups/delta?token=1");
        await store.SetStateAsync("directory.allocation/u-1/t-lending", "0.5");

        await store.ReplaceAsync(SmallWorkspace() with { Journeys = [], Ownership = [], Metrics = [] });

        Assert.Null(await store.GetStateAsync(MirrorStateKeys.UsersDeltaLink));
        Assert.Null(await store.GetStateAsync(MirrorStateKeys.GroupsDeltaLink));
        Assert.Equal("0.5", await store.GetStateAsync("directory.allocation/u-1/t-lending"));
    }
}
