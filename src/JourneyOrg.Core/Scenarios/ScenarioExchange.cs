using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyOrg.Storage;

namespace JourneyOrg.Scenarios;

/// <summary>When and by whom a scenario was applied to the live organisation, and the revision that made it.</summary>
public sealed record AppliedRecord(DateTimeOffset At, string By, long Revision);

/// <summary>
/// A scenario as a file that leaves the app and comes back (<c>export.json</c>, <c>scenarios import</c>): the scenario
/// document of SPEC §4 (name, description, operations) plus its status and, once applied, when and by whom.
/// Importing creates a new draft: a decision taken elsewhere is not a decision here.
/// </summary>
public static class ScenarioExchange
{
    /// <summary>The key of the applied record inside a stored scenario's document.</summary>
    public const string AppliedField = "applied";

    /// <summary>The exported file: the stored document with the status, the operations in SPEC §4 vocabulary.</summary>
    public static string Export(StoredScenario stored)
    {
        var document = JsonNode.Parse(stored.Document) as JsonObject ?? [];
        var export = new JsonObject
        {
            ["name"] = stored.Name,
            ["description"] = document["description"]?.DeepClone(),
            ["status"] = stored.Status,
            ["operations"] = document["operations"]?.DeepClone() ?? new JsonArray(),
        };
        if (document[AppliedField] is { } applied) export[AppliedField] = applied.DeepClone();
        return export.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// Reads an exported (or hand-written) scenario file into a new draft with id <paramref name="id"/>; every problem in
    /// the file is listed, each with the operation's index and field, and nothing is created when there is one.
    /// Whether the operations fit this organisation is for the planner page to show, as for any scenario.
    /// </summary>
    public static (StoredScenario? Scenario, IReadOnlyList<ScenarioError> Errors) Import(string json, string id, string? author, DateTimeOffset now)
    {
        var parsed = ScenarioJson.Parse(json);
        if (!parsed.Succeeded) return (null, parsed.Errors);
        var scenario = parsed.Scenario!;
        if (string.IsNullOrWhiteSpace(scenario.Name))
            return (null, [new ScenarioError(null, null, "name", "must not be empty")]);
        // Written back through the serializer, so the stored operations carry exactly the fields SPEC §4 defines.
        var document = ScenarioJson.Serialize(scenario with { Name = scenario.Name.Trim() });
        return (new StoredScenario(id, scenario.Name.Trim(), ScenarioStatus.Draft, document, author, now, now, 0), []);
    }

    /// <summary>When the scenario was applied, read from its document; null while it is not.</summary>
    public static AppliedRecord? AppliedOf(StoredScenario stored)
    {
        try
        {
            return JsonNode.Parse(stored.Document) is JsonObject document ? ReadApplied(document[AppliedField]) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An applied record as <see cref="ToJson"/> writes it; null when <paramref name="node"/> is not one.</summary>
    public static AppliedRecord? ReadApplied(JsonNode? node)
    {
        if (node is not JsonObject o) return null;
        try
        {
            return new AppliedRecord(o["at"]!.GetValue<DateTimeOffset>(), o["by"]?.GetValue<string>() ?? "?", o["revision"]?.GetValue<long>() ?? 0);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>The stored scenario marked applied: status and the applied record in its document.</summary>
    public static StoredScenario MarkApplied(StoredScenario stored, AppliedRecord applied)
    {
        var document = JsonNode.Parse(stored.Document) as JsonObject ?? [];
        document[AppliedField] = ToJson(applied);
        return stored with { Status = ScenarioStatus.Applied, Document = document.ToJsonString(), UpdatedAt = applied.At };
    }

    public static JsonObject ToJson(AppliedRecord applied) =>
        new() { ["at"] = applied.At.ToString("O"), ["by"] = applied.By, ["revision"] = applied.Revision };
}
