using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Tests.Web;

namespace JourneyOrg.Tests.Teams;

public sealed class ScenarioTeamLoadTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    [Fact]
    public async Task A_scenario_shows_the_load_of_the_teams_it_changes_before_and_after()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/scenarios");
        async Task<HttpResponseMessage> Post(string url, params (string, string)[] fields)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))) };
            request.Headers.Add("RequestVerificationToken", token);
            return await client.SendAsync(request);
        }
        var created = await Post("/scenarios", ("name", "Fold underwriting into applications"));
        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        var version = Regex.Match(await client.GetStringAsync($"/scenarios/{id}"), "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        await Post($"/scenarios/{id}/operations", ("op", "mergeTeams"), ("sourceTeamId", "t-underwriting"), ("targetTeamId", "t-apply"), ("version", version));

        var html = await client.GetStringAsync($"/scenarios/{id}");
        var table = Regex.Match(html, "data-diff=\"team-load\".*?</table>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(table, "<tr data-team=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["t-apply", "t-identity", "t-underwriting"], rows.Keys.Order());
        // Applications takes Eli (Dev was in both): 3 → 4 people, and Underwriting's "Assess affordability": 2 → 3 steps.
        Assert.Contains("<td class=\"num\">3 → 4</td>", rows["t-apply"]);
        Assert.Contains("<td class=\"num\">2 → 3</td>", rows["t-apply"]);
        Assert.Contains("team gone", rows["t-underwriting"]);
        // Identity now hands over to Applications only.
        Assert.Contains("<td class=\"num\">2 → 1</td>", rows["t-identity"]);
    }

    public void Dispose() => _factory.Dispose();
}
