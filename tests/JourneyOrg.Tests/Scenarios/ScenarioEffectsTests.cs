using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using static JourneyOrg.Tests.Scenarios.ScenarioTestSupport;

namespace JourneyOrg.Tests.Scenarios;

/// <summary>Changes that today's organisation has overtaken: they still apply, but do nothing or now make an overlap.</summary>
public sealed class ScenarioEffectsTests
{
    private static IReadOnlyList<ChangeEffect> Check(Workspace ws, params ScenarioOperation[] ops) =>
        ScenarioEffects.Check(AlignmentAnalysis.Prepare(ws), new Scenario("test", null, ops));

    [Fact]
    public void A_change_the_organisation_already_made_does_nothing_and_a_real_one_gets_no_note()
    {
        var ws = Bank().Build();
        var effects = Check(ws,
            new AssignOwnership("t-a", "p1", OwnershipKind.Accountable), // t-a already owns p1
            new SetManager("lead-a", "ceo"),                              // already reports to the CEO
            new SetManager("a1", "lead-b"),                               // a real change
            new SetManager("a1", "lead-b"));                              // the change before already did it

        Assert.Equal([(0, ChangeEffectKind.Nothing), (1, ChangeEffectKind.Nothing), (3, ChangeEffectKind.Nothing)],
            effects.Select(e => (e.Index, e.Kind)));
    }

    [Fact]
    public void Closing_a_gap_that_was_closed_directly_now_makes_an_overlap()
    {
        // The scenario gave s3 to t-a; since then t-b was made accountable for s3 directly.
        var ws = Bank().Build();
        var effect = Assert.Single(Check(ws, new AssignOwnership("t-a", "s3", OwnershipKind.Accountable)));
        Assert.Equal(ChangeEffectKind.Overlap, effect.Kind);
        Assert.Equal(["t-b"], effect.OtherTeams);

        // Handing s3 over from its owner is no overlap; contributing is none either.
        Assert.Empty(Check(ws, new TransferOwnership("t-b", "t-a", "s3"), new AssignOwnership("t-a", "s2", OwnershipKind.Contributing)));
    }

    [Fact]
    public void Nothing_is_checked_past_a_change_that_cannot_apply()
    {
        var ws = Bank().Build();
        Assert.Empty(Check(ws, new DeleteTeam("t-none"), new SetManager("lead-a", "ceo")));
    }
}
