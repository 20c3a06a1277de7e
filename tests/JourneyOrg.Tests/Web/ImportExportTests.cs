using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Web;

public sealed class ImportExportTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    private async Task<HttpResponseMessage> UploadAsync(string json, string mode, bool htmx)
    {
        var client = _factory.CreateClient();
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/workspace");
        var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, "/workspace/import") : new HttpRequestMessage(HttpMethod.Post, "/workspace/import");
        request.Headers.Add("RequestVerificationToken", token);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = new MultipartFormDataContent { { file, "file", "workspace.json" }, { new StringContent(mode), "mode" } };
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Page_offers_upload_and_download()
    {
        var html = await _factory.CreateClient().GetStringAsync("/workspace");
        Assert.Contains("type=\"file\"", html);
        Assert.Contains("href=\"/workspace/export\"", html);
    }

    [Fact]
    public async Task Export_downloads_the_workspace_in_the_interchange_format()
    {
        var response = await _factory.CreateClient().GetAsync("/workspace/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var read = WorkspaceReader.Read(await response.Content.ReadAsStringAsync());
        Assert.True(read.IsValid);
        Assert.Equal(7, read.Workspace!.People.Count);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_every_error_and_changes_nothing()
    {
        var before = await _factory.Store.LoadAsync();
        var json = """
            { "format": "journeyorg/v1",
              "teams": [ { "id": "t-1", "name": "One", "parentId": "t-missing", "members": [ { "personId": "u-ghost", "allocation": 2 } ] } ] }
            """;
        var response = await UploadAsync(json, "replace", htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"import-result\"", html.TrimStart());
        Assert.Contains("was not imported", html);
        // Where, as a person counts and names it: no JSON paths on the screen.
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("team 1 “One”: the unit it is part of", text);
        Assert.Contains("team 1 “One”, member 1: allocation", text);
        Assert.DoesNotContain("$.teams[0]", text);
        Assert.Equal(before.Revision, (await _factory.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task A_valid_file_replaces_the_workspace()
    {
        var json = WorkspaceWriter.ToJson(SampleWorkspace.Create() with { Roles = [new JourneyOrg.Domain.Role("r-new", "New role", null, null)], People = [], Teams = [] , Ownership = [] });
        var response = await UploadAsync(json, "replace", htmx: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Imported workspace.json", await response.Content.ReadAsStringAsync());
        Assert.Equal("r-new", (await _factory.Store.LoadAsync()).Workspace.Roles.Single().Id);
    }

    public void Dispose() => _factory.Dispose();
}
