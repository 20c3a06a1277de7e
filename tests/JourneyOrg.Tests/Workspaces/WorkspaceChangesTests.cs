using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Workspaces;

public sealed class WorkspaceChangesTests
{
    [Fact]
    public void Every_kind_of_change_in_a_change_set_is_applied_by_ApplyTo()
    {
        // A new property on the change set that ApplyTo ignores would be stored but vanish from the validated result and
        // the screens' cache: whoever adds one must handle it in ApplyTo and list it there.
        var properties = typeof(WorkspaceChangeSet).GetProperties().Select(p => p.Name).ToHashSet();
        Assert.Empty(properties.Except(WorkspaceChanges.Handled));
    }
}
