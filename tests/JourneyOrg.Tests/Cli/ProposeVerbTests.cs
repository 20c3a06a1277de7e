using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Cli;
using JourneyOrg.Web.Infrastructure;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Cli;

public sealed class ProposeVerbTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    private string GeneratedFile(int people, int seed)
    {
        var path = Path.Combine(_temporary.Directory, $"generated-{people}-{seed}.json");
        File.WriteAllText(path, WorkspaceWriter.ToJson(WorkspaceGenerator.Generate(people, seed)));
        return path;
    }

    [Fact]
    public async Task Json_prints_a_scenario_document_that_simulates_to_no_gaps_or_overlaps_where_people_allow()
    {
        var file = GeneratedFile(3000, 3);
        var run = await CliRun.Of("propose", "--workspace", file, "--json");

        Assert.Equal(CliApp.Success, run.ExitCode);
        var parsed = ScenarioJson.Parse(run.Stdout);
        Assert.True(parsed.Succeeded);
        Assert.NotEmpty(parsed.Scenario!.Operations);
        Assert.All(parsed.Scenario.Operations, op => Assert.NotNull(op.Reason));
        var result = ScenarioSimulation.Simulate(WorkspaceGenerator.Generate(3000, 3), parsed.Scenario);
        Assert.True(result.Valid);
        Assert.DoesNotContain(result.Scenario!.Units, u => u.Owners.Count >= 2);
        Assert.True(result.Scenario.Journeys.Sum(j => j.Handoffs) < result.Baseline.Journeys.Sum(j => j.Handoffs));
        // The same file gives the same document.
        Assert.Equal(run.Stdout, (await CliRun.Of("propose", "--workspace", file, "--json")).Stdout);
    }

    [Fact]
    public async Task The_summary_shows_before_and_after_and_the_options_change_the_draft()
    {
        var file = GeneratedFile(3000, 3);
        var auto = await CliRun.Of("propose", "--workspace", file);
        Assert.Equal(CliApp.Success, auto.ExitCode);
        Assert.Contains("gaps (unowned units)   2 → 0", auto.Stdout);
        Assert.Contains("overlaps               18 → 0", auto.Stdout);
        Assert.Contains("accountable team sizes", auto.Stdout);

        var byJourney = await CliRun.Of("propose", "--workspace", file, "--by", "journey", "--json");
        Assert.DoesNotContain("\"moveTeam\"", byJourney.Stdout);
        Assert.Contains("\"moveTeam\"", (await CliRun.Of("propose", "--workspace", file, "--json")).Stdout);
        Assert.Contains("(by journey, 5\\u20139 people)", byJourney.Stdout);
    }

    [Fact]
    public async Task With_a_store_the_draft_is_saved_and_its_id_is_the_last_word()
    {
        await _temporary.Store.ReplaceAsync(await DemoData.LoadAsync());
        var run = await CliRun.Of("propose", "--store", _temporary.Spec, "--journey", "j-buy-motor", "--journey", "j-motor-claim");

        Assert.Equal(CliApp.Success, run.ExitCode);
        var id = run.Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[^1];
        var stored = await _temporary.Store.GetScenarioAsync(id);
        Assert.NotNull(stored);
        Assert.Equal("draft", stored!.Status);
        var parsed = ScenarioJson.Parse(stored.Document);
        Assert.True(parsed.Succeeded);
        Assert.True(ScenarioSimulation.Simulate(AlignmentAnalysis.Prepare((await _temporary.Store.LoadAsync()).Workspace), parsed.Scenario!).Valid);
    }

    [Fact]
    public async Task Bad_options_are_usage_errors_and_an_unknown_journey_is_invalid_input()
    {
        var file = GeneratedFile(60, 1);
        var by = await CliRun.Of("propose", "--workspace", file, "--by", "tribe");
        Assert.Equal(CliApp.UsageError, by.ExitCode);
        Assert.Contains("--by must be journey, phase or auto", by.Stderr);

        var sizes = await CliRun.Of("propose", "--workspace", file, "--min-size", "8", "--max-size", "4");
        Assert.Equal(CliApp.UsageError, sizes.ExitCode);
        Assert.Contains("--max-size (4) must not be below --min-size (8)", sizes.Stderr);

        var both = await CliRun.Of("propose", "--workspace", file, "--store", _temporary.Spec);
        Assert.Equal(CliApp.UsageError, both.ExitCode);

        var journey = await CliRun.Of("propose", "--workspace", file, "--journey", "j-nowhere");
        Assert.Equal(CliApp.InvalidInput, journey.ExitCode);
        Assert.Contains("journey 'j-nowhere' does not exist", journey.Stderr);
        Assert.Equal("", journey.Stdout);
    }

    public void Dispose() => _temporary.Dispose();
}
