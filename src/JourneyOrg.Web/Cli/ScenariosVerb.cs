using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Scenarios;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Cli;

/// <summary><c>scenarios</c>: lists, imports, exports, decides and applies the stored reorg scenarios.</summary>
public sealed class ScenariosVerb : ICliVerb
{
    public string Name => "scenarios";

    public string Summary => "List, import, export, approve and apply stored reorg scenarios";

    public string Help => $"""
        usage: journeyorg scenarios list [--store SPEC]
               journeyorg scenarios import FILE [--store SPEC]
               journeyorg scenarios export ID [FILE] [--store SPEC]
               journeyorg scenarios status ID draft|proposed|approved|discarded [--store SPEC]
               journeyorg scenarios apply ID [--store SPEC]

          list     every stored scenario: id, status, number of changes, whether it applies to today's organisation
          import   reads a scenario file (as exported) into a new draft; the last word printed is its id
          export   writes the scenario as a file (name, description, status, operations) to FILE or standard output
          status   moves the scenario along draft → proposed → approved (or discarded); an applied scenario stays applied
          apply    makes an approved scenario the live organisation in one change (one revision, one audit entry);
                   refused, with the reasons, when it is not approved or an operation no longer applies

        The command line acts with the rights of whoever may open the store (as an Admin on the web pages).
        {CliStore.Help}

        exit codes: 0 done, 1 usage error, 2 invalid input (a bad file, an unknown scenario, a refused status or apply)
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [CliArguments.Store], [], maxPositionals: 3);
        var words = arguments.Positionals;
        if (words.Count == 0) throw new CliUsageException("say what to do: list, import, export, status or apply");
        var (action, rest) = (words[0], words.Skip(1).ToList());
        int Expect(int min, int max, string usage) =>
            rest.Count < min || rest.Count > max ? throw new CliUsageException($"usage: scenarios {usage}") : 0;
        switch (action)
        {
            case "list": Expect(0, 0, "list"); break;
            case "import": Expect(1, 1, "import FILE"); break;
            case "export": Expect(1, 2, "export ID [FILE]"); break;
            case "status": Expect(2, 2, "status ID draft|proposed|approved|discarded"); break;
            case "apply": Expect(1, 1, "apply ID"); break;
            default: throw new CliUsageException($"unknown action '{action}'; expected list, import, export, status or apply");
        }
        if (action == "import" && !File.Exists(rest[0])) { await stderr.WriteLineAsync($"scenarios: file not found: {rest[0]}"); return CliApp.InvalidInput; }

        var store = await CliStore.OpenAsync(arguments.Value(CliArguments.Store), cancellationToken);
        return action switch
        {
            "list" => await ListAsync(store, store, stdout, cancellationToken),
            "import" => await ImportAsync(store, rest[0], stdout, stderr, cancellationToken),
            "export" => await ExportAsync(store, rest[0], rest.ElementAtOrDefault(1), stdout, stderr, cancellationToken),
            "status" => await StatusAsync(store, rest[0], rest[1], stdout, stderr, cancellationToken),
            _ => await ApplyAsync(store, rest[0], stdout, stderr, cancellationToken),
        };
    }

    private static async Task<int> ListAsync(IWorkspaceStore workspace, IScenarioStore store, TextWriter stdout, CancellationToken cancellationToken)
    {
        var snapshot = await workspace.LoadAsync(cancellationToken);
        var baseline = AlignmentAnalysis.Prepare(snapshot.Workspace);
        var scenarios = await store.ListScenariosAsync(cancellationToken);
        if (scenarios.Count == 0) { await stdout.WriteLineAsync("No scenarios."); return CliApp.Success; }
        await stdout.WriteLineAsync($"{"id",-15} {"status",-10} {"changes",7}  {"check",-12} name");
        foreach (var stored in scenarios)
        {
            var plan = ScenarioPlan.Load(stored, baseline);
            var check = plan.Applied is { } applied ? $"applied {applied.At:yyyy-MM-dd}" : plan.Valid ? "applies" : "needs review";
            await stdout.WriteLineAsync($"{stored.Id,-15} {stored.Status,-10} {plan.Operations.Count,7}  {check,-12} {stored.Name}");
        }
        return CliApp.Success;
    }

    private static async Task<int> ImportAsync(IScenarioStore store, string file, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (scenario, errors) = ScenarioExchange.Import(await File.ReadAllTextAsync(file, cancellationToken), ScenarioIds.New(), null, DateTimeOffset.UtcNow);
        if (scenario is null)
        {
            await stderr.WriteLineAsync($"scenarios: {file} was not imported; nothing was created:");
            foreach (var e in errors) await stderr.WriteLineAsync($"  {e.Message}");
            return CliApp.InvalidInput;
        }
        await store.SaveScenarioAsync(scenario, null, cancellationToken);
        await stdout.WriteLineAsync($"Imported '{scenario.Name}' as a draft scenario: {scenario.Id}");
        return CliApp.Success;
    }

    private static async Task<int> ExportAsync(IScenarioStore store, string id, string? file, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (await store.GetScenarioAsync(id, cancellationToken) is not { } stored) return await UnknownAsync(stderr, id);
        var json = ScenarioExchange.Export(stored);
        if (file is null or "-")
        {
            await stdout.WriteLineAsync(json);
            return CliApp.Success;
        }
        try
        {
            await File.WriteAllTextAsync(file, json + "\n", cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write {file}: {ex.Message}");
        }
        await stdout.WriteLineAsync($"Exported scenario '{stored.Name}' ({stored.Status}) to {file}.");
        return CliApp.Success;
    }

    private static async Task<int> StatusAsync(IScenarioStore store, string id, string status, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (await store.GetScenarioAsync(id, cancellationToken) is not { } stored) return await UnknownAsync(stderr, id);
        if (ScenarioLifecycle.WhyNot(stored.Status, status, mayApprove: true, isAdmin: true) is { } why)
        {
            await stderr.WriteLineAsync($"scenarios: {why}");
            return CliApp.InvalidInput;
        }
        using (stored.Status == ScenarioStatus.Approved && status != stored.Status ? AuditContext.BeginAction($"reopen approved scenario {id} as {status}") : null)
            await store.SaveScenarioAsync(stored with { Status = status, UpdatedAt = DateTimeOffset.UtcNow }, stored.Version, cancellationToken);
        await stdout.WriteLineAsync($"Scenario {id} '{stored.Name}': {stored.Status} → {status}");
        return CliApp.Success;
    }

    private static async Task<int> ApplyAsync(IStore store, string id, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var baselines = new AlignmentBaselineCache();
        var applier = new ScenarioApplier(store, store, store, new WorkspaceEditor(store, new OrgReader(store, baselines)), baselines);
        var outcome = await applier.ApplyAsync(id, AuditContext.Current.Actor, cancellationToken);
        if (!outcome.Applied)
        {
            await stderr.WriteLineAsync($"scenarios: {id} was not applied; the organisation is unchanged:");
            foreach (var reason in outcome.Reasons) await stderr.WriteLineAsync($"  {reason}");
            return CliApp.InvalidInput;
        }
        await stdout.WriteLineAsync($"Applied scenario {id}: the organisation is now at revision {outcome.Record!.Revision}.");
        return CliApp.Success;
    }

    private static async Task<int> UnknownAsync(TextWriter stderr, string id)
    {
        await stderr.WriteLineAsync($"scenarios: there is no scenario '{id}' (see 'journeyorg scenarios list')");
        return CliApp.InvalidInput;
    }
}
