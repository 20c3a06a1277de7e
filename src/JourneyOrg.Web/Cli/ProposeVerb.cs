using System.Globalization;
using JourneyOrg.Analysis;
using JourneyOrg.Proposals;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;

namespace JourneyOrg.Web.Cli;

/// <summary><c>propose</c>: drafts a journey-aligned structure as a scenario (see docs/proposal.md).</summary>
public sealed class ProposeVerb : ICliVerb
{
    private const string Journey = "--journey";

    public string Name => "propose";

    public string Summary => "Draft a journey-aligned structure as a reorg scenario: one focused team per journey part";

    public string Help => """
        usage: journeyorg propose [--workspace FILE | --store SPEC] [--by journey|phase|auto] [--min-size N]
                                  [--max-size N] [--journey ID ...] [--json]

        Drafts a scenario that gives every unit of the journeys in scope exactly one accountable team, each team
        answering for one journey, with as few handoffs and as little disruption as the people allow (docs/proposal.md).
        Journeys never change. Without --json, prints what the draft achieves (gaps, overlaps, handoffs, teams per
        journey, people moved, team sizes, focus) and where it cannot reach the goal.

          --workspace FILE  draft on this file (nothing is saved)
          --store SPEC      draft on this store and SAVE the draft there as a scenario; its id is the last word printed
                            (with --json the scenario document goes to stdout and the id to stderr)
          --by MODE         journey: one team per journey; phase: one team per phase (or group of adjacent phases)
                            under a journey unit, as far as the people allow; auto (default): per journey, and per
                            phase group where the journey's team is above --max-size
          --min-size N      smallest team wanted (default 5); people with enabled accounts count
          --max-size N      largest team wanted (default 9)
          --journey ID      a journey in scope; repeat for more (default: every journey with phases)
          --json            print the scenario document ({ name, description, operations }, each with its reason)

        Without --workspace or --store, drafts on the default store and saves nothing.
        Exit codes: 0 drafted, 1 usage error, 2 the workspace could not be read or a --journey is unknown.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // --journey may repeat; the shared parser keeps one value per option, so it is taken out first.
        var journeys = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == Journey)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new CliUsageException($"{Journey} needs a value");
                journeys.Add(args[++i]);
            }
            else if (args[i].StartsWith(Journey + "=", StringComparison.Ordinal)) journeys.Add(args[i][(Journey.Length + 1)..]);
            else rest.Add(args[i]);
        }
        var options = CliArguments.Parse(rest, [WorkspaceSource.Option, CliArguments.Store, "--by", "--min-size", "--max-size"], ["--json"], maxPositionals: 0);
        if (options.Value(WorkspaceSource.Option) is not null && options.Value(CliArguments.Store) is not null)
            throw new CliUsageException("give --workspace FILE or --store SPEC, not both (a draft is saved in the store it was drafted on)");
        var by = options.Value("--by") switch
        {
            null or "auto" => ProposalGrouping.Auto,
            "journey" => ProposalGrouping.Journey,
            "phase" => ProposalGrouping.Phase,
            var other => throw new CliUsageException($"--by must be journey, phase or auto, not '{other}'"),
        };
        var min = options.PositiveInt("--min-size", 5);
        var max = options.PositiveInt("--max-size", 9);
        if (max < min) throw new CliUsageException($"--max-size ({max}) must not be below --min-size ({min})");

        var workspace = await WorkspaceSource.LoadAsync(options, stderr, Name, cancellationToken);
        if (workspace is null) return CliApp.InvalidInput;
        var proposalOptions = new ProposalOptions(by, min, max, journeys.Count == 0 ? null : journeys);
        var problems = proposalOptions.Check(workspace);
        if (problems.Count > 0)
        {
            foreach (var p in problems) stderr.WriteLine($"propose: {p}");
            return CliApp.InvalidInput;
        }

        var proposal = StructureProposal.Propose(AlignmentAnalysis.Prepare(workspace), proposalOptions);
        var document = ScenarioJson.Serialize(proposal.Scenario);
        if (options.Has("--json")) stdout.WriteLine(document);
        else WriteSummary(stdout, proposal);

        if (options.Value(CliArguments.Store) is { } storeSpec)
        {
            var store = await CliStore.OpenAsync(storeSpec, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var id = "sc-" + Guid.NewGuid().ToString("N")[..10];
            await store.SaveScenarioAsync(new StoredScenario(id, proposal.Scenario.Name, ScenarioStatus.Draft, document, null, now, now, 0), null, cancellationToken);
            (options.Has("--json") ? stderr : stdout).WriteLine($"Saved the draft scenario {id}");
        }
        return CliApp.Success;
    }

    private static void WriteSummary(TextWriter stdout, ProposedStructure proposal)
    {
        var s = proposal.Summary;
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"{proposal.Scenario.Name}: {s.Operations} change(s) over {s.Journeys} journey(s), {s.Units} units");
        stdout.WriteLine($"  gaps (unowned units)   {s.GapsBefore} → {s.GapsAfter}");
        stdout.WriteLine($"  overlaps               {s.OverlapsBefore} → {s.OverlapsAfter}");
        stdout.WriteLine($"  handoffs               {s.HandoffsBefore} → {s.HandoffsAfter}");
        stdout.WriteLine($"  teams                  {s.TeamsBefore} → {s.TeamsAfter}");
        stdout.WriteLine($"  people moved           {s.PeopleMoved}");
        stdout.WriteLine(string.Create(c, $"  focus (mean)           {s.FocusBefore:0.00} → {s.FocusAfter:0.00}"));
        stdout.WriteLine("  teams per journey      (journeys before → after)");
        foreach (var b in s.TeamsPerJourney) stdout.WriteLine($"    {b.Label,-6} {b.Before,6} → {b.After,-6} {Bar(b.After, s.Journeys)}");
        stdout.WriteLine("  accountable team sizes (teams before → after, people with enabled accounts)");
        foreach (var b in s.TeamSizes) stdout.WriteLine($"    {b.Label,-8} {b.Before,6} → {b.After,-6} {Bar(b.After, s.TeamSizes.Sum(x => x.After))}");
        if (s.Notes.Count > 0)
        {
            stdout.WriteLine($"  where the draft falls short ({s.Notes.Count}):");
            foreach (var n in s.Notes.Take(20)) stdout.WriteLine($"    {n}");
            if (s.Notes.Count > 20) stdout.WriteLine($"    … and {s.Notes.Count - 20} more");
        }
        stdout.WriteLine("  changes:");
        foreach (var op in proposal.Scenario.Operations.Take(25)) stdout.WriteLine($"    {op.Op,-18} {op.Reason}");
        if (proposal.Scenario.Operations.Count > 25) stdout.WriteLine($"    … and {proposal.Scenario.Operations.Count - 25} more (see --json)");
    }

    private static string Bar(int value, int total) => total == 0 ? "" : new string('█', (int)Math.Ceiling(20.0 * value / total));
}
