namespace JourneyOrg.Web.Storage.Neo4j;

// Journey management in the graph: Insight, Opportunity and Solution nodes, and more on Metric nodes. All four also carry
// the label JourneyRecord (unique id), so their links are written by one set of statements:
//   (x)-[:OWNED_BY]->(:Person)                (Metric|Insight)-[:BELONGS_TO {order}]->(:Team)
//   (:Insight)-[:ABOUT {order}]->(:Step)      (:Opportunity)-[:ON {order}]->(:Step|:Phase)
//   (Opportunity|Solution)-[:ASSIGNED_TO]->(:Team)   (:Solution)-[:ADDRESSES {order}]->(:Opportunity)
// A metric's time series is one JSON string property (series): it is read and written whole, never queried by point.
public static partial class Neo4jCypher
{
    public const string LoadMetricDetails = """
        MATCH (m:Metric)
        RETURN {id: m.id, type: m.type, description: m.description, aggregation: m.aggregation, importKey: m.importKey,
                series: m.series} AS row
        """;

    public const string LoadInsights = """
        MATCH (n:Insight)
        RETURN {id: n.id, title: n.title, description: n.description, type: n.type, sourceUrl: n.sourceUrl,
                empathyScore: n.empathyScore, weight: n.weight, importKey: n.importKey} AS row
        ORDER BY n.seq
        """;

    public const string LoadOpportunities = """
        MATCH (n:Opportunity)
        RETURN {id: n.id, title: n.title, description: n.description, status: n.status, customerValue: n.customerValue,
                businessValue: n.businessValue, effort: n.effort, externalLinks: n.externalLinks, importKey: n.importKey} AS row
        ORDER BY n.seq
        """;

    public const string LoadSolutions = """
        MATCH (n:Solution)
        RETURN {id: n.id, title: n.title, description: n.description, type: n.type, status: n.status, priority: n.priority,
                externalLinks: n.externalLinks, importKey: n.importKey} AS row
        ORDER BY n.seq
        """;

    public const string LoadJourneyRecordLinks = """
        MATCH (n:JourneyRecord)-[r:OWNED_BY|BELONGS_TO|ABOUT|ON|ASSIGNED_TO|ADDRESSES]->(x)
        RETURN {id: n.id, kind: type(r), targetId: x.id, order: coalesce(r.order, 0)} AS row
        ORDER BY n.id, type(r), coalesce(r.order, 0)
        """;

    public const string LoadWeights = """
        MATCH (w:Prioritisation)
        RETURN {customerValue: w.customerValue, businessValue: w.businessValue} AS row
        """;

    public const string ClearJourneyRecords = "MATCH (n:JourneyRecord) DETACH DELETE n";

    public const string DeleteJourneyRecords = "UNWIND $ids AS id MATCH (n:JourneyRecord {id: id}) DETACH DELETE n";

    public const string UpsertMetricDetails = """
        UNWIND $rows AS row
        WITH row, row.id AS id
        MATCH (m:Metric {id: id})
        SET m:JourneyRecord, m.type = row.type, m.description = row.description, m.aggregation = row.aggregation,
            m.importKey = row.importKey, m.series = row.series
        """;

    public const string UpsertInsights = """
        UNWIND $rows AS row
        MERGE (n:Insight {id: row.id})
        ON CREATE SET n.seq = row.seq
        SET n:JourneyRecord, n.title = row.title, n.description = row.description, n.type = row.type, n.sourceUrl = row.sourceUrl,
            n.empathyScore = toFloat(row.empathyScore), n.weight = toFloat(row.weight), n.importKey = row.importKey
        """;

    public const string UpsertOpportunities = """
        UNWIND $rows AS row
        MERGE (n:Opportunity {id: row.id})
        ON CREATE SET n.seq = row.seq
        SET n:JourneyRecord, n.title = row.title, n.description = row.description, n.status = row.status,
            n.customerValue = toFloat(row.customerValue), n.businessValue = toFloat(row.businessValue), n.effort = toFloat(row.effort),
            n.externalLinks = row.externalLinks, n.importKey = row.importKey
        """;

    public const string UpsertSolutions = """
        UNWIND $rows AS row
        MERGE (n:Solution {id: row.id})
        ON CREATE SET n.seq = row.seq
        SET n:JourneyRecord, n.title = row.title, n.description = row.description, n.type = row.type, n.status = row.status,
            n.priority = row.priority, n.externalLinks = row.externalLinks, n.importKey = row.importKey
        """;

    /// <summary>An upserted record's links are replaced whole by the statements below.</summary>
    public const string UnlinkJourneyRecords = """
        UNWIND $ids AS id
        MATCH (n:JourneyRecord {id: id})-[r:OWNED_BY|BELONGS_TO|ABOUT|ON|ASSIGNED_TO|ADDRESSES]->()
        DELETE r
        """;

    public const string LinkRecordOwners = """
        UNWIND $rows AS row
        WITH row, row.id AS id, row.targetId AS targetId
        MATCH (n:JourneyRecord {id: id})
        MATCH (p:Person {id: targetId})
        CREATE (n)-[:OWNED_BY]->(p)
        """;

    public const string LinkRecordTeams = """
        UNWIND $rows AS row
        WITH row, row.id AS id, row.targetId AS targetId
        MATCH (n:JourneyRecord {id: id})
        MATCH (t:Team {id: targetId})
        CREATE (n)-[:BELONGS_TO {order: row.order}]->(t)
        """;

    public const string LinkInsightSteps = """
        UNWIND $rows AS row
        WITH row, row.id AS id, row.targetId AS targetId
        MATCH (n:Insight {id: id})
        MATCH (s:Step {id: targetId})
        CREATE (n)-[:ABOUT {order: row.order}]->(s)
        """;

    public const string LinkOpportunityTargets = """
        UNWIND $rows AS row
        WITH row, row.id AS id, row.targetId AS targetId
        MATCH (n:Opportunity {id: id})
        OPTIONAL MATCH (p:Phase {id: targetId})
        OPTIONAL MATCH (s:Step {id: targetId})
        WITH n, row, coalesce(s, p) AS x
        WHERE x IS NOT NULL
        CREATE (n)-[:ON {order: row.order}]->(x)
        """;

    public const string LinkAssignedTeams = """
        UNWIND $rows AS row
        WITH row, row.id AS id, row.targetId AS targetId
        MATCH (n:JourneyRecord {id: id})
        MATCH (t:Team {id: targetId})
        CREATE (n)-[:ASSIGNED_TO]->(t)
        """;

    public const string LinkSolutionOpportunities = """
        UNWIND $rows AS row
        WITH row, row.id AS id, row.targetId AS targetId
        MATCH (n:Solution {id: id})
        MATCH (o:Opportunity {id: targetId})
        CREATE (n)-[:ADDRESSES {order: row.order}]->(o)
        """;

    public const string WriteWeights = """
        UNWIND $rows AS row
        MERGE (w:Prioritisation {key: 'weights'})
        SET w.customerValue = toFloat(row.customerValue), w.businessValue = toFloat(row.businessValue)
        """;
}
