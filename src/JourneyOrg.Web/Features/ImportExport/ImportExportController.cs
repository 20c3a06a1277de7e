using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
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
        var outcome = await FileImport.ImportAsync(store, file, mode, cancellationToken);
        if (!outcome.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var org = await reader.LoadAsync(cancellationToken);
        return Request.IsHtmx() ? PartialView("_ImportResult", outcome) : View("Index", new ImportPageModel(org, outcome));
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

public sealed record ImportPageModel(OrgView Org, ImportOutcome? Outcome);
