using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JourneyOrg.Tests.Analysis;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Cli;
using JourneyOrg.Web.Features.Security;

namespace JourneyOrg.Tests.Web;

/// <summary>The HR page: upload of annual costs (all or nothing, every bad row named), currency, cost to serve, roles.</summary>
public sealed class CostScreenTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    private async Task<(HttpStatusCode Status, string Html)> UploadAsync(HttpClient client, string csv)
    {
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/costs");
        var request = new HttpRequestMessage(HttpMethod.Post, "/costs/upload");
        request.Headers.Add("RequestVerificationToken", token);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Content = new MultipartFormDataContent { { file, "file", "costs.csv" } };
        var response = await client.SendAsync(request);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Hr_uploads_costs_by_id_or_mail_and_sees_the_cost_to_serve()
    {
        var hr = _factory.CreateClient().As("harriet", AppRoles.HR);
        var (status, html) = await UploadAsync(hr, "personId,mail,annualCost\nu-cara,,\"90,000\"\n,ada@example.com,150000\nu-ben,,120000.50\n");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Saved the annual cost of 3 people.", html);
        var costs = (await _factory.Store.LoadAsync()).Workspace.Costs.ToDictionary(c => c.PersonId, c => c.AnnualCost);
        Assert.Equal(new Dictionary<string, double> { ["u-cara"] = 90_000, ["u-ada"] = 150_000, ["u-ben"] = 120_000.5 }, costs);
        Assert.Contains("Cost to serve per journey", html);
        Assert.Contains("Get a mortgage", html);

        var csv = await hr.GetStringAsync("/costs/matrix.csv");
        Assert.StartsWith("\"journey\",\"cost\",", csv);
        Assert.Contains("\"Get a mortgage\",", csv);
        Assert.Contains("Cost to serve", await hr.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_file_with_bad_rows_saves_nothing_and_names_every_row()
    {
        var hr = _factory.CreateClient().As("harriet", AppRoles.HR);
        await UploadAsync(hr, "personId,annualCost\nu-cara,80000\n");
        var (status, html) = await UploadAsync(hr, "personId,annualCost\nu-ada,100000\nu-ghost,5\nu-ada,110000\nu-ben,-3\nu-dev,lots\nu-eli,\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Nothing was saved.", html);
        Assert.Contains("line 3, column 1: no person with id 'u-ghost'", html);
        Assert.Contains("line 4: person 'u-ada' is listed twice (first on line 2)", html);
        Assert.Contains("line 5, column 2: annualCost -3 is negative", html);
        Assert.Contains("line 6, column 2: annualCost 'lots' is not a number", html);
        Assert.Contains("line 7, column 2: annualCost is empty", html);
        Assert.Equal([("u-cara", 80_000.0)], (await _factory.Store.LoadAsync()).Workspace.Costs.Select(c => (c.PersonId, c.AnnualCost)));
    }

    [Fact]
    public async Task Hr_sets_the_currency_and_a_bad_code_is_refused()
    {
        var hr = _factory.CreateClient(new() { AllowAutoRedirect = false }).As("harriet", AppRoles.HR);
        async Task<HttpResponseMessage> Post(string currency)
        {
            var token = await WebAppFactory.AntiforgeryTokenAsync(hr, "/costs");
            var revision = (await _factory.Store.GetRevisionAsync()).ToString();
            var request = new HttpRequestMessage(HttpMethod.Post, "/costs/currency") { Content = new FormUrlEncodedContent([new("currency", currency), new("revision", revision)]) };
            request.Headers.Add("RequestVerificationToken", token);
            return await hr.SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Post("usd")).StatusCode);
        Assert.Equal("USD", (await _factory.Store.LoadAsync()).Workspace.Currency);
        var refused = await Post("dollars");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("is not a currency code", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("USD", (await _factory.Store.LoadAsync()).Workspace.Currency);
    }

    [Fact]
    public async Task Hr_creates_a_role_whose_id_comes_from_its_title_and_opens_its_page()
    {
        var hr = _factory.CreateClient(new() { AllowAutoRedirect = false }).As("harriet", AppRoles.HR);
        var token = await WebAppFactory.AntiforgeryTokenAsync(hr, "/roles");
        var revision = (await _factory.Store.GetRevisionAsync()).ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/roles")
        {
            Content = new FormUrlEncodedContent([new("Title", "Journey owner"), new("Family", "Product"), new("Level", "L6"), new("AnnualCost", "105,000"), new("Revision", revision)]),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await hr.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/roles/r-journey-owner", response.Headers.Location!.OriginalString);
        var role = (await _factory.Store.LoadAsync()).Workspace.Roles.Single(r => r.Id == "r-journey-owner");
        Assert.Equal(("Journey owner", "Product", "L6", (double?)105_000), (role.Title, role.Family, role.Level, role.AnnualCost));
        var page = WebUtility.HtmlDecode(await hr.GetStringAsync("/roles/r-journey-owner"));
        Assert.Contains("105,000", page);
        var viewerPage = await _factory.CreateClient().As("vera", AppRoles.Viewer).GetStringAsync("/roles/r-journey-owner");
        Assert.DoesNotContain("105,000", viewerPage);
        // Antiforgery tokens (random, "CfDJ8…") may contain the letters "L6": look at the page without them.
        Assert.DoesNotMatch(@"\bL6\b", System.Text.RegularExpressions.Regex.Replace(viewerPage, @"CfDJ8[\w-]+", ""));
    }

    [Fact]
    public async Task Analyze_json_carries_cost_when_the_workspace_has_it()
    {
        var stdout = new StringWriter();
        var code = await CliApp.RunAsync(["analyze", "--workspace", GoldenData.PathOf("bank-workspace-costs.json"), "--json"], stdout, new StringWriter());
        Assert.Equal(CliApp.Success, code);
        var json = JsonNode.Parse(stdout.ToString())!;
        Assert.Equal(30_720_950.0, json["org"]!["totalCost"]!.GetValue<double>());
        Assert.Equal(2_457_100.0, json["org"]!["unmappedCost"]!.GetValue<double>());
    }

    public void Dispose() => _factory.Dispose();
}
