using JourneyOrg.JourneyManagement;
using JourneyOrg.JourneyManagement.Import;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.ImportExport;

/// <summary>
/// Importing an uploaded file as a use case: a workspace, TheyDo or data-point CSV file, told apart by its content,
/// imported all or nothing with every error listed.
/// </summary>
public static class FileImport
{
    /// <summary>The outcome of importing the file, replacing the workspace or (<paramref name="mode"/> "merge") merging into it.</summary>
    public static async Task<ImportOutcome> ImportAsync(IWorkspaceStore store, IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return new ImportOutcome(null, false, [new WorkspaceError("file", "Choose a file to upload: a workspace (.json), a TheyDo file (.json) or data points (.csv).")], 0, 0);
        try
        {
            return await ImportFileAsync(store, file, mode == "merge" ? WorkspaceImportMode.Merge : WorkspaceImportMode.Replace, cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            return new ImportOutcome(file.FileName, false,
                [new WorkspaceError("$", "The workspace changed while the file was being imported. Nothing was imported; please try again.")], 0, 0);
        }
    }

    // Both writers and TheyDo put "format" first; a megabyte also covers hand-made files that do not (as the CLI).
    private const int DetectionPrefix = 1 << 20;

    /// <summary>
    /// A workspace streams from the upload into its reader; a TheyDo or CSV file (small) is held whole and goes to
    /// <see cref="JourneyFileImporter"/>.
    /// </summary>
    private static async Task<ImportOutcome> ImportFileAsync(IWorkspaceStore store, IFormFile file, WorkspaceImportMode mode, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        var head = new byte[(int)Math.Min(file.Length, DetectionPrefix)];
        var headLength = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var (kind, _) = JourneyFileImporter.Detect(head.AsSpan(0, headLength));
        if (kind == ImportFileKind.Workspace)
        {
            await using var whole = file.OpenReadStream();
            var result = await new WorkspaceImporter(store).ImportAsync(whole, mode, cancellationToken);
            return new ImportOutcome(file.FileName, result.Succeeded, result.Errors, result.Added, result.Updated);
        }
        var content = new MemoryStream();
        content.Write(head, 0, headLength);
        await stream.CopyToAsync(content, cancellationToken);
        var importer = new JourneyFileImporter(store);
        var memory = content.GetBuffer().AsMemory(0, (int)content.Length);
        var imported = kind == ImportFileKind.TheyDo
            ? await importer.ImportTheyDoAsync(memory, cancellationToken)
            : await importer.ImportCsvAsync(memory, cancellationToken);
        return new ImportOutcome(file.FileName, imported.Succeeded, imported.Errors.Select(ImportOutcome.ErrorOf).ToList(), imported.Added, imported.Updated)
        {
            Format = imported.Format,
            NotMapped = imported.NotMapped,
            Stored = imported.Format == "csv" ? imported.Summary : null,
        };
    }
}

public sealed record ImportOutcome(string? FileName, bool Succeeded, IReadOnlyList<WorkspaceError> Errors, int Added, int Updated)
{
    /// <summary>The TheyDo format, or <c>csv</c> for data points; null for a workspace file.</summary>
    public string? Format { get; init; }

    /// <summary>What a data-point import stored, in words (points, new and replaced, and KPIs); null for other files.</summary>
    public string? Stored { get; init; }

    /// <summary>What a TheyDo import could not map (owners, groups, links), per record.</summary>
    public IReadOnlyList<ImportNote> NotMapped { get; init; } = [];

    /// <summary>
    /// A journey import's error as place and problem: TheyDo errors start with their JSON path
    /// (<c>$.metrics[2].type: …</c>), CSV errors with their line and column (<c>line 3, column 1: …</c>).
    /// </summary>
    public static WorkspaceError ErrorOf(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && (error.StartsWith('$') || error.StartsWith("line ", StringComparison.Ordinal))
            ? new WorkspaceError(error[..colon], error[(colon + 2)..])
            : new WorkspaceError("", error);
    }
}
