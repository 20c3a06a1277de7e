using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;
using static JourneyOrg.Tests.Analysis.TestWorkspace;

namespace JourneyOrg.Tests.Analysis;

/// <summary>
/// E(u) with where it was found, as the journey map and the step page explain it: the same teams the analysis
/// counts, and the right "inherited from".
/// </summary>
public sealed class EffectiveOwnersTests
{
    private static IReadOnlyList<string> AccountableIn(Workspace w, string target) =>
        w.Ownership.Where(o => o.TargetId == target && o.Kind == OwnershipKind.Accountable).Select(o => o.TeamId).Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Each_source_is_named_by_where_the_owners_were_found()
    {
        var workspace = new TestWorkspace()
            .Team("t-step").Team("t-id").Team("t-phase").Team("t-family").Team("t-lending")
            .JourneyUnder("j-lending", null)
            .JourneyUnder("j-id", null, Phase("p-id", Step("s-id-1")))
            .JourneyUnder("j-loan", "j-lending",
                Phase("p-apply", Step("s-own"), Step("s-uses-id", uses: "j-id"), Step("s-phase")),
                Phase("p-empty"),
                Phase("p-decide", Step("s-journey")))
            .Owns("t-step", "s-own").Owns("t-id", "j-id").Owns("t-phase", "p-apply").Owns("t-lending", "j-lending")
            .Build();
        var map = new JourneyMap(workspace.Journeys);
        EffectiveOwners Of(string unit) => map.EffectiveOwnersOf(unit, t => AccountableIn(workspace, t))!;

        Assert.Equal(new EffectiveOwners(["t-step"], OwnerSource.Direct, "s-own"), Of("s-own"), Same);
        Assert.Equal(new EffectiveOwners(["t-id"], OwnerSource.Subjourney, "j-id"), Of("s-uses-id"), Same);
        Assert.Equal(new EffectiveOwners(["t-phase"], OwnerSource.Phase, "p-apply"), Of("s-phase"), Same);
        // Found on the journey's parent: still "from the journey's chain", named by where.
        Assert.Equal(new EffectiveOwners(["t-lending"], OwnerSource.Journey, "j-lending"), Of("p-empty"), Same);
        Assert.Equal(new EffectiveOwners(["t-lending"], OwnerSource.Journey, "j-lending"), Of("s-journey"), Same);
        Assert.Null(map.EffectiveOwnersOf("p-apply", t => AccountableIn(workspace, t))); // a phase with steps is no unit
    }

    [Theory]
    [InlineData(300, 4)]
    [InlineData(2000, 5)]
    public void The_explained_owners_are_the_ones_the_analysis_counts(int people, int seed)
    {
        var workspace = WorkspaceGenerator.Generate(people, seed);
        var map = new JourneyMap(workspace.Journeys);
        var report = AlignmentAnalysis.Analyze(workspace);
        Assert.NotEmpty(report.Units);
        Assert.All(report.Units, u => Assert.Equal(u.Owners, map.EffectiveOwnersOf(u.Id, t => AccountableIn(workspace, t))!.TeamIds));
    }

    private static readonly IEqualityComparer<EffectiveOwners> Same = EqualityComparer<EffectiveOwners>.Create(
        (a, b) => a!.Source == b!.Source && a.FromId == b.FromId && a.TeamIds.SequenceEqual(b.TeamIds));
}
