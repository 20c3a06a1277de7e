using JourneyOrg.JourneyManagement;
using JourneyOrg.JourneyManagement.Import;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary><c>import FILE [--merge]</c>: loads a <c>journeyorg/v1</c> document into the store, all or nothing.</summary>
public sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public string Summary => "Import a journeyorg/v1 workspace (replaces; --merge upserts by id), a TheyDo file or data-point CSV";

    public string Help => $"""
        usage: journeyorg import FILE [--merge] [--store SPEC]

        Reads FILE (- for standard input), a journeyorg/v1 workspace, checks all of it and writes it to the store
        in one transaction. By default it replaces the journeys, people, teams, roles, ownership and metrics
        (scenarios and sync state are kept). With --merge, records are upserted by id and records the file does
        not mention stay; the workspace that results is checked as a whole before anything is written.
        On any error nothing is written and every error is printed on stderr, one per line, as PATH: REASON.

        FILE may also be a TheyDo S3 file (THEYDO_METRICS_V1, THEYDO_INSIGHTS_V1, THEYDO_OPPORTUNITIES_V1 or
        THEYDO_SOLUTIONS_V1, recognised by its "format" field): its records are upserted by importKey, and what could
        not be mapped (owner e-mails, group names, links) is listed on stdout. Or a CSV file of metric data points
        with the columns date,metric,value[,dimensions]; errors name their line and column. See docs/journey-management.md.

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

        // The kind of file is told from its start; only TheyDo and CSV files (small) are then held whole, so a large
        // workspace goes from the file straight into the reader. Standard input cannot rewind, so it is buffered.
        await using var input = await OpenRewindableAsync(file, cancellationToken);
        var head = new byte[DetectionPrefix];
        var headLength = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        input.Position = 0;
        var store = await CliStore.OpenAsync(arguments.Value(CliArguments.Store), cancellationToken);
        var (kind, _) = JourneyFileImporter.Detect(head.AsSpan(0, headLength));
        if (kind != ImportFileKind.Workspace)
        {
            var content = new MemoryStream();
            await input.CopyToAsync(content, cancellationToken);
            return await ImportJourneyFileAsync(kind, content.GetBuffer().AsMemory(0, (int)content.Length), store, stdout, stderr, cancellationToken);
        }
        var result = await new WorkspaceImporter(store).ImportAsync(input, mode, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await stderr.WriteLineAsync(error.ToString());
            return CliApp.InvalidInput;
        }

        var w = result.Imported!;
        var what = $"{w.Journeys.Count} journeys, {w.People.Count} people, {w.Teams.Count} teams, {w.Roles.Count} roles, " +
                   $"{w.Ownership.Count} ownership edges, {w.Metrics.Count} metrics" +
                   // Journey-management records are named only when the file has them, so plain org files read as before.
                   string.Concat(new[] { (w.Insights.Count, "insights"), (w.Opportunities.Count, "opportunities"), (w.Solutions.Count, "solutions") }
                       .Where(x => x.Item1 > 0).Select(x => $", {x.Item1} {x.Item2}"));
        await stdout.WriteLineAsync(mode == WorkspaceImportMode.Replace
            ? $"Imported {what} into {store.Description} (revision {result.Revision})."
            : $"Merged {what} into {store.Description}: {result.Added} new, {result.Updated} updated (revision {result.Revision}).");
        return CliApp.Success;
    }

    // Both writers and TheyDo put "format" first; a megabyte also covers hand-made files that do not.
    private const int DetectionPrefix = 1 << 20;

    private static async Task<Stream> OpenRewindableAsync(string file, CancellationToken cancellationToken)
    {
        var input = CliFiles.OpenInput(file);
        if (input.CanSeek) return input;
        var buffered = new MemoryStream();
        await using (input) await input.CopyToAsync(buffered, cancellationToken);
        buffered.Position = 0;
        return buffered;
    }

    private static async Task<int> ImportJourneyFileAsync(ImportFileKind kind, ReadOnlyMemory<byte> content, JourneyOrg.Storage.IWorkspaceStore store,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var importer = new JourneyFileImporter(store);
        var result = kind == ImportFileKind.TheyDo
            ? await importer.ImportTheyDoAsync(content, cancellationToken)
            : await importer.ImportCsvAsync(content, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await stderr.WriteLineAsync(error);
            return CliApp.InvalidInput;
        }
        await stdout.WriteLineAsync(
            $"Imported {(kind == ImportFileKind.TheyDo ? result.Format : "data points")} into {store.Description}: {result.Summary} (revision {result.Revision}).");
        foreach (var note in result.NotMapped) await stdout.WriteLineAsync($"not mapped: {note}");
        return CliApp.Success;
    }
}
