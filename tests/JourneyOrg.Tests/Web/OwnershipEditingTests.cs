using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;

namespace JourneyOrg.Tests.Web;

public sealed class OwnershipEditingTests : IDisposable
{
    // Each test edits, so each gets its own store.
    private readonly WebAppFactory _factory = new();

    private static async Task<(string Token, long Revision)> FormStateAsync(HttpClient client, string url)
    {
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, url);
        var html = await client.GetStringAsync(url);
        var revision = long.Parse(Regex.Match(html, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value);
        return (token, revision);
    }

    private static HttpRequestMessage Post(string url, string token, bool htmx, params (string, string)[] fields)
    {
        var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, url) : new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", token);
        request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return request;
    }

    [Fact]
    public async Task Assigning_an_owner_to_an_unowned_phase_stores_it_and_rerenders_the_map()
    {
        var client = _factory.CreateClient();
        var (token, revision) = await FormStateAsync(client, "/journeys/j-mortgage");
        var response = await client.SendAsync(Post("/journeys/j-mortgage/owners", token, htmx: true,
            ("TeamId", "t-underwriting"), ("TargetId", "p-complete"), ("Kind", "accountable"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"journey-map\"", html.TrimStart());
        var stored = (await _factory.Store.LoadAsync()).Workspace.Ownership;
        Assert.Contains(new Ownership("t-underwriting", "p-complete", OwnershipKind.Accountable), stored);
    }

    [Fact]
    public async Task Without_htmx_an_edit_redirects_back_to_the_map()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var (token, revision) = await FormStateAsync(client, "/journeys/j-mortgage");
        var response = await client.SendAsync(Post("/journeys/j-mortgage/owners", token, htmx: false,
            ("TeamId", "t-apply"), ("TargetId", "p-complete"), ("Kind", "contributing"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/journeys/j-mortgage", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_revision_is_refused_with_a_reason()
    {
        var client = _factory.CreateClient();
        var (token, revision) = await FormStateAsync(client, "/journeys/j-mortgage");
        await client.SendAsync(Post("/journeys/j-mortgage/owners", token, htmx: true,
            ("TeamId", "t-apply"), ("TargetId", "p-complete"), ("Kind", "accountable"), ("Revision", revision.ToString())));
        var stale = await client.SendAsync(Post("/journeys/j-mortgage/owners", token, htmx: true,
            ("TeamId", "t-identity"), ("TargetId", "p-complete"), ("Kind", "accountable"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("Someone else changed the workspace", await stale.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Ownership, o => o.TeamId == "t-identity" && o.TargetId == "p-complete");
    }

    [Fact]
    public async Task An_unknown_team_is_refused_and_nothing_is_stored()
    {
        var client = _factory.CreateClient();
        var (token, revision) = await FormStateAsync(client, "/journeys/j-mortgage");
        var response = await client.SendAsync(Post("/journeys/j-mortgage/owners", token, htmx: true,
            ("TeamId", "t-ghost"), ("TargetId", "p-complete"), ("Kind", "accountable"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no team is called &#x27;t-ghost&#x27;", await response.Content.ReadAsStringAsync());
        Assert.Equal(revision, (await _factory.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task The_matrix_assigns_a_team_typed_by_name()
    {
        // Organisations above the listed size get a typed team field on the matrix instead of no form at all.
        var client = _factory.CreateClient();
        var (token, revision) = await FormStateAsync(client, "/matrix?journey=j-mortgage");
        var response = await client.SendAsync(Post("/matrix/owners?journey=j-mortgage", token, htmx: true,
            ("TeamId", "underwriting"), ("TargetId", "p-complete"), ("Kind", "accountable"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"cell-t-underwriting--p-complete\" class=\"cell acc", await response.Content.ReadAsStringAsync());
        Assert.Contains(new Ownership("t-underwriting", "p-complete", OwnershipKind.Accountable), (await _factory.Store.LoadAsync()).Workspace.Ownership);
    }

    [Fact]
    public async Task The_matrix_changes_an_owners_kind_and_removes_it_picked_by_name()
    {
        var client = _factory.CreateClient();
        var (token, revision) = await FormStateAsync(client, "/matrix?journey=j-mortgage");
        var kind = await client.SendAsync(Post("/matrix/owners?journey=j-mortgage", token, htmx: true,
            ("TeamId", ""), ("TeamId__name", "Underwriting"), ("TargetId", "p-decide"), ("Kind", "contributing"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.OK, kind.StatusCode);
        Assert.Contains(new Ownership("t-underwriting", "p-decide", OwnershipKind.Contributing), (await _factory.Store.LoadAsync()).Workspace.Ownership);

        (token, revision) = await FormStateAsync(client, "/matrix?journey=j-mortgage");
        var removed = await client.SendAsync(Post("/matrix/owners?journey=j-mortgage", token, htmx: true,
            ("TeamId", ""), ("TeamId__name", "Underwriting"), ("TargetId", "p-decide"), ("Kind", "remove"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("no longer", WebUtility.HtmlDecode(await removed.Content.ReadAsStringAsync()));
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Ownership, o => o.TeamId == "t-underwriting" && o.TargetId == "p-decide");

        // Removing what the team does not own is refused, and nothing changes.
        (token, revision) = await FormStateAsync(client, "/matrix?journey=j-mortgage");
        var again = await client.SendAsync(Post("/matrix/owners?journey=j-mortgage", token, htmx: true,
            ("TeamId", ""), ("TeamId__name", "Underwriting"), ("TargetId", "p-decide"), ("Kind", "remove"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(revision, (await _factory.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task Removing_an_owner_deletes_the_edge()
    {
        var client = _factory.CreateClient();
        var (token, revision) = await FormStateAsync(client, "/journeys/j-mortgage");
        var response = await client.SendAsync(Post("/journeys/j-mortgage/owners/remove", token, htmx: true,
            ("TeamId", "t-underwriting"), ("TargetId", "p-decide"), ("Revision", revision.ToString())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Ownership, o => o.TeamId == "t-underwriting" && o.TargetId == "p-decide");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/journeys/j-mortgage/owners",
            new FormUrlEncodedContent([new("TeamId", "t-apply"), new("TargetId", "p-complete"), new("Revision", "1")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
