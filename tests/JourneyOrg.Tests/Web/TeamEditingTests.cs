using System.Net;
using System.Text.RegularExpressions;

namespace JourneyOrg.Tests.Web;

public sealed class TeamEditingTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    private async Task<HttpResponseMessage> PostAsync(string url, params (string, string)[] fields)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/teams/t-apply");
        var revision = Regex.Match(await client.GetStringAsync("/teams/t-apply"), "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Append(("Revision", revision)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Creating_a_team_places_it_under_its_unit()
    {
        var response = await PostAsync("/teams", ("Id", "t-payments"), ("Name", "Payments"), ("ParentId", "t-lending"), ("Type", "platform"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var team = (await _factory.Store.LoadAsync()).Workspace.Teams.Single(t => t.Id == "t-payments");
        Assert.Equal(("Payments", "t-lending", "platform"), (team.Name, team.ParentId, team.Type));
    }

    [Fact]
    public async Task A_new_team_gets_its_id_from_its_name_and_its_unit_by_name()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/teams", ("Name", "Card payments"), ("ParentId__name", "Lending"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/teams", ("Name", "Card payments"), ("ParentId", ""), ("ParentId__name", ""))).StatusCode);
        var teams = (await _factory.Store.LoadAsync()).Workspace.Teams;
        Assert.Equal("t-lending", teams.Single(t => t.Id == "t-card-payments").ParentId);
        Assert.Null(teams.Single(t => t.Id == "t-card-payments-2").ParentId);

        var unknown = await PostAsync("/teams", ("Name", "Orphans"), ("ParentId__name", "No such unit"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("No such unit", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Teams, t => t.Name == "Orphans");
    }

    [Fact]
    public async Task Creating_a_team_without_a_name_shows_the_teams_page_with_the_reason()
    {
        var response = await PostAsync("/teams", ("Id", "t-nameless"), ("Name", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"teams-table\"", html); // the page's table partial is found from the edits controller too
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Teams, t => t.Id == "t-nameless");
    }

    [Fact]
    public async Task Renaming_a_team_keeps_its_members()
    {
        await PostAsync("/teams/t-apply/rename", ("Name", "Mortgage applications"));
        var team = (await _factory.Store.LoadAsync()).Workspace.Teams.Single(t => t.Id == "t-apply");
        Assert.Equal("Mortgage applications", team.Name);
        Assert.Equal(3, team.Members.Count);
    }

    [Fact]
    public async Task Moving_a_unit_inside_its_own_team_is_refused()
    {
        var response = await PostAsync("/teams/t-lending/move", ("ParentId", "t-apply"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("inside itself", await response.Content.ReadAsStringAsync());
        Assert.Null((await _factory.Store.LoadAsync()).Workspace.Teams.Single(t => t.Id == "t-lending").ParentId);
    }

    [Fact]
    public async Task Adding_a_member_by_name_with_a_share_of_time()
    {
        await PostAsync("/teams/t-identity/members", ("PersonId", "Dev Rao"), ("AllocationPercent", "25"));
        var team = (await _factory.Store.LoadAsync()).Workspace.Teams.Single(t => t.Id == "t-identity");
        Assert.Contains(team.Members, m => m.PersonId == "u-dev" && Math.Abs(m.Allocation - 0.25) < 1e-9);
    }

    [Fact]
    public async Task Removing_a_member()
    {
        await PostAsync("/teams/t-apply/members/remove", ("PersonId", "u-cara"));
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Teams.Single(t => t.Id == "t-apply").Members, m => m.PersonId == "u-cara");
    }

    public void Dispose() => _factory.Dispose();
}
