using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary><c>import FILE [--merge]</c>: loads a <c>journeyorg/v1</c> document into the store, all or nothing.</summary>
public sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public string Summary => "Import a journeyorg/v1 workspace file (replaces the workspace; --merge upserts by id)";

    public string Help => $"""
        usage: journeyorg import FILE [--merge] [--store SPEC]

        Reads FILE (- for standard input), a journeyorg/v1 workspace, checks all of it and writes it to the store
        in one transaction. By default it replaces the journeys, people, teams, roles, ownership and metrics
        (scenarios and sync state are kept). With --merge, records are upserted by id and records the file does
        not mention stay; the workspace that results is checked as a whole before anything is written.
        On any error nothing is written and every error is printed on stderr, one per line, as PATH: REASON.

        options:
          --merge        upsert by id instead of replacing the workspace
        {CliStore.Help}

        exit codes: 0 imported, 1 usage error, 2 the file is invalid (nothing was written)
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [CliArguments.Store], ["--merge"], maxPositionals: 1);
        if (arguments.Positionals.Count == 0) throw new CliUsageException("import needs a FILE");
        var file = arguments.Positionals[0];
        var mode = arguments.Has("--merge") ? WorkspaceImportMode.Merge : WorkspaceImportMode.Replace;

        await using var input = CliFiles.OpenInput(file);
        var store = await CliStore.OpenAsync(arguments.Value(CliArguments.Store), cancellationToken);
        var result = await new WorkspaceImporter(store).ImportAsync(input, mode, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await stderr.WriteLineAsync(error.ToString());
            return CliApp.InvalidInput;
        }

        var w = result.Imported!;
        var what = $"{w.Journeys.Count} journeys, {w.People.Count} people, {w.Teams.Count} teams, {w.Roles.Count} roles, " +
                   $"{w.Ownership.Count} ownership edges, {w.Metrics.Count} metrics";
        await stdout.WriteLineAsync(mode == WorkspaceImportMode.Replace
            ? $"Imported {what} into {store.Description} (revision {result.Revision})."
            : $"Merged {what} into {store.Description}: {result.Added} new, {result.Updated} updated (revision {result.Revision}).");
        return CliApp.Success;
    }
}
