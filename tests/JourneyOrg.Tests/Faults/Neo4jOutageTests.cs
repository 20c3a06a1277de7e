using System.Net;
using System.Text.Json;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Security;
using JourneyOrg.Tests.Storage;
using JourneyOrg.Web.Storage.Neo4j;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JourneyOrg.Tests.Faults;

/// <summary>
/// The Neo4j server goes away in the middle of a write. The app reaches the server through a loopback proxy that the
/// test cuts, so the shared server (the developer's, or CI's on 7474) keeps running for every other test.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jOutageTests : IStoreAvailability
{
    public static string? SkipReason => Neo4jTestServer.SkipReason;

    // Long enough for any write here on a loaded machine, far shorter than the minute Neo4j waits before it rolls back
    // a transaction whose client went away: a write that had to wait for that would be cancelled and fail the test.
    private static readonly TimeSpan WellBeforeTheServerGivesUp = TimeSpan.FromSeconds(40);

    private static string Canonical(Workspace workspace) => JsonSerializer.Serialize(workspace);

    [StoreFact]
    public async Task A_write_cut_off_half_way_saves_nothing_says_so_and_the_next_write_lands_once_the_server_is_back()
    {
        using var direct = await Neo4jTestServer.CreateEmptyStoreAsync();
        await using var proxy = new CuttableProxy(Neo4jTestServer.Url);
        using var store = new Neo4jWorkspaceStore(proxy.Url);
        await store.InitializeAsync();

        var small = WorkspaceGenerator.Generate(60, 1);
        var big = WorkspaceGenerator.Generate(1_500, 2);
        // How much a whole replace with the big organisation sends, so that the cut lands in its middle.
        await store.ReplaceAsync(small);
        var start = proxy.Sent;
        await store.ReplaceAsync(big);
        var whole = proxy.Sent - start;
        var revision = await store.ReplaceAsync(small);

        proxy.CutAfter(whole / 2);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ReplaceAsync(big));
        Assert.True(proxy.IsCut);
        Assert.Contains("stopped answering", error.Message);
        Assert.Contains("Nothing of this change was saved", error.Message);
        Assert.False(error.MayHaveCommitted);

        // While it is away, reads fail clearly too.
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.LoadAsync());

        // Nothing half-written: the server still holds the small organisation at its revision.
        var seen = await direct.LoadAsync();
        Assert.Equal(revision, seen.Revision);
        Assert.Equal(Canonical(small), Canonical(seen.Workspace));

        // Back again: the abandoned transaction is rolled back at once, so the next write does not wait for its lock.
        proxy.Restore();
        using var soon = new CancellationTokenSource(WellBeforeTheServerGivesUp);
        var next = await store.ApplyAsync(new WorkspaceChangeSet { UpsertRoles = [new Role("r-after", "After the outage", null, null)] }, revision, soon.Token);
        Assert.Equal(revision + 1, next);
        var after = await direct.LoadAsync();
        Assert.Contains(after.Workspace.Roles, r => r.Id == "r-after");
        Assert.Equal(small.People.Count, after.Workspace.People.Count);
    }

    [StoreFact]
    public async Task The_app_answers_503_with_a_way_back_while_Neo4j_is_away_and_serves_again_when_it_returns()
    {
        using var direct = await Neo4jTestServer.CreateEmptyStoreAsync();
        await direct.ReplaceAsync(WorkspaceGenerator.Generate(60, 1));
        await using var proxy = new CuttableProxy(Neo4jTestServer.Url);
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("JourneyOrg:Store", "neo4j:" + proxy.Url)
            .UseSetting("JourneyOrg:DemoData", "false")
            .UseSetting("Logging:LogLevel:Default", "Critical")
            .UseEnvironment("Production")
            .WithTestSignIn());
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).StatusCode);

        proxy.Cut();
        var away = await client.GetAsync("/teams");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, away.StatusCode);
        var page = await away.Content.ReadAsStringAsync();
        Assert.Contains("The workspace store is not available", page);
        Assert.Contains("stopped answering", page);
        Assert.Contains("href=\"/teams\">Try again</a>", page);

        proxy.Restore();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).StatusCode);
    }
}
