using System.Net;
using System.Text.RegularExpressions;

namespace JourneyOrg.Tests.Web;

public sealed class RoleEditingTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    [Fact]
    public async Task Roles_page_lists_the_catalog_with_holders()
    {
        var html = await _factory.CreateClient().GetStringAsync("/roles");
        Assert.Contains("Product lead", html);
        Assert.Contains("Ben Ortiz", html);
    }

    [Fact]
    public async Task Adding_a_role_stores_it()
    {
        var client = _factory.CreateClient();
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/roles");
        var revision = Regex.Match(await client.GetStringAsync("/roles"), "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, "/roles")
        {
            Content = new FormUrlEncodedContent([new("Id", "r-ux"), new("Title", "Designer"), new("Family", "Design"), new("Revision", revision)]),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await _factory.Store.LoadAsync()).Workspace.Roles, r => r.Id == "r-ux" && r.Title == "Designer");
    }

    [Fact]
    public async Task A_role_id_used_by_a_team_is_refused()
    {
        var client = _factory.CreateClient();
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/roles");
        var request = new HttpRequestMessage(HttpMethod.Post, "/roles")
        {
            Content = new FormUrlEncodedContent([new("Id", "t-apply"), new("Title", "Clash"), new("Revision", "1")]),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("already used", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _factory.Dispose();
}
