using Dapper;
using JourneyOrg.Domain;
using Microsoft.Data.Sqlite;

namespace JourneyOrg.Web.Storage.Sqlite;

/// <summary>
/// Reads and writes people cost (schema 0030, SPEC §5) inside the store's transactions: the cost per person, the cost of a
/// role's opening and the currency. A deleted person takes their cost with them.
/// </summary>
internal sealed class CostRows(SqliteConnection connection, SqliteTransaction transaction)
{
    public static Workspace Load(SqliteConnection connection, SqliteTransaction transaction, Workspace workspace)
    {
        var costs = connection.Query<CostRow>("SELECT person_id AS PersonId, annual_cost AS AnnualCost FROM person_costs ORDER BY rowid",
                transaction: transaction)
            .Select(c => new PersonCost(c.PersonId, c.AnnualCost)).ToList();
        var roleCosts = connection.Query<RoleCostRow>("SELECT id, annual_cost AS AnnualCost FROM roles WHERE annual_cost IS NOT NULL",
                transaction: transaction)
            .ToDictionary(r => r.Id, r => r.AnnualCost);
        var currency = connection.ExecuteScalar<string?>("SELECT currency FROM cost_settings WHERE id = 1", transaction: transaction);
        return workspace with
        {
            Costs = costs,
            Currency = currency ?? CostCurrency.Default,
            Roles = roleCosts.Count == 0
                ? workspace.Roles
                : workspace.Roles.Select(r => roleCosts.TryGetValue(r.Id, out var cost) ? r with { AnnualCost = cost } : r).ToList(),
        };
    }

    /// <summary>Empties the cost tables (a whole-workspace replace); role costs go with the roles.</summary>
    public void Clear() => connection.Execute("DELETE FROM person_costs; DELETE FROM cost_settings;", transaction: transaction);

    // Dapper runs the statement once per element of the list, on one prepared command.
    public void Upsert(IReadOnlyList<PersonCost> costs) => connection.Execute("""
        INSERT INTO person_costs (person_id, annual_cost) VALUES (@PersonId, @AnnualCost)
        ON CONFLICT (person_id) DO UPDATE SET annual_cost = excluded.annual_cost
        """, costs, transaction);

    /// <summary>Deletes the cost entries of these people (those whose cost was removed, and those who were deleted).</summary>
    public void Delete(IEnumerable<string> personIds) =>
        connection.Execute("DELETE FROM person_costs WHERE person_id = @id", personIds.Select(id => new { id }), transaction);

    /// <summary>Writes the role's opening cost; the role row itself is written by <see cref="RowWriter.UpsertRoles"/> first.</summary>
    public void WriteRoleCosts(IReadOnlyList<Role> roles) =>
        connection.Execute("UPDATE roles SET annual_cost = @AnnualCost WHERE id = @Id", roles.Select(r => new { r.Id, r.AnnualCost }), transaction);

    public void WriteCurrency(string currency) => connection.Execute("""
        INSERT INTO cost_settings (id, currency) VALUES (1, @currency)
        ON CONFLICT (id) DO UPDATE SET currency = excluded.currency
        """, new { currency }, transaction);

    private sealed record CostRow(string PersonId, double AnnualCost);
    private sealed record RoleCostRow(string Id, double AnnualCost);
}
