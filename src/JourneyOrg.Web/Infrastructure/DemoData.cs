using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Infrastructure;

/// <summary>
/// The demo workspace (Harbour Mutual, a home and motor insurer) shipped in <c>seed/demo-workspace.json</c> next to the
/// app, so a first start and the <c>seed</c> verb have something to show.
/// </summary>
public static class DemoData
{
    /// <summary>The demo file as copied to the output directory by the build.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "seed", "demo-workspace.json");

    /// <summary>Reads and validates the demo workspace; a broken demo file is a bug in the build, so it throws.</summary>
    public static async Task<Workspace> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(FilePath);
        var result = await WorkspaceReader.ReadAsync(stream, cancellationToken);
        return result.Workspace ?? throw new InvalidDataException(
            $"The demo workspace {FilePath} is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }

    /// <summary>Loads the demo workspace into <paramref name="store"/> when it holds nothing yet. Returns whether it did.</summary>
    public static async Task<bool> SeedIfEmptyAsync(IWorkspaceStore store, CancellationToken cancellationToken = default)
    {
        if (!await store.IsEmptyAsync(cancellationToken)) return false;
        await store.ReplaceAsync(await LoadAsync(cancellationToken), cancellationToken);
        return true;
    }
}
