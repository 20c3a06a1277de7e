using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Cli;
using JourneyOrg.Workspaces;
using static JourneyOrg.Tests.Workspaces.SampleDocuments;

namespace JourneyOrg.Tests.Cli;

public sealed class ExportVerbTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    [Fact]
    public async Task Export_writes_the_workspace_to_standard_output()
    {
        await _temporary.Store.ReplaceAsync(WorkspaceReader.Read(Valid).Workspace!);

        var run = await CliRun.Of("export", "--store", _temporary.Spec);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal(await _temporary.ExportAsync(), run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Export_to_a_file_then_import_of_it_then_export_again_gives_the_same_bytes()
    {
        await CliRun.Of("seed", "--store", _temporary.Spec);
        var file = Path.Combine(_temporary.Directory, "export.json");

        var exported = await CliRun.Of("export", file, "--store", _temporary.Spec);
        using var other = new TemporaryStore();
        var imported = await CliRun.Of("import", file, "--store", other.Spec);
        var again = await CliRun.Of("export", "--store", other.Spec);

        Assert.Equal((CliApp.Success, CliApp.Success, CliApp.Success), (exported.ExitCode, imported.ExitCode, again.ExitCode));
        Assert.StartsWith("Exported 20 journeys, 289 people and 30 teams to ", exported.Stdout);
        Assert.Equal(File.ReadAllText(file), again.Stdout);
    }

    [Fact]
    public async Task Export_of_an_empty_store_is_an_empty_workspace()
    {
        var run = await CliRun.Of("export", "--store", _temporary.Spec);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.True(WorkspaceReader.Read(run.Stdout).IsValid);
        Assert.Contains("\"people\": []", run.Stdout);
    }

    [Fact]
    public async Task Export_to_a_folder_that_does_not_exist_is_a_usage_error()
    {
        var run = await CliRun.Of("export", Path.Combine(_temporary.Directory, "no", "such", "dir", "x.json"), "--store", _temporary.Spec);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith("export: cannot write ", run.Stderr);
    }

    public void Dispose() => _temporary.Dispose();
}
