using System.Net;
using System.Text.RegularExpressions;

namespace JourneyOrg.Tests.Web;

/// <summary>The scenario diff names the opportunities whose accountable teams a reorg would change.</summary>
public sealed class ScenarioOpportunityTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> PostAsync(string url, bool htmx, string token, params (string, string)[] fields)
    {
        var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, url) : new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", token);
        request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Merging_the_team_accountable_for_an_opportunity_lists_it_in_the_diff()
    {
        var token = await WebAppFactory.AntiforgeryTokenAsync(_client, "/scenarios");
        var created = await PostAsync("/scenarios", false, token, ("name", "Applications into underwriting"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        var version = Regex.Match(await _client.GetStringAsync($"/scenarios/{id}"), "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

        var response = await PostAsync($"/scenarios/{id}/operations", true, token,
            ("op", "mergeTeams"), ("sourceTeamId", "t-apply"), ("targetTeamId", "t-underwriting"), ("version", version));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var table = html[html.IndexOf("data-diff=\"opportunity-owner-changes\"")..];
        table = table[..table.IndexOf("</table>")];
        Assert.Contains("<a href=\"/opportunities/o-prefill\">Prefill the application</a></td><td>Applications</td><td>Underwriting</td>", table);
        Assert.DoesNotContain("Faster completion", table); // nobody before, nobody after
    }
}
