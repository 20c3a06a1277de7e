using JourneyOrg.Web.Features.DirectorySync;

namespace JourneyOrg.Web.Cli;

/// <summary><c>sync</c>: mirrors people and teams from Microsoft Entra ID through Graph (full the first time, then delta).</summary>
public sealed class SyncVerb : ICliVerb
{
    /// <summary>The run failed; nothing was applied and the next run starts from the same point.</summary>
    public const int RunFailed = 3;
    /// <summary>Another sync holds the store's sync lease.</summary>
    public const int AlreadyRunning = 4;

    public string Name => "sync";

    public string Summary => "Mirror people and teams from Microsoft Entra ID (Graph delta; full the first time)";

    public string Help => $"""
        usage: journeyorg sync [--graph-url URL] [--token TOKEN] [--full] [--store SPEC]

        Reads users (and team groups) from Microsoft Graph and applies the changes to the store in one transaction,
        with the new delta links, so a failed run changes nothing. Prints one line per page read and a summary.
        Credentials, team selection and schedule come from JourneyOrg:Directory in appsettings.json or environment
        variables (JourneyOrg__Directory__Credential__ClientSecret, ...); see docs/directory-sync.md.

        options:
          --graph-url URL   Graph root with version (default: configuration, else {DirectorySyncOptions.DefaultGraphUrl})
          --token TOKEN     a bearer token to use instead of the configured credentials (one-off runs)
          --full            ignore the stored delta links and read everything
        {CliStore.Help}

        exit codes: 0 synced, 1 usage error, 2 configuration incomplete or invalid (nothing ran),
                    3 the run failed (nothing was applied; see the error), 4 another sync is running
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [CliArguments.Store, "--graph-url", "--token"], ["--full"], maxPositionals: 0);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(System.IO.Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = DirectorySyncSetup.Read(configuration);
        if (arguments.Value("--graph-url") is { } url) options = options with { GraphUrl = url };
        var token = arguments.Value("--token");

        var store = await CliStore.OpenAsync(arguments.Value(CliArguments.Store), cancellationToken);
        SyncRun run;
        try
        {
            var progress = new LineProgress(stdout);
            run = await new DirectorySyncRunner(store, store, options).RunAsync(new SyncRequest("cli", token, arguments.Has("--full")), progress, cancellationToken);
        }
        catch (DirectorySyncConfigurationException error)
        {
            foreach (var problem in error.Problems) await stderr.WriteLineAsync($"sync: {problem}");
            return CliApp.InvalidInput;
        }
        catch (SyncAlreadyRunningException error)
        {
            await stderr.WriteLineAsync($"sync: {error.Message}");
            return AlreadyRunning;
        }

        await stdout.WriteLineAsync(
            $"{run.Outcome}: {run.Mode} sync in {run.Duration?.TotalSeconds:0.0} s, {run.Pages} pages, {run.Requests} requests, " +
            $"{run.ThrottlingEvents} throttled{(run.Resyncs > 0 ? $", {run.Resyncs} expired delta link(s) resynced" : "")}");
        await stdout.WriteLineAsync($"  {run.Counts}");
        foreach (var (kind, count) in run.FindingTotals) await stdout.WriteLineAsync($"  finding: {count} {kind}");
        if (run.Outcome == SyncOutcomes.Succeeded) return CliApp.Success;
        await stderr.WriteLineAsync($"sync: {run.Error} (nothing was applied; the next run starts from the same point)");
        return RunFailed;
    }

    private sealed class LineProgress(TextWriter stdout) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => stdout.WriteLine(value.Message);
    }
}
