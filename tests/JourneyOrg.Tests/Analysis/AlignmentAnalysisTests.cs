using JourneyOrg.Analysis;
using static JourneyOrg.Tests.Analysis.TestWorkspace;

namespace JourneyOrg.Tests.Analysis;

public sealed class UnitTests
{
    [Fact]
    public void Each_step_is_a_unit_and_a_phase_without_steps_is_one_unit_in_phase_then_step_order()
    {
        var report = new TestWorkspace()
            .Journey("j", Phase("p1", Step("s1"), Step("s2")), Phase("p2"), Phase("p3", Step("s3")))
            .Analyze();

        Assert.Equal(["s1", "s2", "p2", "s3"], report.Units.Select(u => u.Id));
        Assert.Equal(["p1", "p1", "p2", "p3"], report.Units.Select(u => u.PhaseId));
        Assert.All(report.Units, u => Assert.Equal("j", u.JourneyId));
    }

    [Fact]
    public void Step_using_a_subjourney_stays_one_unit_of_its_own_journey()
    {
        var report = new TestWorkspace()
            .Journey("j-id", Phase("p-id1", Step("s-id1"), Step("s-id2")))
            .Journey("j", Phase("p", Step("s-uses", uses: "j-id")))
            .Analyze();

        Assert.Equal(1, report.Journey("j").Units);
        Assert.Equal(2, report.Journey("j-id").Units);
        Assert.Equal("j", report.Unit("s-uses").JourneyId);
    }
}

public sealed class EffectiveOwnerTests
{
    private static TestWorkspace Mortgage() => new TestWorkspace()
        .Journey("j-lifecycle")
        .JourneyUnder("j-borrow", "j-lifecycle")
        .JourneyUnder("j-mortgage", "j-borrow", Phase("p-apply", Step("s-form"), Step("s-id", uses: "j-id")), Phase("p-empty"))
        .JourneyUnder("j-building-blocks", null)
        .JourneyUnder("j-id", "j-building-blocks", Phase("p-id", Step("s-id-check")));

    [Fact]
    public void Step_with_its_own_accountable_team_is_owned_by_it_only()
    {
        var report = Mortgage().Owns("t-step", "s-form").Owns("t-phase", "p-apply").Owns("t-journey", "j-mortgage").Analyze();
        Assert.Equal(["t-step"], report.OwnersOf("s-form"));
    }

    [Fact]
    public void Step_using_a_subjourney_takes_the_subjourneys_owners_before_its_phase()
    {
        var report = Mortgage().Owns("t-identity", "j-id").Owns("t-phase", "p-apply").Analyze();
        Assert.Equal(["t-identity"], report.OwnersOf("s-id"));
        Assert.Equal(["t-phase"], report.OwnersOf("s-form"));
    }

    [Fact]
    public void Step_using_a_subjourney_takes_the_owners_of_the_subjourneys_parents_when_it_has_none()
    {
        var report = Mortgage().Owns("t-platform", "j-building-blocks").Owns("t-phase", "p-apply").Analyze();
        Assert.Equal(["t-platform"], report.OwnersOf("s-id"));
    }

    [Fact]
    public void Step_using_an_unowned_subjourney_falls_back_to_its_phase()
    {
        var report = Mortgage().Owns("t-phase", "p-apply").Analyze();
        Assert.Equal(["t-phase"], report.OwnersOf("s-id"));
    }

    [Fact]
    public void Subjourney_owners_do_not_reach_steps_that_do_not_use_it()
    {
        var report = Mortgage().Owns("t-identity", "j-id").Analyze();
        Assert.Empty(report.OwnersOf("s-form"));
    }

    [Fact]
    public void Step_without_step_or_phase_owner_takes_its_journeys_owners()
    {
        var report = Mortgage().Owns("t-journey", "j-mortgage").Analyze();
        Assert.Equal(["t-journey"], report.OwnersOf("s-form"));
    }

    [Fact]
    public void Journey_owners_are_inherited_from_the_nearest_owned_parent_journey()
    {
        var report = Mortgage().Owns("t-tribe", "j-borrow").Owns("t-top", "j-lifecycle").Analyze();
        Assert.Equal(["t-tribe"], report.OwnersOf("s-form"));
        Assert.Equal(["t-tribe"], report.OwnersOf("p-empty"));
    }

    [Fact]
    public void Phase_without_steps_takes_its_own_owners_then_its_journeys()
    {
        var owned = Mortgage().Owns("t-phase", "p-empty").Owns("t-journey", "j-mortgage").Analyze();
        var inherited = Mortgage().Owns("t-journey", "j-mortgage").Analyze();
        Assert.Equal(["t-phase"], owned.OwnersOf("p-empty"));
        Assert.Equal(["t-journey"], inherited.OwnersOf("p-empty"));
    }

    [Fact]
    public void Owners_on_one_level_are_all_taken_together_and_sorted()
    {
        var report = Mortgage().Owns("t-b", "p-apply").Owns("t-a", "p-apply").Owns("t-c", "j-mortgage").Analyze();
        Assert.Equal(["t-a", "t-b"], report.OwnersOf("s-form"));
    }

    [Fact]
    public void Contributing_ownership_never_makes_an_owner()
    {
        var report = Mortgage().Contributes("t-helper", "s-form").Owns("t-journey", "j-mortgage").Analyze();
        Assert.Equal(["t-journey"], report.OwnersOf("s-form"));
        Assert.Equal(0, report.Team("t-helper").Units);
    }
}

public sealed class PhaseAndJourneyTests
{
    private static TestWorkspace Shop() => new TestWorkspace()
        .Journey("j", Phase("p-owned", Step("s1"), Step("s2")), Phase("p-partial", Step("s3"), Step("s4")),
            Phase("p-unowned", Step("s5")), Phase("p-overlap", Step("s6"), Step("s7")));

    [Fact]
    public void Phase_status_is_overlapping_then_unowned_then_partial_then_owned()
    {
        var report = Shop().Owns("t-a", "p-owned").Owns("t-a", "s3").Owns("t-a", "s6").Owns("t-b", "s6").Analyze();

        Assert.Equal(PhaseStatus.Owned, report.Phase("p-owned").Status);
        Assert.Equal(PhaseStatus.Partial, report.Phase("p-partial").Status);
        Assert.Equal(PhaseStatus.Unowned, report.Phase("p-unowned").Status);
        // One overlapping unit wins over an unowned one in the same phase.
        Assert.Equal(PhaseStatus.Overlapping, report.Phase("p-overlap").Status);
        Assert.Equal((2, 1, 1), (report.Phase("p-overlap").Units, report.Phase("p-overlap").UnownedUnits, report.Phase("p-overlap").OverlappingUnits));
    }

    [Fact]
    public void Journey_coverage_is_owned_units_over_units()
    {
        var report = Shop().Owns("t-a", "p-owned").Owns("t-a", "s3").Owns("t-a", "s6").Owns("t-b", "s6").Analyze();
        var journey = report.Journey("j");
        Assert.Equal(7, journey.Units);
        Assert.Equal(4, journey.OwnedUnits);
        Assert.Equal(4.0 / 7, journey.Coverage, 10);
    }

    [Fact]
    public void Journey_without_units_has_full_coverage()
    {
        var report = new TestWorkspace().Journey("j-framework").Analyze();
        Assert.Equal(1.0, report.Journey("j-framework").Coverage);
        Assert.Equal(0, report.Journey("j-framework").Units);
    }

    [Fact]
    public void Journey_teams_are_every_effective_owner_sorted()
    {
        var report = Shop().Owns("t-z", "s1").Owns("t-a", "s2").Owns("t-m", "s6").Contributes("t-c", "s5").Analyze();
        Assert.Equal(["t-a", "t-m", "t-z"], report.Journey("j").Teams);
    }

    [Fact]
    public void Handoffs_count_adjacent_owned_units_whose_owner_sets_differ_across_phases()
    {
        // s1 a | s2 a | s3 b | s4 - | s5 b | s6 {a,b} | s7 {a,b}
        var report = Shop().Owns("t-a", "s1").Owns("t-a", "s2").Owns("t-b", "s3").Owns("t-b", "s5")
            .Owns("t-a", "p-overlap").Owns("t-b", "p-overlap").Analyze();
        // a→b (s2,s3) and b→{a,b} (s5,s6); the unowned s4 breaks the chain without counting.
        Assert.Equal(2, report.Journey("j").Handoffs);
    }
}

public sealed class TeamTests
{
    [Fact]
    public void Team_units_journeys_and_focus_count_its_effective_units()
    {
        var report = new TestWorkspace()
            .Journey("j1", Phase("p1", Step("s1"), Step("s2"), Step("s3")))
            .Journey("j2", Phase("p2", Step("s4")))
            .Owns("t-a", "p1").Owns("t-a", "s4")
            .Analyze();
        var team = report.Team("t-a");
        Assert.Equal(4, team.Units);
        Assert.Equal(2, team.Journeys);
        Assert.Equal(0.75, team.Focus);
    }

    [Fact]
    public void Team_without_units_has_zero_focus()
    {
        var report = new TestWorkspace().Journey("j", Phase("p")).Team("t-idle", members: "u1").Analyze();
        Assert.Equal(0.0, report.Team("t-idle").Focus);
    }

    [Fact]
    public void Upstream_and_downstream_teams_come_from_handoffs_in_journey_order()
    {
        var report = new TestWorkspace()
            .Journey("j", Phase("p1", Step("s1"), Step("s2")), Phase("p2", Step("s3")))
            .Owns("t-a", "s1").Owns("t-b", "s2").Owns("t-b", "s3").Owns("t-c", "s3")
            .Analyze();
        Assert.Equal(["t-b"], report.Team("t-a").Downstream);
        Assert.Empty(report.Team("t-a").Upstream);
        Assert.Equal(["t-a"], report.Team("t-b").Upstream);
        // b hands over to {b, c}: c is downstream of b, and b is never its own neighbour.
        Assert.Equal(["t-c"], report.Team("t-b").Downstream);
        Assert.Equal(["t-b"], report.Team("t-c").Upstream);
    }

    [Fact]
    public void Team_fte_is_the_sum_of_its_members_allocations_including_disabled_accounts()
    {
        var report = new TestWorkspace()
            .Person("u-left", enabled: false)
            .Team("t", members: ["u1", "u2:0.5", "u-left:0.25"])
            .Analyze();
        Assert.Equal(1.75, report.Team("t").Fte);
    }

    [Fact]
    public void Team_with_people_but_no_units_and_no_contributing_ownership_is_unaligned()
    {
        var report = new TestWorkspace()
            .Journey("j", Phase("p", Step("s")))
            .Team("t-idle", members: "u1")
            .Team("t-helper", members: "u2").Contributes("t-helper", "s")
            .Team("t-empty")
            .Team("t-owner", members: "u3").Owns("t-owner", "s")
            .Analyze();
        Assert.True(report.Team("t-idle").Unaligned);
        Assert.False(report.Team("t-helper").Unaligned);
        Assert.False(report.Team("t-empty").Unaligned);
        Assert.False(report.Team("t-owner").Unaligned);
    }

    [Fact]
    public void Each_team_spreads_its_fte_evenly_over_its_units_into_phases_and_journeys()
    {
        var report = new TestWorkspace()
            .Journey("j1", Phase("p1", Step("s1"), Step("s2")), Phase("p2", Step("s3")))
            .Journey("j2", Phase("p3", Step("s4")))
            .Team("t-a", members: ["u1", "u2", "u3", "u4"])
            .Team("t-b", members: ["u5:0.5"])
            .Owns("t-a", "j1").Owns("t-a", "s4").Owns("t-b", "s4")
            .Analyze();
        // t-a: 4 FTE over 4 units = 1 each; t-b: 0.5 over 1 unit.
        Assert.Equal(2.0, report.Phase("p1").Fte, 10);
        Assert.Equal(1.0, report.Phase("p2").Fte, 10);
        Assert.Equal(1.5, report.Phase("p3").Fte, 10);
        Assert.Equal(3.0, report.Journey("j1").Fte, 10);
        Assert.Equal(1.5, report.Journey("j2").Fte, 10);
    }
}

public sealed class OrgTests
{
    [Fact]
    public void Span_and_managers_count_only_enabled_accounts()
    {
        var org = new TestWorkspace()
            .Person("ceo").Person("a", "ceo").Person("b", "ceo").Person("c", "ceo", enabled: false)
            .Person("a1", "a")
            .Analyze().Org;
        Assert.Equal(4, org.People);
        Assert.Equal(2, org.Managers);
        Assert.Equal(2, org.MaxSpan);
        Assert.Equal(1.5, org.AvgSpan);
    }

    [Fact]
    public void Layers_count_people_on_the_longest_reporting_chain()
    {
        var deep = new TestWorkspace().Person("ceo").Person("vp", "ceo").Person("dir", "vp").Person("ic", "dir").Person("other", "ceo").Analyze().Org;
        var lone = new TestWorkspace().Person("solo").Analyze().Org;
        Assert.Equal(4, deep.Layers);
        Assert.Equal(1, lone.Layers);
    }

    [Fact]
    public void A_disabled_manager_ends_the_reporting_chain()
    {
        var org = new TestWorkspace().Person("ceo").Person("vp", "ceo", enabled: false).Person("dir", "vp").Person("ic", "dir").Analyze().Org;
        Assert.Equal(2, org.Layers);
        Assert.Equal(1, org.Managers);
        Assert.Equal(3, org.People);
    }

    [Fact]
    public void An_org_without_managers_has_zero_average_span()
    {
        var org = new TestWorkspace().Person("a").Person("b").Analyze().Org;
        Assert.Equal((0, 0.0, 0), (org.Managers, org.AvgSpan, org.MaxSpan));
        Assert.Equal(0, new TestWorkspace().Analyze().Org.Layers);
    }
}

public sealed class AnalysisJsonTests
{
    [Fact]
    public void Figures_are_shown_to_4_decimals_in_camel_case()
    {
        var report = new TestWorkspace()
            .Journey("j", Phase("p1", Step("s1")), Phase("p2", Step("s2"), Step("s3"), Step("s4")))
            .Team("t", members: "u1").Owns("t", "s1").Owns("t", "s2").Owns("t", "s3")
            .Analyze();
        var json = System.Text.Json.Nodes.JsonNode.Parse(AnalysisJson.Serialize(report))!;
        Assert.Equal(0.75, json["journeys"]![0]!["coverage"]!.GetValue<double>());
        Assert.Equal(0.3333, json["phases"]![0]!["fte"]!.GetValue<double>());
        Assert.Equal(0.6667, json["phases"]![1]!["fte"]!.GetValue<double>());
        Assert.NotNull(json["units"]![0]!["journeyId"]);
        Assert.NotNull(json["org"]!["avgSpan"]);
    }
}
