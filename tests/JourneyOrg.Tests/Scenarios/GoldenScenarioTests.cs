using System.Text.Json.Nodes;
using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Tests.Analysis;

namespace JourneyOrg.Tests.Scenarios;

public sealed class GoldenScenarioTests
{
    [Theory]
    [InlineData("bank-scenario-1")]
    [InlineData("bank-scenario-2")]
    [InlineData("bank-scenario-3")]
    public void Bank_scenario_gives_the_expected_simulation(string name)
    {
        var parsed = ScenarioJson.Parse(GoldenData.Text(name + ".json"));
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Message)));

        var result = ScenarioSimulation.Simulate(GoldenData.Bank, parsed.Scenario!);

        GoldenData.AssertJsonEquivalent(GoldenData.Text(name + ".expected.json"), SimulationJson.Serialize(result));
    }

    [Fact]
    public void Bank_invalid_scenario_is_rejected_naming_operation_1()
    {
        var parsed = ScenarioJson.Parse(GoldenData.Text("bank-scenario-invalid.json"));
        Assert.True(parsed.Succeeded);

        var result = ScenarioSimulation.Simulate(GoldenData.Bank, parsed.Scenario!);

        Assert.False(result.Valid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Index);
        Assert.Equal("mergeTeams", error.Op);
        Assert.Null(result.Scenario);
        Assert.Null(result.Diff);
        var json = JsonNode.Parse(SimulationJson.Serialize(result))!;
        Assert.False(json["valid"]!.GetValue<bool>());
        Assert.Equal(1, json["errors"]![0]!["index"]!.GetValue<int>());
        Assert.StartsWith("operation 1 (mergeTeams)", json["errors"]![0]!["message"]!.GetValue<string>());
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-analysis.expected.json"), json["baseline"]!.ToJsonString());
    }
}
