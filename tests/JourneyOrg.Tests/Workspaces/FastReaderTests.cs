using System.Text;
using System.Text.Json.Nodes;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Workspaces;

/// <summary>
/// Issue #17: well-formed documents are read in one pass without a <c>JsonDocument</c>. That reader must build exactly
/// the model the document reader builds, and leave everything it would have to report to the document reader.
/// </summary>
public sealed class FastReaderTests
{
    public static TheoryData<string> Documents => new()
    {
        SampleDocuments.BankWorkspacePath, SharedData.PathOf("bank-workspace-costs.json"), SampleDocuments.DemoWorkspacePath,
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Reads_the_repository_documents_as_the_document_reader_does(string path) =>
        await SameModel(await File.ReadAllBytesAsync(path));

    [Fact]
    public async Task Reads_a_generated_organisation_with_journey_management_as_the_document_reader_does()
    {
        using var written = new MemoryStream();
        WorkspaceWriter.Write(WorkspaceGenerator.Generate(3000, seed: 4), written);
        await SameModel(written.ToArray());
    }

    [Fact]
    public async Task Reads_nulls_defaults_escapes_and_unknown_fields_as_the_document_reader_does()
    {
        var json = SampleDocuments.With(d =>
        {
            d["people"]![0]!["mail"] = null;
            d["people"]![1]!["displayName"] = "B\u00f6 \"Chen\" \\ \u2603";
            d["people"]![1]!["extra"] = new JsonObject { ["nested"] = new JsonArray(1, 2, new JsonObject()) };
            d["teams"]![1]!["members"]![0]!["allocation"] = null;
            d["ownership"]![0]!["kind"] = null;
            d["metrics"]![0]!["dataPoints"] = JsonNode.Parse("""
                [ { "date": "2026-01-31", "value": 40, "dimensions": { "region": "north", "channel": "web" } },
                  { "date": "2026-02-28", "value": 41.5, "dimensions": null } ]
                """);
            d["prioritisation"] = null;
            d["unknown"] = new JsonArray();
        }).Replace("\"id\":\"u-1\"", "\"\\u0069d\":\"u-1\"");
        Assert.NotNull(WorkspaceFastReader.TryRead(Encoding.UTF8.GetBytes(json)));
        await SameModel(Encoding.UTF8.GetBytes(json));
        await SameModel([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]);
    }

    [Theory]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ { \"id\": \"u-1\" } ] }")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ { \"id\": \"u-1\", \"displayName\": \"A\", \"displayName\": \"B\" } ] }")]
    [InlineData("{ \"format\": \"journeyorg/v2\" }")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"teams\": [ 3 ] }")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"ownership\": [ { \"teamId\": \"t\", \"targetId\": \"j\", \"kind\": \"owner\" } ] }")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ { \"id\": \"u-1\", \"displayName\": 7 } ] }")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ ] ,}")]
    [InlineData("{ \"format\": \"journeyorg/v1\" } { }")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"metrics\": [ { \"id\": \"m\", \"name\": \"M\", \"dataPoints\": [ { \"date\": \"31/01/2026\", \"value\": 1 } ] } ] }")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"costs\": [ { \"personId\": \"u\", \"annualCost\": 1e999 } ] }")]
    public async Task Leaves_whatever_must_be_reported_to_the_document_reader(string json)
    {
        Assert.Null(WorkspaceFastReader.TryRead(Encoding.UTF8.GetBytes(json)));
        var read = await WorkspaceReader.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var document = await WorkspaceReader.ParseDocumentAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        // Everything but the field given twice (which the document reader takes as it always did) is an error.
        Assert.Equal(document.Errors, read.Errors);
        if (document.Workspace is not null) Assert.Equal(Written(document.Workspace), Written(read.Workspace!));
    }

    /// <summary>
    /// Large files have their people read by several cores from guessed places. Whatever the guesses hit (a person's
    /// end, a string that looks like one, another array, nothing), the model must be the single pass's, and a broken
    /// person in any share must still leave the file to the document reader.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    public async Task Reading_the_people_in_parts_builds_the_single_pass_model(int parts)
    {
        var generated = WorkspaceGenerator.Generate(400, seed: 9);
        // Names that look like the place between two people, in both layouts, so that some guesses fall inside strings.
        var tricky = generated with
        {
            People = [.. generated.People.Select((p, i) => i % 7 == 3 ? p with { DisplayName = p.DisplayName + " }, { \"id\": \"x\" }," } : p)],
        };
        foreach (var workspace in new[] { generated, tricky })
        {
            using var indented = new MemoryStream();
            WorkspaceWriter.Write(workspace, indented);
            var minified = Encoding.UTF8.GetBytes(JsonNode.Parse(indented.ToArray())!.ToJsonString());
            foreach (var utf8 in new[] { indented.ToArray(), minified })
            {
                var single = WorkspaceFastReader.TryRead(utf8, 1);
                var split = WorkspaceFastReader.TryRead(utf8, parts, out var fromHelpers);
                Assert.NotNull(single);
                Assert.NotNull(split);
                Assert.Equal(Written(single), Written(split));
                // The people are most of the file, so most guesses fall between two of them and are taken.
                Assert.InRange(fromHelpers, workspace.People.Count / 4, workspace.People.Count - 1);
            }
        }
        await SameModel(Encoding.UTF8.GetBytes(JsonNode.Parse(Written(tricky))!.ToJsonString()));
    }

    [Theory]
    [InlineData("\"displayName\": \"Person 300\"", "\"displayName\": 300")]
    [InlineData("\"displayName\": \"Person 300\",", "\"displayName\": \"Person 300\", \"displayName\": \"Twice\",")]
    [InlineData("\"displayName\": \"Person 399\"", "\"displayName\": \"Person 399\", \"source\": [")]
    public void A_broken_person_in_any_part_leaves_the_file_to_the_document_reader(string person, string broken)
    {
        var workspace = new Workspace([], [.. Enumerable.Range(0, 400).Select(i => new Person($"u-{i}", $"Person {i}", null, null, null, null, null, true))], [], [], [], []);
        var json = Written(workspace);
        Assert.Contains(person, json);
        foreach (var parts in new[] { 1, 2, 5, 13 })
        {
            Assert.NotNull(WorkspaceFastReader.TryRead(Encoding.UTF8.GetBytes(json), parts));
            Assert.Null(WorkspaceFastReader.TryRead(Encoding.UTF8.GetBytes(json.Replace(person, broken)), parts));
        }
        var trailingComma = json[..json.LastIndexOf('}', json.IndexOf("\"teams\"", StringComparison.Ordinal))] + "}, ]" +
                            json[(json.IndexOf(']', json.LastIndexOf('}', json.IndexOf("\"teams\"", StringComparison.Ordinal))) + 1)..];
        Assert.Null(WorkspaceFastReader.TryRead(Encoding.UTF8.GetBytes(trailingComma), 5));
    }

    private static async Task SameModel(byte[] utf8)
    {
        var fast = WorkspaceFastReader.TryRead(utf8);
        Assert.NotNull(fast);
        var document = await WorkspaceReader.ParseDocumentAsync(new MemoryStream(utf8));
        Assert.Empty(document.Errors);
        Assert.Equal(Written(document.Workspace!), Written(fast));
    }

    private static string Written(Workspace workspace)
    {
        using var stream = new MemoryStream();
        WorkspaceWriter.Write(workspace, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
