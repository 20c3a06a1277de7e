using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using JourneyOrg.Tests.Analysis;
using static JourneyOrg.Tests.Analysis.TestWorkspace;

namespace JourneyOrg.Tests.Scenarios;

internal static class ScenarioTestSupport
{
    /// <summary>A small bank: two tribes with squads, a journey with a few steps, and a reporting line.</summary>
    public static TestWorkspace Bank() => new TestWorkspace()
        .Person("ceo").Person("lead-a", "ceo").Person("lead-b", "ceo")
        .Journey("j", Phase("p1", Step("s1"), Step("s2")), Phase("p2", Step("s3")))
        .Team("t-tribe", lead: "ceo", members: "ceo:0.5")
        .Team("t-a", parent: "t-tribe", lead: "lead-a", members: ["lead-a", "a1", "a2:0.5", "both:0.5"])
        .Team("t-b", parent: "t-tribe", lead: "lead-b", members: ["lead-b", "b1", "both:0.75"])
        .Team("t-a-child", parent: "t-a", members: "c1")
        .Owns("t-a", "p1").Owns("t-b", "s3").Contributes("t-b", "s1");

    public static SimulationResult Simulate(Workspace ws, params ScenarioOperation[] ops) =>
        ScenarioSimulation.Simulate(ws, new Scenario("test", null, ops));

    public static Workspace After(Workspace ws, params ScenarioOperation[] ops)
    {
        var result = Simulate(ws, ops);
        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Workspace!;
    }

    public static ScenarioError Rejected(Workspace ws, params ScenarioOperation[] ops)
    {
        var result = Simulate(ws, ops);
        Assert.False(result.Valid);
        Assert.Null(result.Scenario);
        Assert.Null(result.Diff);
        return Assert.Single(result.Errors);
    }

    public static Team TeamOf(this Workspace ws, string id) => ws.Teams.Single(t => t.Id == id);

    public static double? AllocationIn(this Workspace ws, string team, string person) =>
        ws.TeamOf(team).Members.SingleOrDefault(m => m.PersonId == person)?.Allocation;

    public static Ownership? Edge(this Workspace ws, string team, string target) =>
        ws.Ownership.SingleOrDefault(o => o.TeamId == team && o.TargetId == target);
}
