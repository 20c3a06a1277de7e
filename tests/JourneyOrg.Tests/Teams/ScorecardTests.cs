using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Web;

namespace JourneyOrg.Tests.Teams;

public sealed class ScorecardTests : IDisposable
{
    private readonly WebAppFactory _app = new();

    private static string Section(string html, string name) =>
        Regex.Match(html, $"data-section=\"{name}\".*?</section>", RegexOptions.Singleline).Value;

    private static List<string> MetricRows(string html) =>
        Regex.Matches(html, "<tr data-metric=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_scorecard_lists_the_kpis_on_what_the_team_answers_for_worst_first_with_links()
    {
        var client = _app.CreateClient();
        // Applications: "Drop-off" measures the Apply phase (it owns "Fill in application"), off target; "Satisfaction"
        // measures "Make an offer", which it shares with Underwriting, on target.
        var apply = Section(await client.GetStringAsync("/teams/t-apply"), "team-scorecard");
        Assert.Equal(["m-dropoff", "m-nps"], MetricRows(apply));
        Assert.Contains("href=\"/metrics/m-dropoff\"", apply);
        Assert.Contains("href=\"/journeys/j-mortgage/steps/s-offer\"", apply);
        Assert.Contains("off target", apply);
        Assert.Contains("href=\"/metrics?team=t-apply\"", apply);

        Assert.Equal(["m-nps"], MetricRows(Section(await client.GetStringAsync("/teams/t-underwriting"), "team-scorecard")));
        Assert.Equal(["m-dropoff"], MetricRows(Section(await client.GetStringAsync("/teams/t-identity"), "team-scorecard")));
        Assert.Contains("No KPI measures", Section(await client.GetStringAsync("/teams/t-reporting"), "team-scorecard"));
    }

    [Fact]
    public async Task The_scorecard_lists_insights_on_the_teams_steps_only()
    {
        var revision = await _app.Store.GetRevisionAsync();
        var insight = new Insight("i-slow-form", "The form asks for the same address twice", "", InsightTypes.PainPoint, null, null, null) { StepIds = ["s-form"] };
        await _app.Store.ApplyAsync(new WorkspaceChangeSet { UpsertInsights = [insight] }, revision);
        var client = _app.CreateClient();
        Assert.Contains("data-insight=\"i-slow-form\"", Section(await client.GetStringAsync("/teams/t-apply"), "team-scorecard"));
        Assert.DoesNotContain("data-insight=\"i-slow-form\"", Section(await client.GetStringAsync("/teams/t-underwriting"), "team-scorecard"));
    }

    [Fact]
    public async Task Kpis_filter_by_team_and_by_unit_with_the_teams_under_it()
    {
        var client = _app.CreateClient();
        Assert.Equal(["m-dropoff"], MetricRows(await client.GetStringAsync("/metrics?team=t-identity")));
        Assert.Equal(["m-nps"], MetricRows(await client.GetStringAsync("/metrics?team=Underwriting")));
        // Lending answers for nothing itself; Applications and Underwriting are under it.
        Assert.Equal(["m-dropoff", "m-nps"], MetricRows(await client.GetStringAsync("/metrics?team=t-lending")));
        Assert.Empty(MetricRows(await client.GetStringAsync("/metrics?team=t-reporting")));
        var unknown = await client.GetStringAsync("/metrics?team=Nobody");
        Assert.Empty(MetricRows(unknown));
        Assert.Contains("no team is called or has the id &#x27;Nobody&#x27;", unknown);
    }

    public void Dispose() => _app.Dispose();
}
