using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JourneyOrg.Analysis;

namespace JourneyOrg.Teams;

/// <summary>
/// The Team API as JSON (<c>GET /teams/{id}/team-api.json</c>, <c>team-api</c> on the command line): camelCase keys in
/// a fixed order, id lists sorted, numbers rounded as in the analysis, so a team can keep the file in its repository
/// and see real changes in a diff.
/// </summary>
public static class TeamApiJson
{
    public static string Serialize(TeamApiDocument document) => Write(w => WriteDocument(w, document));

    public static string Serialize(IEnumerable<TeamApiDocument> documents) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var document in documents) WriteDocument(w, document);
        w.WriteEndArray();
    });

    private static void WriteDocument(Utf8JsonWriter w, TeamApiDocument d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Name);
        if (d.Type is null) w.WriteNull("type"); else w.WriteString("type", d.Type);
        if (d.Lead is null) w.WriteNull("lead");
        else
        {
            w.WriteStartObject("lead");
            w.WriteString("id", d.Lead.Id);
            w.WriteString("name", d.Lead.Name);
            w.WriteEndObject();
        }
        w.WriteStartArray("members");
        foreach (var m in d.Members)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteString("name", m.Name);
            w.WriteNumber("allocation", AnalysisJson.Round(m.Allocation));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStringArray("units", d.Units);
        w.WriteStartArray("journeys");
        foreach (var j in d.Journeys)
        {
            w.WriteStartObject();
            w.WriteString("id", j.Id);
            w.WriteString("name", j.Name);
            w.WriteNumber("units", j.Units);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStringArray("upstream", d.Upstream);
        w.WriteStringArray("downstream", d.Downstream);
        w.WriteStringArray("kpis", d.Kpis);
        w.WriteStringArray("contributing", d.Contributing);
        var load = d.CognitiveLoad;
        w.WriteStartObject("cognitiveLoad");
        w.WriteNumber("size", load.Size);
        w.WriteBoolean("sizeOutsideFiveToNine", load.SizeOutsideRange);
        w.WriteNumber("journeys", load.Journeys);
        w.WriteNumber("units", load.Units);
        w.WriteNumber("counterparts", load.Counterparts);
        w.WriteNumber("handoffShare", AnalysisJson.Round(load.HandoffShare));
        w.WriteNumber("peopleInOtherTeams", load.PeopleInOtherTeams);
        w.WriteStringArray("concerns", load.Concerns);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
