using System.Text.Json.Nodes;
using JourneyOrg.Domain;

namespace JourneyOrg.Tests.JourneyManagement;

/// <summary>Valid TheyDo files of each format (shaped like the schemas' own examples), to break in one place per test.</summary>
internal static class TheyDoSamples
{
    public const string Metrics = """
        {
          "format": "THEYDO_METRICS_V1",
          "metrics": [
            { "type": "NPS", "importKey": "nps-app", "title": "App NPS", "unit": "", "ownerEmail": "ada@example.com",
              "targetComparisonOperator": "MORE_THAN_OR_EQUAL_TO", "target": 30, "groups": ["Lending", "Nobody"],
              "dataPoints": [
                { "dateOfMeasurement": "2024-01-31", "promoters": 50, "passives": 30, "detractors": 20 },
                { "dateOfMeasurement": "2024-02-29", "dimensions": [ { "key": "region", "value": "EU" } ], "promoters": 40, "passives": 40, "detractors": 20 },
                { "dateOfMeasurement": "2024-02-29", "dimensions": [ { "key": "region", "value": "US" } ], "promoters": 20, "passives": 40, "detractors": 40 }
              ] },
            { "type": "CSAT", "importKey": "csat", "title": "Satisfaction", "unit": "%",
              "dataPoints": [ { "dateOfMeasurement": "2024-01-31", "veryUnsatisfied": 1, "unsatisfied": 1, "neutral": 3, "satisfied": 3, "verySatisfied": 2 } ] },
            { "type": "CES", "importKey": "ces", "title": "Effort", "unit": "", "targetComparisonOperator": "LESS_THAN_OR_EQUAL_TO", "target": 3,
              "dataPoints": [ { "dateOfMeasurement": "2024-01-31", "score": 3.5, "respondents": 100 } ] },
            { "type": "RATIO", "importKey": "ratio", "title": "Completion", "unit": "ratio",
              "dataPoints": [ { "dateOfMeasurement": "2024-01-31", "numerator": 3, "denominator": 4 } ] },
            { "type": "OTHER", "importKey": "other", "title": "Calls", "unit": "calls", "aggregationMethod": "SUM", "description": null,
              "ownerEmail": null, "target": null, "targetComparisonOperator": null, "groups": null, "groupTags": null,
              "dataPoints": [ { "dateOfMeasurement": "2024-01-31", "dimensions": [], "value": 1200.5 } ] }
          ]
        }
        """;

    public const string Insights = """
        { "format": "THEYDO_INSIGHTS_V1",
          "insights": [ { "importKey": "ins-1", "title": "Form is too long", "description": "Users **give up** <script>x</script>",
                          "type": "PAIN_POINT", "empathyScore": -2, "weight": 3, "externalLinks": ["https://research.example/1", "ftp://x"],
                          "icon": null, "status": null, "tags": ["forms"], "groups": ["Lending"], "groupTags": [ { "tagGroup": "Area", "tag": "Apply" } ],
                          "ownerEmail": "nobody@example.com" } ] }
        """;

    public const string Opportunities = """
        { "format": "THEYDO_OPPORTUNITIES_V1",
          "opportunities": [ { "importKey": "opp-1", "title": "Prefill from bank data", "status": "open", "groups": ["Lending"],
                               "externalLinks": ["https://jira.example/OPP-1"], "ownerEmail": "ada@example.com" },
                             { "importKey": "opp-2", "title": "Chat support" } ] }
        """;

    public const string Solutions = """
        { "format": "THEYDO_SOLUTIONS_V1",
          "solutions": [ { "importKey": "sol-1", "title": "Open banking epic", "type": "epic", "status": "in progress", "priority": "HIGH",
                           "groups": ["Lending"], "externalLinks": ["https://jira.example/EPIC-7"] } ] }
        """;

    /// <summary><paramref name="json"/> after <paramref name="change"/>.</summary>
    public static string With(string json, Action<JsonObject> change)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    /// <summary>A small org to import into: a journey with two steps, Ada (mail ada@example.com) and the Lending team.</summary>
    public static Workspace Org() => new(
        Journeys: [new Journey("j-1", "Borrow", null, "", [new Phase("p-1", "Apply", [new Step("s-1", "Fill in", null), new Step("s-2", "Verify", null)])])],
        People: [new Person("u-ada", "Ada", "Ada@Example.com", null, null, null, null, true)],
        Teams: [new Team("t-lending", "Lending", null, null, null, [])],
        Roles: [],
        Ownership: [new Ownership("t-lending", "s-1", OwnershipKind.Accountable)],
        Metrics: []);
}
