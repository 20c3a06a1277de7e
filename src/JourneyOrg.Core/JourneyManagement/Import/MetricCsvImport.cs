using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.JourneyManagement.Import;

/// <summary>A planned CSV import: the plan when the file is valid, else every error.</summary>
public sealed record CsvImportResult(JourneyImportPlan? Plan, IReadOnlyList<CsvError> Errors);

/// <summary>
/// Data points from CSV, all or nothing. The header names the columns, in any order, case-insensitive: <c>date</c>
/// (YYYY-MM-DD), <c>metric</c> (the metric's id, import key or exact name), <c>value</c> (a number with a decimal point) and
/// optionally <c>dimensions</c> (<c>region=EU;channel=web</c>, empty for the overall figure). A point replaces the stored
/// point of the same metric, date and dimensions; a file may hold each only once. Values are taken as they are, with no
/// counts behind them.
/// </summary>
public static class MetricCsvImport
{
    private static readonly string[] Columns = ["date", "metric", "value", "dimensions"];

    public static CsvImportResult Plan(Workspace current, TextReader text)
    {
        var errors = new List<CsvError>();
        var rows = new List<(int Line, Metric Metric, MetricDataPoint Point)>();
        var resolver = new MetricResolver(current.Metrics);
        using var rowsOfFile = CsvRows.Read(text).Where(r => r.Fields.Any(f => f.Length > 0)).GetEnumerator();

        if (!rowsOfFile.MoveNext())
            return new CsvImportResult(null, [new CsvError(1, 0, $"the file is empty; the first line names the columns: {string.Join(",", Columns)}")]);
        var headerLine = rowsOfFile.Current.Line;
        var header = rowsOfFile.Current.Fields.Select(h => h.TrimStart('\uFEFF').Trim().ToLowerInvariant()).ToArray();
        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
        for (var i = 0; i < header.Length; i++)
        {
            if (!Columns.Contains(header[i])) errors.Add(new CsvError(headerLine, i + 1, $"unknown column '{header[i]}'; the columns are {string.Join(", ", Columns)}"));
            else if (Array.IndexOf(header, header[i]) != i) errors.Add(new CsvError(headerLine, i + 1, $"column '{header[i]}' appears twice"));
        }
        foreach (var required in Columns.Take(3).Where(c => index[c] < 0))
            errors.Add(new CsvError(headerLine, 0, $"the header has no '{required}' column"));
        if (errors.Count > 0) return new CsvImportResult(null, errors);

        var seen = new Dictionary<(string, DateOnly, string), int>();
        while (rowsOfFile.MoveNext())
        {
            var line = rowsOfFile.Current.Line;
            var record = rowsOfFile.Current.Fields;
            if (record.Count > header.Length)
                errors.Add(new CsvError(line, header.Length + 1, $"{record.Count} fields, but the header names {header.Length} columns"));
            string Field(string column) => index[column] >= 0 && index[column] < record.Count ? record[index[column]] : "";
            int Column(string column) => index[column] + 1;
            var before = errors.Count;

            var dateText = Field("date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add(new CsvError(line, Column("date"), dateText.Length == 0 ? "date is empty" : $"'{dateText}' is not a date; write YYYY-MM-DD"));

            var metric = resolver.Find(Field("metric"), out var problem);
            if (metric is null) errors.Add(new CsvError(line, Column("metric"), problem!));

            var valueText = Field("value");
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                errors.Add(new CsvError(line, Column("value"), valueText.Length == 0 ? "value is empty" : $"'{valueText}' is not a number (use a decimal point)"));

            var problems = new List<string>();
            var dimensions = MetricPoints.ParseDimensions(Field("dimensions"), problems);
            errors.AddRange(problems.Select(problem => new CsvError(line, Column("dimensions"), problem)));
            if (errors.Count > before) continue;

            var point = new MetricDataPoint(date, dimensions, value);
            if (seen.TryGetValue((metric!.Id, date, point.DimensionKey), out var first))
            {
                errors.Add(new CsvError(line, 0, $"metric '{metric.Id}' already has a point for {date:yyyy-MM-dd} with {(point.DimensionKey.Length == 0 ? "no dimensions" : point.DimensionKey)} on line {first}"));
                continue;
            }
            seen.Add((metric.Id, date, point.DimensionKey), line);
            rows.Add((line, metric, point));
        }
        if (errors.Count > 0) return new CsvImportResult(null, errors);
        if (rows.Count == 0) return new CsvImportResult(null, [new CsvError(2, 0, "no data points after the header")]);

        var replaced = 0;
        var upserts = rows.GroupBy(r => r.Metric.Id).Select(g =>
        {
            var incoming = g.Select(r => r.Point).ToList();
            replaced += MetricPoints.Replaced(g.First().Metric, incoming);
            return MetricPoints.Merge(g.First().Metric, incoming);
        }).ToList();
        var byId = upserts.ToDictionary(m => m.Id);
        var result = current with { Metrics = current.Metrics.Select(m => byId.GetValueOrDefault(m.Id) ?? m).ToList() };
        // The records of a CSV file are data points: new ones are added, the others replace a stored point.
        var plan = new JourneyImportPlan(result, new WorkspaceChangeSet { UpsertMetrics = upserts }, rows.Count - replaced, replaced, [])
        {
            MetricsChanged = upserts.Count,
        };
        return new CsvImportResult(plan, []);
    }

    private sealed class MetricResolver(IReadOnlyList<Metric> metrics)
    {
        private readonly Dictionary<string, Metric> _byId = metrics.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        private readonly ILookup<string, Metric> _byKey = metrics.Where(m => m.ImportKey is not null).ToLookup(m => m.ImportKey!);
        private readonly ILookup<string, Metric> _byName = metrics.ToLookup(m => m.Name.Trim(), StringComparer.OrdinalIgnoreCase);

        public Metric? Find(string reference, out string? problem)
        {
            problem = null;
            if (reference.Length == 0) { problem = "metric is empty"; return null; }
            if (_byId.TryGetValue(reference, out var metric)) return metric;
            var byKey = _byKey[reference].ToList();
            if (byKey.Count == 1) return byKey[0];
            var byName = _byName[reference].ToList();
            if (byName.Count == 1) return byName[0];
            problem = byName.Count > 1
                ? $"{byName.Count} metrics are named '{reference}' ({string.Join(", ", byName.Select(m => m.Id))}); use the id"
                : $"no metric with id, import key or name '{reference}'";
            return null;
        }
    }
}
