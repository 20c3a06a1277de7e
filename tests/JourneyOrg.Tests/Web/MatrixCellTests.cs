using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Matrix;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Tests.Web;

/// <summary>The matrix says how each team relates to a phase: recorded on the phase is accountable, not inherited.</summary>
public sealed class MatrixCellTests
{
    private static MatrixCell Cell(Workspace workspace, string teamId, string phaseId)
    {
        var model = MatrixModel.Build(new OrgView(new WorkspaceSnapshot(workspace, 1)), new MatrixQuery { All = true });
        var column = model.Columns.Select((c, i) => (c, i)).Single(x => x.c.Phase.Id == phaseId).i;
        return model.Rows.Single(r => r.Team.Id == teamId).Cells[column];
    }

    [Fact]
    public void A_team_accountable_for_a_phase_is_accountable_in_its_column_not_inherited()
    {
        // Underwriting owns the Decide phase only; both of its steps take their owner from the phase.
        var w = SampleWorkspace.Create();
        w = w with { Ownership = [.. w.Ownership.Where(o => !(o.TargetId == "s-offer"))] };
        var cell = Cell(w, "t-underwriting", "p-decide");
        Assert.True(cell.Accountable);
        Assert.False(cell.Inherited);
        Assert.Equal("accountable", cell.Text);
    }

    [Fact]
    public void A_phase_owner_stays_accountable_where_every_step_has_its_own_owner()
    {
        var w = SampleWorkspace.Create();
        w = w with { Ownership = [.. w.Ownership, new Ownership("t-apply", "s-assess", OwnershipKind.Accountable)] };
        Assert.True(Cell(w, "t-underwriting", "p-decide").Accountable);
    }

    [Fact]
    public void Owners_from_the_journey_or_a_subjourney_stay_inherited()
    {
        var w = SampleWorkspace.Create();
        var identity = Cell(w, "t-identity", "p-apply"); // s-verify uses the identity sub-journey
        Assert.True(identity.Inherited);
        Assert.False(identity.Accountable);
        w = w with { Ownership = [.. w.Ownership, new Ownership("t-reporting", "j-mortgage", OwnershipKind.Accountable)] };
        var journeyOwner = Cell(w, "t-reporting", "p-complete");
        Assert.True(journeyOwner.Inherited);
        Assert.False(journeyOwner.Accountable);
    }
}
