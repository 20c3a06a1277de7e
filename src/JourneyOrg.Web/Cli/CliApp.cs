using JourneyOrg.Web.Storage;

namespace JourneyOrg.Web.Cli;

/// <summary>Dispatches the command-line verbs. Exit codes: 0 success, 1 usage error, 2 invalid input.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int UsageError = 1;
    public const int InvalidInput = 2;
    /// <summary>Another writer held or changed the store: nothing was written, and running the verb again is safe.</summary>
    public const int TryAgain = 3;

    /// <summary>Every verb, in the order <c>--help</c> lists them. A new verb is one file and one line here.</summary>
    public static IReadOnlyList<ICliVerb> Verbs { get; } =
    [
        new ImportVerb(),
        new ExportVerb(),
        new SeedVerb(),
        new AnalyzeVerb(),
        new SimulateVerb(),
        new ScenariosVerb(),
        new ProposeVerb(),
        new GenerateVerb(),
        new BenchVerb(),
        new SyncVerb(),
        new HealthcheckVerb(),
        new TeamApiVerb(),
        new TemplatesVerb(),
        new UsersVerb(),
    ];

    private static readonly string[] HelpWords = ["--help", "-h", "help"];

    public static bool IsVerb(string arg) => HelpWords.Contains(arg) || Verbs.Any(v => v.Name == arg);

    /// <summary>
    /// Whether <paramref name="args"/> ask for a verb rather than the web app. The web app takes only options
    /// (<c>--urls=...</c>, <c>--environment Production</c>) and <c>Key=Value</c> settings, so a first argument that is
    /// neither is a verb, known or not: <c>journeyorg imprt file.json</c> is an unknown verb, not a web server.
    /// </summary>
    public static bool IsCommandLine(IReadOnlyList<string> args) =>
        args.Count > 0 && (IsVerb(args[0]) || !(args[0].StartsWith('-') || args[0].Contains('=')));

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || HelpWords.Contains(args[0]))
        {
            if (args.Length > 1 && Find(args[1]) is { } described)
            {
                await stdout.WriteLineAsync(described.Help);
                return Success;
            }
            await stdout.WriteAsync(Usage());
            return args.Length == 0 ? UsageError : Success;
        }

        if (Find(args[0]) is not { } verb)
        {
            await stderr.WriteLineAsync($"unknown verb '{args[0]}'");
            await stderr.WriteAsync(Usage());
            return UsageError;
        }

        var rest = args[1..];
        if (rest.Any(a => a is "--help" or "-h"))
        {
            await stdout.WriteLineAsync(verb.Help);
            return Success;
        }

        try
        {
            return await verb.RunAsync(rest, stdout, stderr, cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"{verb.Name}: {ex.Message}");
            await stderr.WriteLineAsync($"run 'journeyorg {verb.Name} --help' for usage");
            return UsageError;
        }
        catch (StoreSpecException ex)
        {
            await stderr.WriteLineAsync($"{verb.Name}: {ex.Message}");
            return UsageError;
        }
        catch (JourneyOrg.Storage.ConcurrentChangeException ex)
        {
            await stderr.WriteLineAsync($"{verb.Name}: the store was changed by someone else meanwhile ({ex.Message}); nothing was written. Try again.");
            return TryAgain;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            await stderr.WriteLineAsync($"{verb.Name}: the store is busy (another process has been writing to it for too long); nothing was written. Try again.");
            return TryAgain;
        }
    }

    private static ICliVerb? Find(string name) => Verbs.FirstOrDefault(v => v.Name == name);

    private static string Usage()
    {
        var width = Verbs.Max(v => v.Name.Length) + 2;
        var lines = Verbs.Select(v => $"  {v.Name.PadRight(width)}{v.Summary}");
        return $"""
            usage: journeyorg [VERB] [options]

            Without a verb, serves the web app (it takes ASP.NET Core options such as --urls=URL and --environment NAME,
            and Key=Value settings). With a verb, runs it and exits.
            (From a source checkout: dotnet run --project src/JourneyOrg.Web -- VERB [options])

            verbs:
            {string.Join(Environment.NewLine, lines)}

            Every verb takes --help, and all but healthcheck --store SPEC. Exit codes: 0 success, 1 usage error, 2 invalid input,
            3 the store was busy or changed meanwhile (nothing written; try again).

            """;
    }
}
