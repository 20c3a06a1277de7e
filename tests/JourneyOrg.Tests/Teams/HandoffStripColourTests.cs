using JourneyOrg.Web.Features.Journeys;
using JourneyOrg.Web.Infrastructure;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Teams;

public sealed class HandoffStripColourTests
{
    private static StripUnit Unit(string? team) => new("u", "step", team is null ? [] : [team], false);

    [Fact]
    public void Up_to_ten_teams_in_a_journey_each_get_their_own_colour()
    {
        var strip = Enumerable.Range(0, 10).Select(i => Unit($"t-{i}")).Append(Unit("t-0")).ToList();
        var colours = JourneyMapModel.StripColours(strip);
        Assert.Equal(10, colours.Values.Distinct().Count());
    }

    [Fact]
    public void With_more_teams_than_colours_neighbours_still_differ()
    {
        var teams = Enumerable.Range(0, 25).Select(i => $"t-{i:00}").ToList();
        var rng = new Random(5);
        var strip = Enumerable.Range(0, 200).Select(_ => Unit(rng.Next(8) == 0 ? null : teams[rng.Next(teams.Count)])).ToList();
        var colours = JourneyMapModel.StripColours(strip);
        for (var i = 1; i < strip.Count; i++)
        {
            if (strip[i].Owners.Count == 0 || strip[i - 1].Owners.Count == 0 || strip[i].Owners[0] == strip[i - 1].Owners[0]) continue;
            Assert.NotEqual(colours[strip[i - 1].Owners[0]], colours[strip[i].Owners[0]]);
        }
    }

    [Fact]
    public async Task On_the_demo_data_no_two_neighbouring_teams_share_a_colour()
    {
        var org = new OrgView(new WorkspaceSnapshot(await DemoData.LoadAsync(), 1));
        var checkedPairs = 0;
        foreach (var journey in org.Workspace.Journeys.Where(j => j.Phases.Count > 0))
        {
            var strip = JourneyMapModel.Build(org, journey).Strip;
            for (var i = 1; i < strip.Count; i++)
            {
                if (strip[i].Owners.Count == 0 || strip[i - 1].Owners.Count == 0 || strip[i].Owners[0] == strip[i - 1].Owners[0]) continue;
                Assert.NotEqual(strip[i - 1].Colour, strip[i].Colour);
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 5);
    }
}
