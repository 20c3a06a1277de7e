using JourneyOrg.Analysis;

namespace JourneyOrg.Web.Cli;

/// <summary><c>analyze</c>: the alignment analysis of the workspace, as a summary or as the SPEC JSON.</summary>
public sealed class AnalyzeVerb : ICliVerb
{
    public string Name => "analyze";

    public string Summary => "Alignment analysis: who owns each part of each journey, gaps, overlaps, FTE, spans and layers";

    public string Help => """
        usage: journeyorg analyze [--workspace FILE | --store SPEC] [--json] [--org] [--findings]

        Analyses the workspace (the store, or FILE in journeyorg/v1 format) as docs/analysis.md describes.

          --workspace FILE  analyse this file instead of the store
          --json            print the analysis as JSON (the same as GET /api/analysis)
          --org             add what each manager's organisation serves and the handoffs each must settle
                            (the JSON gets 'managers'; the summary lists who settles the most handoffs)
          --findings        also list every data-quality finding (text output only)
          --store SPEC      the store to analyse (see 'journeyorg import --help')

        Exit codes: 0 done, 1 usage error, 2 the workspace could not be read.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, [WorkspaceSource.Option, CliArguments.Store], ["--json", "--org", "--findings"], maxPositionals: 0);
        var baseline = await WorkspaceSource.LoadAnalysedAsync(options, stderr, Name, cancellationToken);
        if (baseline is null) return CliApp.InvalidInput;

        var workspace = baseline.Workspace;
        var report = baseline.Report;
        if (options.Has("--json"))
        {
            stdout.WriteLine(AnalysisJson.Serialize(report, indented: true, org: options.Has("--org") ? baseline.OrgAlignment : null));
            return CliApp.Success;
        }

        var units = report.Journeys.Sum(j => j.Units);
        var owned = report.Journeys.Sum(j => j.OwnedUnits);
        stdout.WriteLine($"Journeys   {report.Journeys.Count}, {units} units, {owned} owned ({(units == 0 ? 100 : 100.0 * owned / units):0.#}%), {report.Journeys.Sum(j => j.Handoffs)} handoffs");
        var byStatus = report.Phases.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count());
        stdout.WriteLine($"Phases     {report.Phases.Count}: {byStatus.GetValueOrDefault(PhaseStatus.Owned)} owned, {byStatus.GetValueOrDefault(PhaseStatus.Partial)} partly owned, " +
                         $"{byStatus.GetValueOrDefault(PhaseStatus.Unowned)} unowned, {byStatus.GetValueOrDefault(PhaseStatus.Overlapping)} overlapping");
        stdout.WriteLine($"Teams      {report.Teams.Count}, {report.Teams.Count(t => t.Unaligned)} unaligned (people whose work maps to no journey)");
        stdout.WriteLine($"Org        {report.Org.People} people, {report.Org.Managers} managers, average span {report.Org.AvgSpan:0.##}, widest {report.Org.MaxSpan}, {report.Org.Layers} layers");

        var attention = report.Phases.Where(p => p.Status is PhaseStatus.Unowned or PhaseStatus.Overlapping).ToList();
        if (attention.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Phases that need an owner decision:");
            foreach (var p in attention.Take(20)) stdout.WriteLine($"  {p.Status,-12} {p.Id} ({p.JourneyId})");
            if (attention.Count > 20) stdout.WriteLine($"  … and {attention.Count - 20} more (see --json)");
        }

        if (options.Has("--org")) WriteEscalations(baseline, stdout);

        var findings = DataQualityAnalysis.Check(workspace);
        stdout.WriteLine();
        stdout.WriteLine($"Data quality: {findings.Count} finding(s)" + (findings.Count == 0 ? "" : ": " +
            string.Join(", ", findings.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))));
        if (options.Has("--findings"))
            foreach (var f in findings) stdout.WriteLine($"  {f.Kind,-18} {f.Message}");
        return CliApp.Success;
    }

    private static void WriteEscalations(AlignmentBaseline baseline, TextWriter stdout)
    {
        var org = baseline.OrgAlignment;
        var names = baseline.Workspace.People.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().DisplayName);
        var settled = org.Handoffs.Count(h => h.EscalationManagerId is not null);
        stdout.WriteLine();
        stdout.WriteLine($"Handoffs   {org.Handoffs.Count}: {settled} have a leader both sides report to, {org.Handoffs.Count - settled} have none");
        var busiest = org.Handoffs.Where(h => h.EscalationManagerId is not null).GroupBy(h => h.EscalationManagerId!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10).ToList();
        if (busiest.Count == 0) return;
        stdout.WriteLine("Leaders who settle the most handoffs:");
        foreach (var g in busiest)
        {
            var fte = org.Manager(g.Key) is { } m ? $", {m.People} people, {m.MappedFte:0.#} FTE on journeys, {m.UnmappedFte:0.#} unmapped" : "";
            stdout.WriteLine($"  {g.Count(),4}  {names.GetValueOrDefault(g.Key, g.Key)} ({g.Key}){fte}");
        }
    }
}
