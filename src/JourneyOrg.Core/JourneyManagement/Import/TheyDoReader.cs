using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.JourneyManagement.Import;

/// <summary>
/// Reads a TheyDo S3 JSON file and checks it against the rules of its schema (shared/formats/theydo-s3), in code since no
/// JSON Schema library is available: the <c>format</c> constant, required fields, no unknown fields
/// (<c>additionalProperties: false</c>), types (string, number, integer, array, null where allowed), enums, the e-mail and
/// date patterns, and count ranges. A metric is checked against the variant its <c>type</c> names (the schema's
/// <c>oneOf</c>). On top, an <c>importKey</c> may occur once per file and a metric one data point per date and
/// dimension set, since import matches by them. Every error carries its JSON path.
/// </summary>
public static partial class TheyDoReader
{
    /// <summary>Reads a whole file. <see cref="TheyDoReadResult.Document"/> is null when there is any error.</summary>
    public static TheyDoReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            return new TheyDoReadResult(null, [new WorkspaceError(JsonPath.Root, $"malformed JSON at line {line}, column {column}") { Line = line, Column = column }]);
        }
        using (document)
        {
            var reader = new Reader();
            var result = reader.ReadRoot(document.RootElement);
            return reader.Errors.Count == 0 ? new TheyDoReadResult(result, []) : new TheyDoReadResult(null, reader.Errors);
        }
    }

    /// <summary>Reads a file held in a string (tests).</summary>
    public static TheyDoReadResult Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    [GeneratedRegex(@"^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$")]
    private static partial Regex DatePattern();

    /// <summary>Whether <paramref name="mail"/> matches the schema's e-mail pattern (the export leaves other addresses out).</summary>
    public static bool IsSchemaEmail(string mail) => EmailPattern().IsMatch(mail);

    private static readonly string[] CommonFields =
        ["importKey", "title", "description", "status", "type", "externalLinks", "tags", "groups", "groupTags", "ownerEmail"];

    private static readonly string[] MetricFields =
        ["type", "importKey", "title", "description", "unit", "ownerEmail", "targetComparisonOperator", "target", "groups", "groupTags", "dataPoints"];

    private static readonly Dictionary<string, string[]> CountFields = new()
    {
        [MetricTypes.Ces] = ["respondents"],
        [MetricTypes.Csat] = ["neutral", "satisfied", "unsatisfied", "verySatisfied", "veryUnsatisfied"],
        [MetricTypes.Nps] = ["detractors", "passives", "promoters"],
        [MetricTypes.Ratio] = ["numerator", "denominator"],
        [MetricTypes.Other] = [],
    };

    private sealed class Reader
    {
        public List<WorkspaceError> Errors { get; } = [];

        public TheyDoDocument? ReadRoot(JsonElement root)
        {
            const string path = JsonPath.Root;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error(path, $"expected an object, found {Describe(root)}");
                return null;
            }
            if (!root.TryGetProperty("format", out var formatElement))
            {
                Error(JsonPath.Property(path, "format"), $"required field is missing; use one of {string.Join(", ", TheyDoFormats.All)}");
                return null;
            }
            if (formatElement.ValueKind != JsonValueKind.String || !TheyDoFormats.All.Contains(formatElement.GetString()))
            {
                Error(JsonPath.Property(path, "format"), $"expected one of {string.Join(", ", TheyDoFormats.All)}, found {Describe(formatElement)}");
                return null;
            }
            var format = formatElement.GetString()!;
            var arrayName = TheyDoFormats.ArrayName(format);
            Unknown(root, path, ["format", arrayName]);

            var records = new List<TheyDoRecord>();
            if (!root.TryGetProperty(arrayName, out var array))
            {
                Error(JsonPath.Property(path, arrayName), "required field is missing");
                return new TheyDoDocument(format, records);
            }
            var arrayPath = JsonPath.Property(path, arrayName);
            if (array.ValueKind != JsonValueKind.Array)
            {
                Error(arrayPath, $"expected an array, found {Describe(array)}");
                return new TheyDoDocument(format, records);
            }

            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = JsonPath.Index(arrayPath, index++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(itemPath, $"expected an object, found {Describe(item)}");
                    continue;
                }
                var record = format == TheyDoFormats.Metrics ? ReadMetric(item, itemPath) : ReadItem(item, itemPath, format);
                if (record is null) continue;
                if (record.ImportKey.Length > 0 && !keys.TryAdd(record.ImportKey, itemPath))
                    Error(JsonPath.Property(itemPath, "importKey"), $"importKey '{record.ImportKey}' is already used at {keys[record.ImportKey]}; import matches records by it");
                records.Add(record);
            }
            return new TheyDoDocument(format, records);
        }

        private TheyDoRecord ReadItem(JsonElement e, string path, string format)
        {
            string[] allowed = format switch
            {
                TheyDoFormats.Insights => [.. CommonFields, "icon", "empathyScore", "weight"],
                TheyDoFormats.Solutions => [.. CommonFields, "priority"],
                _ => CommonFields,
            };
            Unknown(e, path, allowed);
            return new TheyDoRecord(RequiredString(e, "importKey", path), RequiredString(e, "title", path))
            {
                Description = NullableString(e, "description", path),
                Status = NullableString(e, "status", path),
                Type = NullableString(e, "type", path),
                ExternalLinks = NullableStrings(e, "externalLinks", path),
                Tags = NullableStrings(e, "tags", path),
                Groups = NullableStrings(e, "groups", path),
                GroupTags = NullableGroupTags(e, "groupTags", path),
                OwnerEmail = NullableEmail(e, "ownerEmail", path),
                Icon = format == TheyDoFormats.Insights ? NullableString(e, "icon", path) : null,
                EmpathyScore = format == TheyDoFormats.Insights ? NullableNumber(e, "empathyScore", path) : null,
                Weight = format == TheyDoFormats.Insights ? NullableNumber(e, "weight", path) : null,
                Priority = format == TheyDoFormats.Solutions ? NullableEnum(e, "priority", path, SolutionPriorities.All) : null,
                Path = path,
            };
        }

        private TheyDoRecord? ReadMetric(JsonElement e, string path)
        {
            string? type = null;
            if (!e.TryGetProperty("type", out var typeElement))
                Error(JsonPath.Property(path, "type"), $"required field is missing; a metric is one of {string.Join(", ", MetricTypes.All)}");
            else if (typeElement.ValueKind != JsonValueKind.String || !MetricTypes.All.Contains(typeElement.GetString()))
                Error(JsonPath.Property(path, "type"), $"expected one of {string.Join(", ", MetricTypes.All)}, found {Describe(typeElement)}");
            else
                type = typeElement.GetString();

            Unknown(e, path, type == MetricTypes.Other ? [.. MetricFields, "aggregationMethod"] : MetricFields);
            var record = new TheyDoRecord(RequiredString(e, "importKey", path), RequiredString(e, "title", path))
            {
                Type = type,
                Description = NullableString(e, "description", path),
                Unit = RequiredString(e, "unit", path),
                OwnerEmail = NullableEmail(e, "ownerEmail", path),
                TargetComparisonOperator = NullableEnum(e, "targetComparisonOperator", path, ["LESS_THAN_OR_EQUAL_TO", "MORE_THAN_OR_EQUAL_TO"]),
                Target = NullableNumber(e, "target", path),
                Groups = NullableStrings(e, "groups", path),
                GroupTags = NullableGroupTags(e, "groupTags", path),
                AggregationMethod = type == MetricTypes.Other ? RequiredEnum(e, "aggregationMethod", path, MetricAggregations.All) : null,
                Path = path,
            };

            var points = new List<TheyDoDataPoint>();
            if (!e.TryGetProperty("dataPoints", out var array))
                Error(JsonPath.Property(path, "dataPoints"), "required field is missing");
            else if (array.ValueKind != JsonValueKind.Array)
                Error(JsonPath.Property(path, "dataPoints"), $"expected an array, found {Describe(array)}");
            else if (type is not null)
            {
                var seen = new Dictionary<(DateOnly, string), string>();
                var index = 0;
                foreach (var item in array.EnumerateArray())
                {
                    var pointPath = JsonPath.Index(JsonPath.Property(path, "dataPoints"), index++);
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        Error(pointPath, $"expected an object, found {Describe(item)}");
                        continue;
                    }
                    if (ReadPoint(item, pointPath, type) is not { } point) continue;
                    var key = (point.Date, MetricDimension.KeyOf(point.Dimensions));
                    if (!seen.TryAdd(key, pointPath))
                        Error(JsonPath.Property(pointPath, "dateOfMeasurement"),
                            $"another data point for {point.Date:yyyy-MM-dd} with the same dimensions is at {seen[key]}; one per date and dimension set");
                    points.Add(point);
                }
            }
            return record with { DataPoints = points };
        }

        private TheyDoDataPoint? ReadPoint(JsonElement e, string path, string type)
        {
            var counts = CountFields[type];
            string[] valueFields = type switch { MetricTypes.Ces => ["score"], MetricTypes.Other => ["value"], _ => [] };
            Unknown(e, path, ["dateOfMeasurement", "dimensions", .. counts, .. valueFields]);
            var errorsBefore = Errors.Count;

            var date = default(DateOnly);
            var dateText = RequiredString(e, "dateOfMeasurement", path);
            if (e.TryGetProperty("dateOfMeasurement", out var d) && d.ValueKind == JsonValueKind.String)
            {
                if (!DatePattern().IsMatch(dateText))
                    Error(JsonPath.Property(path, "dateOfMeasurement"), $"'{dateText}' is not a date in YYYY-MM-DD form");
                else
                    date = DateOnly.ParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            var dimensions = new List<MetricDimension>();
            if (e.TryGetProperty("dimensions", out var dims))
            {
                var dimsPath = JsonPath.Property(path, "dimensions");
                if (dims.ValueKind != JsonValueKind.Array) Error(dimsPath, $"expected an array, found {Describe(dims)}");
                else
                {
                    var i = 0;
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var dim in dims.EnumerateArray())
                    {
                        var dimPath = JsonPath.Index(dimsPath, i++);
                        if (dim.ValueKind != JsonValueKind.Object)
                        {
                            Error(dimPath, $"expected an object, found {Describe(dim)}");
                            continue;
                        }
                        Unknown(dim, dimPath, ["key", "value"]);
                        var key = RequiredString(dim, "key", dimPath);
                        var value = RequiredString(dim, "value", dimPath);
                        if (!keys.Add(key)) Error(JsonPath.Property(dimPath, "key"), $"dimension '{key}' is given twice in this data point");
                        dimensions.Add(new MetricDimension(key, value));
                    }
                }
            }

            var inputs = new List<MetricInput>();
            foreach (var name in counts)
            {
                var min = type == MetricTypes.Ratio ? int.MinValue : 0;
                if (RequiredInteger(e, name, path, min) is { } count) inputs.Add(new MetricInput(name, count));
            }
            double? plain = null;
            foreach (var name in valueFields)
            {
                var value = RequiredNumber(e, name, path);
                if (type == MetricTypes.Ces && value is { } score) inputs.Add(new MetricInput(name, score));
                else plain = value;
            }
            if (Errors.Count > errorsBefore) return null;
            return new TheyDoDataPoint(date, dimensions.OrderBy(x => x.Key, StringComparer.Ordinal).ToList(),
                type == MetricTypes.Other ? null : inputs.OrderBy(i => i.Name, StringComparer.Ordinal).ToList(), plain) { Path = path };
        }

        private void Unknown(JsonElement e, string path, IReadOnlyCollection<string> allowed)
        {
            foreach (var property in e.EnumerateObject())
                if (!allowed.Contains(property.Name))
                    Error(JsonPath.Property(path, property.Name), $"unknown field; the schema allows {string.Join(", ", allowed)}");
        }

        private string RequiredString(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                Error(JsonPath.Property(path, name), "required field is missing");
                return "";
            }
            if (value.ValueKind == JsonValueKind.String) return value.GetString()!;
            Error(JsonPath.Property(path, name), $"expected a string, found {Describe(value)}");
            return "";
        }

        private string? NullableString(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Error(JsonPath.Property(path, name), $"expected a string or null, found {Describe(value)}");
            return null;
        }

        private string? NullableEmail(JsonElement e, string name, string path)
        {
            var mail = NullableString(e, name, path);
            if (mail is not null && !EmailPattern().IsMatch(mail))
            {
                Error(JsonPath.Property(path, name), $"'{mail}' is not an e-mail address");
                return null;
            }
            return mail;
        }

        private string? NullableEnum(JsonElement e, string name, string path, IReadOnlyList<string> values)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String && values.Contains(value.GetString())) return value.GetString();
            Error(JsonPath.Property(path, name), $"expected one of {string.Join(", ", values)} or null, found {Describe(value)}");
            return null;
        }

        private string? RequiredEnum(JsonElement e, string name, string path, IReadOnlyList<string> values)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                Error(JsonPath.Property(path, name), $"required field is missing; use one of {string.Join(", ", values)}");
                return null;
            }
            if (value.ValueKind == JsonValueKind.String && values.Contains(value.GetString())) return value.GetString();
            Error(JsonPath.Property(path, name), $"expected one of {string.Join(", ", values)}, found {Describe(value)}");
            return null;
        }

        private double? NullableNumber(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) && double.IsFinite(n)) return n;
            Error(JsonPath.Property(path, name), $"expected a number or null, found {Describe(value)}");
            return null;
        }

        private double? RequiredNumber(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                Error(JsonPath.Property(path, name), "required field is missing");
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) && double.IsFinite(n)) return n;
            Error(JsonPath.Property(path, name), $"expected a number, found {Describe(value)}");
            return null;
        }

        // JSON Schema's integer: a number with no fractional part (2.0 is one), here within the schema's 32-bit bounds.
        private long? RequiredInteger(JsonElement e, string name, string path, long minimum)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                Error(JsonPath.Property(path, name), "required field is missing");
                return null;
            }
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var n) || n != Math.Floor(n) || !double.IsFinite(n))
            {
                Error(JsonPath.Property(path, name), $"expected a whole number, found {Describe(value)}");
                return null;
            }
            if (n < minimum || n > int.MaxValue)
            {
                Error(JsonPath.Property(path, name), $"{value.GetRawText()} is out of range; allowed {minimum} to {int.MaxValue}");
                return null;
            }
            return (long)n;
        }

        private IReadOnlyList<string>? NullableStrings(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            var listPath = JsonPath.Property(path, name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(listPath, $"expected an array of strings or null, found {Describe(value)}");
                return null;
            }
            var items = new List<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) items.Add(item.GetString()!);
                else Error(JsonPath.Index(listPath, i), $"expected a string, found {Describe(item)}");
                i++;
            }
            return items;
        }

        private IReadOnlyList<TheyDoGroupTag>? NullableGroupTags(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            var listPath = JsonPath.Property(path, name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(listPath, $"expected an array or null, found {Describe(value)}");
                return null;
            }
            var tags = new List<TheyDoGroupTag>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = JsonPath.Index(listPath, i++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(itemPath, $"expected an object, found {Describe(item)}");
                    continue;
                }
                Unknown(item, itemPath, ["tagGroup", "tag"]);
                tags.Add(new TheyDoGroupTag(RequiredString(item, "tagGroup", itemPath), RequiredString(item, "tag", itemPath)));
            }
            return tags;
        }

        private void Error(string path, string message) => Errors.Add(new WorkspaceError(path, message));

        private static string Describe(JsonElement value) => JsonValueText.Describe(value);
    }
}

/// <summary>A TheyDo file as read: the document when it is valid, else every error found.</summary>
public sealed record TheyDoReadResult(TheyDoDocument? Document, IReadOnlyList<WorkspaceError> Errors)
{
    public bool IsValid => Document is not null && Errors.Count == 0;
}
