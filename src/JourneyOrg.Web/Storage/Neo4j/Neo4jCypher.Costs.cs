namespace JourneyOrg.Web.Storage.Neo4j;

// People cost (SPEC §5) in the graph: an annualCost property on Person (the person's cost) and on Role (one full-time
// opening), and one (:CostSettings {key: 'currency'}) node. A deleted person takes their cost with them.
public static partial class Neo4jCypher
{
    public const string LoadCosts = """
        MATCH (p:Person)
        WHERE p.annualCost IS NOT NULL
        RETURN {personId: p.id, annualCost: p.annualCost} AS row
        ORDER BY p.seq
        """;

    public const string LoadRoleCosts = """
        MATCH (r:Role)
        WHERE r.annualCost IS NOT NULL
        RETURN {id: r.id, annualCost: r.annualCost} AS row
        """;

    public const string LoadCurrency = """
        MATCH (c:CostSettings)
        RETURN {currency: c.currency} AS row
        """;

    public const string ClearCostSettings = "MATCH (c:CostSettings) DETACH DELETE c";

    public const string UpsertCosts = """
        UNWIND $rows AS row
        WITH row, row.personId AS personId
        MATCH (p:Person {id: personId})
        SET p.annualCost = toFloat(row.annualCost)
        """;

    public const string DeleteCosts = """
        UNWIND $ids AS id
        MATCH (p:Person {id: id})
        REMOVE p.annualCost
        """;

    /// <summary>A null cost removes the property: an upserted role replaces what was known of it.</summary>
    public const string WriteRoleCosts = """
        UNWIND $rows AS row
        WITH row, row.id AS id
        MATCH (r:Role {id: id})
        SET r.annualCost = toFloat(row.annualCost)
        """;

    public const string WriteCurrency = """
        UNWIND $rows AS row
        MERGE (c:CostSettings {key: 'currency'})
        SET c.currency = row.currency
        """;
}
