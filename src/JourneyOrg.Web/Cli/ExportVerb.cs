using JourneyOrg.JourneyManagement.Import;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary><c>export [FILE]</c>: writes the stored workspace as a <c>journeyorg/v1</c> document.</summary>
public sealed class ExportVerb : ICliVerb
{
    public string Name => "export";

    public string Summary => "Export the workspace as journeyorg/v1 JSON (to FILE, or standard output)";

    public string Help => $"""
        usage: journeyorg export [FILE] [--theydo KIND] [--store SPEC]

        Writes the whole workspace as a journeyorg/v1 document to FILE, or to standard output when FILE is
        absent or -. The output is deterministic (records sorted by id, every field written), so exporting an
        import of an export gives the same bytes. A FILE is replaced only once it is completely written.

        With --theydo metrics|insights|opportunities|solutions it writes that TheyDo S3 format instead; what the
        format cannot hold is listed on stderr.

        options:
          --theydo KIND  write THEYDO_METRICS_V1, _INSIGHTS_V1, _OPPORTUNITIES_V1 or _SOLUTIONS_V1
        {CliStore.Help}

        exit codes: 0 exported, 1 usage error
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [CliArguments.Store, "--theydo"], [], maxPositionals: 1);
        var file = arguments.Positionals.Count > 0 && arguments.Positionals[0] != "-" ? arguments.Positionals[0] : null;
        string? theyDo = null;
        if (arguments.Value("--theydo") is { } kind)
            theyDo = TheyDoFormats.FromShortName(kind) ?? throw new CliUsageException($"--theydo takes metrics, insights, opportunities or solutions, not '{kind}'");
        var store = await CliStore.OpenAsync(arguments.Value(CliArguments.Store), cancellationToken);
        var workspace = (await store.LoadAsync(cancellationToken)).Workspace;
        if (theyDo is not null) return await ExportTheyDoAsync(workspace, theyDo, file, stdout, stderr);

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

    private static async Task<int> ExportTheyDoAsync(JourneyOrg.Domain.Workspace workspace, string format, string? file, TextWriter stdout, TextWriter stderr)
    {
        var export = TheyDoWriter.Write(workspace, format);
        foreach (var left in export.Left) await stderr.WriteLineAsync($"not exported: {left}");
        if (file is null)
        {
            await stdout.WriteAsync(export.Json);
            return CliApp.Success;
        }
        try
        {
            await File.WriteAllTextAsync(file, export.Json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write {file}: {ex.Message}");
        }
        await stdout.WriteLineAsync($"Exported {format} to {file}.");
        return CliApp.Success;
    }
}
