using JourneyOrg.Scenarios;
using static JourneyOrg.Tests.Scenarios.ScenarioTestSupport;

namespace JourneyOrg.Tests.Scenarios;

public sealed class ReportingMovesTests
{
    [Fact]
    public void A_manager_who_moves_takes_their_organisation_along_and_every_manager_above_counts_it()
    {
        var before = new Analysis.TestWorkspace()
            .Person("ceo").Person("vp-a", "ceo").Person("vp-b", "ceo")
            .Person("lead", "vp-a").Person("dev1", "lead").Person("dev2", "lead").Person("gone", "lead", enabled: false)
            .Build();
        var after = After(before, new SetManager("lead", "vp-b"));

        var moves = ReportingMoves.Between(before, after);

        // lead, dev1 and dev2 leave vp-a for vp-b; the disabled account counts for nobody; the CEO keeps them all.
        Assert.Equal(new ReportingMove(0, 3), moves["vp-a"]);
        Assert.Equal(new ReportingMove(3, 0), moves["vp-b"]);
        Assert.False(moves.ContainsKey("ceo"));
        Assert.False(moves.ContainsKey("lead"));
    }

    [Fact]
    public void Nothing_moves_when_no_manager_changes()
    {
        var ws = Bank().Build();
        Assert.Empty(ReportingMoves.Between(ws, After(ws, new MovePerson("a1", "t-a", "t-b", null))));
    }
}
