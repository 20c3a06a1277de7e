using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary><c>generate</c>: writes a synthetic, realistic workspace of a given size.</summary>
public sealed class GenerateVerb : ICliVerb
{
    public string Name => "generate";

    public string Summary => "Generate a synthetic workspace (journeyorg/v1) of N people, for demos and benchmarks";

    public string Help => """
        usage: journeyorg generate --people N [--seed S] [--out FILE | --store SPEC]

        Writes a journeyorg/v1 workspace shaped like a real org: squads of 5–15 in tribes and divisions, a
        journey framework with reusable sub-journeys, spans of 3–10, and (at 100,000 people) about 1,300
        teams, 330 journeys, 2,400 units and 12 reporting layers, with some gaps, overlaps and disabled accounts.
        The same N and S always give the same workspace.

          --people N   number of people (required)
          --seed S     random seed (default 1)
          --out FILE   write to FILE instead of standard output
          --store SPEC replace the workspace in that store with the generated one (scenarios are kept)

        Exit codes: 0 done, 1 usage error.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, ["--people", "--seed", "--out", CliArguments.Store], [], maxPositionals: 0);
        if (options.Value("--people") is null) throw new CliUsageException("--people N is required");
        var workspace = WorkspaceGenerator.Generate(options.PositiveInt("--people", 0), options.PositiveInt("--seed", 1));
        if (options.Value(CliArguments.Store) is { } spec)
        {
            var store = await CliStore.OpenAsync(spec, cancellationToken);
            var revision = await store.ReplaceAsync(workspace, cancellationToken);
            await stdout.WriteLineAsync($"generate: stored {workspace.People.Count} people, {workspace.Teams.Count} teams, " +
                                        $"{workspace.Journeys.Count} journeys in {store.Description} (revision {revision})");
        }
        else if (options.Value("--out") is { } file)
        {
            WorkspaceWriter.WriteFile(workspace, file);
            stderr.WriteLine($"generate: wrote {workspace.People.Count} people, {workspace.Teams.Count} teams, {workspace.Journeys.Count} journeys to {file}");
        }
        else
        {
            await stdout.WriteLineAsync(WorkspaceWriter.ToJson(workspace));
        }
        return CliApp.Success;
    }
}
