using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Links;

/// <summary>The kinds of journey-management record that are linked to parts of a journey, as they appear in URLs and forms.</summary>
public static class LinkKinds
{
    public const string Metric = "metric";
    public const string Insight = "insight";
    public const string Opportunity = "opportunity";
}

/// <summary>What a link or unlink would change: the change set and the workspace it produces, or why it cannot be done.</summary>
public sealed record LinkChange(string ItemName, WorkspaceChangeSet? Changes, string? Refusal)
{
    public static LinkChange Refused(string itemName, string reason) => new(itemName, null, reason);
}

/// <summary>The outcome of a link or unlink; <see cref="Found"/> is false when the record does not exist.</summary>
public sealed record LinkOutcome(bool Found, string ItemName, EditResult Result)
{
    /// <summary>Refused for the step or phase chosen (not by the workspace rules or a stale revision).</summary>
    public bool RefusedTarget { get; init; }

    public static LinkOutcome NotFound(long revision) => new(false, "", EditResult.Refused(revision, "That record does not exist."));
}

/// <summary>
/// Puts KPIs, insights and opportunities on a step or phase and takes them off again: one path for the /links inbox
/// and the step page. An insight is evidence for steps only; KPIs and opportunities may sit on a whole phase. A KPI
/// measures one thing, so linking moves it and unlinking leaves it on nothing.
/// </summary>
public sealed class LinkEditor(OrgReader reader, WorkspaceEditor editor)
{
    public async Task<LinkOutcome> LinkAsync(string kind, string itemId, string? targetId, long revision, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return await ApplyAsync(org, Link(org, kind, itemId, (targetId ?? "").Trim()), revision, cancellationToken);
    }

    public async Task<LinkOutcome> UnlinkAsync(string kind, string itemId, string targetId, long revision, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return await ApplyAsync(org, Unlink(org, kind, itemId, targetId), revision, cancellationToken);
    }

    private async Task<LinkOutcome> ApplyAsync(OrgView org, LinkChange? change, long revision, CancellationToken cancellationToken)
    {
        if (change is null) return LinkOutcome.NotFound(org.Revision);
        if (change.Refusal is not null) return new LinkOutcome(true, change.ItemName, EditResult.Refused(org.Revision, change.Refusal)) { RefusedTarget = true };
        // The store writes the audit entry for the change set, tagged with the request that made it.
        var result = await editor.ApplyAsync(change.Changes!, revision, cancellationToken);
        return new LinkOutcome(true, change.ItemName, result);
    }

    /// <summary>The change that puts the record on <paramref name="targetId"/>; null if there is no such record.</summary>
    public static LinkChange? Link(OrgView org, string kind, string itemId, string targetId)
    {
        var w = org.Workspace;
        var isStep = org.Steps.ContainsKey(targetId);
        var isPart = isStep || org.Phases.ContainsKey(targetId);
        var where = org.TargetName(targetId);
        switch (kind)
        {
            case LinkKinds.Metric when w.Metrics.FirstOrDefault(m => m.Id == itemId) is { } metric:
                if (!isPart) return LinkChange.Refused(metric.Name, $"Choose a step or phase for the KPI {metric.Name}.");
                if (metric.TargetId == targetId) return LinkChange.Refused(metric.Name, $"The KPI {metric.Name} is already on {where}.");
                return Changed(metric with { TargetId = targetId });
            case LinkKinds.Insight when w.Insights.FirstOrDefault(i => i.Id == itemId) is { } insight:
                if (!isStep) return LinkChange.Refused(insight.Title, $"Choose a step for the insight {insight.Title}.");
                if (insight.StepIds.Contains(targetId)) return LinkChange.Refused(insight.Title, $"The insight {insight.Title} is already on {where}.");
                return Changed(insight with { StepIds = [.. insight.StepIds, targetId] });
            case LinkKinds.Opportunity when w.Opportunities.FirstOrDefault(o => o.Id == itemId) is { } opportunity:
                if (!isPart) return LinkChange.Refused(opportunity.Title, $"Choose a step or phase for the opportunity {opportunity.Title}.");
                if (opportunity.TargetIds.Contains(targetId)) return LinkChange.Refused(opportunity.Title, $"The opportunity {opportunity.Title} is already on {where}.");
                return Changed(opportunity with { TargetIds = [.. opportunity.TargetIds, targetId] });
            default:
                return null;
        }
    }

    /// <summary>The change that takes the record off <paramref name="targetId"/>; null if there is no such record.</summary>
    public static LinkChange? Unlink(OrgView org, string kind, string itemId, string targetId)
    {
        var w = org.Workspace;
        var where = org.TargetName(targetId);
        switch (kind)
        {
            case LinkKinds.Metric when w.Metrics.FirstOrDefault(m => m.Id == itemId) is { } metric:
                return metric.TargetId == targetId
                    ? Changed(metric with { TargetId = "" })
                    : LinkChange.Refused(metric.Name, $"The KPI {metric.Name} is not on {where} any more.");
            case LinkKinds.Insight when w.Insights.FirstOrDefault(i => i.Id == itemId) is { } insight:
                return insight.StepIds.Contains(targetId)
                    ? Changed(insight with { StepIds = insight.StepIds.Where(s => s != targetId).ToList() })
                    : LinkChange.Refused(insight.Title, $"The insight {insight.Title} is not on {where} any more.");
            case LinkKinds.Opportunity when w.Opportunities.FirstOrDefault(o => o.Id == itemId) is { } opportunity:
                return opportunity.TargetIds.Contains(targetId)
                    ? Changed(opportunity with { TargetIds = opportunity.TargetIds.Where(t => t != targetId).ToList() })
                    : LinkChange.Refused(opportunity.Title, $"The opportunity {opportunity.Title} is not on {where} any more.");
            default:
                return null;
        }
    }

    private static LinkChange Changed(Metric changed) => new(changed.Name, new WorkspaceChangeSet { UpsertMetrics = [changed] }, null);

    private static LinkChange Changed(Insight changed) => new(changed.Title, new WorkspaceChangeSet { UpsertInsights = [changed] }, null);

    private static LinkChange Changed(Opportunity changed) => new(changed.Title, new WorkspaceChangeSet { UpsertOpportunities = [changed] }, null);
}
