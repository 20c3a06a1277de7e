using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JourneyOrg.Tests.JourneyManagement;

namespace JourneyOrg.Tests.Web;

/// <summary>The import page takes TheyDo files and data-point CSV on the same upload as workspaces, listing every error.</summary>
public sealed class JourneyFileUploadTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    private async Task<(HttpStatusCode Status, string Html)> UploadAsync(string content, string fileName)
    {
        var client = _factory.CreateClient();
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/workspace");
        var request = WebAppFactory.Htmx(HttpMethod.Post, "/workspace/import");
        request.Headers.Add("RequestVerificationToken", token);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content = new MultipartFormDataContent { { file, "file", fileName }, { new StringContent("merge"), "mode" } };
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_TheyDo_metrics_file_is_imported_and_what_could_not_be_mapped_is_listed()
    {
        var (status, html) = await UploadAsync(TheyDoSamples.Metrics, "metrics.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("<div id=\"import-result\"", html.TrimStart());
        Assert.Contains("Imported metrics.json (THEYDO_METRICS_V1): 5 records added", html);
        Assert.Contains("not mapped", html);
        Assert.Contains("Nobody", html); // the group that names no team
        Assert.Contains("href=\"/links\"", html);
        Assert.Equal(5, (await _factory.Store.LoadAsync()).Workspace.Metrics.Count(m => m.ImportKey is not null));
    }

    [Fact]
    public async Task An_invalid_TheyDo_file_shows_every_error_with_its_path_and_changes_nothing()
    {
        var before = (await _factory.Store.LoadAsync()).Revision;
        var broken = TheyDoSamples.With(TheyDoSamples.Metrics, d =>
        {
            d["metrics"]![0]!["type"] = "NOPE";
            d["metrics"]![1]!["dataPoints"]![0]!["satisfied"] = -1;
        });
        var (status, html) = await UploadAsync(broken, "metrics.json");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("metrics.json was not imported", html);
        Assert.Contains("<code>$.metrics[0].type</code>", html);
        Assert.Contains("<code>$.metrics[1].dataPoints[0].satisfied</code>", html);
        Assert.Equal(before, (await _factory.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task Data_points_from_CSV_are_added_to_the_KPI_series()
    {
        const string csv = "date,metric,value,dimensions\n2024-01-31,m-dropoff,35,\n2024-02-29,Drop-off,28,\n";
        var (status, html) = await UploadAsync(csv, "points.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Imported points.csv (data points): 2 data points stored (2 new, 0 replaced) on 1 KPI", html);
        Assert.Equal(2, (await _factory.Store.LoadAsync()).Workspace.Metrics.Single(m => m.Id == "m-dropoff").DataPoints.Count);

        // The same file again replaces the points of those dates instead of adding to the series.
        (status, html) = await UploadAsync(csv, "points.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 data points stored (0 new, 2 replaced) on 1 KPI", html);
        Assert.Equal(2, (await _factory.Store.LoadAsync()).Workspace.Metrics.Single(m => m.Id == "m-dropoff").DataPoints.Count);
    }

    [Fact]
    public async Task A_CSV_file_with_errors_shows_each_with_its_line_and_column()
    {
        var (status, html) = await UploadAsync("date,metric,value\n2024-13-01,m-dropoff,1\n2024-01-31,m-nope,2\n", "points.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("2 problems found", html);
        Assert.Contains("<code>line 2, column 1</code>", html);
        Assert.Contains("<code>line 3, column 2</code>", html);
        Assert.Contains("no metric with id, import key or name &#x27;m-nope&#x27;", html);
    }

    [Fact]
    public async Task Past_the_first_200_problems_the_rest_are_listed_folded_not_dropped()
    {
        var csv = "date,metric,value\n" + string.Concat(Enumerable.Range(0, 250).Select(i => $"2024-01-31,m-dropoff,x{i}\n"));
        var (status, html) = await UploadAsync(csv, "points.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("250 problems found", html);
        Assert.Contains("Show 50 more", html);
        Assert.Contains("&#x27;x249&#x27; is not a number", html);
    }

    public void Dispose() => _factory.Dispose();
}
