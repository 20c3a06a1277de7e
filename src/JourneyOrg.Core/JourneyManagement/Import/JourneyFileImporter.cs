using System.Text;
using System.Text.Json;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.JourneyManagement.Import;

public enum ImportFileKind
{
    /// <summary>A <c>journeyorg/v1</c> workspace (or a JSON file with another or no <c>format</c>, which that reader reports).</summary>
    Workspace,
    /// <summary>One of the four TheyDo S3 formats.</summary>
    TheyDo,
    DataPointsCsv,
}

/// <summary>The outcome of importing a TheyDo or data-point file. On any error nothing was written.</summary>
public sealed record JourneyImportResult(
    string Format, IReadOnlyList<string> Errors, int Added, int Updated, IReadOnlyList<ImportNote> NotMapped, long? Revision)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>For data points: how many KPIs got new or replaced points (Added and Updated count the points).</summary>
    public int MetricsChanged { get; init; }

    /// <summary>What was stored, in words: new and updated records of a TheyDo file, data points and KPIs of a CSV file.</summary>
    public string Summary => Format == "csv"
        ? $"{Plural(Added + Updated, "data point")} stored ({Added} new, {Updated} replaced) on {Plural(MetricsChanged, "KPI")}"
        : $"{Added} new, {Updated} updated";

    private static string Plural(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}

/// <summary>
/// Imports TheyDo files and data-point CSV into a store, all or nothing: the file is checked whole, the workspace that
/// would result is validated, and the changes are written in one transaction at the revision they were planned on.
/// </summary>
public sealed class JourneyFileImporter(IWorkspaceStore store)
{
    /// <summary>
    /// Tells the kinds apart by content: a JSON object whose top-level <c>format</c> is a TheyDo format is TheyDo, any
    /// other JSON is a workspace, anything else is CSV.
    /// </summary>
    public static (ImportFileKind Kind, string? Format) Detect(ReadOnlySpan<byte> content)
    {
        var text = content;
        if (text.StartsWith("\uFEFF"u8)) text = text[3..];
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start == text.Length || text[start] is not ((byte)'{' or (byte)'[')) return (ImportFileKind.DataPointsCsv, null);
        var format = TopLevelFormat(text);
        return format is not null && TheyDoFormats.All.Contains(format) ? (ImportFileKind.TheyDo, format) : (ImportFileKind.Workspace, format);
    }

    public async Task<JourneyImportResult> ImportTheyDoAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var read = TheyDoReader.Read(content);
        var format = TopLevelFormat(content.Span) ?? "TheyDo";
        if (!read.IsValid) return Rejected(format, read.Errors.Select(e => e.ToString()).ToList());
        var snapshot = await store.LoadAsync(cancellationToken);
        var plan = TheyDoImport.Plan(snapshot.Workspace, read.Document!);
        return await ApplyAsync(format, plan, snapshot.Revision, cancellationToken);
    }

    /// <summary>Imports data points from CSV.</summary>
    public async Task<JourneyImportResult> ImportCsvAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var snapshot = await store.LoadAsync(cancellationToken);
        using var text = new StreamReader(new MemoryStream(content.ToArray()), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var planned = MetricCsvImport.Plan(snapshot.Workspace, text);
        if (planned.Plan is null) return Rejected("csv", planned.Errors.Select(e => e.ToString()).ToList());
        return await ApplyAsync("csv", planned.Plan, snapshot.Revision, cancellationToken);
    }

    private async Task<JourneyImportResult> ApplyAsync(string format, JourneyImportPlan plan, long revision, CancellationToken cancellationToken)
    {
        var errors = WorkspaceValidator.Validate(plan.Result);
        if (errors.Count > 0) return Rejected(format, errors.Select(e => e.ToString()).ToList());
        var written = await store.ApplyAsync(plan.Changes, revision, cancellationToken);
        return new JourneyImportResult(format, [], plan.Added, plan.Updated, plan.NotMapped, written) { MetricsChanged = plan.MetricsChanged };
    }

    private static JourneyImportResult Rejected(string format, IReadOnlyList<string> errors) => new(format, errors, 0, 0, [], null);

    private static string? TopLevelFormat(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFormat = reader.ValueTextEquals("format"u8);
                if (!reader.Read()) return null;
                if (isFormat) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the reader of whatever format it claims reports it with its position.
        }
        return null;
    }
}
