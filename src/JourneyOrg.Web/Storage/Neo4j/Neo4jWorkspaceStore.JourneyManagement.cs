using System.Globalization;
using System.Text.Json;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using static JourneyOrg.Web.Storage.Neo4j.Neo4jCypher;

namespace JourneyOrg.Web.Storage.Neo4j;

// Journey management (issue 8) in the graph; the statements and the model are described in Neo4jCypher.JourneyManagement.cs.
public sealed partial class Neo4jWorkspaceStore
{
    private static Neo4jStatement[] JourneyManagementLoadStatements() =>
    [
        Statement(nameof(LoadMetricDetails), LoadMetricDetails), Statement(nameof(LoadInsights), LoadInsights),
        Statement(nameof(LoadOpportunities), LoadOpportunities), Statement(nameof(LoadSolutions), LoadSolutions),
        Statement(nameof(LoadJourneyRecordLinks), LoadJourneyRecordLinks), Statement(nameof(LoadWeights), LoadWeights),
    ];

    /// <param name="r">The results of <see cref="JourneyManagementLoadStatements"/>, in order.</param>
    private static Workspace WithJourneyManagement(Workspace workspace, IReadOnlyList<LoadedRows> r)
    {
        var details = r[0].As<MetricDetailRow>().ToDictionary(d => d.Id);
        var links = r[4].As<LinkRow>().GroupBy(l => (l.Id, l.Kind))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(l => l.Order).Select(l => l.TargetId).ToList());
        IReadOnlyList<string> List(string id, string kind) => links.GetValueOrDefault((id, kind)) ?? [];
        string? One(string id, string kind) => links.GetValueOrDefault((id, kind))?.FirstOrDefault();

        var metrics = workspace.Metrics.Select(m => details.TryGetValue(m.Id, out var d)
            ? m with
            {
                Type = d.Type, Description = d.Description, Aggregation = d.Aggregation, ImportKey = d.ImportKey,
                OwnerId = One(m.Id, "OWNED_BY"), TeamIds = List(m.Id, "BELONGS_TO"), DataPoints = SeriesFromJson(d.Series),
            }
            : m).ToList();
        var insights = r[1].As<InsightRow>().Select(i => new Insight(i.Id, i.Title, i.Description ?? "", i.Type, i.SourceUrl, i.EmpathyScore, i.Weight)
        {
            StepIds = List(i.Id, "ABOUT"), OwnerId = One(i.Id, "OWNED_BY"), TeamIds = List(i.Id, "BELONGS_TO"), ImportKey = i.ImportKey,
        }).ToList();
        var opportunities = r[2].As<OpportunityRow>().Select(o =>
            new Opportunity(o.Id, o.Title, o.Description ?? "", o.Status, One(o.Id, "ASSIGNED_TO"), o.CustomerValue, o.BusinessValue, o.Effort)
            {
                TargetIds = List(o.Id, "ON"), OwnerId = One(o.Id, "OWNED_BY"), ExternalLinks = NonEmpty(o.ExternalLinks), ImportKey = o.ImportKey,
            }).ToList();
        var solutions = r[3].As<SolutionRow>().Select(s =>
            new Solution(s.Id, s.Title, s.Description ?? "", s.Type, s.Status, One(s.Id, "ASSIGNED_TO"))
            {
                OpportunityIds = List(s.Id, "ADDRESSES"), OwnerId = One(s.Id, "OWNED_BY"), Priority = s.Priority,
                ExternalLinks = NonEmpty(s.ExternalLinks), ImportKey = s.ImportKey,
            }).ToList();
        var weights = r[5].As<WeightsRow>().FirstOrDefault();
        return workspace with
        {
            Metrics = metrics, Insights = insights, Opportunities = opportunities, Solutions = solutions,
            Weights = weights is null ? PrioritisationWeights.Default : new PrioritisationWeights(weights.CustomerValue, weights.BusinessValue),
        };
    }

    private static async Task WriteJourneyManagementAsync(WriteTransaction write, WorkspaceChangeSet c, bool replacing, CancellationToken ct)
    {
        if (!replacing)
            await write.RunBatchesAsync(nameof(DeleteJourneyRecords), DeleteJourneyRecords, "ids",
                [.. c.DeleteInsights, .. c.DeleteOpportunities, .. c.DeleteSolutions], ct);

        await write.RunBatchesAsync(nameof(UpsertMetricDetails), UpsertMetricDetails, "rows",
            c.UpsertMetrics.Select(m => new MetricDetailRow(m.Id, m.Type, m.Description, m.Aggregation, m.ImportKey, SeriesToJson(m.DataPoints))).ToList(), ct);
        await write.RunBatchesAsync(nameof(UpsertInsights), UpsertInsights, "rows",
            c.UpsertInsights.Select(i => new InsightWriteRow(i.Id, i.Title, i.Description, i.Type, i.SourceUrl, i.EmpathyScore, i.Weight, i.ImportKey,
                write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(UpsertOpportunities), UpsertOpportunities, "rows",
            c.UpsertOpportunities.Select(o => new OpportunityWriteRow(o.Id, o.Title, o.Description, o.Status, o.CustomerValue, o.BusinessValue,
                o.Effort, o.ExternalLinks, o.ImportKey, write.NextSeq())).ToList(), ct);
        await write.RunBatchesAsync(nameof(UpsertSolutions), UpsertSolutions, "rows",
            c.UpsertSolutions.Select(s => new SolutionWriteRow(s.Id, s.Title, s.Description, s.Type, s.Status, s.Priority, s.ExternalLinks,
                s.ImportKey, write.NextSeq())).ToList(), ct);

        // Links go last: the opportunities a solution addresses may be upserted in this same change set.
        var upserted = c.UpsertMetrics.Select(m => m.Id).Concat(c.UpsertInsights.Select(i => i.Id))
            .Concat(c.UpsertOpportunities.Select(o => o.Id)).Concat(c.UpsertSolutions.Select(s => s.Id)).ToList();
        if (!replacing) await write.RunBatchesAsync(nameof(UnlinkJourneyRecords), UnlinkJourneyRecords, "ids", upserted, ct);

        var owners = c.UpsertMetrics.Select(m => (m.Id, m.OwnerId)).Concat(c.UpsertInsights.Select(i => (i.Id, i.OwnerId)))
            .Concat(c.UpsertOpportunities.Select(o => (o.Id, o.OwnerId))).Concat(c.UpsertSolutions.Select(s => (s.Id, s.OwnerId)))
            .Where(x => x.OwnerId is not null).Select(x => new LinkWriteRow(x.Id, x.OwnerId!, 0)).ToList();
        await write.RunBatchesAsync(nameof(LinkRecordOwners), LinkRecordOwners, "rows", owners, ct);
        await write.RunBatchesAsync(nameof(LinkRecordTeams), LinkRecordTeams, "rows",
            c.UpsertMetrics.SelectMany(m => Rows(m.Id, m.TeamIds)).Concat(c.UpsertInsights.SelectMany(i => Rows(i.Id, i.TeamIds))).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkInsightSteps), LinkInsightSteps, "rows", c.UpsertInsights.SelectMany(i => Rows(i.Id, i.StepIds)).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkOpportunityTargets), LinkOpportunityTargets, "rows",
            c.UpsertOpportunities.SelectMany(o => Rows(o.Id, o.TargetIds)).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkAssignedTeams), LinkAssignedTeams, "rows",
            c.UpsertOpportunities.Select(o => (o.Id, o.TeamId)).Concat(c.UpsertSolutions.Select(s => (s.Id, s.TeamId)))
                .Where(x => x.TeamId is not null).Select(x => new LinkWriteRow(x.Id, x.TeamId!, 0)).ToList(), ct);
        await write.RunBatchesAsync(nameof(LinkSolutionOpportunities), LinkSolutionOpportunities, "rows",
            c.UpsertSolutions.SelectMany(s => Rows(s.Id, s.OpportunityIds)).ToList(), ct);
        if (c.Weights is { } weights)
            await write.RunBatchesAsync(nameof(WriteWeights), WriteWeights, "rows", new[] { new WeightsRow(weights.CustomerValue, weights.BusinessValue) }, ct);
    }

    private static IEnumerable<LinkWriteRow> Rows(string id, IReadOnlyList<string> targets) => targets.Select((t, i) => new LinkWriteRow(id, t, i));

    private static IReadOnlyList<string> NonEmpty(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values : Array.Empty<string>();

    private static string? SeriesToJson(IReadOnlyList<MetricDataPoint> points) => points.Count == 0
        ? null
        : JsonSerializer.Serialize(points.OrderBy(p => p.Date).ThenBy(p => p.DimensionKey, StringComparer.Ordinal).Select(p => new SeriesPointJson(
            p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            p.Dimensions.Select(d => new[] { d.Key, d.Value }).ToArray(),
            p.Value,
            p.Inputs?.ToDictionary(i => i.Name, i => i.Value))));

    private static IReadOnlyList<MetricDataPoint> SeriesFromJson(string? json)
    {
        if (json is null) return [];
        return JsonSerializer.Deserialize<SeriesPointJson[]>(json)!.Select(p => new MetricDataPoint(
            DateOnly.ParseExact(p.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            p.Dimensions.Length == 0 ? Array.Empty<MetricDimension>() : p.Dimensions.Select(d => new MetricDimension(d[0], d[1])).ToList(),
            p.Value)
        {
            Inputs = p.Inputs?.Select(i => new MetricInput(i.Key, i.Value)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList(),
        }).ToList();
    }

    private sealed record SeriesPointJson(string Date, string[][] Dimensions, double Value, Dictionary<string, double>? Inputs);
    private sealed record MetricDetailRow(string Id, string? Type, string? Description, string? Aggregation, string? ImportKey, string? Series);
    private sealed record InsightRow(string Id, string Title, string? Description, string? Type, string? SourceUrl, double? EmpathyScore, double? Weight,
        string? ImportKey);
    private sealed record OpportunityRow(string Id, string Title, string? Description, string? Status, double? CustomerValue, double? BusinessValue,
        double? Effort, IReadOnlyList<string>? ExternalLinks, string? ImportKey);
    private sealed record SolutionRow(string Id, string Title, string? Description, string? Type, string? Status, string? Priority,
        IReadOnlyList<string>? ExternalLinks, string? ImportKey);
    private sealed record LinkRow(string Id, string Kind, string TargetId, long Order);
    private sealed record WeightsRow(double CustomerValue, double BusinessValue);
    private sealed record InsightWriteRow(string Id, string Title, string Description, string? Type, string? SourceUrl, double? EmpathyScore,
        double? Weight, string? ImportKey, long Seq);
    private sealed record OpportunityWriteRow(string Id, string Title, string Description, string? Status, double? CustomerValue,
        double? BusinessValue, double? Effort, IReadOnlyList<string> ExternalLinks, string? ImportKey, long Seq);
    private sealed record SolutionWriteRow(string Id, string Title, string Description, string? Type, string? Status, string? Priority,
        IReadOnlyList<string> ExternalLinks, string? ImportKey, long Seq);
    private sealed record LinkWriteRow(string Id, string TargetId, int Order);
}
