using System.Text.Json;
using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// Reads a <c>journeyorg/v1</c> document into a <see cref="Workspace"/> and reports every error it finds, each with
/// its JSON path: the document's shape here (malformed JSON, wrong <c>format</c>, wrong types, unknown ownership
/// kinds), then the meaning through <see cref="WorkspaceValidator"/> (required fields, duplicate ids, dangling
/// references, cycles, allocations).
/// </summary>
/// <remarks>
/// The stream is parsed once into a <see cref="JsonDocument"/> (the UTF-8 bytes plus a compact token index, no
/// strings) and the model is built straight from it; no text copy and no intermediate DTOs are made.
/// Elements keep their document positions even when broken, so the validator's paths point into the document.
/// </remarks>
public static class WorkspaceReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads and validates a whole workspace. <see cref="WorkspaceReadResult.Workspace"/> is null when there is any error.</summary>
    public static async Task<WorkspaceReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Check(await ParseAsync(stream, cancellationToken));

    /// <summary>
    /// The second half of <see cref="ReadAsync"/>: what <see cref="WorkspaceValidator"/> finds in a parsed document, on top
    /// of what the parse found. <see cref="WorkspaceReadResult.Workspace"/> is null when there is any error.
    /// </summary>
    public static WorkspaceReadResult Check(WorkspaceReadResult parsed)
    {
        if (parsed.Workspace is null) return parsed;
        var errors = parsed.Errors.ToList();
        // A field the reader already rejected (wrong type, not an object) is not reported again by the validator.
        var rejected = parsed.Errors.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(WorkspaceValidator.ValidateDocument(parsed.Workspace).Where(e => !JsonPath.IsWithinAny(e.Path, rejected)));
        return errors.Count == 0 ? parsed : new WorkspaceReadResult(null, InWords(errors, parsed.Workspace));
    }

    /// <summary>Reads and validates a workspace held in a string (tests, small documents).</summary>
    public static WorkspaceReadResult Read(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return ReadAsync(stream).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Reads the document's shape only, without the checks of <see cref="WorkspaceValidator"/>: a file meant to be merged
    /// into a stored workspace may refer to records that only the store holds. The workspace is returned even when there
    /// are errors (broken elements are kept as placeholders so positions stay right); it is null only for malformed JSON.
    /// </summary>
    public static async Task<WorkspaceReadResult> ParseAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        // One pass straight into the model for a well-formed document; anything it would have to report is read again
        // by the document reader below, which says what and where.
        var bytes = await ReadAllAsync(stream, cancellationToken);
        if (WorkspaceFastReader.TryRead(bytes) is { } read) return new WorkspaceReadResult(read, []);
        return await ParseDocumentAsync(new MemoryStream(bytes.ToArray()), cancellationToken);
    }

    /// <summary><see cref="ParseAsync"/> through a <see cref="JsonDocument"/> only: what reports every error with its path.</summary>
    internal static async Task<WorkspaceReadResult> ParseDocumentAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, DocumentOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            var explained = JsonSyntaxText.Explain(ex, out var line, out var column);
            return new WorkspaceReadResult(null,
            [
                new WorkspaceError(JsonPath.Root, $"malformed JSON at {explained}")
                {
                    Line = line, Column = column, Where = $"line {line}, column {column}", Reason = JsonSyntaxText.Reason(ex.Message),
                },
            ]);
        }

        using (document)
        {
            var reader = new DocumentReader();
            var workspace = reader.ReadWorkspace(document.RootElement);
            return new WorkspaceReadResult(workspace, InWords(reader.Errors, workspace));
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = stream.CanSeek ? new MemoryStream((int)Math.Min(int.MaxValue, Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    // Places in words are read off the workspace as parsed: broken records are kept as placeholders, so positions and
    // the names around them are right.
    private static List<WorkspaceError> InWords(IEnumerable<WorkspaceError> errors, Workspace workspace) => WorkspacePlaces.InWords(errors, workspace);

    private sealed class DocumentReader
    {
        public List<WorkspaceError> Errors { get; } = [];

        public Workspace ReadWorkspace(JsonElement root)
        {
            const string path = JsonPath.Root;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"expected a workspace object, found {Describe(root)}");
                return Workspace.Empty;
            }

            if (!root.TryGetProperty("format", out var format) || format.ValueKind == JsonValueKind.Null)
                Error(JsonPath.Property(path, "format"), $"required field is missing; a workspace starts with \"format\": \"{WorkspaceFormat.Name}\"");
            else if (OptionalString(root, "format", path) is { } text && text != WorkspaceFormat.Name)
                Error(JsonPath.Property(path, "format"), $"unsupported format '{text}'; expected '{WorkspaceFormat.Name}'");

            return new Workspace(
                Journeys: Array(root, "journeys", path, ReadJourney, () => new Journey("", "", null, "", [])),
                People: Array(root, "people", path, ReadPerson, () => new Person("", "", null, null, null, null, null, true)),
                Teams: Array(root, "teams", path, ReadTeam, () => new Team("", "", null, null, null, [])),
                Roles: Array(root, "roles", path, ReadRole, () => new Role("", "", null, null)),
                Ownership: Array(root, "ownership", path, ReadOwnership, () => new Ownership("", "", OwnershipKind.Accountable)),
                Metrics: Array(root, "metrics", path, ReadMetric, () => new Metric("", "", "", null, null, null, null)))
            {
                Insights = Array(root, "insights", path, ReadInsight, () => new Insight("", "", "", null, null, null, null)),
                Opportunities = Array(root, "opportunities", path, ReadOpportunity, () => new Opportunity("", "", "", null, null, null, null, null)),
                Solutions = Array(root, "solutions", path, ReadSolution, () => new Solution("", "", "", null, null, null)),
                Weights = ReadWeights(root, path),
                Costs = Array(root, "costs", path, ReadCost, () => new PersonCost("", 0)),
                Currency = OptionalString(root, "currency", path) ?? CostCurrency.Default,
            };
        }

        private PersonCost ReadCost(JsonElement e, string path) => new(
            Required(e, "personId", path),
            RequiredNumber(e, "annualCost", path));

        private Journey ReadJourney(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "name", path),
            OptionalString(e, "parentId", path),
            OptionalString(e, "description", path) ?? "",
            Array(e, "phases", path, ReadPhase, () => new Phase("", "", [])));

        private Phase ReadPhase(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "name", path),
            Array(e, "steps", path, ReadStep, () => new Step("", "", null)));

        private Step ReadStep(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "name", path),
            OptionalString(e, "subjourneyId", path));

        private Person ReadPerson(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "displayName", path),
            OptionalString(e, "mail", path),
            OptionalString(e, "jobTitle", path),
            OptionalString(e, "department", path),
            OptionalString(e, "managerId", path),
            OptionalString(e, "roleId", path),
            OptionalBoolean(e, "accountEnabled", path) ?? true,
            OptionalString(e, "userPrincipalName", path),
            OptionalString(e, "employeeId", path),
            OptionalString(e, "employeeType", path),
            OptionalString(e, "officeLocation", path),
            OptionalString(e, "source", path) ?? RecordSource.Local);

        private Team ReadTeam(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "name", path),
            OptionalString(e, "parentId", path),
            OptionalString(e, "leadId", path),
            OptionalString(e, "type", path),
            Array(e, "members", path, ReadMembership, () => new Membership("", 1.0)),
            OptionalString(e, "description", path),
            OptionalString(e, "source", path) ?? RecordSource.Local);

        private Membership ReadMembership(JsonElement e, string path) => new(
            Required(e, "personId", path),
            OptionalNumber(e, "allocation", path) ?? 1.0);

        private Role ReadRole(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "title", path),
            OptionalString(e, "family", path),
            OptionalString(e, "level", path))
        {
            AnnualCost = OptionalNumber(e, "annualCost", path),
        };

        private Ownership ReadOwnership(JsonElement e, string path)
        {
            var kindText = OptionalString(e, "kind", path) ?? OwnershipKinds.Accountable;
            if (!OwnershipKinds.TryParse(kindText, out var kind))
                Error(JsonPath.Property(path, "kind"),
                    $"unknown ownership kind '{kindText}'; use '{OwnershipKinds.Accountable}' or '{OwnershipKinds.Contributing}'");
            return new Ownership(Required(e, "teamId", path), Required(e, "targetId", path), kind);
        }

        private Metric ReadMetric(JsonElement e, string path) => new(
            Required(e, "id", path),
            OptionalString(e, "targetId", path) ?? "",
            Required(e, "name", path),
            OptionalString(e, "unit", path),
            OptionalNumber(e, "value", path),
            OptionalNumber(e, "target", path),
            OptionalString(e, "direction", path))
        {
            Type = OptionalString(e, "type", path),
            Description = OptionalString(e, "description", path),
            OwnerId = OptionalString(e, "ownerId", path),
            TeamIds = Strings(e, "teamIds", path),
            Aggregation = OptionalString(e, "aggregation", path),
            ImportKey = OptionalString(e, "importKey", path),
            DataPoints = Array(e, "dataPoints", path, ReadDataPoint, () => new MetricDataPoint(default, [], 0)) is { Count: > 0 } points
                ? points
                : System.Array.Empty<MetricDataPoint>(),
        };

        private MetricDataPoint ReadDataPoint(JsonElement e, string path)
        {
            var dateText = Required(e, "date", path);
            var date = default(DateOnly);
            if (dateText.Length > 0 && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out date))
                Error(JsonPath.Property(path, "date"), $"'{dateText}' is not a date; write YYYY-MM-DD");
            var value = OptionalNumber(e, "value", path);
            if (value is null && !(e.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null))
                Error(JsonPath.Property(path, "value"), "required field is missing");
            var dimensions = Map(e, "dimensions", path, (item, itemPath) => item.ValueKind == JsonValueKind.String ? item.GetString()! : Wrong<string>(item, itemPath, "a string"))
                .Select(pair => new MetricDimension(pair.Key, pair.Value)).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
            var inputs = e.TryGetProperty("inputs", out var i) && i.ValueKind != JsonValueKind.Null
                ? Map(e, "inputs", path, (item, itemPath) => item.ValueKind == JsonValueKind.Number && item.TryGetDouble(out var n) && double.IsFinite(n) ? n : Wrong<double>(item, itemPath, "a number"))
                    .Select(pair => new MetricInput(pair.Key, pair.Value)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList()
                : null;
            return new MetricDataPoint(date, dimensions.Count == 0 ? System.Array.Empty<MetricDimension>() : dimensions, value ?? 0) { Inputs = inputs };
        }

        private Insight ReadInsight(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "title", path),
            OptionalString(e, "description", path) ?? "",
            OptionalString(e, "type", path),
            OptionalString(e, "sourceUrl", path),
            OptionalNumber(e, "empathyScore", path),
            OptionalNumber(e, "weight", path))
        {
            StepIds = Strings(e, "stepIds", path),
            OwnerId = OptionalString(e, "ownerId", path),
            TeamIds = Strings(e, "teamIds", path),
            ImportKey = OptionalString(e, "importKey", path),
        };

        private Opportunity ReadOpportunity(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "title", path),
            OptionalString(e, "description", path) ?? "",
            OptionalString(e, "status", path),
            OptionalString(e, "teamId", path),
            OptionalNumber(e, "customerValue", path),
            OptionalNumber(e, "businessValue", path),
            OptionalNumber(e, "effort", path))
        {
            TargetIds = Strings(e, "targetIds", path),
            OwnerId = OptionalString(e, "ownerId", path),
            ExternalLinks = Strings(e, "externalLinks", path),
            ImportKey = OptionalString(e, "importKey", path),
        };

        private Solution ReadSolution(JsonElement e, string path) => new(
            Required(e, "id", path),
            Required(e, "title", path),
            OptionalString(e, "description", path) ?? "",
            OptionalString(e, "type", path),
            OptionalString(e, "status", path),
            OptionalString(e, "teamId", path))
        {
            OpportunityIds = Strings(e, "opportunityIds", path),
            OwnerId = OptionalString(e, "ownerId", path),
            Priority = OptionalString(e, "priority", path),
            ExternalLinks = Strings(e, "externalLinks", path),
            ImportKey = OptionalString(e, "importKey", path),
        };

        private PrioritisationWeights ReadWeights(JsonElement root, string path)
        {
            if (!root.TryGetProperty("prioritisation", out var e) || e.ValueKind == JsonValueKind.Null) return PrioritisationWeights.Default;
            var weightsPath = JsonPath.Property(path, "prioritisation");
            if (e.ValueKind != JsonValueKind.Object)
            {
                Error(weightsPath, $"expected an object, found {Describe(e)}");
                return PrioritisationWeights.Default;
            }
            return new PrioritisationWeights(
                OptionalNumber(e, "customerValueWeight", weightsPath) ?? PrioritisationWeights.Default.CustomerValue,
                OptionalNumber(e, "businessValueWeight", weightsPath) ?? PrioritisationWeights.Default.BusinessValue);
        }

        private IReadOnlyList<string> Strings(JsonElement parent, string name, string parentPath)
        {
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null) return [];
            var path = JsonPath.Property(parentPath, name);
            if (array.ValueKind != JsonValueKind.Array)
            {
                Error(path, $"expected an array of strings, found {Describe(array)}");
                return [];
            }
            var items = new List<string>(array.GetArrayLength());
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) items.Add(item.GetString()!);
                else Error(JsonPath.Index(path, index), $"expected a string, found {Describe(item)}");
                index++;
            }
            return items.Count == 0 ? System.Array.Empty<string>() : items;
        }

        private List<KeyValuePair<string, T>> Map<T>(JsonElement parent, string name, string parentPath, Func<JsonElement, string, T> read)
        {
            var pairs = new List<KeyValuePair<string, T>>();
            if (!parent.TryGetProperty(name, out var map) || map.ValueKind == JsonValueKind.Null) return pairs;
            var path = JsonPath.Property(parentPath, name);
            if (map.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"expected an object, found {Describe(map)}");
                return pairs;
            }
            foreach (var property in map.EnumerateObject())
                pairs.Add(KeyValuePair.Create(property.Name, read(property.Value, JsonPath.Property(path, property.Name))));
            return pairs;
        }

        private T Wrong<T>(JsonElement value, string path, string expected)
        {
            Error(path, $"expected {expected}, found {Describe(value)}");
            return default!;
        }

        private IReadOnlyList<T> Array<T>(JsonElement parent, string name, string parentPath, Func<JsonElement, string, T> read, Func<T> placeholder)
        {
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null) return [];
            var path = JsonPath.Property(parentPath, name);
            if (array.ValueKind != JsonValueKind.Array)
            {
                Error(path, $"expected an array, found {Describe(array)}");
                return [];
            }

            var items = new List<T>(array.GetArrayLength());
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = JsonPath.Index(path, index++);
                if (item.ValueKind == JsonValueKind.Object)
                {
                    items.Add(read(item, itemPath));
                }
                else
                {
                    Error(itemPath, $"expected an object, found {Describe(item)}");
                    items.Add(placeholder());
                }
            }
            return items;
        }

        // A missing required string becomes "", which the validator would call empty; the reader knows better and says missing.
        private string Required(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Error(JsonPath.Property(path, name), "required field is missing");
                return "";
            }
            return StringOf(value, name, path) ?? "";
        }

        private double RequiredNumber(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Error(JsonPath.Property(path, name), "required field is missing");
                return 0;
            }
            return OptionalNumber(e, name, path) ?? 0;
        }

        private string? OptionalString(JsonElement e, string name, string path)
        {
            return e.TryGetProperty(name, out var value) ? StringOf(value, name, path) : null;
        }

        private string? StringOf(JsonElement value, string name, string path)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Null: return null;
                default:
                    Error(JsonPath.Property(path, name), $"expected a string, found {Describe(value)}");
                    return null;
            }
        }

        private double? OptionalNumber(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value)) return null;
            switch (value.ValueKind)
            {
                case JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number): return number;
                case JsonValueKind.Number:
                    Error(JsonPath.Property(path, name), $"number {value.GetRawText()} is too large");
                    return null;
                case JsonValueKind.Null: return null;
                default:
                    Error(JsonPath.Property(path, name), $"expected a number, found {Describe(value)}");
                    return null;
            }
        }

        private bool? OptionalBoolean(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value)) return null;
            switch (value.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Null: return null;
                default:
                    Error(JsonPath.Property(path, name), $"expected true or false, found {Describe(value)}");
                    return null;
            }
        }

        private void Error(string path, string message) => Errors.Add(new WorkspaceError(path, message));

        private static string Describe(JsonElement value) => JsonValueText.Describe(value);
    }
}
