using JourneyOrg.Domain;
using JourneyOrg.Scenarios;

namespace JourneyOrg.Tests.Scenarios;

public sealed class ScenarioJsonTests
{
    private static IReadOnlyList<ScenarioError> Errors(string json)
    {
        var result = ScenarioJson.Parse(json);
        Assert.False(result.Succeeded);
        return result.Errors;
    }

    [Fact]
    public void Every_operation_of_the_spec_reads_and_writes_back_the_same()
    {
        var scenario = new Scenario("All", "every op", [
            new CreateTeam("t1", "T1", null, "platform"), new RenameTeam("t1", "T"), new MoveTeam("t1", "t0"),
            new MergeTeams("t1", "t2"), new SplitTeam("t2", "t3", "T3", ["u1"], ["j"]), new DeleteTeam("t3"),
            new MovePerson("u1", "t2", "t4", 0.5), new MovePerson("u2", null, "t4", null), new SetManager("u1", null),
            new SetTeamLead("t4", "u1"), new AssignOwnership("t4", "j", OwnershipKind.Contributing), new RemoveOwnership("t4", "j"),
            new TransferOwnership("t4", "t2", "j"), new CreateRole("r1", "Role", null, "L5"), new AddOpening("t4", "r1", 2, 0.5),
            new AssignRole("u1", "r1")]);
        Assert.Equal(15, scenario.Operations.Select(o => o.Op).Distinct().Count());

        var read = ScenarioJson.Parse(ScenarioJson.Serialize(scenario));

        Assert.True(read.Succeeded, string.Join("; ", read.Errors.Select(e => e.Message)));
        Assert.Equal(scenario.Operations.Count, read.Scenario!.Operations.Count);
        for (var i = 0; i < scenario.Operations.Count; i++)
            Assert.Equal(ScenarioJson.Serialize(scenario with { Operations = [scenario.Operations[i]] }),
                ScenarioJson.Serialize(read.Scenario with { Operations = [read.Scenario.Operations[i]] }));
    }

    [Fact]
    public void A_missing_field_is_reported_with_the_operations_index_and_the_field()
    {
        var error = Assert.Single(Errors("""{"name":"s","operations":[{"op":"renameTeam","teamId":"t","name":"x"},{"op":"renameTeam","teamId":"t"}]}"""));
        Assert.Equal((1, "renameTeam", "name"), (error.Index, error.Op, error.Field));
    }

    [Fact]
    public void Every_malformed_operation_is_reported_at_once()
    {
        var errors = Errors("""{"name":"s","operations":[{"op":"addOpening","teamId":"t","roleId":"r","count":0},{"op":"movePerson","personId":"p","toTeamId":"t","allocation":1.5},{"op":"assignOwnership","teamId":"t","targetId":"j","kind":"owner"}]}""");
        Assert.Equal([(0, "count"), (1, "allocation"), (2, "kind")], errors.Select(e => (e.Index!.Value, e.Field!)));
    }

    [Fact]
    public void Operations_on_journeys_phases_or_steps_are_rejected()
    {
        var error = Assert.Single(Errors("""{"name":"s","operations":[{"op":"renamePhase","phaseId":"p","name":"x"}]}"""));
        Assert.Contains("cannot change journeys", error.Reason);
    }

    [Fact]
    public void An_unknown_operation_is_rejected_listing_the_known_ones()
    {
        var error = Assert.Single(Errors("""{"name":"s","operations":[{"op":"hireEveryone"}]}"""));
        Assert.Equal("op", error.Field);
        Assert.Contains("mergeTeams", error.Reason);
    }

    [Fact]
    public void A_document_without_name_or_operations_or_not_json_is_rejected()
    {
        Assert.Equal(["name", "operations"], Errors("""{"description":"x"}""").Select(e => e.Field));
        Assert.Null(Assert.Single(Errors("{not json")).Index);
        Assert.Single(Errors("[]"));
    }

    [Fact]
    public void Optional_fields_may_be_absent_or_null()
    {
        var read = ScenarioJson.Parse("""{"name":"s","operations":[{"op":"moveTeam","teamId":"t"},{"op":"setManager","personId":"p","managerId":null},{"op":"createTeam","teamId":"t2","name":"n"}]}""");
        Assert.True(read.Succeeded);
        Assert.Null(((MoveTeam)read.Scenario!.Operations[0]).ParentId);
    }
}
