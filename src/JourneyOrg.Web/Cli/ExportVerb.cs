using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary><c>export [FILE]</c>: writes the stored workspace as a <c>journeyorg/v1</c> document.</summary>
public sealed class ExportVerb : ICliVerb
{
    public string Name => "export";

    public string Summary => "Export the workspace as journeyorg/v1 JSON (to FILE, or standard output)";

    public string Help => $"""
        usage: journeyorg export [FILE] [--store SPEC]

        Writes the whole workspace as a journeyorg/v1 document to FILE, or to standard output when FILE is
        absent or -. The output is deterministic (records sorted by id, every field written), so exporting an
        import of an export gives the same bytes. A FILE is replaced only once it is completely written.

        options:
        {CliStore.Help}

        exit codes: 0 exported, 1 usage error
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [CliArguments.Store], [], maxPositionals: 1);
        var file = arguments.Positionals.Count > 0 && arguments.Positionals[0] != "-" ? arguments.Positionals[0] : null;
        var store = await CliStore.OpenAsync(arguments.Value(CliArguments.Store), cancellationToken);
        var workspace = (await store.LoadAsync(cancellationToken)).Workspace;

        if (file is null)
        {
            using var output = new TextWriterStream(stdout);
            WorkspaceWriter.Write(workspace, output);
            await stdout.FlushAsync(cancellationToken);
            return CliApp.Success;
        }

        try
        {
            WorkspaceWriter.WriteFile(workspace, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write {file}: {ex.Message}");
        }
        await stdout.WriteLineAsync($"Exported {workspace.Journeys.Count} journeys, {workspace.People.Count} people and {workspace.Teams.Count} teams to {file}.");
        return CliApp.Success;
    }
}
