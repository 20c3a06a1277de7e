using System.Text.Json.Nodes;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;
using static JourneyOrg.Tests.Workspaces.SampleDocuments;

namespace JourneyOrg.Tests.Workspaces;

/// <summary>SPEC §5 in <c>journeyorg/v1</c>: <c>costs</c>, <c>roles[].annualCost</c> and <c>currency</c>.</summary>
public sealed class CostFormatTests
{
    private static string WithCosts(string costs, string currency = "\"USD\"", string roleCost = "95000")
    {
        var document = JsonNode.Parse(Valid)!.AsObject();
        document["currency"] = JsonNode.Parse(currency);
        document["costs"] = JsonNode.Parse(costs);
        foreach (var role in document["roles"]!.AsArray()) role!["annualCost"] = JsonNode.Parse(roleCost);
        return document.ToJsonString();
    }

    private static string FirstPerson => JsonNode.Parse(Valid)!["people"]![0]!["id"]!.GetValue<string>();
    private static string SecondPerson => JsonNode.Parse(Valid)!["people"]![1]!["id"]!.GetValue<string>();

    [Fact]
    public void Costs_role_costs_and_currency_are_read()
    {
        var read = WorkspaceReader.Read(WithCosts($$"""[{"personId":"{{FirstPerson}}","annualCost":84000.5}]"""));
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var workspace = read.Workspace!;
        Assert.Equal([new PersonCost(FirstPerson, 84000.5)], workspace.Costs);
        Assert.Equal("USD", workspace.Currency);
        Assert.All(workspace.Roles, r => Assert.Equal(95000, r.AnnualCost));
        Assert.True(workspace.HasCosts);
    }

    [Fact]
    public void A_document_without_costs_has_none_and_counts_in_euros()
    {
        var workspace = WorkspaceReader.Read(Valid).Workspace!;
        Assert.Empty(workspace.Costs);
        Assert.False(workspace.HasCosts);
        Assert.Equal("EUR", workspace.Currency);
        Assert.All(workspace.Roles, r => Assert.Null(r.AnnualCost));
    }

    [Fact]
    public void Every_bad_cost_is_named_with_its_path()
    {
        var read = WorkspaceReader.Read(WithCosts($$"""
            [ {"personId":"u-nobody","annualCost":1000},
              {"personId":"{{FirstPerson}}","annualCost":50000},
              {"personId":"{{FirstPerson}}","annualCost":60000},
              {"personId":"{{SecondPerson}}","annualCost":-5},
              {"personId":"{{SecondPerson}}","annualCost":"lots"},
              {"annualCost":1} ]
            """, currency: "\"euro\"", roleCost: "-1"));
        Assert.False(read.IsValid);
        var errors = read.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("$.costs[0].personId: no person with id 'u-nobody'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"$.costs[2].personId: '{FirstPerson}' already has a cost at $.costs[1]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.costs[3].annualCost: annual cost -5 is negative", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.costs[4].annualCost: expected a number, found", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "$.costs[5].personId: required field is missing");
        Assert.Contains(errors, e => e.StartsWith("$.roles[0].annualCost: annual cost -1 is negative", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.currency: 'euro' is not a currency code", StringComparison.Ordinal));
    }

    [Fact]
    public void Costs_survive_a_round_trip_through_the_writer()
    {
        var workspace = WorkspaceReader.Read(WithCosts($$"""[{"personId":"{{SecondPerson}}","annualCost":70000},{"personId":"{{FirstPerson}}","annualCost":84000.25}]""")).Workspace!;
        var written = WorkspaceWriter.ToJson(workspace);
        var again = WorkspaceReader.Read(written);
        Assert.True(again.IsValid, string.Join("; ", again.Errors));
        Assert.Equal(written, WorkspaceWriter.ToJson(again.Workspace!));
        Assert.Equal(workspace.Costs.OrderBy(c => c.PersonId, StringComparer.Ordinal), again.Workspace!.Costs);
        Assert.Equal("USD", again.Workspace.Currency);
        Assert.All(again.Workspace.Roles, r => Assert.Equal(95000, r.AnnualCost));
    }

    [Fact]
    public void A_workspace_without_cost_data_exports_without_cost_fields()
    {
        var written = WorkspaceWriter.ToJson(WorkspaceReader.Read(Valid).Workspace!);
        Assert.DoesNotContain("annualCost", written);
        Assert.DoesNotContain("\"costs\"", written);
        Assert.DoesNotContain("\"currency\"", written);
    }

    [Fact]
    public async Task An_import_with_a_bad_cost_leaves_the_store_exactly_as_it_was()
    {
        using var store = new TemporaryStore();
        var importer = new WorkspaceImporter(store.Store);
        var good = await importer.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            WithCosts($$"""[{"personId":"{{FirstPerson}}","annualCost":84000}]"""))), WorkspaceImportMode.Replace);
        Assert.True(good.Succeeded);
        var before = await store.ExportAsync();
        Assert.Contains("84000", before);

        foreach (var mode in new[] { WorkspaceImportMode.Replace, WorkspaceImportMode.Merge })
        {
            var bad = await importer.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
                WithCosts($$"""[{"personId":"{{FirstPerson}}","annualCost":90000},{"personId":"u-ghost","annualCost":1}]"""))), mode);
            Assert.False(bad.Succeeded);
            Assert.Contains(bad.Errors, e => e.Path == "$.costs[1].personId");
            Assert.Equal(before, await store.ExportAsync());
        }
    }

    [Fact]
    public async Task A_merge_upserts_costs_by_person_and_keeps_the_others()
    {
        using var store = new TemporaryStore();
        var importer = new WorkspaceImporter(store.Store);
        await importer.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            WithCosts($$"""[{"personId":"{{FirstPerson}}","annualCost":84000},{"personId":"{{SecondPerson}}","annualCost":70000}]"""))), WorkspaceImportMode.Replace);

        var merged = await importer.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            $$"""{"format":"journeyorg/v1","costs":[{"personId":"{{SecondPerson}}","annualCost":72000}]}""")), WorkspaceImportMode.Merge);

        Assert.True(merged.Succeeded, string.Join("; ", merged.Errors));
        var workspace = (await store.Store.LoadAsync()).Workspace;
        Assert.Equal(84000, workspace.Costs.Single(c => c.PersonId == FirstPerson).AnnualCost);
        Assert.Equal(72000, workspace.Costs.Single(c => c.PersonId == SecondPerson).AnnualCost);
        Assert.Equal("USD", workspace.Currency);
    }
}
