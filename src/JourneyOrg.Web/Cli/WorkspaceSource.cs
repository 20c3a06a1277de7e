using JourneyOrg.Analysis;
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
    public static async Task<Workspace?> LoadAsync(CliArguments options, TextWriter stderr, string verb, CancellationToken cancellationToken) =>
        (await LoadAsync(options, stderr, verb, analyse: false, cancellationToken)).Workspace;

    /// <summary>
    /// The workspace's analysis (its <see cref="AlignmentBaseline.Workspace"/> is the workspace), or null after printing
    /// every error of an invalid file on stderr. A file is analysed on another core while it is checked: the analysis
    /// is safe on a broken workspace (unknown ids count as absent, a reporting cycle ends a chain), and its answer is
    /// used only when the check finds nothing. At 100,000 people that takes the analysis off the wall clock.
    /// </summary>
    public static async Task<AlignmentBaseline?> LoadAnalysedAsync(CliArguments options, TextWriter stderr, string verb, CancellationToken cancellationToken) =>
        (await LoadAsync(options, stderr, verb, analyse: true, cancellationToken)).Baseline;

    private static async Task<(Workspace? Workspace, AlignmentBaseline? Baseline)> LoadAsync(
        CliArguments options, TextWriter stderr, string verb, bool analyse, CancellationToken cancellationToken)
    {
        if (options.Value(Option) is not { } file)
        {
            var store = await CliStore.OpenAsync(options.Value(CliArguments.Store), cancellationToken);
            var stored = (await store.LoadAsync(cancellationToken)).Workspace;
            return (stored, analyse ? AlignmentAnalysis.Prepare(stored) : null);
        }
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"{verb}: workspace file not found: {file}");
            return (null, null);
        }
        await using var stream = File.OpenRead(file);
        var parsed = await WorkspaceReader.ParseAsync(stream, cancellationToken);
        var analysis = analyse && parsed is { Workspace: { } read, Errors.Count: 0 } ? Task.Run(() => AlignmentAnalysis.Prepare(read), cancellationToken) : null;
        var result = WorkspaceReader.Check(parsed);
        foreach (var error in result.Errors) await stderr.WriteLineAsync($"{file}: {error}");
        if (result.Workspace is null)
        {
            // Whatever the analysis of a broken file did, nobody asks for it.
            _ = analysis?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return (null, null);
        }
        return (result.Workspace, analysis is null ? null : await analysis);
    }
}
