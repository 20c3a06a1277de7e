using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;

namespace JourneyOrg.Web.Cli;

/// <summary><c>simulate</c>: applies a scenario file on top of the workspace and shows what it changes.</summary>
public sealed class SimulateVerb : ICliVerb
{
    public string Name => "simulate";

    public string Summary => "Simulate a reorg scenario file on the workspace and show what changes";

    public string Help => """
        usage: journeyorg simulate --scenario FILE [--workspace FILE | --store SPEC] [--json]

        Applies the scenario's operations, in order, on top of the workspace (the store, or --workspace FILE).
        Nothing is saved: the workspace stays exactly as it was.

          --scenario FILE   the scenario document: { "name", "description"?, "operations": [ { "op": ... } ] }
          --workspace FILE  simulate on this file instead of the store
          --json            print the result as JSON (the same as POST /api/scenarios/simulate)
          --store SPEC      the store to simulate on (see 'journeyorg import --help')

        Exit codes: 0 the scenario is valid, 1 usage error, 2 the scenario or workspace is invalid.
        An invalid scenario still prints its result (with --json: "valid": false and the errors, each naming
        the operation's index, counted from 0), so scripts can show the reason.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, [WorkspaceSource.Option, "--scenario", CliArguments.Store], ["--json"], maxPositionals: 0);
        if (options.Value("--scenario") is not { } scenarioFile) throw new CliUsageException("--scenario FILE is required");
        if (!File.Exists(scenarioFile)) { stderr.WriteLine($"simulate: scenario file not found: {scenarioFile}"); return CliApp.InvalidInput; }

        var baseline = await WorkspaceSource.LoadAnalysedAsync(options, stderr, Name, cancellationToken);
        if (baseline is null) return CliApp.InvalidInput;

        var parsed = ScenarioJson.Parse(await File.ReadAllTextAsync(scenarioFile, cancellationToken));
        var result = parsed.Succeeded
            ? ScenarioSimulation.Simulate(baseline, parsed.Scenario!)
            : ScenarioSimulation.Invalid(baseline, parsed.Errors);

        if (options.Has("--json")) stdout.WriteLine(SimulationJson.Serialize(result, indented: true));
        else WriteSummary(stdout, parsed.Scenario?.Name ?? scenarioFile, result);
        if (!result.Valid)
            foreach (var e in result.Errors) stderr.WriteLine($"simulate: {e.Message}");
        return result.Valid ? CliApp.Success : CliApp.InvalidInput;
    }

    private static void WriteSummary(TextWriter stdout, string name, SimulationResult result)
    {
        if (!result.Valid)
        {
            stdout.WriteLine($"Scenario '{name}' is invalid:");
            foreach (var e in result.Errors) stdout.WriteLine($"  {e.Message}");
            return;
        }
        var d = result.Diff!;
        stdout.WriteLine($"Scenario '{name}'");
        stdout.WriteLine($"  teams              {d.TeamsBefore} → {d.TeamsAfter}");
        stdout.WriteLine($"  people moved       {d.PeopleMoved}");
        stdout.WriteLine($"  units re-owned     {d.OwnerChanges.Count}");
        stdout.WriteLine($"  newly unowned      {d.NewlyUnowned.Count}   resolved unowned {d.ResolvedUnowned.Count}");
        stdout.WriteLine($"  newly overlapping  {d.NewlyOverlapping.Count}   resolved overlapping {d.ResolvedOverlapping.Count}");
        stdout.WriteLine($"  handoffs           {d.Handoffs.Sum(h => h.Before)} → {d.Handoffs.Sum(h => h.After)} in {d.Handoffs.Count} journey(s) that changed");
        stdout.WriteLine($"  planned FTE        {d.PlannedFte:0.##}");
        stdout.WriteLine($"  average span       {d.Org.AvgSpanBefore:0.##} → {d.Org.AvgSpanAfter:0.##}   widest {d.Org.MaxSpanBefore} → {d.Org.MaxSpanAfter}   layers {d.Org.LayersBefore} → {d.Org.LayersAfter}");
        foreach (var c in d.OwnerChanges.Take(20))
            stdout.WriteLine($"    {c.UnitId}: [{string.Join(", ", c.Before)}] → [{string.Join(", ", c.After)}]");
        if (d.OwnerChanges.Count > 20) stdout.WriteLine($"    … and {d.OwnerChanges.Count - 20} more (see --json)");
    }
}
