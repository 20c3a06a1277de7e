using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Journeys;

/// <summary>
/// Deleting and duplicating a whole journey as use cases: each turns its form into one change set for the edit
/// pipeline, or the reasons it cannot be done.
/// </summary>
public static class WholeJourneyEdits
{
    /// <summary>
    /// The journey and everything <see cref="JourneyDeletion"/> names with it; refused while another journey uses it as a
    /// sub-journey, and until the box is ticked.
    /// </summary>
    public static JourneyEdit Delete(OrgView org, Journey journey, WholeJourneyForm form)
    {
        var deletion = JourneyDeletion.Of(org, journey);
        if (deletion.UsedBy.Count > 0)
            return JourneyEdit.Refused($"“{journey.Name}” cannot be deleted while other journeys use it as a sub-journey: {string.Join(", ", deletion.UsedBy.Select(u => $"“{u.Journey.Name}” (step “{u.Step.Name}”)"))}. Change those steps first.");
        if (!form.Confirm) return JourneyEdits.Unconfirmed;
        return new(deletion.Changes(), []) { Done = $"Deleted the journey “{journey.Name}”." };
    }

    /// <summary>
    /// A copy of the journey under the same parent, named as typed (else "… (copy)"), with new ids made from the names;
    /// with <see cref="WholeJourneyForm.WithOwners"/> the teams that own its parts own the copies too. KPIs, insights
    /// and opportunities stay with the original.
    /// </summary>
    public static JourneyEdit Duplicate(OrgView org, Journey journey, WholeJourneyForm form)
    {
        var copyName = string.IsNullOrWhiteSpace(form.Name) ? $"{journey.Name} (copy)" : form.Name.Trim();
        var (copy, ownership) = JourneyCopy.Of(org.Workspace, journey, copyName, form.WithOwners);
        return new(new WorkspaceChangeSet { UpsertJourneys = [copy], UpsertOwnership = ownership }, []);
    }
}

/// <summary>The delete and duplicate forms (a class, so a form MVC cannot read at all is answered 400 by <see cref="UnreadableForms"/>).</summary>
public sealed class WholeJourneyForm
{
    public bool Confirm { get; set; }
    public string? Name { get; set; }
    public bool WithOwners { get; set; }
    public long Revision { get; set; }
}

/// <summary>What deleting a journey takes with it, what it moves, and what stops it. Rendered by Delete.cshtml.</summary>
public sealed record JourneyDeletion(
    OrgView Org, Journey Journey,
    IReadOnlyList<(Journey Journey, Step Step)> UsedBy,
    IReadOnlyList<Journey> Children,
    IReadOnlyList<Ownership> Ownership,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<Insight> Insights,
    IReadOnlyList<Opportunity> Opportunities)
{
    public IReadOnlyList<string> Errors { get; init; } = [];

    public int Steps => Journey.Phases.Sum(p => p.Steps.Count);

    /// <summary>
    /// The change set: the journey, the ownership of it and its parts, its KPIs; its child journeys move up to its parent;
    /// insights and opportunities stay but lose their links to its steps and phases.
    /// </summary>
    public WorkspaceChangeSet Changes() => new()
    {
        DeleteJourneys = [Journey.Id],
        UpsertJourneys = Children.Select(c => c with { ParentId = Journey.ParentId }).ToList(),
        DeleteOwnership = Ownership.Select(o => new OwnershipKey(o.TeamId, o.TargetId)).ToList(),
        DeleteMetrics = Metrics.Select(m => m.Id).ToList(),
        UpsertInsights = Insights.Select(i => i with { StepIds = i.StepIds.Where(s => !Parts.Contains(s)).ToList() }).ToList(),
        UpsertOpportunities = Opportunities.Select(o => o with { TargetIds = o.TargetIds.Where(t => !Parts.Contains(t)).ToList() }).ToList(),
    };

    /// <summary>The ids of the journey, its phases and steps.</summary>
    public IReadOnlySet<string> Parts { get; } =
        Journey.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Append(Journey.Id).ToHashSet(StringComparer.Ordinal);

    public static JourneyDeletion Of(OrgView org, Journey journey)
    {
        var parts = journey.Phases.SelectMany(p => p.Steps.Select(s => s.Id).Append(p.Id)).Append(journey.Id).ToHashSet(StringComparer.Ordinal);
        var usedBy = org.Workspace.Journeys.Where(j => j.Id != journey.Id)
            .SelectMany(j => j.Phases.SelectMany(p => p.Steps).Where(s => s.SubjourneyId == journey.Id).Select(s => (j, s))).ToList();
        return new JourneyDeletion(org, journey, usedBy,
            org.JourneyChildren[journey.Id].ToList(),
            parts.SelectMany(p => org.OwnershipByTarget[p]).ToList(),
            parts.SelectMany(p => org.MetricsByTarget[p]).ToList(),
            org.Workspace.Insights.Where(i => i.StepIds.Any(parts.Contains)).ToList(),
            org.Workspace.Opportunities.Where(o => o.TargetIds.Any(parts.Contains)).ToList());
    }
}

/// <summary>A journey copied as the starting point of another: same phases, steps and sub-journeys, new ids from the names.</summary>
public static class JourneyCopy
{
    public static (Journey Copy, IReadOnlyList<Ownership> Ownership) Of(Workspace workspace, Journey journey, string name, bool withOwners)
    {
        var ids = new WorkspaceIds(workspace);
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { [journey.Id] = ids.New("j-", name) };
        var phases = journey.Phases.Select(p =>
        {
            map[p.Id] = ids.New("p-", $"{name} {p.Name}");
            return new Phase(map[p.Id], p.Name, p.Steps.Select(s =>
            {
                map[s.Id] = ids.New("s-", $"{name} {s.Name}");
                return new Step(map[s.Id], s.Name, s.SubjourneyId);
            }).ToList());
        }).ToList();
        var copy = new Journey(map[journey.Id], name, journey.ParentId, journey.Description, phases);
        IReadOnlyList<Ownership> ownership = withOwners
            ? workspace.Ownership.Where(o => map.ContainsKey(o.TargetId)).Select(o => o with { TargetId = map[o.TargetId] }).ToList()
            : [];
        return (copy, ownership);
    }
}
