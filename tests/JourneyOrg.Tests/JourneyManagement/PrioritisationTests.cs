using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Scenarios;

namespace JourneyOrg.Tests.JourneyManagement;

public sealed class PrioritisationTests
{
    // j-1: p-1 (s-1 owned by t-a, s-2 unowned), p-2 (no steps, owned by t-b).
    private static Workspace Sample() => new Workspace(
        Journeys: [new Journey("j-1", "Borrow", null, "", [
            new Phase("p-1", "Apply", [new Step("s-1", "Fill in", null), new Step("s-2", "Verify", null)]),
            new Phase("p-2", "Decide", [])])],
        People: [new Person("u-1", "Ada", "ada@example.com", null, null, null, null, true)],
        Teams: [new Team("t-a", "Apply team", null, null, null, []), new Team("t-b", "Decide team", null, null, null, [])],
        Roles: [],
        Ownership: [new Ownership("t-a", "s-1", OwnershipKind.Accountable), new Ownership("t-b", "p-2", OwnershipKind.Accountable)],
        Metrics:
        [
            new Metric("m-owned", "s-1", "Completion", "%", 80, 90, "higher"),
            new Metric("m-orphan", "s-2", "Verification time", "min", 12, 5, "lower"),
            new Metric("m-unlinked", "", "Imported", null, null, null, null),
        ])
    {
        Opportunities =
        [
            new Opportunity("o-1", "Prefill form", "", "open", "t-a", 80, 40, 2) { TargetIds = ["s-1"] },
            new Opportunity("o-2", "Instant ID", "", "open", null, 60, 60, 4) { TargetIds = ["s-2"] },
            new Opportunity("o-3", "Faster decision", "", "done", "t-b", 60, 60, 1) { TargetIds = ["p-2"] },
            new Opportunity("o-4", "Unscored", "", null, null, null, null, null),
        ],
    };

    [Fact]
    public void Value_is_the_weighted_mean_of_customer_and_business_value()
    {
        var o = new Opportunity("o", "x", "", null, null, 80, 40, 2);
        Assert.Equal(60.0, Prioritisation.ValueOf(o, PrioritisationWeights.Default));
        Assert.Equal(70.0, Prioritisation.ValueOf(o, new PrioritisationWeights(3, 1)));
        Assert.Equal(40.0, Prioritisation.ValueOf(o, new PrioritisationWeights(0, 1)));
        Assert.Equal(40.0, Prioritisation.ValueOf(o with { BusinessValue = null }, PrioritisationWeights.Default));
        Assert.Null(Prioritisation.ValueOf(o with { CustomerValue = null, BusinessValue = null }, PrioritisationWeights.Default));
    }

    [Fact]
    public void Ranking_orders_by_value_then_lower_effort_with_unscored_last()
    {
        var w = Sample();
        var ranked = Prioritisation.Rank(w, AlignmentAnalysis.Analyze(w));

        Assert.Equal(["o-3", "o-1", "o-2", "o-4"], ranked.Select(r => r.Opportunity.Id));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Opportunities_on_units_without_an_accountable_team_are_flagged()
    {
        var w = Sample();
        var ranked = Prioritisation.Rank(w, AlignmentAnalysis.Analyze(w)).ToDictionary(r => r.Opportunity.Id);

        Assert.True(ranked["o-2"].Flagged);
        Assert.False(ranked["o-1"].Flagged);
        Assert.Equal(["t-b"], ranked["o-3"].AccountableTeams);
        Assert.Empty(ranked["o-2"].AccountableTeams);
    }

    [Fact]
    public void The_ranked_list_filters_by_journey_team_and_status()
    {
        var w = Sample();
        var report = AlignmentAnalysis.Analyze(w);
        Assert.Equal(["o-3"], Prioritisation.Rank(w, report, new OpportunityFilter(Status: "DONE")).Select(r => r.Opportunity.Id));
        Assert.Equal(["o-1"], Prioritisation.Rank(w, report, new OpportunityFilter(TeamId: "t-a")).Select(r => r.Opportunity.Id));
        Assert.Equal(3, Prioritisation.Rank(w, report, new OpportunityFilter(JourneyId: "j-1")).Count);
    }

    [Fact]
    public void Kpis_nobody_is_accountable_for_are_the_linked_metrics_on_units_without_effective_owner()
    {
        var w = Sample();
        var unaccountable = new Accountability(AlignmentAnalysis.Analyze(w)).UnaccountableMetrics(w);
        Assert.Equal(["m-orphan"], unaccountable.Select(m => m.Id));
    }

    [Fact]
    public void A_phase_metric_is_accountable_when_any_of_its_units_has_an_owner()
    {
        var w = Sample() with { Metrics = [new Metric("m-p1", "p-1", "Apply rate", null, 1, 1, null)] };
        Assert.Empty(new Accountability(AlignmentAnalysis.Analyze(w)).UnaccountableMetrics(w));
    }

    [Fact]
    public void The_scenario_diff_lists_opportunities_whose_accountable_team_changes()
    {
        var parsed = ScenarioJson.Parse("""
            { "name": "Move verification", "operations": [ { "op": "assignOwnership", "teamId": "t-b", "targetId": "s-2", "kind": "accountable" } ] }
            """);
        var result = ScenarioSimulation.Simulate(Sample(), parsed.Scenario!);

        var change = Assert.Single(result.Diff!.OpportunityOwnerChanges);
        Assert.Equal("o-2", change.OpportunityId);
        Assert.Empty(change.Before);
        Assert.Equal(["t-b"], change.After);
        Assert.Contains("\"opportunityOwnerChanges\"", SimulationJson.Serialize(result));
    }
}
