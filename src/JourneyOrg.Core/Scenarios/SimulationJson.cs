using System.Text.Json;
using JourneyOrg.Analysis;

namespace JourneyOrg.Scenarios;

/// <summary>
/// The SPEC §4 simulation JSON (<c>simulate --json</c>, <c>POST /api/scenarios/{id}/simulate</c>): the baseline and
/// scenario analyses as <see cref="AnalysisJson"/> writes them, and the diff, with the same rounding.
/// </summary>
public static class SimulationJson
{
    /// <summary>The simulation result as JSON text.</summary>
    public static string Serialize(SimulationResult result, bool indented = false) =>
        AnalysisJson.Write(w => WriteSimulation(w, result), indented);

    /// <summary>
    /// Writes the simulation object. Every key is always present: an invalid scenario has <c>valid: false</c>, its
    /// <c>errors</c>, the baseline analysis, and null <c>scenario</c> and <c>diff</c>.
    /// </summary>
    public static void WriteSimulation(Utf8JsonWriter w, SimulationResult result)
    {
        w.WriteStartObject();
        w.WriteBoolean("valid", result.Valid);
        w.WriteStartArray("errors");
        foreach (var e in result.Errors)
        {
            w.WriteStartObject();
            if (e.Index is { } index) w.WriteNumber("index", index); else w.WriteNull("index");
            if (e.Op is { } op) w.WriteString("op", op); else w.WriteNull("op");
            if (e.Field is { } field) w.WriteString("field", field); else w.WriteNull("field");
            w.WriteString("reason", e.Reason);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("baseline");
        AnalysisJson.WriteReport(w, result.Baseline);
        w.WritePropertyName("scenario");
        if (result.Scenario is null) w.WriteNullValue(); else AnalysisJson.WriteReport(w, result.Scenario);
        w.WritePropertyName("diff");
        if (result.Diff is null) w.WriteNullValue(); else WriteDiff(w, result.Diff, result.Workspace?.Opportunities.Count > 0);
        w.WriteEndObject();
    }

    // opportunityOwnerChanges goes beyond SPEC §4 and is written only for workspaces that have opportunities.
    private static void WriteDiff(Utf8JsonWriter w, ScenarioDiff d, bool hasOpportunities)
    {
        w.WriteStartObject();
        w.WriteStartArray("ownerChanges");
        foreach (var c in d.OwnerChanges)
        {
            w.WriteStartObject();
            w.WriteString("unitId", c.UnitId);
            w.WriteStringArray("before", c.Before);
            w.WriteStringArray("after", c.After);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStringArray("newlyUnowned", d.NewlyUnowned);
        w.WriteStringArray("resolvedUnowned", d.ResolvedUnowned);
        w.WriteStringArray("newlyOverlapping", d.NewlyOverlapping);
        w.WriteStringArray("resolvedOverlapping", d.ResolvedOverlapping);
        w.WriteStartArray("handoffs");
        foreach (var h in d.Handoffs)
        {
            w.WriteStartObject();
            w.WriteString("journeyId", h.JourneyId);
            w.WriteNumber("before", h.Before);
            w.WriteNumber("after", h.After);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("teamsBefore", d.TeamsBefore);
        w.WriteNumber("teamsAfter", d.TeamsAfter);
        w.WriteNumber("peopleMoved", d.PeopleMoved);
        w.WriteStartArray("fte");
        foreach (var f in d.Fte)
        {
            w.WriteStartObject();
            w.WriteString("phaseId", f.PhaseId);
            AnalysisJson.Number(w, "before", f.Before);
            AnalysisJson.Number(w, "after", f.After);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        AnalysisJson.Number(w, "plannedFte", d.PlannedFte);
        w.WriteStartObject("org");
        w.WriteStartArray("avgSpan"); w.WriteNumberValue(AnalysisJson.Round(d.Org.AvgSpanBefore)); w.WriteNumberValue(AnalysisJson.Round(d.Org.AvgSpanAfter)); w.WriteEndArray();
        w.WriteStartArray("maxSpan"); w.WriteNumberValue(d.Org.MaxSpanBefore); w.WriteNumberValue(d.Org.MaxSpanAfter); w.WriteEndArray();
        w.WriteStartArray("layers"); w.WriteNumberValue(d.Org.LayersBefore); w.WriteNumberValue(d.Org.LayersAfter); w.WriteEndArray();
        w.WriteEndObject();
        if (d.Cost is { } cost)
        {
            w.WriteStartObject("cost");
            AnalysisJson.MoneyNumber(w, "before", cost.Before);
            AnalysisJson.MoneyNumber(w, "after", cost.After);
            AnalysisJson.MoneyNumber(w, "planned", cost.Planned);
            w.WriteEndObject();
            w.WriteStartArray("journeyCost");
            foreach (var j in d.JourneyCost)
            {
                w.WriteStartObject();
                w.WriteString("journeyId", j.JourneyId);
                AnalysisJson.MoneyNumber(w, "before", j.Before);
                AnalysisJson.MoneyNumber(w, "after", j.After);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (hasOpportunities)
        {
            w.WriteStartArray("opportunityOwnerChanges");
            foreach (var c in d.OpportunityOwnerChanges)
            {
                w.WriteStartObject();
                w.WriteString("opportunityId", c.OpportunityId);
                w.WriteStringArray("before", c.Before);
                w.WriteStringArray("after", c.After);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

}
