using JourneyOrg.Web.Cli;

namespace JourneyOrg.Tests.Cli;

/// <summary>What one in-process run of the command line printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> Of(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}
