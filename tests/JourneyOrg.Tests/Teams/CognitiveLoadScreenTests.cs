using System.Text.RegularExpressions;
using JourneyOrg.Tests.Web;

namespace JourneyOrg.Tests.Teams;

public sealed class CognitiveLoadScreenTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task The_team_page_shows_the_signals_with_their_thresholds()
    {
        var html = await app.CreateClient().GetStringAsync("/teams/t-identity");
        var panel = Regex.Match(html, "data-section=\"team-load\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("Steps handed to it and straight on again</th><td class=\"num\">33%", panel);
        Assert.Contains("outside 5–9", panel);
        Assert.Contains("Counterpart teams (upstream or downstream)</th><td class=\"num\">2", panel);
    }

    [Fact]
    public async Task Teams_sort_by_a_signal_and_filter_to_those_with_a_concern()
    {
        var client = app.CreateClient();
        var sorted = await client.GetStringAsync("/teams?sort=handoffs&desc=true");
        var first = Regex.Match(sorted, "<tbody>.*?<a href=\"/teams/([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        // Underwriting's "Assess affordability" comes from Identity and goes on to the step it shares with Applications: 1 of 2.
        Assert.Equal("t-underwriting", first);

        var flagged = await client.GetStringAsync("/teams?flag=load");
        var listed = Regex.Matches(flagged, "class=\"depth-\\d+\"><a href=\"/teams/([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        // Lending holds teams: Team Topologies' 5–9 is not its measure.
        Assert.Equal(["t-identity", "t-apply", "t-underwriting", "t-reporting"], listed);
    }

    [Fact]
    public async Task The_dashboard_names_the_teams_whose_signals_stand_out()
    {
        var html = await app.CreateClient().GetStringAsync("/");
        var panel = Regex.Match(html, "id=\"team-load-heading\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<a href=\"/teams/t-apply\">Applications</a>: 3 people, outside 5–9", panel);
        Assert.Contains("All 4 teams with a concern", panel);
    }
}
