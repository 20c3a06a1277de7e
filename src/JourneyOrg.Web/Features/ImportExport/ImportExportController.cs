using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.JourneyManagement;
using JourneyOrg.JourneyManagement.Import;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.ImportExport;

/// <summary>
/// Import a workspace, TheyDo or data-point CSV file (told apart by content; all or nothing, every error listed) and
/// download the export.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Admin)]
public sealed class ImportExportController(OrgReader reader, IWorkspaceStore store) : Controller
{
    /// <summary>Problems listed open; the rest up to <see cref="MaxErrorsListed"/> sit in a collapsed list below them.</summary>
    public const int MaxErrorsShown = 200;

    /// <summary>
    /// A broken 100,000-row file can hold as many problems; past this many the page says how many more there are and
    /// points to the CLI, which lists every one, rather than sending megabytes of table.
    /// </summary>
    public const int MaxErrorsListed = 10_000;

    [HttpGet("/workspace")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return View(new ImportPageModel(org, null));
    }

    [HttpPost("/workspace/import")]
    [ImportBodyLimit]
    public async Task<IActionResult> Import(IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        ImportOutcome outcome;
        if (file is null || file.Length == 0)
            outcome = new ImportOutcome(null, false, [new WorkspaceError("file", "Choose a file to upload: a workspace (.json), a TheyDo file (.json) or data points (.csv).")], 0, 0);
        else
        {
            try
            {
                outcome = await ImportFileAsync(file, mode == "merge" ? WorkspaceImportMode.Merge : WorkspaceImportMode.Replace, cancellationToken);
            }
            catch (ConcurrentChangeException)
            {
                outcome = new ImportOutcome(file.FileName, false,
                    [new WorkspaceError("$", "The workspace changed while the file was being imported. Nothing was imported; please try again.")], 0, 0);
            }
        }
        if (!outcome.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var org = await reader.LoadAsync(cancellationToken);
        return Request.IsHtmx() ? PartialView("_ImportResult", outcome) : View("Index", new ImportPageModel(org, outcome));
    }

    // Both writers and TheyDo put "format" first; a megabyte also covers hand-made files that do not (as the CLI).
    private const int DetectionPrefix = 1 << 20;

    /// <summary>
    /// A workspace streams from the upload into its reader; a TheyDo or CSV file (small) is held whole and goes to
    /// <see cref="JourneyFileImporter"/>.
    /// </summary>
    private async Task<ImportOutcome> ImportFileAsync(IFormFile file, WorkspaceImportMode mode, CancellationToken cancellationToken)
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

    [HttpGet("/workspace/export")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var snapshot = await store.LoadAsync(cancellationToken);
        // The writer is synchronous; a temporary file keeps a 100,000-person export off the heap and the response async.
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await Task.Run(() => WorkspaceWriter.Write(snapshot.Workspace, temp), cancellationToken);
        temp.Position = 0;
        return File(temp, "application/json; charset=utf-8", $"journeyorg-workspace-r{snapshot.Revision}.json");
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
public sealed record ImportPageModel(OrgView Org, ImportOutcome? Outcome);
