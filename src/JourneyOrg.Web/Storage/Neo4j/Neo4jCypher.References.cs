namespace JourneyOrg.Web.Storage.Neo4j;

/// <summary>
/// The store-side reference rule (StoredReferences): which ids exist, with the journey each lives in (for a person, team
/// or role the id itself), and which records that stay name something being deleted. A graph cannot hold an edge to a
/// missing node, so without these checks the edge would silently not be made.
/// </summary>
public static partial class Neo4jCypher
{
    public const string FindJourneys = "UNWIND $ids AS id MATCH (n:Journey {id: id}) RETURN n.id AS id, n.id AS journey";
    public const string FindPhases = "UNWIND $ids AS id MATCH (j:Journey)-[:HAS_PHASE]->(n:Phase {id: id}) RETURN n.id AS id, j.id AS journey";
    public const string FindSteps = """
        UNWIND $ids AS id
        MATCH (j:Journey)-[:HAS_PHASE]->(:Phase)-[:HAS_STEP]->(n:Step {id: id})
        RETURN n.id AS id, j.id AS journey
        """;
    public const string FindPeople = "UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN n.id AS id, n.id AS journey";
    public const string FindTeams = "UNWIND $ids AS id MATCH (n:Team {id: id}) RETURN n.id AS id, n.id AS journey";
    public const string FindRoles = "UNWIND $ids AS id MATCH (n:Role {id: id}) RETURN n.id AS id, n.id AS journey";

    public const string ReportsOfDeleted = """
        UNWIND $ids AS id
        MATCH (p:Person)-[:REPORTS_TO]->(:Person {id: id})
        RETURN p.id AS owner, p.displayName AS name, id
        """;
    public const string TeamsLedByDeleted = "MATCH (t:Team) WHERE t.leadId IN $ids RETURN t.id AS owner, t.name AS name, t.leadId AS id";
    public const string HoldersOfDeleted = """
        UNWIND $ids AS id
        MATCH (p:Person)-[:HOLDS]->(:Role {id: id})
        RETURN p.id AS owner, p.displayName AS name, id
        """;
    public const string ChildTeamsOfDeleted = """
        UNWIND $ids AS id
        MATCH (t:Team)-[:PART_OF]->(:Team {id: id})
        RETURN t.id AS owner, t.name AS name, id
        """;
    public const string ChildJourneysOfDeleted = """
        UNWIND $ids AS id
        MATCH (j:Journey)-[:PART_OF]->(:Journey {id: id})
        RETURN j.id AS owner, j.name AS name, id
        """;
    public const string StepsUsingDeleted = """
        UNWIND $ids AS id
        MATCH (j:Journey)-[:HAS_PHASE]->(:Phase)-[:HAS_STEP]->(s:Step)-[:USES]->(:Journey {id: id})
        RETURN j.id AS owner, s.name + "' (" + s.id + ") of journey '" + j.name AS name, id
        """;
    public const string OwnersOfDeleted = """
        UNWIND $ids AS id
        MATCH (j:Journey {id: id})
        OPTIONAL MATCH (j)-[:HAS_PHASE]->(p:Phase)
        OPTIONAL MATCH (p)-[:HAS_STEP]->(s:Step)
        WITH collect(DISTINCT j) + collect(DISTINCT p) + collect(DISTINCT s) AS parts
        UNWIND parts AS x
        MATCH (t:Team)-[:OWNS]->(x)
        RETURN t.id AS owner, t.name AS name, x.id AS id
        """;
}
