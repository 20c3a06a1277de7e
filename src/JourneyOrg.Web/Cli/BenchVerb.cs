using System.Diagnostics;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary>
/// <c>bench</c>: measures the engines on a generated workspace (median of several runs after a warm-up, with the
/// bytes each run allocates) and checks the targets in docs/performance.md. Numbers, not pass/fail tests: a slow
/// machine must not break the build.
/// </summary>
public sealed class BenchVerb : ICliVerb
{
    public string Name => "bench";

    public string Summary => "Benchmark parsing, analysis and scenario simulation on a generated workspace";

    public string Help => """
        usage: journeyorg bench [--people N] [--seed S] [--iterations K] [--edits E] [--store SPEC]

        Generates a workspace of N people (default 100000), then reports median time and allocated bytes of:
        parsing its JSON into the model, one analysis, the per-manager alignment, a 20-operation scenario simulated from scratch and on a
        prepared baseline, and E (default 200) one- or two-operation simulations on the same baseline.
        Run a Release build for representative numbers: dotnet run -c Release --project src/JourneyOrg.Web -- bench

          --people N      workspace size (default 100000)
          --seed S        generator seed (default 1)
          --iterations K  measured runs per figure after 2 warm-ups (default 7)
          --edits E       small-edit simulations to run (default 200)
          --store SPEC    instead, time one full import (read, check, write) of the workspace into this store,
                          with the peak memory; it replaces what the store holds: use a scratch store

        Exit codes: 0 done (whether or not the targets hold), 1 usage error.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, ["--people", "--seed", "--iterations", "--edits", CliArguments.Store], [], maxPositionals: 0);
        var people = options.PositiveInt("--people", 100_000);
        var seed = options.PositiveInt("--seed", 1);
        // The import is measured in a process of its own so its peak memory is not the engine figures'.
        if (options.Value(CliArguments.Store) is { } spec)
            await BenchImportAsync(await CliStore.OpenAsync(spec, cancellationToken), people, seed, stdout, cancellationToken);
        else
            Run(people, seed, options.PositiveInt("--iterations", 7), options.PositiveInt("--edits", 200), stdout, cancellationToken);
        return CliApp.Success;
    }

    /// <summary>One full import as a user runs it (read and check the file, write it in one transaction), timed end to end.</summary>
    private static async Task BenchImportAsync(IWorkspaceStore store, int people, int seed, TextWriter o, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"journeyorg-bench-{Guid.NewGuid():N}.json");
        try
        {
            var workspace = WorkspaceGenerator.Generate(people, seed);
            WorkspaceWriter.WriteFile(workspace, file);
            var rows = workspace.Journeys.Count + workspace.Journeys.Sum(j => j.Phases.Count + j.Phases.Sum(p => p.Steps.Count)) +
                       workspace.People.Count + workspace.Teams.Count + workspace.Teams.Sum(t => t.Members.Count) +
                       workspace.Roles.Count + workspace.Ownership.Count + workspace.Metrics.Count;
            workspace = null;
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            await using (var input = File.OpenRead(file))
            {
                var result = await new WorkspaceImporter(store).ImportAsync(input, WorkspaceImportMode.Replace, ct);
                if (!result.Succeeded) throw new InvalidOperationException("the generated workspace did not import: " + result.Errors[0]);
            }
            clock.Stop();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            o.WriteLine();
            o.WriteLine($"import into {StoreLocation.Redact(store.Description)}: {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB file, " +
                        $"{rows:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s); " +
                        $"managed heap before {before / 1024.0 / 1024.0:0} MB, process peak working set {peak / 1024.0 / 1024.0:0} MB");
        }
        finally { File.Delete(file); }
    }

    private static void Run(int people, int seed, int iterations, int edits, TextWriter o, CancellationToken ct)
    {
        o.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(IsOptimized() ? "Release" : "Debug (numbers are pessimistic)")}, server GC {System.Runtime.GCSettings.IsServerGC}");
        var workspace = WorkspaceGenerator.Generate(people, seed);
        var json = System.Text.Encoding.UTF8.GetBytes(WorkspaceWriter.ToJson(workspace));
        var baseline = AlignmentAnalysis.Prepare(workspace);
        o.WriteLine($"Workspace: {workspace.People.Count:N0} people, {workspace.Teams.Count:N0} teams, {workspace.Journeys.Count} journeys, " +
                    $"{baseline.Map.UnitCount:N0} units, {workspace.Ownership.Count:N0} OWNS edges, {baseline.Report.Org.Layers} layers, " +
                    $"JSON {json.Length / 1024.0 / 1024.0:0.0} MB");
        o.WriteLine();

        // One parse first: the reader rents its document buffers from the shared ArrayPool, which keeps them for reuse;
        // measured cold, those pooled buffers would be counted as part of the model.
        ReadWorkspace(json);
        var modelSize = RetainedSize(() => ReadWorkspace(json));
        var parse = Measure(iterations, () => ReadWorkspace(json), ct);
        var analysis = Measure(iterations, () => AlignmentAnalysis.Analyze(workspace), ct);
        var managers = Measure(iterations, () => OrgAlignment.Compute(workspace, baseline.Report), ct);

        var scenario = ScenarioGenerator.Generate(baseline, 20, seed);
        var fromScratch = Measure(iterations, () => ScenarioSimulation.Simulate(AlignmentAnalysis.Prepare(workspace), scenario), ct);
        var onBaseline = Measure(iterations, () => ScenarioSimulation.Simulate(baseline, scenario), ct);
        var applied = ScenarioSimulation.Apply(baseline, scenario);
        var apply = Measure(iterations, () => ScenarioSimulation.Apply(baseline, scenario), ct);
        var variant = Measure(iterations, () => baseline.AnalyzeVariant(applied.Workspace!), ct);
        var scenarioReport = baseline.AnalyzeVariant(applied.Workspace!);
        var diff = Measure(iterations, () => ScenarioComparison.Compare(baseline, applied.Workspace!, scenarioReport, applied.Openings), ct);

        var smallEdits = Enumerable.Range(0, edits).Select(i => ScenarioGenerator.Generate(baseline, 1 + i % 2, seed * 1000 + i)).ToArray();
        var reused = Measure(iterations, () => { foreach (var s in smallEdits) ScenarioSimulation.Simulate(baseline, s); return 0; }, ct);
        var notReused = Measure(Math.Max(1, iterations / 3), () =>
        {
            foreach (var s in smallEdits.Take(Math.Max(1, edits / 10))) ScenarioSimulation.Simulate(AlignmentAnalysis.Prepare(workspace), s);
            return 0;
        }, ct);
        var perEdit = reused.Scale(1.0 / edits);
        var perEditNotReused = notReused.Scale(1.0 / Math.Max(1, edits / 10));

        o.WriteLine($"{"",-48} {"median ms",10} {"allocated MB",13}");
        Row(o, "parse workspace JSON into the model", parse);
        o.WriteLine($"{"  parsed model retained in memory",-48} {"",10} {modelSize / 1024.0 / 1024.0,13:0.0}");
        Row(o, "analysis (from scratch)", analysis);
        Row(o, "per-manager alignment (§6) on that analysis", managers);
        Row(o, $"simulate {scenario.Operations.Count} ops, baseline prepared each time", fromScratch);
        Row(o, $"simulate {scenario.Operations.Count} ops on a prepared baseline", onBaseline);
        Row(o, "  of which: apply the 20 operations", apply);
        Row(o, "  of which: analyse the scenario's org", variant);
        Row(o, "  of which: diff", diff);
        Row(o, "small-edit simulation, baseline reused (each)", perEdit);
        Row(o, "small-edit simulation, baseline recomputed (each)", perEditNotReused);
        o.WriteLine();
        Check(o, "analysis < 1/2 of parse time", analysis.Ms < parse.Ms / 2, $"{analysis.Ms / parse.Ms:0.00}× parse");
        Check(o, "analysis allocates less than the parsed model", analysis.Bytes < modelSize, $"{(double)analysis.Bytes / modelSize:0.00}× model");
        Check(o, "20-op simulation (apply + analyse both + diff) < 3× analysis", fromScratch.Ms < 3 * analysis.Ms, $"{fromScratch.Ms / analysis.Ms:0.00}× analysis");
        Check(o, "small edits reuse the baseline analysis", perEdit.Ms < perEditNotReused.Ms, $"{perEdit.Ms / perEditNotReused.Ms:0.00}× the cost without reuse");
    }

    // The parse the targets compare with is the real import reader: JSON to model, with every validation check.
    private static Workspace ReadWorkspace(byte[] json) =>
        WorkspaceReader.ReadAsync(new MemoryStream(json)).GetAwaiter().GetResult().Workspace
        ?? throw new InvalidOperationException("the generated workspace does not validate");

    private static void Row(TextWriter o, string name, Sample s) => o.WriteLine($"{name,-48} {s.Ms,10:0.00} {s.Bytes / 1024.0 / 1024.0,13:0.00}");

    private static void Check(TextWriter o, string target, bool holds, string detail) =>
        o.WriteLine($"[{(holds ? "ok" : "MISSED")}] {target}: {detail}");

    private readonly record struct Sample(double Ms, long Bytes)
    {
        public Sample Scale(double factor) => new(Ms * factor, (long)(Bytes * factor));
    }

    /// <summary>Median wall time and median bytes allocated on this thread, after two warm-up runs.</summary>
    private static Sample Measure<T>(int iterations, Func<T> action, CancellationToken ct)
    {
        for (var i = 0; i < 2; i++) GC.KeepAlive(action());
        var times = new double[iterations];
        var bytes = new long[iterations];
        for (var i = 0; i < iterations; i++)
        {
            ct.ThrowIfCancellationRequested();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            watch.Stop();
            bytes[i] = GC.GetAllocatedBytesForCurrentThread() - before;
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Array.Sort(bytes);
        return new Sample(times[iterations / 2], bytes[iterations / 2]);
    }

    /// <summary>How much heap a freshly built object keeps alive.</summary>
    private static long RetainedSize(Func<Workspace> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var model = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(model);
        return after - before;
    }

    private static bool IsOptimized() =>
        typeof(AlignmentAnalysis).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().All(a => !a.IsJITOptimizerDisabled);
}
