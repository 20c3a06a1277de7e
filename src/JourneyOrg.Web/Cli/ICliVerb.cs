namespace JourneyOrg.Web.Cli;

/// <summary>One command-line verb. Each verb lives in its own file and is listed in <see cref="CliApp"/>.</summary>
public interface ICliVerb
{
    /// <summary>The word typed on the command line, e.g. <c>import</c>.</summary>
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>The full <c>--help</c> text: usage line and options.</summary>
    string Help { get; }

    /// <summary>Runs the verb with the arguments after its name. Returns the process exit code.</summary>
    Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);
}
