namespace JourneyOrg.Web.Cli;

/// <summary>
/// The arguments after a verb: positionals, <c>--option VALUE</c> (or <c>--option=VALUE</c>) and <c>--flag</c>.
/// Each verb says which options it takes, so a typo is a usage error instead of being silently ignored.
/// </summary>
public sealed class CliArguments
{
    /// <summary>The store option every verb takes.</summary>
    public const string Store = "--store";

    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;

    private CliArguments(IReadOnlyList<string> positionals, Dictionary<string, string> values, HashSet<string> flags)
    {
        Positionals = positionals;
        _values = values;
        _flags = flags;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <summary>The value of an option, or null when it was not given.</summary>
    public string? Value(string option) => _values.GetValueOrDefault(option);

    /// <summary>Whether a flag was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>A positive whole-number option, or <paramref name="fallback"/> when absent; a usage error when malformed.</summary>
    public int PositiveInt(string option, int fallback)
    {
        if (Value(option) is not { } text) return fallback;
        return int.TryParse(text, out var n) && n > 0 ? n : throw new CliUsageException($"{option} must be a positive whole number");
    }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CliUsageException"/> for unknown options, missing values or too many positionals.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, int maxPositionals)
    {
        var positionals = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }
            var equals = arg.IndexOf('=');
            var name = equals < 0 ? arg : arg[..equals];
            if (options.Contains(name))
            {
                var value = equals >= 0 ? arg[(equals + 1)..] : i + 1 < args.Count ? args[++i] : null;
                if (string.IsNullOrEmpty(value)) throw new CliUsageException($"{name} needs a value");
                values[name] = value;
            }
            else if (flags.Contains(name) && equals < 0)
            {
                given.Add(name);
            }
            else
            {
                throw new CliUsageException($"unknown option '{arg}'");
            }
        }
        if (positionals.Count > maxPositionals)
            throw new CliUsageException($"unexpected argument '{positionals[maxPositionals]}'");
        return new CliArguments(positionals, values, given);
    }
}

/// <summary>The command line was wrong: the verb prints the message and its usage and exits with <see cref="CliApp.UsageError"/>.</summary>
public sealed class CliUsageException(string message) : Exception(message);
