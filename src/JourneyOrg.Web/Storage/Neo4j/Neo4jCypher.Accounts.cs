namespace JourneyOrg.Web.Storage.Neo4j;

/// <summary>Accounts and the audit log. Audit entries are numbered from one counter node, which also orders concurrent writers.</summary>
public static partial class Neo4jCypher
{
    public const string GetAccount = """
        MATCH (a:Account {userName: $userName})
        RETURN {userName: a.userName, displayName: a.displayName, roles: a.roles, passwordHash: a.passwordHash, disabled: a.disabled,
                mustChangePassword: a.mustChangePassword, failedSignIns: a.failedSignIns, lockedUntil: a.lockedUntil, createdAt: a.createdAt,
                lastSignInAt: a.lastSignInAt, source: a.source, version: a.version, securityStamp: a.securityStamp} AS row
        """;

    public const string ListAccounts = """
        MATCH (a:Account)
        WHERE a.version > 0
        RETURN {userName: a.userName, displayName: a.displayName, roles: a.roles, passwordHash: a.passwordHash, disabled: a.disabled,
                mustChangePassword: a.mustChangePassword, failedSignIns: a.failedSignIns, lockedUntil: a.lockedUntil, createdAt: a.createdAt,
                lastSignInAt: a.lastSignInAt, source: a.source, version: a.version, securityStamp: a.securityStamp} AS row
        ORDER BY a.userName
        """;

    /// <summary>Locks an account (a new one appears with version 0 and vanishes again if the transaction rolls back).</summary>
    public const string LockAccount = """
        MERGE (a:Account {userName: $userName})
        ON CREATE SET a.version = 0
        SET a.locked = true
        REMOVE a.locked
        RETURN a.version AS version
        """;

    public const string WriteAccount = """
        MATCH (a:Account {userName: $userName})
        SET a.displayName = $displayName, a.roles = $roles, a.passwordHash = $passwordHash, a.disabled = $disabled,
            a.mustChangePassword = $mustChangePassword, a.failedSignIns = $failedSignIns, a.lockedUntil = $lockedUntil,
            a.createdAt = $createdAt, a.lastSignInAt = $lastSignInAt, a.source = $source, a.version = $version,
        a.securityStamp = $securityStamp
        """;

    /// <summary>Takes the next number from the counter node (locking it until commit) and appends the entry: never updated, never deleted.</summary>
    public const string AppendAudit = """
        MERGE (c:AuditLog {key: 'audit'})
        ON CREATE SET c.last = 0
        SET c.last = c.last + 1
        CREATE (e:AuditEntry {id: c.last, at: $at, atTicks: $atTicks, actor: $actor, action: $action, target: $target,
                              summary: $summary, correlationId: $correlationId})
        """;

    public const string ListAudit = """
        MATCH (e:AuditEntry)
        WHERE ($actor IS NULL OR toLower(e.actor) CONTAINS toLower($actor))
          AND ($action IS NULL OR e.action STARTS WITH $action)
          AND ($text IS NULL OR toLower(e.target) CONTAINS toLower($text) OR toLower(e.summary) CONTAINS toLower($text))
          AND ($fromTicks IS NULL OR e.atTicks >= $fromTicks)
          AND ($toTicks IS NULL OR e.atTicks < $toTicks)
        RETURN {id: e.id, at: e.at, actor: e.actor, action: e.action, target: e.target, summary: e.summary,
                correlationId: e.correlationId} AS row
        ORDER BY e.id DESC
        LIMIT $limit
        """;

    // Names before a change, for the audit summary: one statement per label (labels are never parameters).
    public const string PriorJourneyNames = "UNWIND $ids AS id MATCH (n:Journey {id: id}) RETURN n.id AS id, n.name AS name";
    public const string PriorPersonNames = "UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN n.id AS id, n.displayName AS name";
    public const string PriorTeamNames = "UNWIND $ids AS id MATCH (n:Team {id: id}) RETURN n.id AS id, n.name AS name";
    public const string PriorRoleNames = "UNWIND $ids AS id MATCH (n:Role {id: id}) RETURN n.id AS id, n.title AS name";
    public const string PriorMetricNames = "UNWIND $ids AS id MATCH (n:Metric {id: id}) RETURN n.id AS id, n.name AS name";

    public const string CountWorkspace = """
        OPTIONAL MATCH (j:Journey) WITH count(j) AS journeys
        OPTIONAL MATCH (p:Person) WITH journeys, count(p) AS people
        OPTIONAL MATCH (t:Team) WITH journeys, people, count(t) AS teams
        OPTIONAL MATCH (r:Role) WITH journeys, people, teams, count(r) AS roles
        OPTIONAL MATCH (:Team)-[o:OWNS]->() WITH journeys, people, teams, roles, count(o) AS ownership
        OPTIONAL MATCH (m:Metric)
        RETURN journeys, people, teams, roles, ownership, count(m) AS metrics
        """;
}
