using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary>
/// Where the read-only verbs (analyze, simulate) get the workspace: <c>--workspace FILE</c>, read and checked like an
/// import but never stored, or else the store.
/// </summary>
public static class WorkspaceSource
{
    public const string Option = "--workspace";

    /// <summary>The workspace, or null after printing every error of an invalid file on stderr.</summary>
    public static async Task<Workspace?> LoadAsync(CliArguments options, TextWriter stderr, string verb, CancellationToken cancellationToken)
    {
        if (options.Value(Option) is not { } file)
        {
            var store = await CliStore.OpenAsync(options.Value(CliArguments.Store), cancellationToken);
            return (await store.LoadAsync(cancellationToken)).Workspace;
        }
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"{verb}: workspace file not found: {file}");
            return null;
        }
        await using var stream = File.OpenRead(file);
        var result = await WorkspaceReader.ReadAsync(stream, cancellationToken);
        foreach (var error in result.Errors) await stderr.WriteLineAsync($"{file}: {error}");
        return result.Workspace;
    }
}
