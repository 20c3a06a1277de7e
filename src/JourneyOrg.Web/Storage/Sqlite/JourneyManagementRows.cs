using System.Globalization;
using System.Text.Json;
using Dapper;
using JourneyOrg.Domain;
using Microsoft.Data.Sqlite;

namespace JourneyOrg.Web.Storage.Sqlite;

/// <summary>
/// Reads and writes the journey-management records (schema 0020) inside the store's transactions: metric details and
/// series, insights, opportunities, solutions, their lists (in <c>journey_links</c>) and the prioritisation weights.
/// A deleted person, team, step or phase takes its links with it, as the relationships go with a node in Neo4j.
/// </summary>
internal sealed class JourneyManagementRows(SqliteConnection connection, SqliteTransaction transaction)
{
    private const string TeamIds = "teamIds", StepIds = "stepIds", TargetIds = "targetIds", OpportunityIds = "opportunityIds", ExternalLinks = "externalLinks";

    public static Workspace Load(SqliteConnection connection, SqliteTransaction transaction, Workspace workspace)
    {
        var links = connection.Query<LinkRow>("SELECT record_id AS RecordId, field, value FROM journey_links ORDER BY record_id, field, ord", transaction: transaction)
            .GroupBy(l => (l.RecordId, l.Field))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.Value).ToList());
        IReadOnlyList<string> List(string id, string field) => links.GetValueOrDefault((id, field)) ?? [];

        var points = connection.Query<PointRow>(
                "SELECT metric_id AS MetricId, date, dimensions, value, inputs FROM metric_points ORDER BY metric_id, date, dimension_key", transaction: transaction)
            .GroupBy(p => p.MetricId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<MetricDataPoint>)g.Select(ToPoint).ToList());
        var details = connection.Query<MetricDetailRow>(
                "SELECT id, type, description, owner_id AS OwnerId, aggregation, import_key AS ImportKey FROM metrics", transaction: transaction)
            .ToDictionary(m => m.Id);
        var metrics = workspace.Metrics.Select(m => details.TryGetValue(m.Id, out var d)
            ? m with
            {
                Type = d.Type, Description = d.Description, OwnerId = d.OwnerId, Aggregation = d.Aggregation, ImportKey = d.ImportKey,
                TeamIds = List(m.Id, TeamIds), DataPoints = points.GetValueOrDefault(m.Id) ?? [],
            }
            : m).ToList();

        var insights = connection.Query<InsightRow>("""
            SELECT id, title, description, type, source_url AS SourceUrl, empathy_score AS EmpathyScore, weight, owner_id AS OwnerId,
                   import_key AS ImportKey
            FROM insights ORDER BY rowid
            """, transaction: transaction)
            .Select(i => new Insight(i.Id, i.Title, i.Description, i.Type, i.SourceUrl, i.EmpathyScore, i.Weight)
            {
                StepIds = List(i.Id, StepIds), OwnerId = i.OwnerId, TeamIds = List(i.Id, TeamIds), ImportKey = i.ImportKey,
            }).ToList();
        var opportunities = connection.Query<OpportunityRow>("""
            SELECT id, title, description, status, team_id AS TeamId, customer_value AS CustomerValue, business_value AS BusinessValue,
                   effort, owner_id AS OwnerId, import_key AS ImportKey
            FROM opportunities ORDER BY rowid
            """, transaction: transaction)
            .Select(o => new Opportunity(o.Id, o.Title, o.Description, o.Status, o.TeamId, o.CustomerValue, o.BusinessValue, o.Effort)
            {
                TargetIds = List(o.Id, TargetIds), OwnerId = o.OwnerId, ExternalLinks = List(o.Id, ExternalLinks), ImportKey = o.ImportKey,
            }).ToList();
        var solutions = connection.Query<SolutionRow>("""
            SELECT id, title, description, type, status, team_id AS TeamId, owner_id AS OwnerId, priority, import_key AS ImportKey
            FROM solutions ORDER BY rowid
            """, transaction: transaction)
            .Select(s => new Solution(s.Id, s.Title, s.Description, s.Type, s.Status, s.TeamId)
            {
                OpportunityIds = List(s.Id, OpportunityIds), OwnerId = s.OwnerId, Priority = s.Priority,
                ExternalLinks = List(s.Id, ExternalLinks), ImportKey = s.ImportKey,
            }).ToList();
        var weights = connection.QuerySingleOrDefault<WeightsRow>(
            "SELECT customer_value_weight AS CustomerValue, business_value_weight AS BusinessValue FROM prioritisation WHERE id = 1", transaction: transaction);

        return workspace with
        {
            Metrics = metrics, Insights = insights, Opportunities = opportunities, Solutions = solutions,
            Weights = weights is null ? PrioritisationWeights.Default : new PrioritisationWeights(weights.CustomerValue, weights.BusinessValue),
        };
    }

    /// <summary>Empties every journey-management table (a whole-workspace replace).</summary>
    public void Clear() => Execute("""
        DELETE FROM metric_points; DELETE FROM insights; DELETE FROM opportunities; DELETE FROM solutions;
        DELETE FROM journey_links; DELETE FROM prioritisation;
        """);

    /// <summary>Writes what <c>RowWriter.UpsertMetrics</c> does not: type, owner, teams, import key and the whole series.</summary>
    public void UpsertMetricDetails(IReadOnlyList<Metric> metrics)
    {
        foreach (var m in metrics)
        {
            Execute("""
                UPDATE metrics SET type = @Type, description = @Description, owner_id = @OwnerId, aggregation = @Aggregation,
                    import_key = @ImportKey WHERE id = @Id
                """, new { m.Type, m.Description, m.OwnerId, m.Aggregation, m.ImportKey, m.Id });
            Execute("DELETE FROM metric_points WHERE metric_id = @Id", new { m.Id });
            foreach (var p in m.DataPoints)
                Execute("""
                    INSERT INTO metric_points (metric_id, date, dimension_key, dimensions, value, inputs)
                    VALUES (@MetricId, @Date, @DimensionKey, @Dimensions, @Value, @Inputs)
                    """, new
                {
                    MetricId = m.Id, Date = p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.DimensionKey,
                    Dimensions = JsonSerializer.Serialize(p.Dimensions.Select(d => new[] { d.Key, d.Value })),
                    p.Value,
                    Inputs = p.Inputs is null ? null : JsonSerializer.Serialize(p.Inputs.Select(i => new object[] { i.Name, i.Value })),
                });
            WriteList(m.Id, TeamIds, m.TeamIds);
        }
    }

    public void DeleteMetrics(IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
            Execute("DELETE FROM metric_points WHERE metric_id = @id; DELETE FROM journey_links WHERE record_id = @id;", new { id });
    }

    public void UpsertInsights(IReadOnlyList<Insight> insights)
    {
        foreach (var i in insights)
        {
            Execute("""
                INSERT INTO insights (id, title, description, type, source_url, empathy_score, weight, owner_id, import_key)
                VALUES (@Id, @Title, @Description, @Type, @SourceUrl, @EmpathyScore, @Weight, @OwnerId, @ImportKey)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, type = excluded.type,
                    source_url = excluded.source_url, empathy_score = excluded.empathy_score, weight = excluded.weight,
                    owner_id = excluded.owner_id, import_key = excluded.import_key
                """, i);
            WriteList(i.Id, StepIds, i.StepIds);
            WriteList(i.Id, TeamIds, i.TeamIds);
        }
    }

    public void UpsertOpportunities(IReadOnlyList<Opportunity> opportunities)
    {
        foreach (var o in opportunities)
        {
            Execute("""
                INSERT INTO opportunities (id, title, description, status, team_id, customer_value, business_value, effort, owner_id, import_key)
                VALUES (@Id, @Title, @Description, @Status, @TeamId, @CustomerValue, @BusinessValue, @Effort, @OwnerId, @ImportKey)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, status = excluded.status,
                    team_id = excluded.team_id, customer_value = excluded.customer_value, business_value = excluded.business_value,
                    effort = excluded.effort, owner_id = excluded.owner_id, import_key = excluded.import_key
                """, o);
            WriteList(o.Id, TargetIds, o.TargetIds);
            WriteList(o.Id, ExternalLinks, o.ExternalLinks);
        }
    }

    public void UpsertSolutions(IReadOnlyList<Solution> solutions)
    {
        foreach (var s in solutions)
        {
            Execute("""
                INSERT INTO solutions (id, title, description, type, status, team_id, owner_id, priority, import_key)
                VALUES (@Id, @Title, @Description, @Type, @Status, @TeamId, @OwnerId, @Priority, @ImportKey)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description, type = excluded.type,
                    status = excluded.status, team_id = excluded.team_id, owner_id = excluded.owner_id, priority = excluded.priority,
                    import_key = excluded.import_key
                """, s);
            WriteList(s.Id, OpportunityIds, s.OpportunityIds);
            WriteList(s.Id, ExternalLinks, s.ExternalLinks);
        }
    }

    /// <summary>Deletes insights, opportunities or solutions by id, with their lists and the links other records hold to them.</summary>
    public void Delete(string table, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
            Execute($"DELETE FROM {table} WHERE id = @id; DELETE FROM journey_links WHERE record_id = @id OR value = @id;", new { id });
    }

    public void WriteWeights(PrioritisationWeights weights) => Execute("""
        INSERT INTO prioritisation (id, customer_value_weight, business_value_weight) VALUES (1, @CustomerValue, @BusinessValue)
        ON CONFLICT (id) DO UPDATE SET customer_value_weight = excluded.customer_value_weight, business_value_weight = excluded.business_value_weight
        """, weights);

    /// <summary>After people, teams or journeys were deleted: links to what is gone go too.</summary>
    public void ForgetDeleted(IReadOnlyList<string> people, IReadOnlyList<string> teams, bool journeysChanged)
    {
        foreach (var id in people)
            Execute("""
                UPDATE metrics SET owner_id = NULL WHERE owner_id = @id; UPDATE insights SET owner_id = NULL WHERE owner_id = @id;
                UPDATE opportunities SET owner_id = NULL WHERE owner_id = @id; UPDATE solutions SET owner_id = NULL WHERE owner_id = @id;
                """, new { id });
        foreach (var id in teams)
            Execute("""
                UPDATE opportunities SET team_id = NULL WHERE team_id = @id; UPDATE solutions SET team_id = NULL WHERE team_id = @id;
                DELETE FROM journey_links WHERE field = 'teamIds' AND value = @id;
                """, new { id });
        if (journeysChanged)
            Execute("""
                DELETE FROM journey_links WHERE field IN ('stepIds', 'targetIds')
                    AND value NOT IN (SELECT id FROM steps UNION ALL SELECT id FROM phases);
                UPDATE metrics SET target_id = '' WHERE target_id <> ''
                    AND target_id NOT IN (SELECT id FROM journeys UNION ALL SELECT id FROM phases UNION ALL SELECT id FROM steps);
                """);
    }

    private void WriteList(string recordId, string field, IReadOnlyList<string> values)
    {
        Execute("DELETE FROM journey_links WHERE record_id = @recordId AND field = @field", new { recordId, field });
        for (var i = 0; i < values.Count; i++)
            Execute("INSERT INTO journey_links (record_id, field, ord, value) VALUES (@recordId, @field, @i, @value)",
                new { recordId, field, i, value = values[i] });
    }

    private void Execute(string sql, object? parameters = null) => connection.Execute(sql, parameters, transaction);

    private static MetricDataPoint ToPoint(PointRow row)
    {
        var dimensions = JsonSerializer.Deserialize<string[][]>(row.Dimensions)!.Select(d => new MetricDimension(d[0], d[1])).ToList();
        IReadOnlyList<MetricInput>? inputs = row.Inputs is null
            ? null
            : JsonSerializer.Deserialize<JsonElement[][]>(row.Inputs)!.Select(i => new MetricInput(i[0].GetString()!, i[1].GetDouble())).ToList();
        return new MetricDataPoint(DateOnly.ParseExact(row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), dimensions.Count == 0 ? Array.Empty<MetricDimension>() : dimensions, row.Value)
        {
            Inputs = inputs,
        };
    }

    private sealed record LinkRow(string RecordId, string Field, string Value);
    private sealed record PointRow(string MetricId, string Date, string Dimensions, double Value, string? Inputs);
    private sealed record MetricDetailRow(string Id, string? Type, string? Description, string? OwnerId, string? Aggregation, string? ImportKey);
    private sealed record InsightRow(string Id, string Title, string Description, string? Type, string? SourceUrl, double? EmpathyScore, double? Weight,
        string? OwnerId, string? ImportKey);
    private sealed record OpportunityRow(string Id, string Title, string Description, string? Status, string? TeamId, double? CustomerValue,
        double? BusinessValue, double? Effort, string? OwnerId, string? ImportKey);
    private sealed record SolutionRow(string Id, string Title, string Description, string? Type, string? Status, string? TeamId, string? OwnerId,
        string? Priority, string? ImportKey);
    private sealed record WeightsRow(double CustomerValue, double BusinessValue);
}
