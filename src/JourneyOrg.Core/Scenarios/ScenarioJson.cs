using System.Text.Json;
using JourneyOrg.Domain;

namespace JourneyOrg.Scenarios;

/// <summary>What reading a scenario document gave: the scenario, or every error found in it.</summary>
public sealed record ScenarioParseResult(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>Whether the document was a well-formed scenario.</summary>
    public bool Succeeded => Scenario is not null && Errors.Count == 0;
}

/// <summary>
/// Reads and writes scenario documents: <c>{ "name", "description"?, "operations": [ { "op": ..., ... } ] }</c>.
/// Reading checks the document's shape only (required fields, types, ranges) and reports every problem with
/// the operation's index and field; whether an operation makes sense for the org is decided when it is applied.
/// </summary>
public static class ScenarioJson
{
    /// <summary>The 15 operation names of SPEC §4.</summary>
    public static readonly IReadOnlyList<string> OperationNames =
    [
        "createTeam", "renameTeam", "moveTeam", "mergeTeams", "splitTeam", "deleteTeam", "movePerson", "setManager",
        "setTeamLead", "assignOwnership", "removeOwnership", "transferOwnership", "createRole", "addOpening", "assignRole",
    ];

    public static ScenarioParseResult Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            return new ScenarioParseResult(null, [new ScenarioError(null, null, null, $"not valid JSON: {e.Message}")]);
        }
    }

    /// <summary>Parses a scenario document already read as JSON.</summary>
    public static ScenarioParseResult Parse(JsonElement root)
    {
        var errors = new List<ScenarioError>();
        if (root.ValueKind != JsonValueKind.Object)
            return new ScenarioParseResult(null, [new ScenarioError(null, null, null, "a scenario must be a JSON object")]);

        var top = new Fields(root, null, null, errors);
        var name = top.RequiredString("name");
        var description = top.OptionalString("description");
        var operations = new List<ScenarioOperation>();
        if (!root.TryGetProperty("operations", out var ops) || ops.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ScenarioError(null, null, "operations", "is required and must be an array"));
        }
        else
        {
            var index = 0;
            foreach (var element in ops.EnumerateArray())
            {
                if (ParseOperation(element, index, errors) is { } op) operations.Add(op);
                index++;
            }
        }
        return errors.Count > 0
            ? new ScenarioParseResult(null, errors)
            : new ScenarioParseResult(new Scenario(name!, description, operations), errors);
    }

    private static ScenarioOperation? ParseOperation(JsonElement element, int index, List<ScenarioError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ScenarioError(index, null, null, "an operation must be a JSON object"));
            return null;
        }
        if (!element.TryGetProperty("op", out var opElement) || opElement.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ScenarioError(index, null, "op", "is required and must be a string"));
            return null;
        }
        var op = opElement.GetString()!;
        var before = errors.Count;
        var f = new Fields(element, index, op, errors);
        ScenarioOperation? result = op switch
        {
            "createTeam" => new CreateTeam(f.RequiredString("teamId")!, f.RequiredString("name")!, f.OptionalString("parentId"), f.OptionalString("type")),
            "renameTeam" => new RenameTeam(f.RequiredString("teamId")!, f.RequiredString("name")!),
            "moveTeam" => new MoveTeam(f.RequiredString("teamId")!, f.OptionalString("parentId")),
            "mergeTeams" => new MergeTeams(f.RequiredString("sourceTeamId")!, f.RequiredString("targetTeamId")!),
            "splitTeam" => new SplitTeam(f.RequiredString("teamId")!, f.RequiredString("newTeamId")!, f.RequiredString("name")!,
                f.StringArray("memberIds"), f.StringArray("targetIds")),
            "deleteTeam" => new DeleteTeam(f.RequiredString("teamId")!),
            "movePerson" => new MovePerson(f.RequiredString("personId")!, f.OptionalString("fromTeamId"), f.RequiredString("toTeamId")!, f.OptionalAllocation("allocation")),
            "setManager" => new SetManager(f.RequiredString("personId")!, f.OptionalString("managerId")),
            "setTeamLead" => new SetTeamLead(f.RequiredString("teamId")!, f.RequiredString("personId")!),
            "assignOwnership" => new AssignOwnership(f.RequiredString("teamId")!, f.RequiredString("targetId")!, f.Kind("kind")),
            "removeOwnership" => new RemoveOwnership(f.RequiredString("teamId")!, f.RequiredString("targetId")!),
            "transferOwnership" => new TransferOwnership(f.RequiredString("fromTeamId")!, f.RequiredString("toTeamId")!, f.RequiredString("targetId")!),
            "createRole" => new CreateRole(f.RequiredString("roleId")!, f.RequiredString("title")!, f.OptionalString("family"), f.OptionalString("level"))
            {
                AnnualCost = f.OptionalCost("annualCost"),
            },
            "addOpening" => new AddOpening(f.RequiredString("teamId")!, f.RequiredString("roleId")!, f.Count("count"), f.OptionalAllocation("allocation")),
            "assignRole" => new AssignRole(f.RequiredString("personId")!, f.RequiredString("roleId")!),
            _ => null,
        };
        if (result is null)
        {
            var touchesJourneys = op.Contains("journey", StringComparison.OrdinalIgnoreCase)
                || op.Contains("phase", StringComparison.OrdinalIgnoreCase)
                || op.Contains("step", StringComparison.OrdinalIgnoreCase);
            errors.Add(new ScenarioError(index, op, "op", touchesJourneys
                ? "a scenario cannot change journeys, phases, steps or sub-journey links"
                : $"unknown operation; expected one of {string.Join(", ", OperationNames)}"));
        }
        if (result is not null && f.OptionalString("reason") is { } reason) result = result with { Reason = reason };
        return errors.Count > before ? null : result;
    }

    /// <summary>Reads typed fields of one JSON object, recording an error for each one that is missing or malformed.</summary>
    private readonly struct Fields(JsonElement element, int? index, string? op, List<ScenarioError> errors)
    {
        private void Fail(string field, string reason) => errors.Add(new ScenarioError(index, op, field, reason));

        public string? RequiredString(string field)
        {
            if (element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0)
                return value.GetString();
            Fail(field, "is required and must be a non-empty string");
            return null;
        }

        /// <summary>Absent and null both mean "none".</summary>
        public string? OptionalString(string field)
        {
            if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0) return value.GetString();
            Fail(field, "must be a non-empty string or null");
            return null;
        }

        public IReadOnlyList<string> StringArray(string field)
        {
            if (element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array)
            {
                var items = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length == 0)
                    {
                        Fail(field, "must be an array of non-empty strings");
                        return [];
                    }
                    items.Add(item.GetString()!);
                }
                return items;
            }
            Fail(field, "is required and must be an array of strings");
            return [];
        }

        public double? OptionalAllocation(string field)
        {
            if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var a) && a > 0 && a <= 1) return a;
            Fail(field, "must be a number greater than 0 and at most 1");
            return null;
        }

        public double? OptionalCost(string field)
        {
            if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var c) && c >= 0 && double.IsFinite(c)) return c;
            Fail(field, "must be an annual cost: a number of 0 or more");
            return null;
        }

        public int Count(string field)
        {
            if (element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 1)
                return n;
            Fail(field, "is required and must be a whole number of at least 1");
            return 0;
        }

        public OwnershipKind Kind(string field)
        {
            if (element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && OwnershipKinds.TryParse(value.GetString(), out var kind))
                return kind;
            Fail(field, "is required and must be \"accountable\" or \"contributing\"");
            return default;
        }
    }

    /// <summary>Writes a scenario as its document (the form stored and exchanged).</summary>
    public static string Serialize(Scenario scenario)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", scenario.Name);
            if (scenario.Description is not null) w.WriteString("description", scenario.Description);
            w.WriteStartArray("operations");
            foreach (var op in scenario.Operations) WriteOperation(w, op);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOperation(Utf8JsonWriter w, ScenarioOperation operation)
    {
        w.WriteStartObject();
        w.WriteString("op", operation.Op);
        void Str(string name, string? value) { if (value is null) w.WriteNull(name); else w.WriteString(name, value); }
        switch (operation)
        {
            case CreateTeam o: Str("teamId", o.TeamId); Str("name", o.Name); Str("parentId", o.ParentId); Str("type", o.Type); break;
            case RenameTeam o: Str("teamId", o.TeamId); Str("name", o.Name); break;
            case MoveTeam o: Str("teamId", o.TeamId); Str("parentId", o.ParentId); break;
            case MergeTeams o: Str("sourceTeamId", o.SourceTeamId); Str("targetTeamId", o.TargetTeamId); break;
            case SplitTeam o: Str("teamId", o.TeamId); Str("newTeamId", o.NewTeamId); Str("name", o.Name); w.WriteStringArray("memberIds", o.MemberIds); w.WriteStringArray("targetIds", o.TargetIds); break;
            case DeleteTeam o: Str("teamId", o.TeamId); break;
            case MovePerson o:
                Str("personId", o.PersonId);
                if (o.FromTeamId is not null) Str("fromTeamId", o.FromTeamId);
                Str("toTeamId", o.ToTeamId);
                if (o.Allocation is { } a) w.WriteNumber("allocation", a);
                break;
            case SetManager o: Str("personId", o.PersonId); Str("managerId", o.ManagerId); break;
            case SetTeamLead o: Str("teamId", o.TeamId); Str("personId", o.PersonId); break;
            case AssignOwnership o: Str("teamId", o.TeamId); Str("targetId", o.TargetId); Str("kind", o.Kind.ToText()); break;
            case RemoveOwnership o: Str("teamId", o.TeamId); Str("targetId", o.TargetId); break;
            case TransferOwnership o: Str("fromTeamId", o.FromTeamId); Str("toTeamId", o.ToTeamId); Str("targetId", o.TargetId); break;
            case CreateRole o:
                Str("roleId", o.RoleId); Str("title", o.Title); Str("family", o.Family); Str("level", o.Level);
                if (o.AnnualCost is { } cost) w.WriteNumber("annualCost", cost);
                break;
            case AddOpening o:
                Str("teamId", o.TeamId); Str("roleId", o.RoleId); w.WriteNumber("count", o.Count);
                if (o.Allocation is { } oa) w.WriteNumber("allocation", oa);
                break;
            case AssignRole o: Str("personId", o.PersonId); Str("roleId", o.RoleId); break;
            default: throw new ArgumentException($"unknown operation {operation.GetType().Name}", nameof(operation));
        }
        if (operation.Reason is not null) w.WriteString("reason", operation.Reason);
        w.WriteEndObject();
    }
}
