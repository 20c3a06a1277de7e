using JourneyOrg.Web.Infrastructure;

namespace JourneyOrg.Web.Cli;

/// <summary><c>seed [--replace]</c>: loads the demo workspace into the store.</summary>
public sealed class SeedVerb : ICliVerb
{
    public string Name => "seed";

    public string Summary => "Load the demo workspace (Harbour Mutual, an insurer) into the store";

    public string Help => $"""
        usage: journeyorg seed [--replace] [--store SPEC]

        Loads the demo workspace shipped in seed/demo-workspace.json: a home and motor insurer with about 300
        people in 30 teams and 20 journeys. The web app does this by itself on first start, when the store is
        empty. A store that already holds a workspace is left alone unless --replace is given.

        options:
          --replace      overwrite a workspace that is already in the store
        {CliStore.Help}

        exit codes: 0 loaded, 1 usage error (including a non-empty store without --replace)
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [CliArguments.Store], ["--replace"], maxPositionals: 0);
        var store = await CliStore.OpenAsync(arguments.Value(CliArguments.Store), cancellationToken);
        if (!arguments.Has("--replace") && !await store.IsEmptyAsync(cancellationToken))
            throw new CliUsageException($"{store.Description} already holds a workspace; pass --replace to overwrite it with the demo data");

        var demo = await DemoData.LoadAsync(cancellationToken);
        var revision = await store.ReplaceAsync(demo, cancellationToken);
        await stdout.WriteLineAsync(
            $"Loaded the demo workspace ({demo.Journeys.Count} journeys, {demo.People.Count} people, {demo.Teams.Count} teams) into {store.Description} (revision {revision}).");
        return CliApp.Success;
    }
}
