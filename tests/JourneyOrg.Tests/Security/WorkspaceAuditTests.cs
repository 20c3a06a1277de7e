using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Security;

public sealed class WorkspaceAuditTests
{
    [Fact]
    public void An_edit_of_opportunities_insights_and_weights_is_described_in_the_audit_entry()
    {
        var entry = WorkspaceAudit.ForChanges(new WorkspaceChangeSet
        {
            UpsertOpportunities = [new Opportunity("o-1", "Faster quotes", "", "open", "t-sales", 80, 60, 2)],
            DeleteInsights = ["i-9"],
            Weights = new PrioritisationWeights(2, 1),
        }, new Dictionary<(string, string), string>());

        Assert.Contains("opportunities: 1 written (= o-1 'Faster quotes')", entry.Summary);
        Assert.Contains("insights: 1 deleted (− i-9)", entry.Summary);
        Assert.Contains("prioritisation weights: customer value 2, business value 1", entry.Summary);
        Assert.DoesNotContain("nothing changed", entry.Summary);
    }

    [Fact]
    public void A_renamed_team_shows_its_name_before_and_after()
    {
        var entry = WorkspaceAudit.ForChanges(
            new WorkspaceChangeSet { UpsertTeams = [new Team("t-1", "Motor Claims", null, null, null, [])] },
            new Dictionary<(string, string), string> { [(WorkspaceAudit.Kinds.Team, "t-1")] = "Car Claims" });

        Assert.Contains("~ t-1 'Car Claims' → 'Motor Claims'", entry.Summary);
    }
}
