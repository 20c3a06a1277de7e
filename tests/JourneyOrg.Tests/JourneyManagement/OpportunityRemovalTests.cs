using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.JourneyManagement;

public sealed class OpportunityRemovalTests
{
    private static Workspace Sample() => new Workspace([], [], [new Team("t-a", "Apply team", null, null, null, [])], [], [], [])
    {
        Opportunities =
        [
            new Opportunity("o-1", "Prefill", "", "open", "t-a", 80, 40, 2),
            new Opportunity("o-2", "Instant ID", "", "open", null, 60, 60, 4),
        ],
        Solutions =
        [
            new Solution("sol-both", "Forms epic", "", "epic", null, "t-a") { OpportunityIds = ["o-1", "o-2"] },
            new Solution("sol-one", "Prefill epic", "", "epic", null, "t-a") { OpportunityIds = ["o-1"] },
            new Solution("sol-other", "ID campaign", "", "campaign", null, null) { OpportunityIds = ["o-2"] },
        ],
    };

    [Fact]
    public void Deleting_an_opportunity_keeps_its_solutions_without_the_reference()
    {
        var changes = OpportunityRemoval.Delete(Sample(), "o-1");
        var resulting = WorkspaceChanges.ApplyTo(Sample(), changes);
        Assert.Equal(["o-2"], resulting.Opportunities.Select(o => o.Id));
        Assert.Equal(["o-2"], resulting.Solutions.Single(s => s.Id == "sol-both").OpportunityIds);
        Assert.Empty(resulting.Solutions.Single(s => s.Id == "sol-one").OpportunityIds);
        Assert.Equal(["o-1"], changes.DeleteOpportunities);
        Assert.Equal(["sol-both", "sol-one"], changes.UpsertSolutions.Select(s => s.Id));
        Assert.Empty(WorkspaceValidator.ValidateDocument(resulting));
    }

    [Fact]
    public void Removing_a_solution_from_one_of_its_opportunities_keeps_it_for_the_others()
    {
        var changes = OpportunityRemoval.DetachSolution(Sample(), "sol-both", "o-1");
        var resulting = WorkspaceChanges.ApplyTo(Sample(), changes);
        Assert.Equal(["o-2"], resulting.Solutions.Single(s => s.Id == "sol-both").OpportunityIds);
        Assert.Empty(changes.DeleteSolutions);
    }

    [Fact]
    public void Removing_a_solution_from_its_only_opportunity_deletes_it()
    {
        var changes = OpportunityRemoval.DetachSolution(Sample(), "sol-one", "o-1");
        var resulting = WorkspaceChanges.ApplyTo(Sample(), changes);
        Assert.DoesNotContain(resulting.Solutions, s => s.Id == "sol-one");
        Assert.Equal(["sol-one"], changes.DeleteSolutions);
    }

    [Fact]
    public void Removing_a_solution_that_does_not_address_the_opportunity_changes_nothing()
    {
        var changes = OpportunityRemoval.DetachSolution(Sample(), "sol-other", "o-1");
        Assert.True(changes.IsEmpty);
    }
}
