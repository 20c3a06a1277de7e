using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.JourneyManagement.Import;

/// <summary>
/// Maps a checked TheyDo file onto the workspace. Records are matched by <c>importKey</c>: a known key updates its record,
/// a new key adds one. The file sets what it carries (title, description, unit, type, target, status…); what was
/// decided in JourneyOrg stays: the step, phase or journey a record is linked to, an opportunity's scores, the
/// opportunities a solution addresses. <c>ownerEmail</c> finds a person by mail, <c>groups</c> find teams by name; a file
/// can set an owner or a team but not clear one, and every address or group name that matches nobody is reported.
/// Metric data points are merged into the series by date and dimension set (a point in the file replaces the stored
/// one) and turned into values by <see cref="MetricFormulas"/>.
/// </summary>
public static class TheyDoImport
{
    public static JourneyImportPlan Plan(Workspace current, TheyDoDocument document)
    {
        var directory = new ImportDirectory(current);
        var added = 0;
        var updated = 0;
        void Count(bool exists) { if (exists) updated++; else added++; }

        switch (document.Format)
        {
            case TheyDoFormats.Metrics:
            {
                var byKey = ByKey(current.Metrics, m => m.ImportKey);
                var upserts = new List<Metric>();
                foreach (var r in document.Records)
                {
                    var existing = byKey.GetValueOrDefault(r.ImportKey);
                    Count(existing is not null);
                    upserts.Add(MapMetric(r, existing, directory));
                }
                return Finish(current with { Metrics = Replace(current.Metrics, upserts, m => m.Id) },
                    new WorkspaceChangeSet { UpsertMetrics = upserts }, added, updated, directory, document);
            }
            case TheyDoFormats.Insights:
            {
                var byKey = ByKey(current.Insights, i => i.ImportKey);
                var upserts = new List<Insight>();
                foreach (var r in document.Records)
                {
                    var existing = byKey.GetValueOrDefault(r.ImportKey);
                    Count(existing is not null);
                    upserts.Add(MapInsight(r, existing, directory));
                }
                return Finish(current with { Insights = Replace(current.Insights, upserts, i => i.Id) },
                    new WorkspaceChangeSet { UpsertInsights = upserts }, added, updated, directory, document);
            }
            case TheyDoFormats.Opportunities:
            {
                var byKey = ByKey(current.Opportunities, o => o.ImportKey);
                var upserts = new List<Opportunity>();
                foreach (var r in document.Records)
                {
                    var existing = byKey.GetValueOrDefault(r.ImportKey);
                    Count(existing is not null);
                    var teams = directory.TeamsByName(r.Groups, r.Path);
                    upserts.Add(new Opportunity(existing?.Id ?? directory.NewId("opp-", r.ImportKey), r.Title, r.Description ?? "", r.Status,
                        teams.FirstOrDefault() ?? existing?.TeamId, existing?.CustomerValue, existing?.BusinessValue, existing?.Effort)
                    {
                        TargetIds = existing?.TargetIds ?? [],
                        OwnerId = directory.PersonByMail(r.OwnerEmail, r.Path, "the opportunity") ?? existing?.OwnerId,
                        ExternalLinks = WebLinks(r, directory),
                        ImportKey = r.ImportKey,
                    });
                    NoteExtraTeams(teams, r, directory);
                }
                return Finish(current with { Opportunities = Replace(current.Opportunities, upserts, o => o.Id) },
                    new WorkspaceChangeSet { UpsertOpportunities = upserts }, added, updated, directory, document);
            }
            default:
            {
                var byKey = ByKey(current.Solutions, s => s.ImportKey);
                var upserts = new List<Solution>();
                foreach (var r in document.Records)
                {
                    var existing = byKey.GetValueOrDefault(r.ImportKey);
                    Count(existing is not null);
                    var teams = directory.TeamsByName(r.Groups, r.Path);
                    upserts.Add(new Solution(existing?.Id ?? directory.NewId("sol-", r.ImportKey), r.Title, r.Description ?? "", r.Type, r.Status,
                        teams.FirstOrDefault() ?? existing?.TeamId)
                    {
                        OpportunityIds = existing?.OpportunityIds ?? [],
                        OwnerId = directory.PersonByMail(r.OwnerEmail, r.Path, "the solution") ?? existing?.OwnerId,
                        Priority = r.Priority,
                        ExternalLinks = WebLinks(r, directory),
                        ImportKey = r.ImportKey,
                    });
                    NoteExtraTeams(teams, r, directory);
                }
                return Finish(current with { Solutions = Replace(current.Solutions, upserts, s => s.Id) },
                    new WorkspaceChangeSet { UpsertSolutions = upserts }, added, updated, directory, document);
            }
        }
    }

    private static Metric MapMetric(TheyDoRecord r, Metric? existing, ImportDirectory directory)
    {
        var points = new List<MetricDataPoint>();
        foreach (var p in r.DataPoints)
        {
            var value = r.Type == MetricTypes.Other ? p.Value : MetricFormulas.FromInputs(r.Type, p.Inputs!);
            if (value is null)
            {
                directory.Notes.Add(new ImportNote(p.Path, r.Type == MetricTypes.Ratio
                    ? "denominator is 0, so the point has no value and was left out"
                    : "nobody answered (all counts are 0), so the point has no value and was left out"));
                continue;
            }
            points.Add(new MetricDataPoint(p.Date, p.Dimensions.Count == 0 ? [] : p.Dimensions, value.Value) { Inputs = p.Inputs });
        }
        var fromFile = points.Select(p => (p.Date, p.DimensionKey)).ToHashSet();
        var series = (existing?.DataPoints ?? []).Where(p => !fromFile.Contains((p.Date, p.DimensionKey))).Concat(points)
            .OrderBy(p => p.Date).ThenBy(p => p.DimensionKey, StringComparer.Ordinal).ToList();
        var teams = directory.TeamsByName(r.Groups, r.Path);

        var metric = new Metric(existing?.Id ?? directory.NewId("m-", r.ImportKey), existing?.TargetId ?? "", r.Title, r.Unit, existing?.Value, r.Target,
            r.TargetComparisonOperator switch { "MORE_THAN_OR_EQUAL_TO" => "higher", "LESS_THAN_OR_EQUAL_TO" => "lower", _ => null })
        {
            Type = r.Type,
            Description = r.Description,
            OwnerId = directory.PersonByMail(r.OwnerEmail, r.Path, "the metric") ?? existing?.OwnerId,
            TeamIds = teams.Count > 0 ? teams : existing?.TeamIds ?? [],
            Aggregation = r.AggregationMethod,
            ImportKey = r.ImportKey,
            DataPoints = series.Count == 0 ? [] : series,
        };
        if (r.GroupTags is { Count: > 0 }) directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "groupTags"), "group tags are not kept"));
        return metric with { Value = MetricReading.Of(metric).Current };
    }

    private static Insight MapInsight(TheyDoRecord r, Insight? existing, ImportDirectory directory)
    {
        string? type = null;
        if (r.Type is not null)
        {
            type = InsightType(r.Type);
            if (type is null)
                directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "type"),
                    $"'{r.Type}' is not an insight type here ({string.Join(", ", InsightTypes.All)}); the insight has no type"));
        }
        var links = WebLinks(r, directory);
        if (links.Count > 1)
            directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "externalLinks"), $"an insight keeps one source link; {links.Count - 1} more not kept"));
        var teams = directory.TeamsByName(r.Groups, r.Path);
        foreach (var (field, present) in new[] { ("icon", r.Icon is not null), ("status", r.Status is not null) })
            if (present) directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, field), $"{field} is not kept"));
        return new Insight(existing?.Id ?? directory.NewId("ins-", r.ImportKey), r.Title, r.Description ?? "", type ?? existing?.Type,
            links.FirstOrDefault() ?? existing?.SourceUrl, r.EmpathyScore, r.Weight)
        {
            StepIds = existing?.StepIds ?? [],
            OwnerId = directory.PersonByMail(r.OwnerEmail, r.Path, "the insight") ?? existing?.OwnerId,
            TeamIds = teams.Count > 0 ? teams : existing?.TeamIds ?? [],
            ImportKey = r.ImportKey,
        };
    }

    /// <summary>TheyDo's insight types are free text; the usual spellings (PAIN_POINT, Pain point, pains, gain…) map to ours.</summary>
    public static string? InsightType(string text)
    {
        var letters = new string(text.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        return letters switch
        {
            "painpoint" or "painpoints" or "pain" or "pains" or "frustration" => InsightTypes.PainPoint,
            "gain" or "gains" or "delight" => InsightTypes.Gain,
            "quote" or "quotes" or "verbatim" => InsightTypes.Quote,
            "observation" or "observations" or "fact" or "finding" => InsightTypes.Observation,
            _ => null,
        };
    }

    private static IReadOnlyList<string> WebLinks(TheyDoRecord r, ImportDirectory directory)
    {
        if (r.ExternalLinks is null) return [];
        var links = new List<string>();
        for (var i = 0; i < r.ExternalLinks.Count; i++)
        {
            if (JourneyLinks.IsWebLink(r.ExternalLinks[i])) { if (!links.Contains(r.ExternalLinks[i])) links.Add(r.ExternalLinks[i]); }
            else
                directory.Notes.Add(new ImportNote(JsonPath.Index(JsonPath.Property(r.Path, "externalLinks"), i),
                    $"'{r.ExternalLinks[i]}' is not an http or https link and was left out"));
        }
        return links.Count == 0 ? [] : links;
    }

    private static void NoteExtraTeams(List<string> teams, TheyDoRecord r, ImportDirectory directory)
    {
        if (teams.Count > 1)
            directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "groups"),
                $"one owning team is kept ('{teams[0]}', the first group that names a team); {string.Join(", ", teams.Skip(1).Select(t => $"'{t}'"))} not kept"));
        if (r.Tags is { Count: > 0 }) directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "tags"), "tags are not kept"));
        if (r.GroupTags is { Count: > 0 }) directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "groupTags"), "group tags are not kept"));
    }

    private static JourneyImportPlan Finish(Workspace result, WorkspaceChangeSet changes, int added, int updated, ImportDirectory directory, TheyDoDocument document)
    {
        if (document.Format is TheyDoFormats.Insights)
            foreach (var r in document.Records)
            {
                if (r.Tags is { Count: > 0 }) directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "tags"), "tags are not kept"));
                if (r.GroupTags is { Count: > 0 }) directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "groupTags"), "group tags are not kept"));
            }
        if (document.Format is TheyDoFormats.Opportunities)
            foreach (var r in document.Records.Where(r => r.Type is not null))
                directory.Notes.Add(new ImportNote(JsonPath.Property(r.Path, "type"), "an opportunity's type is not kept"));
        var notes = directory.Notes.OrderBy(n => n.Path, StringComparer.Ordinal).ToList();
        return new JourneyImportPlan(result, changes, added, updated, notes);
    }

    private static Dictionary<string, T> ByKey<T>(IReadOnlyList<T> records, Func<T, string?> key) where T : class
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var r in records)
            if (key(r) is { } k) map.TryAdd(k, r);
        return map;
    }

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> stored, IReadOnlyList<T> upserts, Func<T, string> id)
    {
        var replaced = upserts.ToDictionary(id, StringComparer.Ordinal);
        var list = stored.Select(r => replaced.Remove(id(r), out var n) ? n : r).ToList();
        list.AddRange(upserts.Where(u => replaced.ContainsKey(id(u))));
        return list;
    }
}
