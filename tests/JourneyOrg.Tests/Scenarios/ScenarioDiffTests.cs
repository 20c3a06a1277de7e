using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using static JourneyOrg.Tests.Scenarios.ScenarioTestSupport;

namespace JourneyOrg.Tests.Scenarios;

public sealed class ScenarioDiffTests
{
    private readonly Workspace _bank = Bank().Build();

    [Fact]
    public void Owner_changes_list_only_units_whose_owners_differ_and_classify_gaps_and_overlaps()
    {
        // Baseline: s1, s2 owned by t-a (phase p1); s3 by t-b.
        var diff = Simulate(_bank, new RemoveOwnership("t-a", "p1"), new AssignOwnership("t-a", "s3", OwnershipKind.Accountable)).Diff!;
        Assert.Equal(["s1", "s2", "s3"], diff.OwnerChanges.Select(c => c.UnitId));
        Assert.Equal(["t-a", "t-b"], diff.OwnerChanges.Single(c => c.UnitId == "s3").After);
        Assert.Equal(["s1", "s2"], diff.NewlyUnowned);
        Assert.Equal(["s3"], diff.NewlyOverlapping);
        Assert.Empty(diff.ResolvedUnowned);

        var back = Simulate(Bank().Owns("t-a", "s3").Build(), new AssignOwnership("t-b", "s1", OwnershipKind.Accountable), new AssignOwnership("t-a", "s1", OwnershipKind.Accountable), new RemoveOwnership("t-a", "s3")).Diff!;
        Assert.Equal(["s3"], back.ResolvedOverlapping);
        Assert.Equal(["s1"], back.NewlyOverlapping);
    }

    [Fact]
    public void Resolved_unowned_lists_units_that_gain_an_owner()
    {
        var diff = Simulate(Bank().Build(), new RemoveOwnership("t-b", "s3")).Diff!;
        Assert.Equal(["s3"], diff.NewlyUnowned);
        var resolved = Simulate(Bank().Journey("j2", TestWorkspaceAlias.Phase("p9")).Build(), new AssignOwnership("t-b", "p9", OwnershipKind.Accountable)).Diff!;
        Assert.Equal(["p9"], resolved.ResolvedUnowned);
    }

    [Fact]
    public void Handoffs_and_fte_list_only_what_changed()
    {
        var diff = Simulate(_bank, new TransferOwnership("t-b", "t-a", "s3")).Diff!;
        var handoff = Assert.Single(diff.Handoffs);
        Assert.Equal(("j", 1, 0), (handoff.JourneyId, handoff.Before, handoff.After));
        Assert.Equal(["p1", "p2"], diff.Fte.Select(f => f.PhaseId));
        Assert.Empty(Simulate(_bank, new RenameTeam("t-a", "x")).Diff!.Fte);
    }

    [Fact]
    public void Team_counts_before_and_after()
    {
        var diff = Simulate(_bank, new DeleteTeam("t-a-child"), new DeleteTeam("t-b"), new CreateTeam("t-new", "n", null, null)).Diff!;
        Assert.Equal((4, 3), (diff.TeamsBefore, diff.TeamsAfter));
    }

    [Fact]
    public void People_moved_counts_people_whose_set_of_teams_changed_not_allocation_changes()
    {
        Assert.Equal(0, Simulate(_bank, new MovePerson("a1", "t-a", "t-a", 0.5)).Diff!.PeopleMoved);
        Assert.Equal(1, Simulate(_bank, new MovePerson("a1", "t-a", "t-b", null)).Diff!.PeopleMoved);
        // Merging t-a into t-b: lead-a, a1, a2 change teams; "both" was in both and is now only in t-b.
        Assert.Equal(4, Simulate(_bank, new MergeTeams("t-a", "t-b")).Diff!.PeopleMoved);
        Assert.Equal(0, Simulate(_bank, new RenameTeam("t-a", "x")).Diff!.PeopleMoved);
    }

    [Fact]
    public void Org_figures_are_given_before_and_after()
    {
        var org = Simulate(_bank, new SetManager("lead-b", "lead-a")).Diff!.Org;
        Assert.Equal((2, 3), (org.LayersBefore, org.LayersAfter));
        Assert.Equal((2, 1), (org.MaxSpanBefore, org.MaxSpanAfter));
        Assert.Equal((2.0, 1.0), (org.AvgSpanBefore, org.AvgSpanAfter));
    }
}

internal static class TestWorkspaceAlias
{
    public static Phase Phase(string id) => JourneyOrg.Tests.Analysis.TestWorkspace.Phase(id);
}
