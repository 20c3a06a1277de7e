using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Analysis;
using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Cli;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Cli;

public sealed class ScenariosVerbTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    private Task<CliRun> Run(params string[] args) => CliRun.Of(["scenarios", .. args, "--store", _temporary.Spec]);

    private static string LastWord(string stdout) => stdout.TrimEnd().Split('\n').Last().Split(' ').Last();

    [Fact]
    public async Task A_golden_scenario_goes_from_file_to_applied_and_the_store_equals_the_simulation()
    {
        await _temporary.Store.ReplaceAsync(GoldenData.Bank);
        var file = GoldenData.PathOf("bank-scenario-1.json");

        var imported = await Run("import", file);
        Assert.Equal(CliApp.Success, imported.ExitCode);
        var id = LastWord(imported.Stdout);
        Assert.StartsWith("sc-", id);

        var list = await Run("list");
        Assert.Contains(id, list.Stdout);
        Assert.Contains("draft", list.Stdout);

        var early = await Run("apply", id);
        Assert.Equal(CliApp.InvalidInput, early.ExitCode);
        Assert.Contains("Only an approved scenario can be applied; this one is draft.", early.Stderr);

        Assert.Equal(CliApp.Success, (await Run("status", id, "proposed")).ExitCode);
        Assert.Equal(CliApp.Success, (await Run("status", id, "approved")).ExitCode);
        var simulated = ScenarioSimulation.Simulate(GoldenData.Bank, ScenarioJson.Parse(File.ReadAllText(file)).Scenario!).Workspace!;
        var applied = await Run("apply", id);
        Assert.True(applied.ExitCode == CliApp.Success, applied.Stderr);
        Assert.Equal(WorkspaceWriter.ToJson(simulated with { Opportunities = [], Solutions = [], Insights = [] }),
            WorkspaceWriter.ToJson((await _temporary.Store.LoadAsync()).Workspace with { Opportunities = [], Solutions = [], Insights = [] }));

        Assert.Equal(CliApp.InvalidInput, (await Run("status", id, "draft")).ExitCode);
        var exported = await Run("export", id);
        Assert.Contains("\"status\": \"applied\"", exported.Stdout);
    }

    [Fact]
    public async Task An_export_imports_into_another_store_and_a_broken_file_is_refused_with_its_errors()
    {
        await _temporary.Store.SaveScenarioAsync(new StoredScenario("sc-a", "Merge", ScenarioStatus.Proposed,
            """{"name":"Merge","description":"Fold risk in","operations":[{"op":"mergeTeams","sourceTeamId":"t-1","targetTeamId":"t-2"}]}""",
            null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 0), null);
        var file = Path.Combine(_temporary.Directory, "out.json");
        var exported = await Run("export", "sc-a", file);
        Assert.Equal(CliApp.Success, exported.ExitCode);

        using var other = new TemporaryStore();
        var imported = await CliRun.Of("scenarios", "import", file, "--store", other.Spec);
        Assert.Equal(CliApp.Success, imported.ExitCode);
        var copy = (await other.Store.GetScenarioAsync(LastWord(imported.Stdout)))!;
        Assert.Equal((ScenarioStatus.Draft, "Merge"), (copy.Status, copy.Name));
        Assert.Contains("Fold risk in", copy.Document);

        var broken = Path.Combine(_temporary.Directory, "broken.json");
        await File.WriteAllTextAsync(broken, """{"name":"x","operations":[{"op":"movePerson"}]}""");
        var refused = await Run("import", broken);
        Assert.Equal(CliApp.InvalidInput, refused.ExitCode);
        Assert.Contains("operation 0 (movePerson), personId: is required", refused.Stderr);
        Assert.Single(await _temporary.Store.ListScenariosAsync());

        Assert.Equal(CliApp.InvalidInput, (await Run("export", "sc-nope")).ExitCode);
        Assert.Equal(CliApp.UsageError, (await Run("status", "sc-a")).ExitCode);
        Assert.Equal(CliApp.InvalidInput, (await Run("status", "sc-a", "applied")).ExitCode);
    }

    public void Dispose() => _temporary.Dispose();
}
