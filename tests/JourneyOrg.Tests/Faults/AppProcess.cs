using System.Diagnostics;
using System.Text;

namespace JourneyOrg.Tests.Faults;

/// <summary>
/// The built app (<c>JourneyOrg.Web.dll</c> beside the tests) run as its own operating-system process, as an operator runs
/// it: for what only a real process shows (what a command line starts, a second process on the same store, SIGKILL).
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private AppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string AppPath => Path.Combine(AppContext.BaseDirectory, "JourneyOrg.Web.dll");

    /// <summary>Starts <c>dotnet JourneyOrg.Web.dll ARGS</c> without the JOURNEYORG_STORE of the test run, in Production.</summary>
    public static AppProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("JOURNEYORG_STORE");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["JourneyOrg__DemoData"] = "false";
        return new AppProcess(Process.Start(start)!);
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Waits for the exit code; null when it still runs after <paramref name="timeout"/> (it is then killed).</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            _process.WaitForExit(); // drains the output readers
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, no transaction is committed or rolled back by the process.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>
    /// A workspace file for an import: the sample organisation with <paramref name="count"/> more teams whose ids start
    /// with <paramref name="prefix"/>, so that a test can tell afterwards whether the import landed whole.
    /// </summary>
    public static string SampleFileWithTeams(string directory, string prefix, int count)
    {
        var sample = JourneyOrg.Tests.Web.SampleWorkspace.Create();
        var workspace = sample with
        {
            Teams = [.. sample.Teams, .. Enumerable.Range(0, count).Select(i => new JourneyOrg.Domain.Team($"{prefix}-{i}", $"Team {prefix} {i}", "t-lending", null, null, []))],
        };
        var file = Path.Combine(directory, prefix + ".json");
        JourneyOrg.Workspaces.WorkspaceWriter.WriteFile(workspace, file);
        return file;
    }

    public static async Task<(int? ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var exit = await process.ExitCodeAsync(timeout);
        return (exit, process.Stdout, process.Stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
