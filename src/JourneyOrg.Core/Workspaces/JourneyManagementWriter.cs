using System.Text.Json;
using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// The journey-management parts of a <c>journeyorg/v1</c> document, written like the rest (every field, records sorted
/// by id, data points by date then dimension set, dimensions and inputs by name), so exports stay byte-stable.
/// </summary>
internal static class JourneyManagementWriter
{
    public static void WriteMetricDetails(Utf8JsonWriter json, Metric metric)
    {
        json.WriteString("type", metric.Type);
        json.WriteString("description", metric.Description);
        json.WriteString("ownerId", metric.OwnerId);
        json.WriteStringArray("teamIds", metric.TeamIds);
        json.WriteString("aggregation", metric.Aggregation);
        json.WriteString("importKey", metric.ImportKey);
        json.WriteStartArray("dataPoints");
        foreach (var point in metric.DataPoints.OrderBy(p => p.Date).ThenBy(p => p.DimensionKey, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("date", point.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject("dimensions");
            foreach (var d in point.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal)) json.WriteString(d.Key, d.Value);
            json.WriteEndObject();
            json.WriteNumber("value", point.Value);
            if (point.Inputs is null) json.WriteNull("inputs");
            else
            {
                json.WriteStartObject("inputs");
                foreach (var i in point.Inputs.OrderBy(i => i.Name, StringComparer.Ordinal)) json.WriteNumber(i.Name, i.Value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void WriteSections(Utf8JsonWriter json, Workspace workspace)
    {
        json.WriteStartArray("insights");
        foreach (var i in workspace.Insights.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", i.Id);
            json.WriteString("title", i.Title);
            json.WriteString("description", i.Description);
            json.WriteString("type", i.Type);
            json.WriteString("sourceUrl", i.SourceUrl);
            json.WriteNumberOrNull("empathyScore", i.EmpathyScore);
            json.WriteNumberOrNull("weight", i.Weight);
            json.WriteStringArray("stepIds", i.StepIds);
            json.WriteString("ownerId", i.OwnerId);
            json.WriteStringArray("teamIds", i.TeamIds);
            json.WriteString("importKey", i.ImportKey);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("opportunities");
        foreach (var o in workspace.Opportunities.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", o.Id);
            json.WriteString("title", o.Title);
            json.WriteString("description", o.Description);
            json.WriteString("status", o.Status);
            json.WriteString("teamId", o.TeamId);
            json.WriteNumberOrNull("customerValue", o.CustomerValue);
            json.WriteNumberOrNull("businessValue", o.BusinessValue);
            json.WriteNumberOrNull("effort", o.Effort);
            json.WriteStringArray("targetIds", o.TargetIds);
            json.WriteString("ownerId", o.OwnerId);
            json.WriteStringArray("externalLinks", o.ExternalLinks);
            json.WriteString("importKey", o.ImportKey);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("solutions");
        foreach (var s in workspace.Solutions.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("title", s.Title);
            json.WriteString("description", s.Description);
            json.WriteString("type", s.Type);
            json.WriteString("status", s.Status);
            json.WriteString("teamId", s.TeamId);
            json.WriteStringArray("opportunityIds", s.OpportunityIds);
            json.WriteString("ownerId", s.OwnerId);
            json.WriteString("priority", s.Priority);
            json.WriteStringArray("externalLinks", s.ExternalLinks);
            json.WriteString("importKey", s.ImportKey);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("prioritisation");
        json.WriteNumber("customerValueWeight", workspace.Weights.CustomerValue);
        json.WriteNumber("businessValueWeight", workspace.Weights.BusinessValue);
        json.WriteEndObject();
    }
}
