using JourneyOrg.Domain;
using JourneyOrg.Storage;
using static JourneyOrg.Web.Storage.Neo4j.Neo4jCypher;

namespace JourneyOrg.Web.Storage.Neo4j;

// People cost (SPEC §5); the statements and the model are described in Neo4jCypher.Costs.cs.
public sealed partial class Neo4jWorkspaceStore
{
    private static Neo4jStatement[] CostLoadStatements() =>
    [
        Statement(nameof(LoadCosts), LoadCosts), Statement(nameof(LoadRoleCosts), LoadRoleCosts), Statement(nameof(LoadCurrency), LoadCurrency),
    ];

    /// <param name="r">The results of <see cref="CostLoadStatements"/>, in order.</param>
    private static Workspace WithCosts(Workspace workspace, IReadOnlyList<LoadedRows> r)
    {
        var roleCosts = r[1].As<RoleCostRow>().ToDictionary(x => x.Id, x => x.AnnualCost);
        return workspace with
        {
            Costs = r[0].As<CostRow>().Select(c => new PersonCost(c.PersonId, c.AnnualCost)).ToList(),
            Roles = roleCosts.Count == 0
                ? workspace.Roles
                : workspace.Roles.Select(x => roleCosts.TryGetValue(x.Id, out var cost) ? x with { AnnualCost = cost } : x).ToList(),
            Currency = r[2].As<CurrencyRow>().FirstOrDefault()?.Currency ?? CostCurrency.Default,
        };
    }

    /// <summary>Runs after people and roles are written, so every cost finds its node.</summary>
    private static async Task WriteCostsAsync(WriteTransaction write, WorkspaceChangeSet c, bool replacing, CancellationToken ct)
    {
        if (replacing) await write.RunAsync(nameof(ClearCostSettings), ClearCostSettings, ct);
        else await write.RunBatchesAsync(nameof(DeleteCosts), DeleteCosts, "ids", c.DeleteCosts, ct);
        await write.RunBatchesAsync(nameof(UpsertCosts), UpsertCosts, "rows", c.UpsertCosts.Select(x => new CostRow(x.PersonId, x.AnnualCost)).ToList(), ct);
        await write.RunBatchesAsync(nameof(WriteRoleCosts), WriteRoleCosts, "rows",
            c.UpsertRoles.Select(x => new RoleCostWriteRow(x.Id, x.AnnualCost)).ToList(), ct);
        if (c.Currency is { } currency)
            await write.RunBatchesAsync(nameof(WriteCurrency), WriteCurrency, "rows", new[] { new CurrencyRow(currency) }, ct);
    }

    private sealed record CostRow(string PersonId, double AnnualCost);
    private sealed record RoleCostRow(string Id, double AnnualCost);
    private sealed record RoleCostWriteRow(string Id, double? AnnualCost);
    private sealed record CurrencyRow(string Currency);
}
