using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using static JourneyOrg.Tests.Scenarios.ScenarioTestSupport;

namespace JourneyOrg.Tests.Scenarios;

public sealed class TeamOperationTests
{
    private readonly Workspace _bank = Bank().Build();

    [Fact]
    public void Creating_a_team_adds_an_empty_team_under_its_parent()
    {
        var team = After(_bank, new CreateTeam("t-new", "New squad", "t-tribe", "platform")).TeamOf("t-new");
        Assert.Equal(("New squad", "t-tribe", "platform"), (team.Name, team.ParentId, team.Type));
        Assert.Empty(team.Members);
    }

    [Theory]
    [InlineData("ins-1")]
    [InlineData("opp-1")]
    [InlineData("sol-1")]
    public void Creating_or_splitting_off_a_team_with_an_insight_opportunity_or_solution_id_is_invalid(string id)
    {
        var bank = _bank with
        {
            Insights = [new Insight("ins-1", "Slow form", "", null, null, null, null)],
            Opportunities = [new Opportunity("opp-1", "Faster form", "", null, null, null, null, null)],
            Solutions = [new Solution("sol-1", "Autofill", "", null, null, null)],
        };
        var error = Rejected(bank, new CreateTeam(id, "Dup", null, null));
        Assert.Equal((0, "createTeam", "teamId"), (error.Index, error.Op, error.Field));
        Assert.Contains($"'{id}' is already used", error.Message);
    }

    [Theory]
    [InlineData("t-a")]
    [InlineData("j")]
    [InlineData("s1")]
    [InlineData("ceo")]
    [InlineData("r-eng")]
    public void Creating_a_team_with_an_id_used_anywhere_in_the_workspace_is_invalid(string id)
    {
        var error = Rejected(_bank, new CreateTeam(id, "Dup", null, null));
        Assert.Equal((0, "createTeam", "teamId"), (error.Index, error.Op, error.Field));
    }

    [Fact]
    public void Creating_a_team_under_an_unknown_parent_is_invalid() =>
        Assert.Equal("parentId", Rejected(_bank, new CreateTeam("t-new", "x", "t-ghost", null)).Field);

    [Fact]
    public void Renaming_a_team_changes_only_its_name()
    {
        var team = After(_bank, new RenameTeam("t-a", "Payments")).TeamOf("t-a");
        Assert.Equal("Payments", team.Name);
        Assert.Equal(_bank.TeamOf("t-a").Members, team.Members);
    }

    [Fact]
    public void Renaming_an_unknown_team_is_invalid() =>
        Assert.Equal("teamId", Rejected(_bank, new RenameTeam("t-ghost", "x")).Field);

    [Fact]
    public void Moving_a_team_reparents_it_or_puts_it_at_the_top()
    {
        Assert.Equal("t-b", After(_bank, new MoveTeam("t-a-child", "t-b")).TeamOf("t-a-child").ParentId);
        Assert.Null(After(_bank, new MoveTeam("t-a", null)).TeamOf("t-a").ParentId);
    }

    [Fact]
    public void Moving_a_team_into_its_own_subtree_is_invalid()
    {
        var error = Rejected(_bank, new MoveTeam("t-tribe", "t-a-child"));
        Assert.Equal("parentId", error.Field);
        Assert.Contains("cycle", error.Reason);
        Assert.Equal("parentId", Rejected(_bank, new MoveTeam("t-a", "t-a")).Field);
    }

    [Fact]
    public void Merging_teams_moves_members_and_caps_a_shared_persons_allocation_at_one()
    {
        var ws = After(_bank, new MergeTeams("t-a", "t-b"));
        Assert.DoesNotContain(ws.Teams, t => t.Id == "t-a");
        Assert.Equal(1.0, ws.AllocationIn("t-b", "both"));
        Assert.Equal(0.5, ws.AllocationIn("t-b", "a2"));
        Assert.Equal(1.0, ws.AllocationIn("t-b", "lead-a"));
        Assert.Equal("lead-b", ws.TeamOf("t-b").LeadId);
    }

    [Fact]
    public void Merging_teams_moves_ownership_and_accountable_wins_over_contributing()
    {
        var ws = After(Bank().Owns("t-a", "s1").Build(), new MergeTeams("t-a", "t-b"));
        Assert.Equal(OwnershipKind.Accountable, ws.Edge("t-b", "p1")!.Kind);
        // t-b contributed to s1 and t-a was accountable for it: one edge remains, accountable.
        Assert.Equal(OwnershipKind.Accountable, ws.Edge("t-b", "s1")!.Kind);
        Assert.DoesNotContain(ws.Ownership, o => o.TeamId == "t-a");
    }

    [Fact]
    public void Merging_teams_reparents_the_sources_child_teams_to_the_target()
    {
        var ws = After(_bank, new MergeTeams("t-a", "t-b"));
        Assert.Equal("t-b", ws.TeamOf("t-a-child").ParentId);
    }

    [Fact]
    public void Merging_a_unit_into_a_team_inside_it_first_gives_the_target_the_sources_parent()
    {
        var ws = After(_bank, new MergeTeams("t-tribe", "t-a-child"));
        Assert.Null(ws.TeamOf("t-a-child").ParentId);
        Assert.Equal("t-a-child", ws.TeamOf("t-a").ParentId);
        Assert.Equal("t-a-child", ws.TeamOf("t-b").ParentId);
    }

    [Fact]
    public void Merging_a_team_into_itself_or_an_unknown_team_is_invalid()
    {
        Assert.Equal("targetTeamId", Rejected(_bank, new MergeTeams("t-a", "t-a")).Field);
        Assert.Equal("sourceTeamId", Rejected(_bank, new MergeTeams("t-ghost", "t-a")).Field);
        Assert.Equal("targetTeamId", Rejected(_bank, new MergeTeams("t-a", "t-ghost")).Field);
    }

    [Fact]
    public void Splitting_a_team_moves_listed_members_and_ownership_to_a_sibling_of_the_same_type()
    {
        var ws = After(_bank, new SplitTeam("t-a", "t-a2", "Squad A2", ["a2", "both"], ["p1"]));
        var split = ws.TeamOf("t-a2");
        Assert.Equal(("t-tribe", "stream-aligned"), (split.ParentId, split.Type));
        Assert.Equal([("a2", 0.5), ("both", 0.5)], split.Members.Select(m => (m.PersonId, m.Allocation)));
        Assert.Equal(["lead-a", "a1"], ws.TeamOf("t-a").Members.Select(m => m.PersonId));
        Assert.NotNull(ws.Edge("t-a2", "p1"));
        Assert.Null(ws.Edge("t-a", "p1"));
    }

    [Fact]
    public void Splitting_off_a_member_or_target_the_team_does_not_have_is_invalid()
    {
        Assert.Equal("memberIds", Rejected(_bank, new SplitTeam("t-a", "t-a2", "x", ["b1"], [])).Field);
        Assert.Equal("targetIds", Rejected(_bank, new SplitTeam("t-a", "t-a2", "x", [], ["s3"])).Field);
        Assert.Equal("newTeamId", Rejected(_bank, new SplitTeam("t-a", "t-b", "x", [], [])).Field);
    }

    [Fact]
    public void Deleting_a_team_drops_its_memberships_and_ownership_and_lifts_its_children()
    {
        var ws = After(_bank, new DeleteTeam("t-a"));
        Assert.DoesNotContain(ws.Teams, t => t.Id == "t-a");
        Assert.DoesNotContain(ws.Ownership, o => o.TeamId == "t-a");
        Assert.Equal("t-tribe", ws.TeamOf("t-a-child").ParentId);
        // The people stay, unchanged (their manager lines too); only the team and what hung on it go.
        Assert.Equal(_bank.People, ws.People);
        Assert.Equal(_bank.Teams.Single(t => t.Id == "t-b").Members, ws.TeamOf("t-b").Members);
    }

    [Fact]
    public void Deleting_an_unknown_team_is_invalid() =>
        Assert.Equal("teamId", Rejected(_bank, new DeleteTeam("t-ghost")).Field);
}

public sealed class PeopleOperationTests
{
    private readonly Workspace _bank = Bank().Build();

    [Fact]
    public void Moving_a_person_from_a_team_keeps_their_allocation_and_other_teams()
    {
        var ws = After(_bank, new MovePerson("both", "t-a", "t-a-child", null));
        Assert.Equal(0.5, ws.AllocationIn("t-a-child", "both"));
        Assert.Null(ws.AllocationIn("t-a", "both"));
        Assert.Equal(0.75, ws.AllocationIn("t-b", "both"));
    }

    [Fact]
    public void Moving_a_person_without_a_from_team_takes_them_out_of_every_team_at_full_time()
    {
        var ws = After(_bank, new MovePerson("both", null, "t-a-child", null));
        Assert.Equal(1.0, ws.AllocationIn("t-a-child", "both"));
        Assert.Null(ws.AllocationIn("t-a", "both"));
        Assert.Null(ws.AllocationIn("t-b", "both"));
    }

    [Fact]
    public void Moving_a_person_into_a_team_they_are_in_replaces_that_membership()
    {
        var ws = After(_bank, new MovePerson("both", "t-a", "t-b", 0.3));
        Assert.Equal(0.3, ws.AllocationIn("t-b", "both"));
        Assert.Single(ws.TeamOf("t-b").Members, m => m.PersonId == "both");
    }

    [Fact]
    public void Moving_a_person_from_a_team_they_are_not_in_is_invalid()
    {
        Assert.Equal("fromTeamId", Rejected(_bank, new MovePerson("b1", "t-a", "t-b", null)).Field);
        Assert.Equal("personId", Rejected(_bank, new MovePerson("ghost", null, "t-b", null)).Field);
        Assert.Equal("toTeamId", Rejected(_bank, new MovePerson("b1", null, "t-ghost", null)).Field);
    }

    [Fact]
    public void Setting_a_manager_changes_the_reporting_line_and_null_clears_it()
    {
        Assert.Equal("lead-a", After(_bank, new SetManager("lead-b", "lead-a")).People.Single(p => p.Id == "lead-b").ManagerId);
        Assert.Null(After(_bank, new SetManager("lead-b", null)).People.Single(p => p.Id == "lead-b").ManagerId);
    }

    [Fact]
    public void Setting_a_manager_that_closes_a_reporting_cycle_is_invalid()
    {
        var error = Rejected(_bank, new SetManager("ceo", "lead-a"));
        Assert.Equal("managerId", error.Field);
        Assert.Contains("cycle", error.Reason);
        Assert.Equal("managerId", Rejected(_bank, new SetManager("ceo", "ceo")).Field);
        Assert.Equal("managerId", Rejected(_bank, new SetManager("ceo", "ghost")).Field);
    }

    [Fact]
    public void Setting_a_team_lead_changes_the_lead()
    {
        Assert.Equal("a1", After(_bank, new SetTeamLead("t-a", "a1")).TeamOf("t-a").LeadId);
        Assert.Equal("personId", Rejected(_bank, new SetTeamLead("t-a", "ghost")).Field);
    }

    [Fact]
    public void Creating_a_role_makes_it_assignable_and_its_id_must_be_new()
    {
        var ws = After(_bank, new CreateRole("r-owner", "Journey owner", "Product", "L6"), new AssignRole("a1", "r-owner"));
        Assert.Contains(ws.Roles, r => r.Id == "r-owner");
        Assert.Equal("r-owner", ws.People.Single(p => p.Id == "a1").RoleId);
        Assert.Equal("roleId", Rejected(_bank, new CreateRole("t-a", "x", null, null)).Field);
    }

    [Fact]
    public void Assigning_an_unknown_role_is_invalid() =>
        Assert.Equal("roleId", Rejected(_bank, new AssignRole("a1", "r-ghost")).Field);

    [Fact]
    public void Openings_add_planned_fte_but_not_fte()
    {
        var result = Simulate(_bank, new AddOpening("t-a", "r-eng", 3, 0.5), new AddOpening("t-b", "r-eng", 2, null));
        Assert.Equal(3.5, result.Diff!.PlannedFte);
        Assert.Equal(result.Baseline.Teams.Single(t => t.Id == "t-a").Fte, result.Scenario!.Teams.Single(t => t.Id == "t-a").Fte);
        Assert.Equal("roleId", Rejected(_bank, new AddOpening("t-a", "r-ghost", 1, null)).Field);
    }
}

public sealed class OwnershipOperationTests
{
    private readonly Workspace _bank = Bank().Build();

    [Fact]
    public void Assigning_ownership_adds_an_edge_or_changes_its_kind()
    {
        Assert.Equal(OwnershipKind.Accountable, After(_bank, new AssignOwnership("t-b", "j", OwnershipKind.Accountable)).Edge("t-b", "j")!.Kind);
        Assert.Equal(OwnershipKind.Accountable, After(_bank, new AssignOwnership("t-b", "s1", OwnershipKind.Accountable)).Edge("t-b", "s1")!.Kind);
    }

    [Fact]
    public void Assigning_ownership_of_something_that_is_not_a_journey_phase_or_step_is_invalid() =>
        Assert.Equal("targetId", Rejected(_bank, new AssignOwnership("t-b", "t-a", OwnershipKind.Accountable)).Field);

    [Fact]
    public void Removing_ownership_drops_the_edge_and_removing_a_missing_edge_is_invalid()
    {
        Assert.Null(After(_bank, new RemoveOwnership("t-a", "p1")).Edge("t-a", "p1"));
        Assert.Equal("targetId", Rejected(_bank, new RemoveOwnership("t-a", "s3")).Field);
    }

    [Fact]
    public void Transferring_ownership_moves_the_edge_keeping_its_kind()
    {
        var ws = After(_bank, new TransferOwnership("t-b", "t-a", "s1"));
        Assert.Equal(OwnershipKind.Contributing, ws.Edge("t-a", "s1")!.Kind);
        Assert.Null(ws.Edge("t-b", "s1"));
    }

    [Fact]
    public void Transferring_ownership_the_team_does_not_have_or_to_itself_is_invalid()
    {
        Assert.Equal("targetId", Rejected(_bank, new TransferOwnership("t-a", "t-b", "s3")).Field);
        Assert.Equal("toTeamId", Rejected(_bank, new TransferOwnership("t-a", "t-a", "p1")).Field);
        Assert.Equal("toTeamId", Rejected(_bank, new TransferOwnership("t-a", "t-ghost", "p1")).Field);
    }
}

public sealed class ScenarioRuleTests
{
    private readonly Workspace _bank = Bank().Build();

    [Fact]
    public void Each_operation_is_validated_against_the_state_the_ones_before_it_produced()
    {
        After(_bank, new CreateTeam("t-new", "New", null, null), new RenameTeam("t-new", "Renamed"));
        var error = Rejected(_bank, new DeleteTeam("t-b"), new RenameTeam("t-a", "ok"), new RenameTeam("t-b", "gone"));
        Assert.Equal(2, error.Index);
        Assert.Equal("operation 2 (renameTeam), teamId: team 't-b' does not exist", error.Message);
    }

    [Fact]
    public void Applying_a_scenario_never_changes_the_baseline()
    {
        var before = JourneyOrg.Analysis.AnalysisJson.Serialize(JourneyOrg.Analysis.AlignmentAnalysis.Analyze(_bank));
        var teams = _bank.Teams.ToArray();
        After(_bank, new MergeTeams("t-a", "t-b"), new SetManager("lead-a", "lead-b"), new AssignRole("a1", "r-eng"), new RemoveOwnership("t-b", "s3"));
        Assert.Equal(teams, _bank.Teams);
        Assert.Equal(before, JourneyOrg.Analysis.AnalysisJson.Serialize(JourneyOrg.Analysis.AlignmentAnalysis.Analyze(_bank)));
    }

    [Fact]
    public void An_invalid_scenario_still_reports_the_baseline_analysis()
    {
        var result = Simulate(_bank, new RenameTeam("t-ghost", "x"));
        Assert.False(result.Valid);
        Assert.Equal(JourneyOrg.Analysis.AnalysisJson.Serialize(JourneyOrg.Analysis.AlignmentAnalysis.Analyze(_bank)),
            JourneyOrg.Analysis.AnalysisJson.Serialize(result.Baseline));
    }
}
