using System.Text.Json.Nodes;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Workspaces;

/// <summary>A small valid insurer workspace to break in one place per test, and the repository's data files.</summary>
internal static class SampleDocuments
{
    public const string Valid = """
        {
          "format": "journeyorg/v1",
          "journeys": [
            { "id": "j-life", "name": "Customer lifecycle", "phases": [] },
            { "id": "j-id", "name": "Verify identity", "parentId": null,
              "phases": [ { "id": "p-id-check", "name": "Check", "steps": [ { "id": "s-id-scan", "name": "Scan passport" } ] } ] },
            { "id": "j-claim", "name": "Report a car accident", "parentId": "j-life", "description": "Motor claims",
              "phases": [
                { "id": "p-claim-report", "name": "Report",
                  "steps": [ { "id": "s-claim-form", "name": "Describe what happened" },
                             { "id": "s-claim-id", "name": "Verify identity", "subjourneyId": "j-id" } ] },
                { "id": "p-claim-settle", "name": "Settle" } ] }
          ],
          "people": [
            { "id": "u-1", "displayName": "Ada Park", "roleId": "r-lead" },
            { "id": "u-2", "displayName": "Bo Chen", "managerId": "u-1" },
            { "id": "u-3", "displayName": "Cy Diaz", "managerId": "u-1", "accountEnabled": false }
          ],
          "teams": [
            { "id": "t-claims", "name": "Claims", "leadId": "u-1", "type": "stream-aligned", "members": [ { "personId": "u-1" } ] },
            { "id": "t-motor", "name": "Motor claims", "parentId": "t-claims",
              "members": [ { "personId": "u-2", "allocation": 0.5 }, { "personId": "u-3" } ] }
          ],
          "roles": [ { "id": "r-lead", "title": "Product lead" } ],
          "ownership": [
            { "teamId": "t-claims", "targetId": "j-claim" },
            { "teamId": "t-motor", "targetId": "p-claim-report", "kind": "contributing" }
          ],
          "metrics": [
            { "id": "m-1", "targetId": "p-claim-report", "name": "Drop-off", "unit": "%", "value": 31, "target": 20, "direction": "lower" }
          ]
        }
        """;

    /// <summary><see cref="Valid"/> after <paramref name="change"/>.</summary>
    public static string With(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(Valid)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    public static IReadOnlyList<WorkspaceError> ErrorsOf(string json) => WorkspaceReader.Read(json).Errors;

    public static string DemoWorkspacePath => Path.Combine(RepositoryFiles.Root, "seed", "demo-workspace.json");

    public static string BankWorkspacePath => SharedData.PathOf("bank-workspace.json");
}
