using System.Text.Json;

namespace JourneyOrg.Analysis;

public static partial class AnalysisJson
{
    /// <summary>SPEC §6 <c>managers</c>: sorted by id, journey FTE keyed by journey id, numbers rounded like the rest.</summary>
    private static void WriteManagers(Utf8JsonWriter w, OrgAlignment org)
    {
        w.WriteStartArray("managers");
        foreach (var m in org.Managers)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteNumber("people", m.People);
            w.WriteStartObject("journeyFte");
            foreach (var j in m.JourneyFte) Number(w, j.JourneyId, j.Fte);
            w.WriteEndObject();
            Number(w, "unmappedFte", m.UnmappedFte);
            w.WriteNumber("handoffs", m.Handoffs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
