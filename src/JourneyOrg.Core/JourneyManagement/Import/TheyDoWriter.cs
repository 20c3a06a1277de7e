using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.JourneyManagement.Import;

/// <summary>A TheyDo file written from the workspace, and what the format could not hold.</summary>
public sealed record TheyDoExport(string Json, IReadOnlyList<ImportNote> Left);

/// <summary>
/// Writes the workspace's metrics, insights, opportunities or solutions in a TheyDo S3 format that its schema accepts:
/// <c>importKey</c> is the record's import key (its id when it has none), owners become <c>ownerEmail</c> (left out when the
/// person has no schema-valid mail), teams become <c>groups</c> by name. A metric's counted data points give their counts
/// back; a point entered as a plain value (a CSV import) has no counts and is left out of an NPS, CSAT, CES or RATIO
/// metric, which is reported. Links to steps and phases, and opportunity scores, have no place in the formats.
/// </summary>
public static class TheyDoWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheyDoExport Write(Workspace workspace, string format)
    {
        var people = workspace.People.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        var teams = workspace.Teams.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var left = new List<ImportNote>();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("format", format);
            json.WriteStartArray(TheyDoFormats.ArrayName(format));
            switch (format)
            {
                case TheyDoFormats.Metrics:
                    foreach (var m in workspace.Metrics.OrderBy(m => m.Id, StringComparer.Ordinal)) WriteMetric(json, m, people, teams, left);
                    break;
                case TheyDoFormats.Insights:
                    foreach (var i in workspace.Insights.OrderBy(i => i.Id, StringComparer.Ordinal))
                    {
                        Start(json, i.ImportKey ?? i.Id, i.Title, i.Description);
                        json.WriteString("type", i.Type);
                        json.WriteStringArray("externalLinks", i.SourceUrl is null ? [] : [i.SourceUrl]);
                        json.WriteNumberOrNull("empathyScore", i.EmpathyScore);
                        json.WriteNumberOrNull("weight", i.Weight);
                        Owner(json, i.OwnerId, people);
                        json.WriteStringArray("groups", i.TeamIds.Where(teams.ContainsKey).Select(t => teams[t]).ToList());
                        json.WriteEndObject();
                    }
                    break;
                case TheyDoFormats.Opportunities:
                    foreach (var o in workspace.Opportunities.OrderBy(o => o.Id, StringComparer.Ordinal))
                    {
                        Start(json, o.ImportKey ?? o.Id, o.Title, o.Description);
                        json.WriteString("status", o.Status);
                        json.WriteStringArray("externalLinks", o.ExternalLinks);
                        json.WriteStringArray("groups", o.TeamId is not null && teams.TryGetValue(o.TeamId, out var team) ? [team] : []);
                        Owner(json, o.OwnerId, people);
                        json.WriteEndObject();
                    }
                    break;
                default:
                    foreach (var s in workspace.Solutions.OrderBy(s => s.Id, StringComparer.Ordinal))
                    {
                        Start(json, s.ImportKey ?? s.Id, s.Title, s.Description);
                        json.WriteString("type", s.Type);
                        json.WriteString("status", s.Status);
                        json.WriteString("priority", s.Priority);
                        json.WriteStringArray("externalLinks", s.ExternalLinks);
                        json.WriteStringArray("groups", s.TeamId is not null && teams.TryGetValue(s.TeamId, out var team) ? [team] : []);
                        Owner(json, s.OwnerId, people);
                        json.WriteEndObject();
                    }
                    break;
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return new TheyDoExport(System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n", left);
    }

    private static void WriteMetric(Utf8JsonWriter json, Metric m, Dictionary<string, Person> people, Dictionary<string, string> teams, List<ImportNote> left)
    {
        var type = m.Type ?? MetricTypes.Other;
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("importKey", m.ImportKey ?? m.Id);
        json.WriteString("title", m.Name);
        json.WriteString("description", m.Description);
        json.WriteString("unit", m.Unit ?? "");
        Owner(json, m.OwnerId, people);
        json.WriteString("targetComparisonOperator", m.Direction switch
        {
            "higher" => "MORE_THAN_OR_EQUAL_TO",
            "lower" => "LESS_THAN_OR_EQUAL_TO",
            _ => null,
        });
        json.WriteNumberOrNull("target", m.Target);
        json.WriteStringArray("groups", m.TeamIds.Where(teams.ContainsKey).Select(t => teams[t]).ToList());
        if (type == MetricTypes.Other) json.WriteString("aggregationMethod", m.Aggregation ?? MetricAggregations.Average);
        json.WriteStartArray("dataPoints");
        var names = MetricFormulas.InputNames(type);
        foreach (var p in m.DataPoints.OrderBy(p => p.Date).ThenBy(p => p.DimensionKey, StringComparer.Ordinal))
        {
            if (names is not null && (p.Inputs is null || names.Any(n => p.Inputs.All(i => i.Name != n))))
            {
                left.Add(new ImportNote($"metrics[id='{m.Id}'].dataPoints[{p.Date:yyyy-MM-dd}{(p.DimensionKey.Length > 0 ? ";" + p.DimensionKey : "")}]",
                    $"a {type} point needs its counts; this one has only a value ({p.Value.ToString(CultureInfo.InvariantCulture)}) and was left out"));
                continue;
            }
            json.WriteStartObject();
            json.WriteString("dateOfMeasurement", p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("dimensions");
            foreach (var d in p.Dimensions)
            {
                json.WriteStartObject();
                json.WriteString("key", d.Key);
                json.WriteString("value", d.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (names is null) json.WriteNumber("value", p.Value);
            else
                foreach (var name in names)
                {
                    var value = p.Inputs!.First(i => i.Name == name).Value;
                    if (name == "score") json.WriteNumber(name, value);
                    else json.WriteNumber(name, (long)value);
                }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Start(Utf8JsonWriter json, string importKey, string title, string description)
    {
        json.WriteStartObject();
        json.WriteString("importKey", importKey);
        json.WriteString("title", title);
        json.WriteString("description", description.Length == 0 ? null : description);
    }

    private static void Owner(Utf8JsonWriter json, string? personId, Dictionary<string, Person> people)
    {
        var mail = personId is not null && people.TryGetValue(personId, out var person) ? person.Mail : null;
        json.WriteString("ownerEmail", mail is not null && TheyDoReader.IsSchemaEmail(mail) ? mail : null);
    }
}
