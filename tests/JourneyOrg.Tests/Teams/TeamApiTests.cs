using System.Net;
using System.Text.Json.Nodes;
using JourneyOrg.Domain;
using JourneyOrg.Tests.Cli;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Cli;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Teams;

/// <summary>
/// The Team API against SPEC §3. The expected documents are worked out here from the workspace file and the analysis
/// JSON (<c>analyze --json</c>) alone, never through the code that writes the Team API.
/// </summary>
public sealed class TeamApiTests
{
    public static TheoryData<int, int> Sizes => new() { { 800, 2 }, { 3000, 3 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_teams_document_is_what_the_analysis_gives(int people, int seed)
    {
        var workspace = WorkspaceGenerator.Generate(people, seed);
        var file = Path.Combine(Directory.CreateTempSubdirectory("journeyorg-teamapi-").FullName, "workspace.json");
        await using (var stream = File.Create(file)) WorkspaceWriter.Write(workspace, stream);

        var analysis = await CliRun.Of("analyze", "--workspace", file, "--json");
        var api = await CliRun.Of("team-api", "--workspace", file);
        Assert.Equal(CliApp.Success, api.ExitCode);
        var documents = JsonNode.Parse(api.Stdout)!.AsArray();
        Assert.Equal(workspace.Teams.Count, documents.Count);

        var expected = Expected(workspace, JsonNode.Parse(analysis.Stdout)!);
        var problems = new List<string>();
        foreach (var document in documents)
        {
            var id = document!["id"]!.GetValue<string>();
            var want = expected[id];
            foreach (var (key, value) in want.AsObject())
                if (key != "cognitiveLoad" && !JsonNode.DeepEquals(value, document[key]))
                    problems.Add($"{id}.{key}: expected {value?.ToJsonString()}, got {document[key]?.ToJsonString()}");
            // The concerns are words for these figures; their thresholds are checked on the sample workspace.
            foreach (var (key, value) in want["cognitiveLoad"]!.AsObject())
                if (!JsonNode.DeepEquals(value, document["cognitiveLoad"]![key]))
                    problems.Add($"{id}.cognitiveLoad.{key}: expected {value?.ToJsonString()}, got {document["cognitiveLoad"]![key]?.ToJsonString()}");
        }
        Assert.Empty(problems.Take(20));
        // The generated org has handoffs, overlaps, KPIs and shared people: the comparison covers every field.
        Assert.Contains(documents, d => d!["upstream"]!.AsArray().Count > 0);
        Assert.Contains(documents, d => d!["kpis"]!.AsArray().Count > 0);
        Assert.Contains(documents, d => d!["cognitiveLoad"]!["handoffShare"]!.GetValue<double>() > 0);

        var one = await CliRun.Of("team-api", "--workspace", file, "--team", workspace.Teams[^1].Id);
        Assert.True(JsonNode.DeepEquals(documents[^1], JsonNode.Parse(one.Stdout)));
    }

    /// <summary>SPEC §3 from the outside: per team, the units whose owners include it, and what follows from them.</summary>
    private static Dictionary<string, JsonObject> Expected(Workspace workspace, JsonNode analysis)
    {
        var units = analysis["units"]!.AsArray()
            .Select(u => (Id: u!["id"]!.GetValue<string>(), Journey: u["journeyId"]!.GetValue<string>(), Phase: u["phaseId"]!.GetValue<string>(),
                Owners: u["owners"]!.AsArray().Select(o => o!.GetValue<string>()).ToList()))
            .ToList();
        var teams = analysis["teams"]!.AsArray().ToDictionary(t => t!["id"]!.GetValue<string>());
        var names = workspace.People.ToDictionary(p => p.Id, p => p.DisplayName);
        var journeyNames = workspace.Journeys.ToDictionary(j => j.Id, j => j.Name);
        bool Handoff(int a, int b) => units[a].Owners.Count > 0 && units[b].Owners.Count > 0 && !units[a].Owners.SequenceEqual(units[b].Owners);
        var result = new Dictionary<string, JsonObject>();
        foreach (var team in workspace.Teams)
        {
            var mine = Enumerable.Range(0, units.Count).Where(i => units[i].Owners.Contains(team.Id)).ToList();
            var slivers = mine.Count(i => i > 0 && i + 1 < units.Count && units[i - 1].Journey == units[i].Journey
                && units[i + 1].Journey == units[i].Journey && Handoff(i - 1, i) && Handoff(i, i + 1));
            var up = teams[team.Id]!["upstream"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
            var down = teams[team.Id]!["downstream"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
            var kpis = workspace.Metrics.Where(m => units.Any(u => (u.Id == m.TargetId || u.Phase == m.TargetId || u.Journey == m.TargetId) && u.Owners.Contains(team.Id)))
                .Select(m => m.Id).Order(StringComparer.Ordinal);
            var size = team.Members.Count;
            var hasChildren = workspace.Teams.Any(t => t.ParentId == team.Id);
            var journeys = mine.GroupBy(i => units[i].Journey).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            result[team.Id] = new JsonObject
            {
                ["name"] = team.Name,
                ["type"] = team.Type,
                ["lead"] = team.LeadId is null ? null : new JsonObject { ["id"] = team.LeadId, ["name"] = names[team.LeadId] },
                ["members"] = new JsonArray(team.Members.OrderBy(m => m.PersonId, StringComparer.Ordinal)
                    .Select(m => (JsonNode)new JsonObject { ["id"] = m.PersonId, ["name"] = names[m.PersonId], ["allocation"] = Math.Round(m.Allocation, 4) }).ToArray()),
                ["units"] = Strings(mine.Select(i => units[i].Id).Order(StringComparer.Ordinal)),
                ["journeys"] = new JsonArray(journeys.Select(g => (JsonNode)new JsonObject
                    { ["id"] = g.Key, ["name"] = journeyNames[g.Key], ["units"] = g.Count() }).ToArray()),
                ["upstream"] = Strings(up),
                ["downstream"] = Strings(down),
                ["kpis"] = Strings(kpis),
                ["contributing"] = Strings(workspace.Ownership.Where(o => o.TeamId == team.Id && o.Kind == OwnershipKind.Contributing)
                    .Select(o => o.TargetId).Order(StringComparer.Ordinal)),
            };
            var load = new JsonObject
            {
                ["size"] = size,
                ["sizeOutsideFiveToNine"] = size > 0 && !hasChildren && (size < 5 || size > 9),
                ["journeys"] = journeys.Count,
                ["units"] = mine.Count,
                ["counterparts"] = up.Union(down).Count(),
                ["handoffShare"] = mine.Count == 0 ? 0 : Math.Round((double)slivers / mine.Count, 4),
                ["peopleInOtherTeams"] = team.Members.Count(m => workspace.Teams.Any(t => t.Id != team.Id && t.Members.Any(o => o.PersonId == m.PersonId))),
            };
            result[team.Id]["cognitiveLoad"] = load;
        }
        return result;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    [Fact]
    public async Task The_team_page_serves_its_team_api_and_links_it()
    {
        using var app = new WebAppFactory();
        var client = app.CreateClient();
        var response = await client.GetAsync("/teams/t-apply/team-api.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var d = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Ben Ortiz", d["lead"]!["name"]!.GetValue<string>());
        Assert.Equal(["u-ben", "u-cara", "u-dev"], d["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        Assert.Equal(0.5, d["members"]![2]!["allocation"]!.GetValue<double>());
        // s-form directly; s-offer shared with Underwriting; the empty phase "Complete" has no owner at all.
        Assert.Equal(["s-form", "s-offer"], d["units"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(2, d["journeys"]![0]!["units"]!.GetValue<int>());
        Assert.Equal(["t-underwriting"], d["upstream"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(["t-identity"], d["downstream"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(["m-dropoff", "m-nps"], d["kpis"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(["p-decide"], d["contributing"]!.AsArray().Select(u => u!.GetValue<string>()));
        var load = d["cognitiveLoad"]!;
        Assert.Equal((3, true, 2, 1), (load["size"]!.GetValue<int>(), load["sizeOutsideFiveToNine"]!.GetValue<bool>(),
            load["counterparts"]!.GetValue<int>(), load["peopleInOtherTeams"]!.GetValue<int>()));

        // Identity's "Verify identity" step in the mortgage journey sits between Applications and Underwriting.
        var identity = JsonNode.Parse(await client.GetStringAsync("/teams/t-identity/team-api.json"))!;
        Assert.Equal(0.3333, identity["cognitiveLoad"]!["handoffShare"]!.GetValue<double>());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/teams/t-nobody/team-api.json")).StatusCode);
        Assert.Contains("href=\"/teams/t-apply/team-api.json\"", await client.GetStringAsync("/teams/t-apply"));
    }

    [Fact]
    public async Task An_unknown_team_on_the_command_line_is_an_error()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("journeyorg-teamapi-").FullName, "workspace.json");
        await using (var stream = File.Create(file)) WorkspaceWriter.Write(SampleWorkspace.Create(), stream);
        var run = await CliRun.Of("team-api", "--workspace", file, "--team", "t-nobody");
        Assert.Equal(CliApp.InvalidInput, run.ExitCode);
        Assert.Contains("no team has the id 't-nobody'", run.Stderr);
    }
}
