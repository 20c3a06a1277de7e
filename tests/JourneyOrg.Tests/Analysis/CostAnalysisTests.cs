using System.Text.Json.Nodes;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Analysis;

/// <summary>SPEC §5: people cost per team, unit, phase and journey, the org's total and unmapped cost.</summary>
public sealed class CostAnalysisTests
{
    private static readonly Lazy<Workspace> BankWithCosts = new(() =>
        WorkspaceReader.Read(GoldenData.Text("bank-workspace-costs.json")) is { IsValid: true } read
            ? read.Workspace!
            : throw new InvalidOperationException("bank-workspace-costs.json does not validate"));

    [Fact]
    public void Bank_workspace_with_costs_gives_the_expected_cost_figures()
    {
        var json = JsonNode.Parse(AnalysisJson.Serialize(AlignmentAnalysis.Analyze(BankWithCosts.Value)))!;
        JsonObject ById(string section) => new(json[section]!.AsArray().Select(e => KeyValuePair.Create(e!["id"]!.GetValue<string>(), (JsonNode?)e["cost"]!.DeepClone())));
        var figures = new JsonObject
        {
            ["teams"] = ById("teams"),
            ["phases"] = ById("phases"),
            ["journeys"] = ById("journeys"),
            ["totalCost"] = json["org"]!["totalCost"]!.DeepClone(),
            ["unmappedCost"] = json["org"]!["unmappedCost"]!.DeepClone(),
        };
        // The golden file lists only journeys with phases; a framework journey without units costs 0 and is left out there.
        foreach (var (id, cost) in figures["journeys"]!.AsObject().ToList())
            if (cost!.GetValue<double>() == 0 && JsonNode.Parse(GoldenData.Text("bank-costs.expected.json"))!["journeys"]![id] is null)
                figures["journeys"]!.AsObject().Remove(id);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-costs.expected.json"), figures.ToJsonString());
    }

    [Fact]
    public void Cost_data_adds_cost_fields_and_changes_nothing_else()
    {
        var withCosts = AlignmentAnalysis.Analyze(BankWithCosts.Value);
        Assert.NotNull(withCosts.Cost);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-analysis.expected.json"), AnalysisJson.Serialize(withCosts.WithoutCost()));
        Assert.Null(AlignmentAnalysis.Analyze(GoldenData.Bank).Cost);
        Assert.DoesNotContain("cost", AnalysisJson.Serialize(AlignmentAnalysis.Analyze(GoldenData.Bank)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Bank_cost_scenario_gives_the_expected_cost_diff()
    {
        var parsed = ScenarioJson.Parse(GoldenData.Text("bank-scenario-costs.json"));
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        var result = ScenarioSimulation.Simulate(BankWithCosts.Value, parsed.Scenario!);
        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));

        var diff = JsonNode.Parse(SimulationJson.Serialize(result))!["diff"]!;
        var actual = new JsonObject { ["cost"] = diff["cost"]!.DeepClone(), ["journeyCost"] = diff["journeyCost"]!.DeepClone() };
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-scenario-costs.expected.json"), actual.ToJsonString());
    }

    [Fact]
    public void Existing_scenarios_on_a_workspace_without_costs_carry_no_cost()
    {
        var parsed = ScenarioJson.Parse(GoldenData.Text("bank-scenario-costs.json"));
        var result = ScenarioSimulation.Simulate(GoldenData.Bank, parsed.Scenario!);
        Assert.True(result.Valid);
        Assert.Null(result.Diff!.Cost);
        Assert.DoesNotContain("ost\"", SimulationJson.Serialize(result), StringComparison.Ordinal);
    }

    // One journey, two phases: p-a (steps s-1, s-2) and p-b (no steps, so one unit). t-x owns s-1 and p-b, t-y owns s-2 and
    // p-b too (an overlap), t-idle owns nothing. Costs: ann 100 000, bob 60 000, cy 40 000 (half in t-x, half in t-idle),
    // dee has no entry.
    private static Workspace Small() => new TestWorkspace()
        .Journey("j", TestWorkspace.Phase("p-a", TestWorkspace.Step("s-1"), TestWorkspace.Step("s-2")), TestWorkspace.Phase("p-b"))
        .Team("t-x", members: ["ann", "cy:0.5"])
        .Team("t-y", members: ["bob", "dee"])
        .Team("t-idle", members: ["cy:0.5"])
        .Owns("t-x", "s-1").Owns("t-x", "p-b").Owns("t-y", "s-2").Owns("t-y", "p-b")
        .Build() with
    {
        Costs = [new PersonCost("ann", 100_000), new PersonCost("bob", 60_000), new PersonCost("cy", 40_000)],
        Currency = "CHF",
    };

    [Fact]
    public void Team_cost_is_its_own_members_allocation_times_their_cost()
    {
        var cost = AlignmentAnalysis.Analyze(Small()).Cost!;
        var teams = AlignmentAnalysis.Analyze(Small()).Teams.Select(t => t.Id).ToList();
        // t-x: 100 000 + 0.5 × 40 000; t-y: 60 000 + dee without an entry (0); t-idle: 0.5 × 40 000.
        Assert.Equal(120_000, cost.Teams[teams.IndexOf("t-x")]);
        Assert.Equal(60_000, cost.Teams[teams.IndexOf("t-y")]);
        Assert.Equal(20_000, cost.Teams[teams.IndexOf("t-idle")]);
        Assert.Equal("CHF", cost.Currency);
    }

    [Fact]
    public void A_child_team_cost_is_not_added_to_its_parent()
    {
        var workspace = new TestWorkspace()
            .Journey("j", TestWorkspace.Phase("p", TestWorkspace.Step("s")))
            .Team("t-unit", members: ["lead"]).Team("t-squad", parent: "t-unit", members: ["dev"])
            .Owns("t-unit", "s").Build() with { Costs = [new PersonCost("lead", 90_000), new PersonCost("dev", 70_000)] };
        var report = AlignmentAnalysis.Analyze(workspace);
        Assert.Equal(90_000, report.Cost!.Teams[0]);
        Assert.Equal(70_000, report.Cost.Teams[1]);
        Assert.Equal(70_000, report.Cost.UnmappedCost);
    }

    [Fact]
    public void Team_cost_spreads_over_its_units_like_fte()
    {
        var report = AlignmentAnalysis.Analyze(Small());
        var cost = report.Cost!;
        // t-x has 2 units (s-1, p-b): 60 000 each; t-y has 2 units (s-2, p-b): 30 000 each.
        var units = report.Units.Select(u => u.Id).ToList();
        Assert.Equal(60_000, cost.Units[units.IndexOf("s-1")]);
        Assert.Equal(30_000, cost.Units[units.IndexOf("s-2")]);
        Assert.Equal(90_000, cost.Units[units.IndexOf("p-b")]);
        Assert.Equal(90_000, cost.Phases[report.Phases.ToList().FindIndex(p => p.Id == "p-a")]);
        Assert.Equal(90_000, cost.Phases[report.Phases.ToList().FindIndex(p => p.Id == "p-b")]);
        Assert.Equal(180_000, Assert.Single(cost.Journeys));
    }

    [Fact]
    public void Total_cost_counts_each_person_once_and_unmapped_cost_is_what_lands_on_teams_without_units()
    {
        var cost = AlignmentAnalysis.Analyze(Small()).Cost!;
        // ann 100 000 + bob 60 000 + cy 40 000 × min(1, 0.5 + 0.5).
        Assert.Equal(200_000, cost.TotalCost);
        Assert.Equal(20_000, cost.UnmappedCost);
        Assert.Equal(cost.Teams.Sum() - cost.UnmappedCost, cost.Journeys.Sum(), 6);
    }

    [Fact]
    public void A_person_over_full_time_counts_once_in_the_total_but_per_membership_in_teams()
    {
        var workspace = new TestWorkspace()
            .Journey("j", TestWorkspace.Phase("p", TestWorkspace.Step("s")))
            .Team("t-a", members: ["ann:0.8"]).Team("t-b", members: ["ann:0.7"])
            .Owns("t-a", "s").Owns("t-b", "s").Build() with { Costs = [new PersonCost("ann", 100_000)] };
        var cost = AlignmentAnalysis.Analyze(workspace).Cost!;
        Assert.Equal(100_000, cost.TotalCost);
        Assert.Equal(150_000, cost.Teams.Sum(), 6);
        Assert.Equal(150_000, Assert.Single(cost.Journeys), 6);
    }

    [Fact]
    public void Cost_figures_are_written_rounded_to_2_decimals()
    {
        var workspace = new TestWorkspace()
            .Journey("j", TestWorkspace.Phase("p", TestWorkspace.Step("s-1"), TestWorkspace.Step("s-2"), TestWorkspace.Step("s-3")))
            .Team("t", members: ["ann"]).Owns("t", "p").Build() with { Costs = [new PersonCost("ann", 100_000)] };
        var json = JsonNode.Parse(AnalysisJson.Serialize(AlignmentAnalysis.Analyze(workspace)))!;
        Assert.Equal(100_000.0, json["phases"]![0]!["cost"]!.GetValue<double>());
        Assert.Equal(100_000.0, json["journeys"]![0]!["cost"]!.GetValue<double>());
        Assert.Equal(100_000.0, json["org"]!["totalCost"]!.GetValue<double>());
        Assert.Equal(0.0, json["org"]!["unmappedCost"]!.GetValue<double>());
        Assert.Equal(33_333.33, AnalysisJson.Money(100_000.0 / 3));
    }

    [Fact]
    public void A_scenario_reports_cost_before_and_after_and_the_planned_cost_of_openings()
    {
        var workspace = Small() with { Roles = [new Role("r-eng", "Engineer", "Engineering", "L5") { AnnualCost = 80_000 }] };
        var scenario = new Scenario("s", null,
        [
            new CreateRole("r-jo", "Journey owner", "Product", "L6") { AnnualCost = 100_000 },
            new AddOpening("t-x", "r-jo", 2, 0.5),
            new AddOpening("t-y", "r-eng", 1, null),
            new MovePerson("cy", "t-idle", "t-y", null),
            new AssignRole("bob", "r-jo"),
        ]);
        var result = ScenarioSimulation.Simulate(workspace, scenario);
        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        var diff = result.Diff!;
        // Planned: 2 × 0.5 × 100 000 + 1 × 1.0 × 80 000. Moving cy keeps the total (still 100%) and moves 20 000 off t-idle.
        Assert.Equal(new CostChange(200_000, 200_000, 180_000), diff.Cost);
        var journey = Assert.Single(diff.JourneyCost);
        Assert.Equal(("j", 180_000.0, 200_000.0), (journey.JourneyId, journey.Before, journey.After));
        Assert.Equal(0, result.Scenario!.Cost!.UnmappedCost);
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(800, 2)]
    [InlineData(3000, 3)]
    public void On_generated_workspaces_journey_costs_add_up_to_team_cost_minus_unmapped_cost(int people, int seed)
    {
        var generated = WorkspaceGenerator.Generate(people, seed);
        var random = new Random(seed);
        // Some people without an entry, some costing nothing: both count 0.
        var workspace = generated with
        {
            Costs = generated.People.Where(_ => random.Next(10) > 0).Select(p => new PersonCost(p.Id, random.Next(5) == 0 ? 0 : random.Next(40_000, 160_000))).ToList(),
        };
        var baseline = AlignmentAnalysis.Prepare(workspace);
        var reports = new List<AlignmentReport> { baseline.Report };
        for (var s = 0; s < 3; s++)
            reports.Add(ScenarioSimulation.Simulate(baseline, ScenarioGenerator.Generate(baseline, 20, seed * 10 + s)).Scenario!);
        foreach (var report in reports)
        {
            var cost = report.Cost!;
            Assert.Equal(cost.Teams.Sum() - cost.UnmappedCost, cost.Journeys.Sum(), 1e-3);
            Assert.Equal(cost.Journeys.Sum(), cost.Phases.Sum(), 1e-3);
            Assert.Equal(cost.Phases.Sum(), cost.Units.Sum(), 1e-3);
            Assert.True(cost.TotalCost <= cost.Teams.Sum() + 1e-3, "each person counts at most once in the total");
            var unmapped = report.Teams.Select((t, i) => t.Units == 0 ? cost.Teams[i] : 0).Sum();
            Assert.Equal(unmapped, cost.UnmappedCost, 1e-3);
        }
    }
}
