using System.Globalization;
using System.Text.Json.Nodes;
using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>One field of an operation form: its name in the scenario document, its label and what it refers to.</summary>
public sealed record OperationField(string Name, string Label, string Refers, bool Required);

/// <summary>The operation types of SPEC §4 as forms: which fields each takes, worded for the planner.</summary>
public static class OperationForms
{
    public static readonly IReadOnlyDictionary<string, (string Title, OperationField[] Fields)> All = new Dictionary<string, (string, OperationField[])>
    {
        ["createTeam"] = ("Create a team", [new("teamId", "New team id", "new", false), new("name", "Name", "text", true), new("parentId", "Part of unit", "team", false), new("type", "Type", "type", false)]),
        ["renameTeam"] = ("Rename a team", [new("teamId", "Team", "team", true), new("name", "New name", "text", true)]),
        ["moveTeam"] = ("Move a team", [new("teamId", "Team", "team", true), new("parentId", "Into unit (empty: top level)", "team", false)]),
        ["mergeTeams"] = ("Merge two teams", [new("sourceTeamId", "Merge this team", "team", true), new("targetTeamId", "into this team", "team", true)]),
        ["splitTeam"] = ("Split a team", [new("teamId", "Team", "team", true), new("newTeamId", "New team id", "new", false), new("name", "New team name", "text", true), new("memberIds", "People who move", "people", false), new("targetIds", "Ownership that moves", "targets", false)]),
        ["deleteTeam"] = ("Delete a team", [new("teamId", "Team", "team", true)]),
        ["movePerson"] = ("Move a person", [new("personId", "Person", "person", true), new("fromTeamId", "From team (empty: from every team)", "team", false), new("toTeamId", "To team", "team", true), new("allocation", "Share of time (0–1)", "number", false)]),
        ["setManager"] = ("Change a manager", [new("personId", "Person", "person", true), new("managerId", "New manager (empty: none)", "person", false)]),
        ["setTeamLead"] = ("Set a team lead", [new("teamId", "Team", "team", true), new("personId", "Lead", "person", true)]),
        ["assignOwnership"] = ("Assign ownership", [new("teamId", "Team", "team", true), new("targetId", "Journey, phase or step", "target", true), new("kind", "Kind", "kind", true)]),
        ["removeOwnership"] = ("Remove ownership", [new("teamId", "Team", "team", true), new("targetId", "Journey, phase or step", "target", true)]),
        ["transferOwnership"] = ("Transfer ownership", [new("fromTeamId", "From team", "team", true), new("toTeamId", "To team", "team", true), new("targetId", "Journey, phase or step", "target", true)]),
        ["createRole"] = ("Create a role", [new("roleId", "New role id", "new", false), new("title", "Title", "text", true), new("family", "Family", "text", false), new("level", "Level", "text", false), new("annualCost", "Annual cost of one full-time opening", "amount", false)]),
        ["addOpening"] = ("Add openings", [new("teamId", "Team", "team", true), new("roleId", "Role", "role", true), new("count", "How many", "integer", true), new("allocation", "Share of time each (0–1)", "number", false)]),
        ["assignRole"] = ("Give a person a role", [new("personId", "Person", "person", true), new("roleId", "Role", "role", true)]),
    };

    /// <summary>
    /// Changes that plan roles and openings: HR data (SPEC §5). Only HR and Admin see them; HR adds and removes them, with or
    /// without the Planner role.
    /// </summary>
    public static readonly IReadOnlySet<string> HrOperations = new HashSet<string> { "createRole", "addOpening" };

    /// <summary>The kinds of change this user may add or remove: HR the role and opening changes, planners every other.</summary>
    public static bool MayEdit(System.Security.Claims.ClaimsPrincipal user, string op) =>
        HrOperations.Contains(op) ? user.IsInRole(Security.AppRoles.HR) : user.IsInRole(Security.AppRoles.Planner);

    /// <summary>Why the user may not add or remove this kind of change, or null.</summary>
    public static string? Refusal(System.Security.Claims.ClaimsPrincipal user, string op) => MayEdit(user, op) ? null
        : HrOperations.Contains(op) ? "Roles and openings are planned by HR." : "Only planners change teams, people and ownership in a scenario.";

    /// <summary>The kinds of field that name a record and are picked by name (<see cref="NameSearch"/>).</summary>
    public static bool IsPicked(OperationField field) => field.Refers is "team" or "person" or "role" or "target";

    /// <summary>
    /// Builds an operation's JSON from posted fields, typed as the scenario format expects. Named records are resolved in
    /// <paramref name="org"/> (the organisation the scenario has built so far): an unknown or ambiguous name is an error
    /// naming the field, so nothing is saved. New ids come from the new record's name, unique in the workspace and the
    /// scenario (<paramref name="taken"/>).
    /// </summary>
    public static JsonObject Build(string op, IFormCollection form, OrgView org, Func<string, bool> taken, List<string> errors)
    {
        var json = new JsonObject { ["op"] = op };
        if (!All.TryGetValue(op, out var definition)) return json;
        foreach (var field in definition.Fields)
        {
            var value = form[field.Name].ToString().Trim();
            if (IsPicked(field))
            {
                var typed = form[field.Name + PickedText].ToString();
                if (value.Length == 0 && typed.Trim().Length == 0)
                {
                    if (field.Required) errors.Add($"{field.Label}: choose a {NameSearch.Noun(field.Refers)}.");
                    continue;
                }
                if (NameSearch.Resolve(org, field.Refers, field.Label, value, typed, out var problem) is { } id) json[field.Name] = id;
                else errors.Add(problem!);
                continue;
            }
            if (field.Refers is "people" or "targets")
            {
                var ids = form[field.Name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
                json[field.Name] = new JsonArray(ids.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
                continue;
            }
            if (field.Refers == "new")
            {
                // Never typed: made from the new record's name (a posted id is kept for scripts that send their own).
                var name = form[op == "createRole" ? "title" : "name"].ToString().Trim();
                json[field.Name] = value.Length > 0 ? value : WorkspaceIds.NewId(op == "createRole" ? "r-" : "t-", name, taken);
                continue;
            }
            if (value.Length == 0) continue;
            json[field.Name] = field.Refers switch
            {
                "number" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
                "amount" when Format.ParseAmount(value) is { } amount => JsonValue.Create(amount),
                "integer" when int.TryParse(value, out var i) => JsonValue.Create(i),
                _ => JsonValue.Create(value),
            };
        }
        return json;
    }

    /// <summary>The suffix of the form field that carries what was typed in a name field (the field itself carries the chosen id).</summary>
    public const string PickedText = NamePick.TextSuffix;

    /// <summary>Every id the scenario's operations create, so a generated id never repeats one.</summary>
    public static IEnumerable<string> CreatedIds(JsonArray operations) =>
        operations.OfType<JsonObject>().SelectMany(o => new[] { o["teamId"], o["newTeamId"], o["roleId"] }
            .Where(_ => o["op"]?.ToString() is "createTeam" or "splitTeam" or "createRole")
            .Select(n => n?.ToString()).OfType<string>());

    /// <summary>One line describing an operation in the planner's words, with names instead of ids.</summary>
    /// <remarks><paramref name="newTeams"/> names the teams the scenario itself creates (today's organisation does not know them).</remarks>
    public static string Describe(OrgView org, JsonObject op, IReadOnlyDictionary<string, string>? newTeams = null)
    {
        string S(string f) => op[f]?.ToString() ?? "";
        string T(string f) => op[f] is null ? "(top level)" : newTeams?.GetValueOrDefault(S(f)) ?? org.TeamName(S(f));
        string P(string f) => op[f] is null ? "(nobody)" : org.PersonName(S(f));
        return S("op") switch
        {
            "createTeam" => $"Create team “{S("name")}” ({S("teamId")})" + (op["parentId"] is null ? "" : $" in {T("parentId")}"),
            "renameTeam" => $"Rename {T("teamId")} to “{S("name")}”",
            "moveTeam" => $"Move {T("teamId")} into {T("parentId")}",
            "mergeTeams" => $"Merge {T("sourceTeamId")} into {T("targetTeamId")}",
            "splitTeam" => $"Split “{S("name")}” off {T("teamId")}",
            "deleteTeam" => $"Delete {T("teamId")}",
            "movePerson" => $"Move {P("personId")} " + (op["fromTeamId"] is null ? "" : $"from {T("fromTeamId")} ") + $"to {T("toTeamId")}",
            "setManager" => $"{P("personId")} reports to {P("managerId")}",
            "setTeamLead" => $"{P("personId")} leads {T("teamId")}",
            "assignOwnership" => $"{T("teamId")} becomes {S("kind")} for {org.TargetName(S("targetId"))}",
            "removeOwnership" => $"{T("teamId")} no longer owns {org.TargetName(S("targetId"))}",
            "transferOwnership" => $"{org.TargetName(S("targetId"))} moves from {T("fromTeamId")} to {T("toTeamId")}",
            "createRole" => $"New role “{S("title")}”",
            "addOpening" => $"{S("count")} opening(s) for {(org.Roles.TryGetValue(S("roleId"), out var r) ? r.Title : S("roleId"))} in {T("teamId")}",
            "assignRole" => $"{P("personId")} becomes {(org.Roles.TryGetValue(S("roleId"), out var r2) ? r2.Title : S("roleId"))}",
            var other => other,
        };
    }
}

/// <summary>A stored scenario read back: its document, its operations and its simulation against the current baseline.</summary>
public sealed record ScenarioPlan(StoredScenario Stored, JsonObject Document, JsonArray Operations, SimulationResult? Simulation, IReadOnlyList<ScenarioError> ShapeErrors)
{
    public string Name => Stored.Name;

    /// <summary>Changes that do nothing to today's organisation any more, or now make an overlap, by index (<see cref="ScenarioEffects"/>).</summary>
    public IReadOnlyDictionary<int, ChangeEffect> Effects => _effects?.Value ?? new Dictionary<int, ChangeEffect>();

    private Lazy<IReadOnlyDictionary<int, ChangeEffect>>? _effects;

    /// <summary>When and by whom the scenario was applied; null while it is not.</summary>
    public AppliedRecord? Applied { get; init; }

    private IReadOnlyDictionary<string, string>? _newTeams;

    /// <summary>Names of the teams the scenario's operations create, by id (from the document, so also when it does not apply).</summary>
    public IReadOnlyDictionary<string, string> NewTeams => _newTeams ??= Operations.OfType<JsonObject>()
        .Where(o => o["op"]?.ToString() is "createTeam" or "splitTeam")
        .Select(o => (Id: o[o["op"]!.ToString() == "createTeam" ? "teamId" : "newTeamId"]?.ToString(), Name: o["name"]?.ToString()))
        .Where(x => x.Id is not null && x.Name is not null)
        .GroupBy(x => x.Id!).ToDictionary(g => g.Key, g => g.Last().Name!);

    /// <summary>A team's name today, or as the scenario creates it.</summary>
    public string TeamName(OrgView today, string id) => today.Teams.ContainsKey(id) ? today.TeamName(id) : NewTeams.GetValueOrDefault(id) ?? id;

    /// <summary>
    /// The openings the document plans, read from its operations without simulating (an applied scenario is not simulated
    /// again: applying creates no people, so its openings are positions left to recruit).
    /// </summary>
    public IReadOnlyList<Opening> DocumentOpenings => Operations.OfType<JsonObject>()
        .Where(o => o["op"]?.ToString() == "addOpening" && o["teamId"] is not null && o["roleId"] is not null)
        .Select(o => new Opening(o["teamId"]!.ToString(), o["roleId"]!.ToString(),
            o["count"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : 0,
            o["allocation"] is JsonValue a && a.TryGetValue<double>(out var x) ? x : 1.0))
        .ToList();

    /// <summary>Approved and applied scenarios take no more changes.</summary>
    public bool ReadOnly => ScenarioLifecycle.IsReadOnly(Stored.Status);

    /// <summary>The error that stops the scenario, if any (the simulation stops at the first invalid operation).</summary>
    public IReadOnlyList<ScenarioError> Errors => ShapeErrors.Count > 0 ? ShapeErrors : Simulation?.Errors ?? [];
    public int? FirstInvalid => Errors.Where(e => e.Index is not null).Select(e => e.Index).Min();
    public bool Valid => Errors.Count == 0;

    public static ScenarioPlan Load(StoredScenario stored, AlignmentBaseline baseline)
    {
        var document = JsonNode.Parse(stored.Document) as JsonObject ?? new JsonObject { ["name"] = stored.Name };
        if (document["operations"] is not JsonArray operations)
        {
            operations = [];
            document["operations"] = operations;
        }
        var parsed = ScenarioJson.Parse(document.ToJsonString());
        var applied = ScenarioExchange.ReadApplied(document[ScenarioExchange.AppliedField]);
        // An applied scenario is part of today's organisation: simulating it again on its own result means nothing.
        if (applied is not null) return new ScenarioPlan(stored, document, operations, null, []) { Applied = applied };
        if (!parsed.Succeeded) return new ScenarioPlan(stored, document, operations, null, parsed.Errors);
        var simulation = ScenarioSimulation.Simulate(baseline, parsed.Scenario!);
        return new ScenarioPlan(stored, document, operations, simulation, [])
        {
            // Lists load every scenario; only the scenario page reads the notes, so they are checked on first use.
            _effects = new Lazy<IReadOnlyDictionary<int, ChangeEffect>>(() => simulation.Valid
                ? ScenarioEffects.Check(baseline, parsed.Scenario!).ToDictionary(e => e.Index)
                : new Dictionary<int, ChangeEffect>()),
        };
    }

    public static JsonObject NewDocument(string name, string? description) =>
        new() { ["name"] = name, ["description"] = string.IsNullOrWhiteSpace(description) ? null : description, ["operations"] = new JsonArray() };
}
