namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// Element ids that htmx targets. Views and controllers use these constants; a contract test checks that every
/// partial renders the id its callers target.
/// </summary>
public static class DomIds
{
    public const string Main = "main";
    public const string JourneyMap = "journey-map";
    public const string SearchResults = "search-results";
    public const string TeamsTable = "teams-table";
    public const string MatrixTable = "matrix-table";
    public const string InsightList = "insight-list";
    public const string ImportResult = "import-result";
    public const string ScenarioDiff = "scenario-diff";
    public const string ScenarioOperations = "scenario-operations";
    public const string OperationFields = "operation-fields";
    public const string Prioritisation = "prioritisation";
    /// <summary>Everything below the title of an opportunity's page: details, where it is, solutions, and their forms.</summary>
    public const string Opportunity = "opportunity";
    public const string NewOpportunity = "new-opportunity";
    public const string Unlinked = "unlinked";
    /// <summary>The journey and step choice for linking one record on /links/{kind}/{id}.</summary>
    public const string LinkChoice = "link-choice";
    /// <summary>The KPIs, insights and opportunities section of a step page, with its link and unlink forms.</summary>
    public const string StepJourneyManagement = "step-journey-management";
    public const string AuditRows = "audit-rows";
    public const string MetricBody = "metric-body";
    /// <summary>The "what it answers for" section of a team's page, with its ownership forms.</summary>
    public const string TeamOwnership = "team-ownership";

    /// <summary>The list of direct reports under a person in the org chart.</summary>
    public static string OrgReports(string personId) => "reports-" + Safe(personId);
    /// <summary>The show / hide control of a person's reports in the org chart.</summary>
    public static string OrgToggle(string personId) => "toggle-" + Safe(personId);
    /// <summary>The list of child units under a team in the team hierarchy.</summary>
    public static string TeamChildren(string teamId) => "children-" + Safe(teamId);
    /// <summary>The show / hide control of a unit's child teams in the team hierarchy.</summary>
    public static string TeamToggle(string teamId) => "team-toggle-" + Safe(teamId);
    /// <summary>A name field of a scenario operation form (_PickField), swapped whole when a match is chosen.</summary>
    public static string PickField(string field) => "pick-" + Safe(field);
    /// <summary>The matches under a name field (_PickResults).</summary>
    public static string PickResults(string field) => "pick-" + Safe(field) + "-results";
    /// <summary>The owner lane cell of one phase (or step) on the journey map.</summary>
    public static string OwnerCell(string targetId) => "owners-" + Safe(targetId);
    /// <summary>A handoff's row on the journey map (linked from the escalation manager's alignment page).</summary>
    public static string Handoff(string fromUnitId) => "handoff-" + Safe(fromUnitId);
    /// <summary>One cell of the alignment matrix.</summary>
    public static string MatrixCell(string teamId, string phaseId) => "cell-" + Safe(teamId) + "--" + Safe(phaseId);

    /// <summary>Ids are opaque strings (Entra GUIDs, slugs); keep them valid as HTML ids and CSS selectors.</summary>
    public static string Safe(string id)
    {
        Span<char> buffer = id.Length <= 256 ? stackalloc char[id.Length] : new char[id.Length];
        for (var i = 0; i < id.Length; i++)
            buffer[i] = char.IsAsciiLetterOrDigit(id[i]) || id[i] is '-' or '_' ? id[i] : '_';
        return new string(buffer);
    }
}
