using System.Text.Json.Nodes;
using JourneyOrg.Analysis;
using JourneyOrg.Web.Cli;

namespace JourneyOrg.Tests.Analysis;

public sealed class GoldenOrgAlignmentTests
{
    [Fact]
    public void Bank_workspace_gives_the_expected_managers()
    {
        var baseline = AlignmentAnalysis.Prepare(GoldenData.Bank);
        var json = JsonNode.Parse(AnalysisJson.Serialize(baseline.Report, org: baseline.OrgAlignment))!;
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-org.expected.json"),
            new JsonObject { ["managers"] = json["managers"]!.DeepClone() }.ToJsonString());
    }

    [Fact]
    public async Task Analyze_org_json_is_the_analysis_plus_the_managers_and_without_org_the_analysis_alone()
    {
        var withOrg = await Run("--workspace", GoldenData.PathOf("bank-workspace.json"), "--json", "--org");
        var expected = JsonNode.Parse(GoldenData.Text("bank-analysis.expected.json"))!.AsObject();
        expected["managers"] = JsonNode.Parse(GoldenData.Text("bank-org.expected.json"))!["managers"]!.DeepClone();
        GoldenData.AssertJsonEquivalent(expected.ToJsonString(), withOrg);

        var without = await Run("--workspace", GoldenData.PathOf("bank-workspace.json"), "--json");
        GoldenData.AssertJsonEquivalent(GoldenData.Text("bank-analysis.expected.json"), without);
    }

    private static async Task<string> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(["analyze", .. args], stdout, stderr);
        Assert.True(code == CliApp.Success, stderr.ToString());
        return stdout.ToString();
    }
}
