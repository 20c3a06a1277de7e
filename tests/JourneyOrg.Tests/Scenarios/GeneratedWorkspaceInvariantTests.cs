using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Scenarios;

/// <summary>Properties that must hold for any org, checked on generated workspaces of several sizes and seeds.</summary>
public sealed class GeneratedWorkspaceInvariantTests
{
    public static TheoryData<int, int> Sizes => new() { { 60, 1 }, { 800, 2 }, { 3000, 3 }, { 3000, 4 } };

    private static string Json(AlignmentReport report) => AnalysisJson.Serialize(report);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void An_empty_scenario_changes_nothing(int people, int seed)
    {
        var result = ScenarioSimulation.Simulate(WorkspaceGenerator.Generate(people, seed), new Scenario("empty", null, []));
        Assert.True(result.Valid);
        Assert.Equal(Json(result.Baseline), Json(result.Scenario!));
        var d = result.Diff!;
        Assert.Empty(d.OwnerChanges); Assert.Empty(d.Handoffs); Assert.Empty(d.Fte);
        Assert.Equal((0, d.TeamsBefore, 0.0), (d.PeopleMoved, d.TeamsAfter, d.PlannedFte));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void No_scenario_changes_a_journey_or_the_baseline(int people, int seed)
    {
        var workspace = WorkspaceGenerator.Generate(people, seed);
        // The whole workspace as written to a file: any change inside it (a list mutated in place, a record swapped) shows.
        var document = WorkspaceWriter.ToJson(workspace);
        var people0 = workspace.People.ToArray();
        var teams0 = workspace.Teams.ToArray();
        var ownership0 = workspace.Ownership.ToArray();
        var baseline = AlignmentAnalysis.Prepare(workspace);
        var before = Json(baseline.Report);
        for (var s = 0; s < 5; s++)
        {
            var scenario = ScenarioGenerator.Generate(baseline, 30, seed * 100 + s);
            var result = ScenarioSimulation.Simulate(baseline, scenario);
            Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Same(workspace.Journeys, result.Workspace!.Journeys);
        }
        Assert.Equal(document, WorkspaceWriter.ToJson(workspace));
        Assert.Equal(people0, workspace.People);
        Assert.Equal(teams0, workspace.Teams);
        Assert.Equal(ownership0, workspace.Ownership);
        Assert.Equal(before, Json(AlignmentAnalysis.Analyze(workspace)));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_scenario_analysed_on_its_baseline_equals_a_fresh_analysis(int people, int seed)
    {
        var baseline = AlignmentAnalysis.Prepare(WorkspaceGenerator.Generate(people, seed));
        for (var s = 0; s < 5; s++)
        {
            var result = ScenarioSimulation.Simulate(baseline, ScenarioGenerator.Generate(baseline, 20, seed * 10 + s));
            Assert.Equal(Json(AlignmentAnalysis.Analyze(result.Workspace!)), Json(result.Scenario!));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Analysis_does_not_depend_on_the_order_of_teams_and_people(int people, int seed)
    {
        var workspace = WorkspaceGenerator.Generate(people, seed);
        var rng = new Random(seed);
        var shuffled = workspace with
        {
            People = [.. workspace.People.OrderBy(_ => rng.Next())],
            Teams = [.. workspace.Teams.OrderBy(_ => rng.Next())],
            Ownership = [.. workspace.Ownership.OrderBy(_ => rng.Next())],
        };
        var a = AlignmentAnalysis.Analyze(workspace);
        var b = AlignmentAnalysis.Analyze(shuffled);
        Assert.Equal(Json(a with { Teams = [] }), Json(b with { Teams = [] }));
        Assert.Equal(Json(a with { Teams = [.. a.Teams.OrderBy(t => t.Id, StringComparer.Ordinal)] }),
                     Json(b with { Teams = [.. b.Teams.OrderBy(t => t.Id, StringComparer.Ordinal)] }));
    }

    [Fact]
    public void Generating_twice_with_the_same_seed_gives_the_same_workspace()
    {
        var a = WorkspaceGenerator.Generate(500, 7);
        var b = WorkspaceGenerator.Generate(500, 7);
        Assert.Equal(a.People, b.People);
        Assert.Equal(a.Ownership, b.Ownership);
        Assert.Equal(a.Teams.Select(t => (t.Id, t.ParentId, t.LeadId, t.Members.Count)), b.Teams.Select(t => (t.Id, t.ParentId, t.LeadId, t.Members.Count)));
    }

    [Fact]
    public void A_generated_org_is_shaped_like_a_real_one()
    {
        var ws = WorkspaceGenerator.Generate(20_000, 1);
        var report = AlignmentAnalysis.Analyze(ws);
        Assert.InRange(report.Org.Layers, 9, 15);
        Assert.InRange(report.Org.MaxSpan, 3, 12);
        var parents = ws.Teams.Select(t => t.ParentId).OfType<string>().ToHashSet();
        Assert.All(ws.Teams.Where(t => !parents.Contains(t.Id)), t => Assert.InRange(t.Members.Count, 5, 16));
        Assert.Contains(report.Phases, p => p.Status == PhaseStatus.Unowned || p.Status == PhaseStatus.Partial);
        Assert.Contains(report.Phases, p => p.Status == PhaseStatus.Overlapping);
        Assert.Contains(ws.Journeys.SelectMany(j => j.Phases).SelectMany(p => p.Steps), s => s.SubjourneyId is not null);
        Assert.Contains(ws.People, p => !p.AccountEnabled);
    }
}
