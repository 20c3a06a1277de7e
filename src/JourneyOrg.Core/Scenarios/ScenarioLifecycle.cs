using JourneyOrg.Storage;

namespace JourneyOrg.Scenarios;

/// <summary>
/// The decision flow of a scenario: draft → proposed → approved → applied, or discarded on the way. Approved and applied
/// scenarios are read-only; only HR or an Admin approve; moving an approved scenario back takes an Admin; applying is its
/// own step (<c>ScenarioApplier</c>), never a status someone sets; only a discarded scenario can be deleted.
/// </summary>
public static class ScenarioLifecycle
{
    /// <summary>The statuses a person may set by hand (applied is reached by applying).</summary>
    public static IReadOnlyList<string> Settable => ScenarioStatus.All;

    /// <summary>Whether the operations (and name) of a scenario in <paramref name="status"/> are frozen.</summary>
    public static bool IsReadOnly(string status) => status is ScenarioStatus.Approved or ScenarioStatus.Applied;

    /// <summary>Whether a scenario in <paramref name="status"/> may be deleted.</summary>
    public static bool CanDelete(string status) => status == ScenarioStatus.Discarded;

    /// <summary>Why a scenario in <paramref name="status"/> refuses edits (null when it accepts them).</summary>
    public static string? WhyReadOnly(string status) => status switch
    {
        ScenarioStatus.Approved => "This scenario is approved, so it is read-only. An Admin can move it back to proposed to change it.",
        ScenarioStatus.Applied => "This scenario has been applied to the organisation; it is read-only for good.",
        _ => null,
    };

    /// <summary>
    /// Why the status may not move from <paramref name="from"/> to <paramref name="to"/> for someone who
    /// <paramref name="mayApprove"/> (HR or Admin) and/or <paramref name="isAdmin"/>; null when it may.
    /// </summary>
    public static string? WhyNot(string from, string to, bool mayApprove, bool isAdmin)
    {
        if (!Settable.Contains(to))
            return to == ScenarioStatus.Applied
                ? "A scenario becomes applied by applying it (an Admin, on an approved scenario), not by setting its status."
                : $"Unknown status '{to}'; expected one of {string.Join(", ", Settable)}.";
        if (from == ScenarioStatus.Applied) return "This scenario has been applied; its status cannot change any more.";
        if (from == to) return null;
        if (to == ScenarioStatus.Approved && !mayApprove) return "Only HR or an Admin approve a scenario.";
        if (from == ScenarioStatus.Approved && !isAdmin) return "Only an Admin moves an approved scenario back.";
        return null;
    }
}
