using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Cli;
using JourneyOrg.Web.Infrastructure;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Cli;

public sealed class SeedVerbTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    [Fact]
    public async Task Seed_loads_the_demo_workspace_into_an_empty_store()
    {
        var run = await CliRun.Of("seed", "--store", _temporary.Spec);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.StartsWith("Loaded the demo workspace (20 journeys, 289 people, 30 teams)", run.Stdout);
        Assert.Equal(WorkspaceWriter.ToJson(await DemoData.LoadAsync()), await _temporary.ExportAsync());
    }

    [Fact]
    public async Task Seed_leaves_a_non_empty_store_alone_unless_told_to_replace()
    {
        await _temporary.Store.ReplaceAsync(WorkspaceReader.Read(SampleDocuments.Valid).Workspace!);
        var before = await _temporary.ExportAsync();

        var refused = await CliRun.Of("seed", "--store", _temporary.Spec);
        Assert.Equal(CliApp.UsageError, refused.ExitCode);
        Assert.Contains("pass --replace", refused.Stderr);
        Assert.Equal(before, await _temporary.ExportAsync());

        var replaced = await CliRun.Of("seed", "--replace", "--store", _temporary.Spec);
        Assert.Equal(CliApp.Success, replaced.ExitCode);
        Assert.Equal(289, (await _temporary.Store.LoadAsync()).Workspace.People.Count);
    }

    [Fact]
    public async Task Seed_takes_no_file()
    {
        var run = await CliRun.Of("seed", "demo.json", "--store", _temporary.Spec);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
    }

    public void Dispose() => _temporary.Dispose();
}
