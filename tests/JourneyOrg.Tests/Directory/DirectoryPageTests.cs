using Microsoft.Extensions.DependencyInjection;
using System.Net;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Features.DirectorySync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JourneyOrg.Tests.DirectorySync;

public sealed class DirectoryPageTests : IAsyncLifetime
{
    private SyncTestBed _bed = null!;
    private WebApplicationFactory<Program> _app = null!;

    public async Task InitializeAsync()
    {
        _bed = await SyncTestBed.StartAsync();
        _bed.SeedBank();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("JourneyOrg:Store", "sqlite:" + _bed.Store.Path)
            .UseSetting("JourneyOrg:Directory:GraphUrl", _bed.Graph.BaseUrl)
            .UseSetting("JourneyOrg:Directory:Credential:Kind", "token")
            .UseSetting("JourneyOrg:Directory:Credential:Token", "test-token")
            .WithTestSignIn());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task The_page_shows_the_configuration_without_secrets_and_Sync_now_fills_the_history()
    {
        var client = _app.CreateClient();
        var page = await client.GetStringAsync("/admin/directory");
        Assert.Contains("Directory sync", page);
        Assert.Contains(_bed.Graph.BaseUrl, page);
        Assert.Contains("set (hidden)", page);
        Assert.DoesNotContain("test-token", page);
        Assert.Contains($"id=\"{DirectoryDomIds.Progress}\"", page);
        Assert.Contains($"id=\"{DirectoryDomIds.History}\"", page);
        Assert.Contains("No sync has run yet.", page);

        var coordinator = (DirectorySyncCoordinator)_app.Services.GetService(typeof(DirectorySyncCoordinator))!;
        Assert.True(coordinator.TryStart("web"));
        for (var i = 0; i < 100 && coordinator.IsRunning; i++) await Task.Delay(100);

        var progress = await client.GetAsync("/admin/directory/progress");
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var fragment = await progress.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hx-trigger=\"every 1s\"", fragment);
        Assert.Contains("hx-swap-oob=\"true\"", fragment);
        Assert.Contains("succeeded", fragment);
        // The app loaded its demo workspace on first start; the sync added the tenant next to it and left it alone.
        var people = (await _bed.WorkspaceAsync()).People;
        Assert.Equal(13, people.Count(p => p.Source == JourneyOrg.Domain.RecordSource.Entra));
        Assert.Contains(people, p => p.Source == JourneyOrg.Domain.RecordSource.Local);
    }
}

/// <summary>The schedule starts its runs through the coordinator like "Sync now" does (review defect 4).</summary>
public sealed class ScheduledSyncTests : IAsyncLifetime
{
    private SyncTestBed _bed = null!;
    private WebApplicationFactory<Program> _app = null!;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        _bed = await SyncTestBed.StartAsync();
        _bed.SeedBank();
        _bed.Graph.Release = _release.Task;
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("JourneyOrg:Store", "sqlite:" + _bed.Store.Path)
            .UseSetting("JourneyOrg:Directory:GraphUrl", _bed.Graph.BaseUrl)
            .UseSetting("JourneyOrg:Directory:Credential:Kind", "token")
            .UseSetting("JourneyOrg:Directory:Credential:Token", "test-token")
            .UseSetting("JourneyOrg:Directory:Schedule:Enabled", "true")
            .UseSetting("JourneyOrg:Directory:Schedule:InitialDelay", "00:00:00")
            .WithTestSignIn());
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _app.DisposeAsync();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task A_scheduled_run_shows_its_progress_and_Sync_now_during_it_starts_no_second_run()
    {
        var client = _app.CreateClient();
        var coordinator = _app.Services.GetRequiredService<DirectorySyncCoordinator>();
        // The schedule's first run has asked Graph for its first page and waits there.
        for (var i = 0; i < 200 && _bed.Graph.Requests == 0; i++) await Task.Delay(50);
        Assert.True(_bed.Graph.Requests > 0, "the scheduled sync did not start");

        Assert.True(coordinator.IsRunning);
        var progress = await client.GetStringAsync("/admin/directory/progress");
        Assert.Contains("hx-trigger=\"every 1s\"", progress);

        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/directory/sync") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add(JourneyOrg.Web.Features.Shared.Htmx.AntiforgeryHeader, await JourneyOrg.Tests.Web.WebAppFactory.AntiforgeryTokenAsync(client, "/admin/directory"));
        var syncNow = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, syncNow.StatusCode);
        Assert.Equal("sync-already-running", syncNow.Headers.GetValues("HX-Trigger").Single());
        Assert.Contains("hx-trigger=\"every 1s\"", await syncNow.Content.ReadAsStringAsync());

        _release.SetResult();
        for (var i = 0; i < 200 && coordinator.IsRunning; i++) await Task.Delay(50);
        Assert.False(coordinator.IsRunning);
        var runs = await SyncState.ListRunsAsync(_bed.Store, 10);
        var run = Assert.Single(runs);
        Assert.Equal("schedule", run.Trigger);
        Assert.Null(coordinator.LastMessage);
    }
}
