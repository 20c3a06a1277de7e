using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.ImportExport;

/// <summary>Import a workspace file (all or nothing, every error listed) and download the export.</summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Admin)]
public sealed class ImportExportController(OrgReader reader, IWorkspaceStore store) : Controller
{
    public const int MaxErrorsShown = 200;

    [HttpGet("/workspace")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = org.Revision;
        return View(new ImportPageModel(org, null));
    }

    [HttpPost("/workspace/import")]
    [ImportBodyLimit]
    public async Task<IActionResult> Import(IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        ImportOutcome outcome;
        if (file is null || file.Length == 0)
            outcome = new ImportOutcome(null, false, [new WorkspaceError("file", "Choose a workspace file (.json) to upload.")], 0, 0);
        else
        {
            await using var stream = file.OpenReadStream();
            var importMode = mode == "merge" ? WorkspaceImportMode.Merge : WorkspaceImportMode.Replace;
            try
            {
                var result = await new WorkspaceImporter(store).ImportAsync(stream, importMode, cancellationToken);
                outcome = new ImportOutcome(file.FileName, result.Succeeded, result.Errors, result.Added, result.Updated);
            }
            catch (ConcurrentChangeException)
            {
                outcome = new ImportOutcome(file.FileName, false,
                    [new WorkspaceError("$", "The workspace changed while the file was being merged. Nothing was imported; please try again.")], 0, 0);
            }
        }
        if (!outcome.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var org = await reader.LoadAsync(cancellationToken);
        ViewData["Revision"] = org.Revision;
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

public sealed record ImportOutcome(string? FileName, bool Succeeded, IReadOnlyList<WorkspaceError> Errors, int Added, int Updated);
public sealed record ImportPageModel(OrgView Org, ImportOutcome? Outcome);
