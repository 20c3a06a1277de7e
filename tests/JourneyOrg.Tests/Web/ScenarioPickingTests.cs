using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Web;

/// <summary>Building a scenario by name: active search, chosen records, names refused at the field, ids made from names.</summary>
public sealed class NameSearchTests : IDisposable
{
    private readonly WebAppFactory _factory = new();
    private readonly HttpClient _client;
    private string _token = "";

    public NameSearchTests() => _client = _factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> PostAsync(string url, params (string, string)[] fields)
    {
        if (_token.Length == 0) _token = await WebAppFactory.AntiforgeryTokenAsync(_client, "/scenarios");
        var request = WebAppFactory.Htmx(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", _token);
        request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return await _client.SendAsync(request);
    }

    private async Task<string> CreateAsync()
    {
        // Posted with htmx: a created scenario answers with HX-Redirect to its page.
        var response = await PostAsync("/scenarios", ("name", "By name"));
        return response.Headers.GetValues("HX-Redirect").Single().Split('/').Last();
    }

    private async Task<string> VersionAsync(string id) =>
        Regex.Match(await _client.GetStringAsync($"/scenarios/{id}"), "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

    private async Task<JsonArray> OperationsAsync(string id) =>
        JsonNode.Parse((await _factory.Store.GetScenarioAsync(id))!.Document)!["operations"]!.AsArray();

    private async Task<string> HtmxGetAsync(string url) =>
        WebUtility.HtmlDecode(await (await _client.SendAsync(WebAppFactory.Htmx(HttpMethod.Get, url))).Content.ReadAsStringAsync());

    [Fact]
    public async Task The_search_shows_team_and_mail_to_tell_namesakes_apart_and_a_typed_namesake_is_refused()
    {
        var snapshot = await _factory.Store.LoadAsync();
        await _factory.Store.ApplyAsync(new WorkspaceChangeSet
        {
            UpsertPeople = [new Person("u-ben2", "Ben Ortiz", "ben.o@example.com", "Analyst", "Risk", null, null, true)],
            UpsertTeams = [snapshot.Workspace.Teams.Single(t => t.Id == "t-reporting") with { Members = [new Membership("u-gus", 1.0), new Membership("u-ben2", 1.0)] }],
        }, snapshot.Revision);
        await _factory.ScreensCaughtUpAsync();
        var id = await CreateAsync();

        var form = await HtmxGetAsync($"/scenarios/{id}/operation-form?op=movePerson");
        Assert.Contains("name=\"personId__name\"", form);
        Assert.DoesNotContain("<datalist", await _client.GetStringAsync($"/scenarios/{id}"));

        var matches = await HtmxGetAsync($"/scenarios/{id}/pick?op=movePerson&field=personId&personId__name=ben");
        Assert.Contains("Applications · ben@example.com", matches);
        Assert.Contains("Reporting · ben.o@example.com", matches);
        Assert.Contains("No team is called “Nowhere”", await HtmxGetAsync($"/scenarios/{id}/pick?op=movePerson&field=toTeamId&toTeamId__name=Nowhere"));

        var ambiguous = await PostAsync($"/scenarios/{id}/operations", ("op", "movePerson"), ("personId__name", "Ben Ortiz"), ("toTeamId__name", "Identity platform"), ("version", await VersionAsync(id)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ambiguous.StatusCode);
        Assert.Contains("Person: 2 persons are called 'Ben Ortiz'", WebUtility.HtmlDecode(await ambiguous.Content.ReadAsStringAsync()));
        var unknown = await PostAsync($"/scenarios/{id}/operations", ("op", "movePerson"), ("personId__name", "Cara Lund"), ("toTeamId__name", "Nowhere"), ("version", await VersionAsync(id)));
        Assert.Contains("To team: no team is called 'Nowhere'", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        Assert.Empty(await OperationsAsync(id));

        var chosen = await HtmxGetAsync($"/scenarios/{id}/pick/choose?op=movePerson&field=personId&value=u-ben2");
        Assert.Contains("value=\"u-ben2\"", chosen);
        var saved = await PostAsync($"/scenarios/{id}/operations", ("op", "movePerson"), ("personId", "u-ben2"), ("personId__name", "Ben Ortiz"),
            ("toTeamId__name", "identity platform"), ("version", await VersionAsync(id)));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var op = Assert.Single(await OperationsAsync(id))!;
        Assert.Equal(("u-ben2", "t-identity"), ((string?)op["personId"], (string?)op["toTeamId"]));
    }

    [Fact]
    public async Task New_teams_get_ids_from_their_names_and_can_be_picked_and_split_from_lists()
    {
        var id = await CreateAsync();
        await PostAsync($"/scenarios/{id}/operations", ("op", "createTeam"), ("name", "Document checks"), ("parentId__name", "Lending"), ("version", await VersionAsync(id)));
        await PostAsync($"/scenarios/{id}/operations", ("op", "createTeam"), ("name", "Document checks"), ("version", await VersionAsync(id)));
        var ops = await OperationsAsync(id);
        Assert.Equal(["t-document-checks", "t-document-checks-2"], ops.Select(o => (string?)o!["teamId"]));
        Assert.Equal("t-lending", (string?)ops[0]!["parentId"]);

        // A team the scenario created is found by the search, as the organisation would be.
        Assert.Contains("data-pick-id=\"t-document-checks\"", await HtmxGetAsync($"/scenarios/{id}/pick?op=movePerson&field=toTeamId&toTeamId__name=document"));

        var split = await HtmxGetAsync($"/scenarios/{id}/pick/choose?op=splitTeam&field=teamId&value=t-apply");
        Assert.Contains("id=\"split-lists\"", split);
        Assert.Contains("hx-swap-oob=\"true\"", split);
        Assert.Contains("value=\"u-cara\"", split);
        Assert.Contains("value=\"s-form\"", split);
        var response = await PostAsync($"/scenarios/{id}/operations", ("op", "splitTeam"), ("teamId", "t-apply"), ("teamId__name", "Applications"), ("name", "Offers"),
            ("memberIds", "u-cara"), ("targetIds", "s-offer"), ("version", await VersionAsync(id)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var splitOp = (await OperationsAsync(id)).Last()!;
        Assert.Equal("t-offers", (string?)splitOp["newTeamId"]);
        Assert.Equal(["u-cara"], splitOp["memberIds"]!.AsArray().Select(x => (string?)x));
        Assert.Contains("Split “Offers” off Applications", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

        var step = await HtmxGetAsync($"/scenarios/{id}/pick?op=assignOwnership&field=targetId&targetId__name=assess");
        Assert.Contains("step in Get a mortgage › Decide", step);
    }

    public void Dispose() => _factory.Dispose();
}
