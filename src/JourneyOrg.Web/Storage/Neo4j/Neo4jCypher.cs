using System.Reflection;

namespace JourneyOrg.Web.Storage.Neo4j;

/// <summary>
/// Every Cypher statement the Neo4j store sends, in one place, so a test can feed each to Neo4j's own parser
/// (Cypher 5) while the store tests run them on Neo4j 3.1. Only constructs both versions accept: no <c>CALL {}</c>,
/// no <c>EXISTS {}</c>, no <c>COUNT {}</c>. Values are always <c>$parameters</c>; labels and relationship types are
/// literals from SPEC §1, never data. Bulk statements take <c>$rows</c> (or <c>$ids</c>), at most
/// <see cref="Neo4jWorkspaceStore.BatchSize"/> per call. Rows are projected to variables (<c>WITH row.id AS id</c>) before a
/// <c>MATCH … {id: id}</c>: Neo4j 3.1 plans <c>{id: row.id}</c> as a scan of the whole label index per row.
/// </summary>
public static partial class Neo4jCypher
{
    /// <summary>Labels whose nodes carry a unique <c>id</c>.</summary>
    public static readonly IReadOnlyList<string> IdLabels =
        ["Journey", "Phase", "Step", "Team", "Person", "Role", "Metric", "Scenario", "Insight", "Opportunity", "Solution", "JourneyRecord"];

    /// <summary>Uniqueness constraints in the syntax of Neo4j 3.x–4.3 (<c>ON … ASSERT</c>); also give each label its id index.</summary>
    public static IReadOnlyList<string> LegacyConstraints { get; } =
        [.. IdLabels.Select(l => $"CREATE CONSTRAINT ON (n:{l}) ASSERT n.id IS UNIQUE"), "CREATE CONSTRAINT ON (n:State) ASSERT n.key IS UNIQUE",
         "CREATE CONSTRAINT ON (n:Account) ASSERT n.userName IS UNIQUE", "CREATE CONSTRAINT ON (n:AuditLog) ASSERT n.key IS UNIQUE",
         "CREATE CONSTRAINT ON (n:AuditEntry) ASSERT n.id IS UNIQUE", "CREATE CONSTRAINT ON (n:WorkspaceChange) ASSERT n.revision IS UNIQUE"];

    /// <summary>The same constraints in the syntax of Neo4j 4.4 and 5 (named, idempotent).</summary>
    public static IReadOnlyList<string> Constraints { get; } =
        [.. IdLabels.Select(l => $"CREATE CONSTRAINT journeyorg_{l.ToLowerInvariant()}_id IF NOT EXISTS FOR (n:{l}) REQUIRE n.id IS UNIQUE"),
         "CREATE CONSTRAINT journeyorg_state_key IF NOT EXISTS FOR (n:State) REQUIRE n.key IS UNIQUE",
         "CREATE CONSTRAINT journeyorg_account_username IF NOT EXISTS FOR (n:Account) REQUIRE n.userName IS UNIQUE",
         "CREATE CONSTRAINT journeyorg_auditlog_key IF NOT EXISTS FOR (n:AuditLog) REQUIRE n.key IS UNIQUE",
         "CREATE CONSTRAINT journeyorg_auditentry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE",
         "CREATE CONSTRAINT journeyorg_workspacechange_revision IF NOT EXISTS FOR (n:WorkspaceChange) REQUIRE n.revision IS UNIQUE"];

    /// <summary>Each constant below with its name, for the validity test and for error messages.</summary>
    public static IReadOnlyList<(string Name, string Text)> Statements { get; } =
        [.. typeof(Neo4jCypher).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))];

    // --- revision and write lock -------------------------------------------------------------------------------

    /// <summary>
    /// Every write transaction starts here: writing a property takes the node's exclusive lock until commit, so
    /// writers queue on this one node. The value is read by the next statement, after the lock is held.
    /// </summary>
    public const string LockWorkspace = """
        MERGE (r:State {key: $key})
        ON CREATE SET r.value = '0', r.seq = 0
        SET r.locked = true
        REMOVE r.locked
        """;

    /// <summary>The revision (a string, as all state values) and the next free position for new top-level items.</summary>
    public const string ReadRevision = """
        MATCH (r:State {key: $key})
        RETURN r.value AS revision, r.seq AS seq
        """;

    public const string WriteRevision = """
        MATCH (r:State {key: $key})
        SET r.value = $value, r.seq = $seq
        """;

    /// <summary>
    /// The change set of the revision being written (<c>$changes</c> null: not to be followed), and entries older than
    /// <c>$kept</c> revisions, or newer than this one (left by a store whose revision was reset), forgotten.
    /// </summary>
    public const string LogChanges = """
        MERGE (c:WorkspaceChange {revision: $revision})
        SET c.changes = $changes
        WITH 1 AS logged
        MATCH (old:WorkspaceChange)
        WHERE old.revision <= $revision - $kept OR old.revision > $revision
        DELETE old
        """;

    /// <summary>The logged change sets after <c>$revision</c> (the reader keeps those up to the revision it read first).</summary>
    public const string ChangesSince = """
        MATCH (c:WorkspaceChange)
        WHERE c.revision > $revision
        RETURN c.revision AS revision, c.changes AS changes
        """;

    // --- reads: the whole model in one statement per kind --------------------------------------------------------

    public const string IsEmpty = """
        OPTIONAL MATCH (j:Journey) WITH count(j) AS journeys
        OPTIONAL MATCH (t:Team) WITH journeys, count(t) AS teams
        OPTIONAL MATCH (p:Person) WITH journeys, teams, count(p) AS people
        RETURN journeys + teams + people AS total
        """;

    public const string LoadJourneys = """
        MATCH (j:Journey)
        OPTIONAL MATCH (j)-[:PART_OF]->(parent:Journey)
        RETURN {id: j.id, name: j.name, parentId: parent.id, description: j.description} AS row
        ORDER BY j.seq
        """;

    public const string LoadPhases = """
        MATCH (j:Journey)-[h:HAS_PHASE]->(p:Phase)
        RETURN {id: p.id, journeyId: j.id, name: p.name} AS row
        ORDER BY h.order
        """;

    public const string LoadSteps = """
        MATCH (p:Phase)-[h:HAS_STEP]->(s:Step)
        OPTIONAL MATCH (s)-[:USES]->(sub:Journey)
        RETURN {id: s.id, phaseId: p.id, name: s.name, subjourneyId: sub.id} AS row
        ORDER BY h.order
        """;

    /// <summary>
    /// The node itself (Neo4j writes its properties straight out, a third of the server's work of building a map per
    /// row), unordered: the store sorts by <c>seq</c>, which the server would do by materialising every row first.
    /// </summary>
    public const string LoadPeople = """
        MATCH (p:Person)
        OPTIONAL MATCH (p)-[:REPORTS_TO]->(m:Person)
        OPTIONAL MATCH (p)-[:HOLDS]->(r:Role)
        RETURN p AS person, m.id AS managerId, r.id AS roleId
        """;

    public const string LoadTeams = """
        MATCH (t:Team)
        OPTIONAL MATCH (t)-[:PART_OF]->(parent:Team)
        RETURN {id: t.id, name: t.name, parentId: parent.id, leadId: t.leadId, type: t.type, description: t.description,
                source: t.source} AS row
        ORDER BY t.seq
        """;

    public const string LoadMemberships = """
        MATCH (p:Person)-[m:MEMBER_OF]->(t:Team)
        RETURN {teamId: t.id, personId: p.id, allocation: m.allocation} AS row
        ORDER BY m.order
        """;

    public const string LoadRoles = """
        MATCH (r:Role)
        RETURN {id: r.id, title: r.title, family: r.family, level: r.level} AS row
        ORDER BY r.seq
        """;

    public const string LoadOwnership = """
        MATCH (t:Team)-[o:OWNS]->(x)
        RETURN {teamId: t.id, targetId: x.id, kind: o.kind} AS row
        ORDER BY o.seq
        """;

    /// <summary>A metric that measures nothing (not linked yet, or its target was deleted) loads with a null target.</summary>
    public const string LoadMetrics = """
        MATCH (m:Metric)
        OPTIONAL MATCH (m)-[:MEASURES]->(x)
        RETURN {id: m.id, targetId: x.id, name: m.name, unit: m.unit, value: m.value, target: m.target,
                direction: m.direction} AS row
        ORDER BY m.seq
        """;

    // --- replace: clear the workspace (scenarios and state stay) -----------------------------------------------

    public const string ClearJourneys = "MATCH (n:Journey) DETACH DELETE n";
    public const string ClearPhases = "MATCH (n:Phase) DETACH DELETE n";
    public const string ClearSteps = "MATCH (n:Step) DETACH DELETE n";
    public const string ClearPeople = "MATCH (n:Person) DETACH DELETE n";
    public const string ClearTeams = "MATCH (n:Team) DETACH DELETE n";
    public const string ClearRoles = "MATCH (n:Role) DETACH DELETE n";
    public const string ClearMetrics = "MATCH (n:Metric) DETACH DELETE n";

    // --- replace: the transaction has just deleted every node of these labels, so nodes are created, not merged ---
    // (MERGE would look each id up in the index and the transaction's own changes first; ids are unique in a valid
    // workspace, and the constraints still refuse a duplicate.) A null in a CREATE map sets no property.

    public const string CreateJourneys = """
        UNWIND $rows AS row
        CREATE (:Journey {id: row.id, seq: row.seq, name: row.name, description: row.description})
        """;

    public const string CreatePhases = """
        UNWIND $rows AS row
        WITH row, row.journeyId AS journeyId
        MATCH (j:Journey {id: journeyId})
        CREATE (j)-[:HAS_PHASE {order: row.order}]->(:Phase {id: row.id, name: row.name})
        """;

    public const string CreateSteps = """
        UNWIND $rows AS row
        WITH row, row.phaseId AS phaseId
        MATCH (p:Phase {id: phaseId})
        CREATE (p)-[:HAS_STEP {order: row.order}]->(:Step {id: row.id, name: row.name})
        """;

    public const string CreatePeople = """
        UNWIND $rows AS row
        CREATE (:Person {id: row.id, seq: row.seq, displayName: row.displayName, mail: row.mail, jobTitle: row.jobTitle,
            department: row.department, accountEnabled: row.accountEnabled, userPrincipalName: row.userPrincipalName,
            employeeId: row.employeeId, employeeType: row.employeeType, officeLocation: row.officeLocation, source: row.source})
        """;

    public const string CreateTeams = """
        UNWIND $rows AS row
        CREATE (:Team {id: row.id, seq: row.seq, name: row.name, leadId: row.leadId, type: row.type, description: row.description,
            source: row.source})
        """;

    public const string CreateRoles = """
        UNWIND $rows AS row
        CREATE (:Role {id: row.id, seq: row.seq, title: row.title, family: row.family, level: row.level})
        """;

    /// <summary>Only rows with a manager are sent; both ends are found through the id index.</summary>
    public const string CreateReportingLines = """
        UNWIND $rows AS row
        WITH row.id AS id, row.targetId AS managerId
        MATCH (p:Person {id: id})
        MATCH (m:Person {id: managerId})
        CREATE (p)-[:REPORTS_TO]->(m)
        """;

    /// <summary>Only rows with a role are sent.</summary>
    public const string CreateRoleHolders = """
        UNWIND $rows AS row
        WITH row.id AS id, row.targetId AS roleId
        MATCH (p:Person {id: id})
        MATCH (r:Role {id: roleId})
        CREATE (p)-[:HOLDS]->(r)
        """;

    /// <summary>Only rows with a parent team are sent.</summary>
    public const string CreateTeamParents = """
        UNWIND $rows AS row
        WITH row.id AS id, row.targetId AS parentId
        MATCH (t:Team {id: id})
        MATCH (parent:Team {id: parentId})
        CREATE (t)-[:PART_OF]->(parent)
        """;

    /// <summary>A team's members in order; a valid workspace lists a person once per team.</summary>
    public const string CreateMemberships = """
        UNWIND $rows AS row
        WITH row, row.teamId AS teamId, row.personId AS personId
        MATCH (t:Team {id: teamId})
        MATCH (p:Person {id: personId})
        CREATE (p)-[:MEMBER_OF {allocation: toFloat(row.allocation), order: row.order}]->(t)
        """;

    // --- deletes by id ----------------------------------------------------------------------------------------

    public const string DeleteJourneys = """
        UNWIND $ids AS id
        MATCH (j:Journey {id: id})
        OPTIONAL MATCH (j)-[:HAS_PHASE]->(p:Phase)
        OPTIONAL MATCH (p)-[:HAS_STEP]->(s:Step)
        DETACH DELETE j, p, s
        """;

    public const string DeletePeople = "UNWIND $ids AS id MATCH (n:Person {id: id}) DETACH DELETE n";
    public const string DeleteTeams = "UNWIND $ids AS id MATCH (n:Team {id: id}) DETACH DELETE n";
    public const string DeleteRoles = "UNWIND $ids AS id MATCH (n:Role {id: id}) DETACH DELETE n";
    public const string DeleteMetrics = "UNWIND $ids AS id MATCH (n:Metric {id: id}) DETACH DELETE n";

    public const string DeleteOwnership = """
        UNWIND $rows AS row
        WITH row, row.teamId AS teamId
        MATCH (t:Team {id: teamId})-[o:OWNS]->(x)
        WHERE x.id = row.targetId
        DELETE o
        """;

    // --- journeys: nodes, then their phases and steps, then references -----------------------------------------

    /// <summary>Existing nodes keep <c>seq</c>, and so their place in exports, like an SQL upsert keeps its row.</summary>
    public const string UpsertJourneys = """
        UNWIND $rows AS row
        MERGE (j:Journey {id: row.id})
        ON CREATE SET j.seq = row.seq
        SET j.name = row.name, j.description = row.description
        """;

    /// <summary>
    /// An upserted journey's phases and steps are re-linked from its new lists; the nodes themselves stay (matched by
    /// id), so OWNS and MEASURES edges on a phase that is still there survive. <see cref="DeleteDetachedPhases"/>
    /// then removes what no journey lists any more.
    /// </summary>
    public const string UnlinkJourneyPhases = """
        UNWIND $ids AS id
        MATCH (j:Journey {id: id})-[h:HAS_PHASE]->(p:Phase)
        OPTIONAL MATCH (p)-[hs:HAS_STEP]->(:Step)
        DELETE h, hs
        """;

    public const string LinkPhases = """
        UNWIND $rows AS row
        WITH row, row.journeyId AS journeyId
        MATCH (j:Journey {id: journeyId})
        MERGE (p:Phase {id: row.id})
        SET p.name = row.name
        CREATE (j)-[:HAS_PHASE {order: row.order}]->(p)
        """;

    public const string LinkSteps = """
        UNWIND $rows AS row
        WITH row, row.phaseId AS phaseId
        MATCH (p:Phase {id: phaseId})
        MERGE (s:Step {id: row.id})
        SET s.name = row.name
        CREATE (p)-[:HAS_STEP {order: row.order}]->(s)
        """;

    public const string DeleteDetachedPhases = """
        MATCH (p:Phase)
        WHERE NOT (p)<-[:HAS_PHASE]-(:Journey)
        DETACH DELETE p
        """;

    public const string DeleteDetachedSteps = """
        MATCH (s:Step)
        WHERE NOT (s)<-[:HAS_STEP]-(:Phase)
        DETACH DELETE s
        """;

    public const string LinkJourneyParents = """
        UNWIND $rows AS row
        WITH row.id AS id, row.parentId AS parentId
        MATCH (j:Journey {id: id})
        OPTIONAL MATCH (j)-[old:PART_OF]->(:Journey)
        DELETE old
        WITH DISTINCT j, parentId
        MATCH (parent:Journey {id: parentId})
        CREATE (j)-[:PART_OF]->(parent)
        """;

    public const string LinkStepSubjourneys = """
        UNWIND $rows AS row
        WITH row.id AS id, row.subjourneyId AS subjourneyId
        MATCH (s:Step {id: id})
        OPTIONAL MATCH (s)-[old:USES]->(:Journey)
        DELETE old
        WITH DISTINCT s, subjourneyId
        MATCH (sub:Journey {id: subjourneyId})
        CREATE (s)-[:USES]->(sub)
        """;

    // --- org ----------------------------------------------------------------------------------------------------

    public const string UpsertPeople = """
        UNWIND $rows AS row
        MERGE (p:Person {id: row.id})
        ON CREATE SET p.seq = row.seq
        SET p.displayName = row.displayName, p.mail = row.mail, p.jobTitle = row.jobTitle, p.department = row.department,
            p.accountEnabled = row.accountEnabled, p.userPrincipalName = row.userPrincipalName,
            p.employeeId = row.employeeId, p.employeeType = row.employeeType, p.officeLocation = row.officeLocation,
            p.source = row.source
        """;

    /// <summary>Second pass, after every node of the batch exists, so a manager listed after their report still links.</summary>
    public const string LinkPeople = """
        UNWIND $rows AS row
        WITH row.id AS id, row.managerId AS managerId, row.roleId AS roleId
        MATCH (p:Person {id: id})
        OPTIONAL MATCH (p)-[old:REPORTS_TO|HOLDS]->()
        DELETE old
        WITH DISTINCT p, managerId, roleId
        OPTIONAL MATCH (m:Person {id: managerId})
        OPTIONAL MATCH (r:Role {id: roleId})
        FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | CREATE (p)-[:REPORTS_TO]->(x))
        FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END | CREATE (p)-[:HOLDS]->(x))
        """;

    public const string UpsertTeams = """
        UNWIND $rows AS row
        MERGE (t:Team {id: row.id})
        ON CREATE SET t.seq = row.seq
        SET t.name = row.name, t.leadId = row.leadId, t.type = row.type, t.description = row.description, t.source = row.source
        """;

    public const string LinkTeamParents = """
        UNWIND $rows AS row
        WITH row.id AS id, row.parentId AS parentId
        MATCH (t:Team {id: id})
        OPTIONAL MATCH (t)-[old:PART_OF]->(:Team)
        DELETE old
        WITH DISTINCT t, parentId
        MATCH (parent:Team {id: parentId})
        CREATE (t)-[:PART_OF]->(parent)
        """;

    /// <summary>An upserted team's membership list replaces the old one whole.</summary>
    public const string ClearMemberships = """
        UNWIND $ids AS id
        MATCH (:Person)-[m:MEMBER_OF]->(t:Team {id: id})
        DELETE m
        """;

    public const string AddMemberships = """
        UNWIND $rows AS row
        WITH row, row.teamId AS teamId, row.personId AS personId
        MATCH (t:Team {id: teamId})
        MATCH (p:Person {id: personId})
        MERGE (p)-[m:MEMBER_OF]->(t)
        SET m.allocation = toFloat(row.allocation), m.order = row.order
        """;

    public const string UpsertRoles = """
        UNWIND $rows AS row
        MERGE (r:Role {id: row.id})
        ON CREATE SET r.seq = row.seq
        SET r.title = row.title, r.family = row.family, r.level = row.level
        """;

    // --- ownership and metrics: a target is a Journey, Phase or Step, found through each label's id index ---------

    public const string UpsertOwnership = """
        UNWIND $rows AS row
        WITH row, row.teamId AS teamId, row.targetId AS targetId
        MATCH (t:Team {id: teamId})
        OPTIONAL MATCH (j:Journey {id: targetId})
        OPTIONAL MATCH (p:Phase {id: targetId})
        OPTIONAL MATCH (s:Step {id: targetId})
        WITH t, row, coalesce(j, p, s) AS x
        WHERE x IS NOT NULL
        MERGE (t)-[o:OWNS]->(x)
        ON CREATE SET o.seq = row.seq
        SET o.kind = row.kind
        """;

    public const string UpsertMetrics = """
        UNWIND $rows AS row
        MERGE (m:Metric {id: row.id})
        ON CREATE SET m.seq = row.seq
        SET m.name = row.name, m.unit = row.unit, m.value = toFloat(row.value), m.target = toFloat(row.target),
            m.direction = row.direction
        WITH m, row
        OPTIONAL MATCH (m)-[old:MEASURES]->()
        DELETE old
        WITH DISTINCT m, row.targetId AS targetId
        OPTIONAL MATCH (j:Journey {id: targetId})
        OPTIONAL MATCH (p:Phase {id: targetId})
        OPTIONAL MATCH (s:Step {id: targetId})
        WITH m, coalesce(j, p, s) AS x
        WHERE x IS NOT NULL
        CREATE (m)-[:MEASURES]->(x)
        """;

    // --- state, leases, scenarios -------------------------------------------------------------------------------

    public const string GetState = "MATCH (s:State {key: $key}) RETURN s.value AS value";

    public const string SetState = """
        UNWIND $rows AS row
        MERGE (s:State {key: row.key})
        SET s.value = row.value
        """;

    public const string DeleteState = """
        UNWIND $keys AS key
        WITH key AS stateKey
        MATCH (s:State {key: stateKey})
        DELETE s
        """;

    public const string ListState = """
        MATCH (s:State)
        WHERE s.key STARTS WITH $prefix AND s.value IS NOT NULL
        RETURN s.key AS key, s.value AS value
        ORDER BY s.key
        """;

    /// <summary>Locks one state entry (creating it empty if needed) and returns its value: a lease is read and written under the lock.</summary>
    public const string LockState = """
        MERGE (s:State {key: $key})
        SET s.locked = true
        REMOVE s.locked
        RETURN s.value AS value
        """;

    /// <summary>Locks a scenario (a new one appears with version 0 and vanishes again if the transaction rolls back).</summary>
    public const string LockScenario = """
        MERGE (s:Scenario {id: $id})
        ON CREATE SET s.version = 0, s.createdAt = $createdAt
        SET s.locked = true
        REMOVE s.locked
        RETURN s.version AS version, s.createdAt AS createdAt
        """;

    public const string WriteScenario = """
        MATCH (s:Scenario {id: $id})
        SET s.name = $name, s.status = $status, s.document = $document, s.author = $author,
            s.updatedAt = $updatedAt, s.updatedTicks = $updatedTicks, s.version = $version, s.sharedWith = $sharedWith
        """;

    public const string ListScenarios = """
        MATCH (s:Scenario)
        WHERE s.version > 0
        RETURN {id: s.id, name: s.name, status: s.status, document: s.document, author: s.author,
                createdAt: s.createdAt, updatedAt: s.updatedAt, version: s.version, sharedWith: s.sharedWith} AS row
        ORDER BY s.updatedTicks DESC, s.id
        """;

    public const string GetScenario = """
        MATCH (s:Scenario {id: $id})
        WHERE s.version > 0
        RETURN {id: s.id, name: s.name, status: s.status, document: s.document, author: s.author,
                createdAt: s.createdAt, updatedAt: s.updatedAt, version: s.version, sharedWith: s.sharedWith} AS row
        """;

    public const string DeleteScenario = """
        MATCH (s:Scenario {id: $id})
        DELETE s
        RETURN count(*) AS deleted
        """;

    /// <summary>Test and benchmark support: empties the whole database (never called by the app).</summary>
    public const string DeleteEverything = "MATCH (n) DETACH DELETE n";

    /// <summary>
    /// Test support: a statement that fails at run time inside a write transaction (integer division by zero),
    /// so a test can prove that a failure half way through an import leaves the database as it was.
    /// </summary>
    public const string FailOnPurpose = "UNWIND $ids AS id RETURN 1 / 0 AS boom";
}
