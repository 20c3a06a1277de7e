using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary>
/// Option parsing shared by the engine verbs (analyze, simulate, generate, bench): <c>--name value</c> pairs
/// and flags, with a usage error for anything unknown.
/// </summary>
internal sealed class EngineArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private EngineArgs() { }

    public string? Error { get; private init; }

    public bool Help => _values.ContainsKey("--help");

    public static EngineArgs Parse(string[] args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags)
    {
        var parsed = new EngineArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--help" or "-h") { parsed._values["--help"] = null; continue; }
            if (flags.Contains(a)) { parsed._values[a] = null; continue; }
            if (options.Contains(a))
            {
                if (i + 1 >= args.Length) return new EngineArgs { Error = $"{a} needs a value" };
                parsed._values[a] = args[++i];
                continue;
            }
            return new EngineArgs { Error = $"unknown argument '{a}'" };
        }
        return parsed;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.GetValueOrDefault(name);

    /// <summary>A positive whole number option, or the default; null with an error message when malformed.</summary>
    public int? Int(string name, int fallback, out string? error)
    {
        error = null;
        if (Value(name) is not { } text) return fallback;
        if (int.TryParse(text, out var n) && n > 0) return n;
        error = $"{name} must be a positive whole number";
        return null;
    }
}

/// <summary>
/// Where the engine verbs get the workspace: <c>--workspace FILE</c>, or the store when the host wires one in.
/// </summary>
public sealed class WorkspaceSource(Func<CancellationToken, Task<Workspace>>? loadFromStore = null)
{
    internal async Task<(Workspace? Workspace, string? Error, int ExitCode)> LoadAsync(string? file, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            if (!File.Exists(file)) return (null, $"workspace file not found: {file}", CliApp.InvalidInput);
            try { return (InterimWorkspaceJson.ReadFile(file), null, CliApp.Success); }
            catch (FormatException e) { return (null, $"{file}: {e.Message}", CliApp.InvalidInput); }
        }
        if (loadFromStore is null) return (null, "no store is configured here: pass --workspace FILE", CliApp.UsageError);
        return (await loadFromStore(cancellationToken), null, CliApp.Success);
    }
}
