using JourneyOrg.Analysis;

namespace JourneyOrg.Tests.Analysis;

public sealed class GoldenAnalysisTests
{
    [Fact]
    public void Bank_workspace_gives_the_expected_analysis()
    {
        var report = AlignmentAnalysis.Analyze(GoldenData.Bank);
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-analysis.expected.json"), AnalysisJson.Serialize(report));
    }
}

public sealed class GoldenComparisonTests
{
    [Theory]
    [InlineData("""{"a":[1.0,2.0]}""", """{"a":[1.0,2.001]}""")]
    [InlineData("""{"a":["t-1"]}""", """{"a":["t-2"]}""")]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":[1]}""", """{"a":[]}""")]
    public void Golden_comparison_reports_a_difference(string expected, string actual) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GoldenData.AssertJsonEquivalent(expected, actual));

    [Fact]
    public void Golden_comparison_allows_key_order_and_rounding_noise() =>
        GoldenData.AssertJsonEquivalent("""{"a":0.8889,"b":[1]}""", """{"b":[1],"a":0.88889}""");
}
