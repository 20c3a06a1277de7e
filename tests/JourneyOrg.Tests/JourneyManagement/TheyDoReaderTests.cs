using JourneyOrg.JourneyManagement.Import;
using static JourneyOrg.Tests.JourneyManagement.TheyDoSamples;

namespace JourneyOrg.Tests.JourneyManagement;

public sealed class TheyDoReaderTests
{
    [Theory]
    [InlineData(TheyDoSamples.Metrics, 5)]
    [InlineData(TheyDoSamples.Insights, 1)]
    [InlineData(TheyDoSamples.Opportunities, 2)]
    [InlineData(TheyDoSamples.Solutions, 1)]
    public void A_valid_file_of_each_format_reads_without_errors(string json, int records)
    {
        var read = TheyDoReader.Read(json);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(records, read.Document!.Records.Count);
    }

    [Fact]
    public void The_schemas_own_examples_are_valid()
    {
        foreach (var file in Directory.GetFiles(SchemaFolder(), "*.schema.json"))
        {
            var example = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!["examples"]![0]!.ToJsonString();
            Assert.True(TheyDoReader.Read(example).IsValid, file);
        }
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        // Document shape
        { "{\"metrics\": []}", "$.format", "required field is missing" },
        { "{\"format\": \"THEYDO_PEOPLE_V1\", \"people\": []}", "$.format", "expected one of THEYDO_METRICS_V1" },
        { With(Opportunities, d => d.Remove("opportunities")), "$.opportunities", "required field is missing" },
        { With(Opportunities, d => d["opportunities"] = "x"), "$.opportunities", "expected an array" },
        { With(Opportunities, d => d["extra"] = 1), "$.extra", "unknown field" },
        { With(Opportunities, d => d["opportunities"]![0] = 5), "$.opportunities[0]", "expected an object" },
        // Required fields
        { With(Opportunities, d => d["opportunities"]![0]!.AsObject().Remove("importKey")), "$.opportunities[0].importKey", "required field is missing" },
        { With(Insights, d => d["insights"]![0]!.AsObject().Remove("title")), "$.insights[0].title", "required field is missing" },
        { With(Metrics, d => d["metrics"]![0]!.AsObject().Remove("unit")), "$.metrics[0].unit", "required field is missing" },
        { With(Metrics, d => d["metrics"]![0]!.AsObject().Remove("dataPoints")), "$.metrics[0].dataPoints", "required field is missing" },
        { With(Metrics, d => d["metrics"]![0]!.AsObject().Remove("type")), "$.metrics[0].type", "required field is missing" },
        { With(Metrics, d => d["metrics"]![4]!.AsObject().Remove("aggregationMethod")), "$.metrics[4].aggregationMethod", "required field is missing" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![0]!.AsObject().Remove("promoters")), "$.metrics[0].dataPoints[0].promoters", "required field is missing" },
        { With(Metrics, d => d["metrics"]![1]!["dataPoints"]![0]!.AsObject().Remove("neutral")), "$.metrics[1].dataPoints[0].neutral", "required field is missing" },
        { With(Metrics, d => d["metrics"]![2]!["dataPoints"]![0]!.AsObject().Remove("respondents")), "$.metrics[2].dataPoints[0].respondents", "required field is missing" },
        { With(Metrics, d => d["metrics"]![2]!["dataPoints"]![0]!.AsObject().Remove("score")), "$.metrics[2].dataPoints[0].score", "required field is missing" },
        { With(Metrics, d => d["metrics"]![3]!["dataPoints"]![0]!.AsObject().Remove("denominator")), "$.metrics[3].dataPoints[0].denominator", "required field is missing" },
        { With(Metrics, d => d["metrics"]![4]!["dataPoints"]![0]!.AsObject().Remove("value")), "$.metrics[4].dataPoints[0].value", "required field is missing" },
        { With(Metrics, d => d["metrics"]![4]!["dataPoints"]![0]!.AsObject().Remove("dateOfMeasurement")), "$.metrics[4].dataPoints[0].dateOfMeasurement", "required field is missing" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![1]!["dimensions"]![0]!.AsObject().Remove("key")), "$.metrics[0].dataPoints[1].dimensions[0].key", "required field is missing" },
        { With(Insights, d => d["insights"]![0]!["groupTags"]![0]!.AsObject().Remove("tag")), "$.insights[0].groupTags[0].tag", "required field is missing" },
        // Enums and constants
        { With(Metrics, d => d["metrics"]![0]!["type"] = "SCORE"), "$.metrics[0].type", "expected one of NPS, CSAT, CES, RATIO, OTHER" },
        { With(Metrics, d => d["metrics"]![0]!["targetComparisonOperator"] = "EQUAL_TO"), "$.metrics[0].targetComparisonOperator", "expected one of LESS_THAN_OR_EQUAL_TO, MORE_THAN_OR_EQUAL_TO or null" },
        { With(Metrics, d => d["metrics"]![4]!["aggregationMethod"] = "MEDIAN"), "$.metrics[4].aggregationMethod", "expected one of SUM, AVERAGE" },
        { With(Metrics, d => d["metrics"]![0]!["aggregationMethod"] = "SUM"), "$.metrics[0].aggregationMethod", "unknown field" },
        { With(Solutions, d => d["solutions"]![0]!["priority"] = "URGENT"), "$.solutions[0].priority", "expected one of HIGH, MEDIUM, LOW or null" },
        // Types
        { With(Opportunities, d => d["opportunities"]![0]!["title"] = 3), "$.opportunities[0].title", "expected a string, found the number 3" },
        { With(Opportunities, d => d["opportunities"]![0]!["status"] = true), "$.opportunities[0].status", "expected a string or null" },
        { With(Opportunities, d => d["opportunities"]![0]!["externalLinks"] = "https://x.example"), "$.opportunities[0].externalLinks", "expected an array of strings or null" },
        { With(Opportunities, d => d["opportunities"]![0]!["groups"]![0] = 1), "$.opportunities[0].groups[0]", "expected a string" },
        { With(Insights, d => d["insights"]![0]!["empathyScore"] = "high"), "$.insights[0].empathyScore", "expected a number or null" },
        { With(Insights, d => d["insights"]![0]!["weight"] = "3"), "$.insights[0].weight", "expected a number or null" },
        { With(Insights, d => d["insights"]![0]!["groupTags"] = "x"), "$.insights[0].groupTags", "expected an array or null" },
        { With(Metrics, d => d["metrics"]![0]!["target"] = "30"), "$.metrics[0].target", "expected a number or null" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"] = "x"), "$.metrics[0].dataPoints", "expected an array" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![1]!["dimensions"] = "region=EU"), "$.metrics[0].dataPoints[1].dimensions", "expected an array" },
        { With(Metrics, d => d["metrics"]![4]!["dataPoints"]![0]!["value"] = "1"), "$.metrics[4].dataPoints[0].value", "expected a number" },
        // Counts: integers, 0 or more, 32-bit; RATIO takes any 32-bit integer
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![0]!["promoters"] = -1), "$.metrics[0].dataPoints[0].promoters", "out of range; allowed 0 to 2147483647" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![0]!["promoters"] = 1.5), "$.metrics[0].dataPoints[0].promoters", "expected a whole number" },
        { With(Metrics, d => d["metrics"]![1]!["dataPoints"]![0]!["satisfied"] = 2147483648L), "$.metrics[1].dataPoints[0].satisfied", "out of range" },
        { With(Metrics, d => d["metrics"]![3]!["dataPoints"]![0]!["numerator"] = 2.5), "$.metrics[3].dataPoints[0].numerator", "expected a whole number" },
        // Patterns
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![0]!["dateOfMeasurement"] = "2023-02-29"), "$.metrics[0].dataPoints[0].dateOfMeasurement", "not a date in YYYY-MM-DD form" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![0]!["dateOfMeasurement"] = "31/01/2024"), "$.metrics[0].dataPoints[0].dateOfMeasurement", "not a date" },
        { With(Metrics, d => d["metrics"]![0]!["ownerEmail"] = "ada.@example"), "$.metrics[0].ownerEmail", "is not an e-mail address" },
        { With(Opportunities, d => d["opportunities"]![0]!["ownerEmail"] = "two..dots@example.com"), "$.opportunities[0].ownerEmail", "is not an e-mail address" },
        // Unknown fields at every level
        { With(Metrics, d => d["metrics"]![0]!["status"] = "x"), "$.metrics[0].status", "unknown field" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![0]!["score"] = 1), "$.metrics[0].dataPoints[0].score", "unknown field" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![1]!["dimensions"]![0]!["label"] = "x"), "$.metrics[0].dataPoints[1].dimensions[0].label", "unknown field" },
        { With(Opportunities, d => d["opportunities"]![0]!["priority"] = "HIGH"), "$.opportunities[0].priority", "unknown field" },
        { With(Opportunities, d => d["opportunities"]![0]!["icon"] = "x"), "$.opportunities[0].icon", "unknown field" },
        // Beyond the schema: keys that import matches on must be unique
        { With(Opportunities, d => d["opportunities"]![1]!["importKey"] = "opp-1"), "$.opportunities[1].importKey", "already used at $.opportunities[0]" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![2]!["dimensions"]![0]!["value"] = "EU"), "$.metrics[0].dataPoints[2].dateOfMeasurement", "one per date and dimension set" },
        { With(Metrics, d => d["metrics"]![0]!["dataPoints"]![1]!["dimensions"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("{\"key\":\"region\",\"value\":\"US\"}"))), "$.metrics[0].dataPoints[1].dimensions[1].key", "given twice" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_schema_rule_is_reported_with_its_path(string json, string path, string message)
    {
        var read = TheyDoReader.Read(json);

        Assert.False(read.IsValid);
        Assert.Contains(read.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_not_just_the_first()
    {
        var json = With(Metrics, d =>
        {
            d["metrics"]![0]!["title"] = 1;
            d["metrics"]![1]!["dataPoints"]![0]!["neutral"] = -3;
            d["metrics"]![4]!["aggregationMethod"] = "MODE";
        });

        Assert.Equal(["$.metrics[0].title", "$.metrics[1].dataPoints[0].neutral", "$.metrics[4].aggregationMethod"],
            TheyDoReader.Read(json).Errors.Select(e => e.Path).Order());
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_column()
    {
        var error = Assert.Single(TheyDoReader.Read("{\n \"format\": \"THEYDO_METRICS_V1\",\n \"metrics\": [ }").Errors);
        Assert.Equal(3, error.Line);
    }

    // TheyDo's public schemas, kept in the repository next to the docs that describe the mapping.
    private static string SchemaFolder() => Path.Combine(RepositoryFiles.Root, "docs", "formats", "theydo-s3");
}
