using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JourneyOrg.Analysis;

/// <summary>
/// The SPEC's JSON for an analysis (<c>analyze --json</c>, <c>GET /api/analysis</c>; a simulation's is
/// <see cref="JourneyOrg.Scenarios.SimulationJson"/>): camelCase keys, numbers rounded to 4 decimals,
/// id sets sorted. Written by hand with <see cref="Utf8JsonWriter"/> so the shape is exactly the contract's and
/// does not drift with the records' member names.
/// </summary>
public static partial class AnalysisJson
{
    /// <summary>Rounds a figure as the output shows it (4 decimals, no negative zero).</summary>
    public static double Round(double value) => RoundTo(value, 4);

    /// <summary>Rounds a cost figure as the output shows it (SPEC §5: 2 decimals, no negative zero).</summary>
    public static double Money(double value) => RoundTo(value, 2);

    private static double RoundTo(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0.0 : rounded;
    }

    /// <summary>The analysis as JSON text; with <paramref name="org"/>, also the §6 <c>managers</c> (<c>analyze --org</c>).</summary>
    public static string Serialize(AlignmentReport report, bool indented = false, OrgAlignment? org = null) =>
        Write(w => WriteReport(w, report, org), indented);

    public static void WriteReport(Utf8JsonWriter w, AlignmentReport report, OrgAlignment? org = null)
    {
        w.WriteStartObject();
        w.WriteStartArray("units");
        foreach (var u in report.Units)
        {
            w.WriteStartObject();
            w.WriteString("id", u.Id);
            w.WriteString("journeyId", u.JourneyId);
            w.WriteString("phaseId", u.PhaseId);
            w.WriteStringArray("owners", u.Owners);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var cost = report.Cost;
        w.WriteStartArray("phases");
        for (var i = 0; i < report.Phases.Count; i++)
        {
            var p = report.Phases[i];
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("journeyId", p.JourneyId);
            w.WriteNumber("units", p.Units);
            w.WriteNumber("unownedUnits", p.UnownedUnits);
            w.WriteNumber("overlappingUnits", p.OverlappingUnits);
            w.WriteString("status", p.Status);
            Number(w, "fte", p.Fte);
            if (cost is not null) MoneyNumber(w, "cost", cost.Phases[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("journeys");
        for (var i = 0; i < report.Journeys.Count; i++)
        {
            var j = report.Journeys[i];
            w.WriteStartObject();
            w.WriteString("id", j.Id);
            w.WriteNumber("units", j.Units);
            w.WriteNumber("ownedUnits", j.OwnedUnits);
            Number(w, "coverage", j.Coverage);
            w.WriteNumber("handoffs", j.Handoffs);
            w.WriteStringArray("teams", j.Teams);
            Number(w, "fte", j.Fte);
            if (cost is not null) MoneyNumber(w, "cost", cost.Journeys[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("teams");
        for (var i = 0; i < report.Teams.Count; i++)
        {
            var t = report.Teams[i];
            w.WriteStartObject();
            w.WriteString("id", t.Id);
            w.WriteNumber("units", t.Units);
            w.WriteNumber("journeys", t.Journeys);
            Number(w, "focus", t.Focus);
            Number(w, "fte", t.Fte);
            w.WriteStringArray("upstream", t.Upstream);
            w.WriteStringArray("downstream", t.Downstream);
            w.WriteBoolean("unaligned", t.Unaligned);
            if (cost is not null) MoneyNumber(w, "cost", cost.Teams[i]);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("org");
        w.WriteNumber("people", report.Org.People);
        w.WriteNumber("managers", report.Org.Managers);
        Number(w, "avgSpan", report.Org.AvgSpan);
        w.WriteNumber("maxSpan", report.Org.MaxSpan);
        w.WriteNumber("layers", report.Org.Layers);
        if (cost is not null)
        {
            MoneyNumber(w, "totalCost", cost.TotalCost);
            MoneyNumber(w, "unmappedCost", cost.UnmappedCost);
        }
        w.WriteEndObject();
        if (org is not null) WriteManagers(w, org);
        w.WriteEndObject();
    }

    internal static void Number(Utf8JsonWriter w, string name, double value) => w.WriteNumber(name, Round(value));

    internal static void MoneyNumber(Utf8JsonWriter w, string name, double value) => w.WriteNumber(name, Money(value));

    internal static string Write(Action<Utf8JsonWriter> write, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
