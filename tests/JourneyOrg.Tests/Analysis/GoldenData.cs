using System.Text.Json.Nodes;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Analysis;

/// <summary>The contract's golden files (<see cref="SharedData"/>), and a JSON comparison that follows their README.</summary>
public static class GoldenData
{
    public static string Directory => SharedData.Directory;

    public static string PathOf(string file) => SharedData.PathOf(file);

    public static string Text(string file) => File.ReadAllText(PathOf(file));

    private static readonly Lazy<Workspace> BankWorkspace = new(() =>
        WorkspaceReader.Read(Text("bank-workspace.json")).Workspace ?? throw new InvalidOperationException("the bank workspace does not validate"));

    public static Workspace Bank => BankWorkspace.Value;

    /// <summary>
    /// Asserts two JSON documents are equal: same keys (in any order), arrays element by element, numbers within
    /// 1e-4. Lists the first differences with their JSON path so a failure says what a user would see change.
    /// </summary>
    public static void AssertJsonEquivalent(string expectedJson, string actualJson)
    {
        var differences = new List<string>();
        Compare(JsonNode.Parse(expectedJson), JsonNode.Parse(actualJson), "$", differences);
        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):\n" + string.Join("\n", differences.Take(25)));
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key)) differences.Add($"{path}.{key}: missing");
                    else Compare(value, a[key], $"{path}.{key}", differences);
                }
                foreach (var (key, _) in a)
                    if (!e.ContainsKey(key)) differences.Add($"{path}.{key}: unexpected");
                return;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                    differences.Add($"{path}: expected {e.Count} items, got {a.Count}: {Short(e)} vs {Short(a)}");
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++) Compare(e[i], a[i], $"{path}[{Label(e[i], i)}]", differences);
                return;
            case (JsonValue e, JsonValue a) when e.TryGetValue<double>(out var x) && a.TryGetValue<double>(out var y):
                if (Math.Abs(x - y) > 1e-4 + 1e-9) differences.Add($"{path}: expected {x}, got {y}");
                return;
            default:
                if (expected?.ToJsonString() != actual?.ToJsonString())
                    differences.Add($"{path}: expected {Short(expected)}, got {Short(actual)}");
                return;
        }
    }

    private static string Label(JsonNode? node, int index) =>
        node is JsonObject o && (o["id"] ?? o["unitId"] ?? o["phaseId"] ?? o["journeyId"]) is JsonValue id ? $"{index}:{id}" : index.ToString();

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
