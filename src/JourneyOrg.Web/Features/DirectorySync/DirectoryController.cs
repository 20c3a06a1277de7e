using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>
/// The admin Directory page: configuration (secrets hidden), "Sync now" with live progress, run history.
/// Thin: each action reads one thing and renders one view or partial.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/directory")]
public sealed class DirectoryController(DirectorySyncCoordinator coordinator, ICompositeViewEngine views) : Controller
{
    private const string Folder = "~/Features/DirectorySync/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData["HasLayout"] = views.FindView(ControllerContext, "_Layout", isMainPage: false).Success;
        return View(Folder + "Index.cshtml", await DirectoryPage.LoadAsync(coordinator, cancellationToken));
    }

    [HttpPost("sync")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Sync([FromForm] bool full, CancellationToken cancellationToken)
    {
        if (!coordinator.TryStart("web", full))
            Response.Headers["HX-Trigger"] = "sync-already-running";
        if (!IsHtmx()) return RedirectToAction(nameof(Index));
        return PartialView(Folder + "_Progress.cshtml", await DirectoryPage.LoadProgressAsync(coordinator, cancellationToken));
    }

    [HttpGet("progress")]
    public async Task<IActionResult> Progress(CancellationToken cancellationToken)
    {
        Response.Headers.Vary = "HX-Request";
        return PartialView(Folder + "_Progress.cshtml", await DirectoryPage.LoadProgressAsync(coordinator, cancellationToken));
    }

    [HttpGet("history")]
    public async Task<IActionResult> History(CancellationToken cancellationToken) =>
        PartialView(Folder + "_History.cshtml", await DirectoryPage.LoadHistoryAsync(coordinator, swapOutOfBand: false, cancellationToken));

    private bool IsHtmx() => Request.Headers["HX-Request"] == "true";
}

public static class DirectoryDomIds
{
    public const string Progress = "directory-sync-progress";
    public const string History = "directory-sync-history";
}

public sealed record DirectoryPage(
    DirectorySyncOptions Options, IReadOnlyList<string> Problems, string Fingerprint, string? StoredFingerprint, string Store,
    DirectoryProgressModel Progress, DirectoryHistoryModel History)
{
    /// <summary>Local decisions about synced records (applied scenarios) that Entra does not show yet.</summary>
    public IReadOnlyList<DirectoryOverride> Pending { get; init; } = [];

    public static async Task<DirectoryPage> LoadAsync(DirectorySyncCoordinator coordinator, CancellationToken cancellationToken)
    {
        var options = coordinator.Options;
        var pending = await DirectoryOverrides.ListAsync(coordinator.State, cancellationToken);
        return new DirectoryPage(options, options.Problems(tokenGiven: false), options.Fingerprint(),
            await coordinator.State.GetStateAsync(SyncStateKeys.Fingerprint, cancellationToken),
            StoreLocation.Redact(coordinator.StoreDescription),
            await LoadProgressAsync(coordinator, cancellationToken),
            await LoadHistoryAsync(coordinator, swapOutOfBand: false, cancellationToken)) { Pending = pending };
    }

    public static async Task<DirectoryProgressModel> LoadProgressAsync(DirectorySyncCoordinator coordinator, CancellationToken cancellationToken)
    {
        var progress = coordinator.Progress;
        // When a run just ended, the progress fragment also refreshes the history (out of band) and stops polling.
        var history = progress is null ? await LoadHistoryAsync(coordinator, swapOutOfBand: true, cancellationToken) : null;
        return new DirectoryProgressModel(progress, coordinator.LastMessage, history);
    }

    public static async Task<DirectoryHistoryModel> LoadHistoryAsync(DirectorySyncCoordinator coordinator, bool swapOutOfBand, CancellationToken cancellationToken) =>
        new(await SyncState.ListRunsAsync(coordinator.State, coordinator.Options.HistoryLength, cancellationToken),
            await SyncState.ListSetAsideOwnershipAsync(coordinator.State, cancellationToken), swapOutOfBand);
}

public sealed record DirectoryProgressModel(SyncProgress? Progress, string? Message, DirectoryHistoryModel? History)
{
    public bool Running => Progress is not null;

    /// <summary>Percent for the bar: pages read against the pages the last comparable run needed (Graph gives no total).</summary>
    public int? Percent => Progress is { ExpectedPages: > 0 } p ? Math.Min(99, 100 * p.Pages / p.ExpectedPages.Value) : null;
}

public sealed record DirectoryHistoryModel(IReadOnlyList<SyncRun> Runs, IReadOnlyList<SetAsideOwnership> SetAside, bool SwapOutOfBand);
