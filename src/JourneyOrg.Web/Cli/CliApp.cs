namespace JourneyOrg.Web.Cli;

/// <summary>Dispatches the command-line verbs. Exit codes: 0 success, 1 usage error, 2 invalid input.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int UsageError = 1;
    public const int InvalidInput = 2;

    private static readonly string[] Verbs = [];

    public static bool IsVerb(string arg) => Verbs.Contains(arg) || arg is "--help" or "-h" or "help";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine("usage: journeyorg [VERB] [options]   (no verb: serve the web app)");
        return Task.FromResult(args[0] is "--help" or "-h" or "help" ? Success : UsageError);
    }
}
