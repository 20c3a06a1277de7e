using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Workspaces;

public sealed class WorkspaceIdsTests
{
    [Fact]
    public void A_typed_id_is_taken_when_any_kind_of_record_uses_it()
    {
        var workspace = new Workspace([], [], [new Team("opp-prefill", "Oddly named team", null, null, null, [])], [], [], [])
        {
            Solutions = [new Solution("sol-1", "Epic", "", null, null, null)],
        };
        var ids = new WorkspaceIds(workspace);
        Assert.True(ids.IsTaken("opp-prefill"));
        Assert.True(ids.IsTaken("sol-1"));
        Assert.False(ids.IsTaken("opp-other"));
        Assert.Equal("opp-prefill-2", ids.New("opp-", "Prefill"));
        Assert.True(ids.IsTaken("opp-prefill-2"));
    }
}
