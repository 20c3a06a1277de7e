using JourneyOrg.Web.Cli;

namespace JourneyOrg.Tests.DirectorySync;

public sealed class SyncVerbTests : IAsyncLifetime
{
    private SyncTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await SyncTestBed.StartAsync();
        _bed.SeedBank();
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["sync", .. args, "--store", "sqlite:" + _bed.Store.Path], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Sync_prints_a_line_per_page_and_a_summary()
    {
        var (code, output, error) = await RunAsync("--graph-url", _bed.Graph.BaseUrl, "--token", "test-token");

        Assert.True(code == 0, error);
        Assert.Contains("users page 5: 1 objects", output);
        Assert.Contains("groups page 1:", output);
        Assert.Contains("succeeded: full sync", output);
        Assert.Contains("people +13 ~0 -0; teams +4 ~0 -0", output);
        Assert.Equal(13, (await _bed.WorkspaceAsync()).People.Count);

        (code, output, _) = await RunAsync("--graph-url", _bed.Graph.BaseUrl, "--token", "test-token");
        Assert.Equal(0, code);
        Assert.Contains("succeeded: delta sync", output);
    }

    [Fact]
    public async Task A_failed_run_exits_3_and_changes_nothing()
    {
        var (code, _, error) = await RunAsync("--graph-url", _bed.Graph.BaseUrl, "--token", "wrong-token");

        Assert.Equal(SyncVerb.RunFailed, code);
        Assert.Contains("401", error);
        Assert.True(await _bed.Store.IsEmptyAsync());
    }

    [Fact]
    public async Task Without_credentials_sync_exits_2_and_says_what_to_configure()
    {
        var (code, _, error) = await RunAsync("--graph-url", _bed.Graph.BaseUrl);

        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("--token", error);
    }
}
