using System.Text.Json.Nodes;
using JourneyOrg.Web.Cli;

namespace JourneyOrg.Tests.Analysis;

public sealed class EngineVerbTests
{
    private static async Task<(int Code, string Out, string Err)> Run(ICliVerb verb, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync([verb.Name, .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Analyze_json_prints_the_spec_analysis_of_a_workspace_file()
    {
        var (code, output, _) = await Run(new AnalyzeVerb(), "--workspace", GoldenData.PathOf("bank-workspace.json"), "--json");
        Assert.Equal(CliApp.Success, code);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-analysis.expected.json"), output);
    }

    [Fact]
    public async Task Analyze_without_json_summarises_coverage_org_and_data_quality()
    {
        var (code, output, _) = await Run(new AnalyzeVerb(), "--workspace", GoldenData.PathOf("bank-workspace.json"));
        Assert.Equal(CliApp.Success, code);
        Assert.Contains("392 people", output);
        Assert.Contains("Data quality", output);
    }

    [Fact]
    public async Task Simulate_json_prints_the_spec_simulation_and_exits_0()
    {
        var (code, output, _) = await Run(new SimulateVerb(), "--workspace", GoldenData.PathOf("bank-workspace.json"),
            "--scenario", GoldenData.PathOf("bank-scenario-1.json"), "--json");
        Assert.Equal(CliApp.Success, code);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-scenario-1.expected.json"), output);
    }

    [Fact]
    public async Task Simulate_an_invalid_scenario_prints_why_and_exits_2()
    {
        var (code, output, error) = await Run(new SimulateVerb(), "--workspace", GoldenData.PathOf("bank-workspace.json"),
            "--scenario", GoldenData.PathOf("bank-scenario-invalid.json"), "--json");
        Assert.Equal(CliApp.InvalidInput, code);
        Assert.False(JsonNode.Parse(output)!["valid"]!.GetValue<bool>());
        Assert.Contains("operation 1 (mergeTeams)", error);
    }

    [Theory]
    [InlineData("analyze", "--bogus")]
    [InlineData("simulate", "--workspace", "x.json")]
    [InlineData("generate", "--seed", "3")]
    [InlineData("generate", "--people", "many")]
    [InlineData("bench", "--iterations", "0")]
    public async Task Engine_verbs_exit_1_on_usage_errors(string verb, params string[] args) =>
        Assert.Equal(CliApp.UsageError, (await Run(Verb(verb), args)).Code);

    [Theory]
    [InlineData("analyze")]
    [InlineData("simulate")]
    [InlineData("generate")]
    [InlineData("bench")]
    public async Task Every_engine_verb_has_help(string verb)
    {
        var (code, output, _) = await Run(Verb(verb), "--help");
        Assert.Equal(CliApp.Success, code);
        Assert.StartsWith($"usage: journeyorg {verb}", output);
    }

    [Fact]
    public async Task Generate_writes_a_workspace_that_analyze_reads()
    {
        var file = Path.Combine(Path.GetTempPath(), $"journeyorg-gen-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(CliApp.Success, (await Run(new GenerateVerb(), "--people", "300", "--seed", "5", "--out", file)).Code);
            var (code, output, _) = await Run(new AnalyzeVerb(), "--workspace", file, "--json");
            Assert.Equal(CliApp.Success, code);
            Assert.True(JsonNode.Parse(output)!["org"]!["people"]!.GetValue<int>() > 250);
        }
        finally { File.Delete(file); }
    }

    /// <summary>
    /// A file is analysed while it is checked (issue #17); a broken one must still print every error, print no analysis
    /// and exit 2, also when what is broken is a loop the analysis walks (reporting lines, sub-journeys).
    /// </summary>
    [Theory]
    [InlineData("analyze")]
    [InlineData("simulate")]
    public async Task A_broken_file_prints_its_errors_and_no_analysis(string verb)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(GoldenData.PathOf("bank-workspace.json")))!;
        var people = document["people"]!.AsArray();
        people[0]!["managerId"] = people[1]!["id"]!.GetValue<string>();
        people[1]!["managerId"] = people[0]!["id"]!.GetValue<string>();
        people[2]!["managerId"] = "nobody-here";
        document["journeys"]![0]!["parentId"] = document["journeys"]![0]!["id"]!.GetValue<string>();
        var file = Path.Combine(Path.GetTempPath(), $"journeyorg-broken-{Guid.NewGuid():N}.json");
        var scenario = Path.Combine(Path.GetTempPath(), $"journeyorg-scenario-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, document.ToJsonString());
            await File.WriteAllTextAsync(scenario, """{ "name": "Nothing", "operations": [] }""");
            var (code, output, error) = verb == "analyze"
                ? await Run(new AnalyzeVerb(), "--workspace", file, "--json")
                : await Run(new SimulateVerb(), "--workspace", file, "--scenario", scenario, "--json");
            Assert.Equal(CliApp.InvalidInput, code);
            Assert.Equal("", output);
            Assert.Contains("cycle in the reporting lines", error);
            Assert.Contains("cycle in the journey framework", error);
            Assert.Contains("nobody-here", error);
        }
        finally
        {
            File.Delete(file);
            File.Delete(scenario);
        }
    }

    private static ICliVerb Verb(string name) => name switch
    {
        "analyze" => new AnalyzeVerb(),
        "simulate" => new SimulateVerb(),
        "generate" => new GenerateVerb(),
        _ => new BenchVerb(),
    };
}
