using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Analysis;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Scenarios;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Storage;

/// <summary>
/// Applying an approved scenario: the organisation the store holds afterwards is exactly the one SPEC §4 simulates,
/// written as one change (one revision, one audit entry); a scenario that no longer applies changes nothing.
/// </summary>
public abstract partial class WorkspaceStoreContract
{
    private static readonly DateTimeOffset Decided = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static async Task<StoredScenario> SaveApprovedAsync(IStore store, Scenario scenario, string id = "sc-apply")
    {
        var stored = new StoredScenario(id, scenario.Name, ScenarioStatus.Approved, ScenarioJson.Serialize(scenario), "hedda", Decided, Decided, 0);
        return await store.SaveScenarioAsync(stored, null);
    }

    /// <summary>The graph of SPEC §1 that scenarios act on, without the journey-management links to teams.</summary>
    private static Workspace Graph(Workspace w) => w with
    {
        Metrics = w.Metrics.Select(m => m with { TeamIds = [] }).ToList(), Insights = [], Opportunities = [], Solutions = [],
    };

    private static ScenarioApplier Applier(IStore store)
    {
        var baselines = new AlignmentBaselineCache();
        return new(store, store, store, new WorkspaceEditor(store, new OrgReader(store, baselines)), baselines);
    }

    /// <summary>Applies <paramref name="scenario"/> on <paramref name="workspace"/> in the store and checks the result against the simulation.</summary>
    private async Task ApplyAndCompareAsync(Workspace workspace, Scenario scenario)
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(workspace);
        var simulated = ScenarioSimulation.Simulate(workspace, scenario);
        Assert.True(simulated.Valid, string.Join("; ", simulated.Errors.Select(e => e.Message)));
        await SaveApprovedAsync(store, scenario);

        var outcome = await Applier(store).ApplyAsync("sc-apply", "ada");

        Assert.True(outcome.Applied, string.Join("; ", outcome.Reasons));
        var after = await store.LoadAsync();
        Assert.Equal(revision + 1, after.Revision);
        Assert.Equal(WorkspaceWriter.ToJson(Graph(simulated.Workspace!)), WorkspaceWriter.ToJson(Graph(after.Workspace)));
        // Journey-management records keep everything but a link to a team the scenario removed, which the store
        // drops as it does for any removed team (the simulation, which writes nothing, leaves it dangling).
        var removed = workspace.Teams.Select(t => t.Id).Except(after.Workspace.Teams.Select(t => t.Id)).ToHashSet();
        Assert.Equal(workspace.Opportunities.Select(o => o with { TeamId = removed.Contains(o.TeamId ?? "") ? null : o.TeamId }).Select(o => $"{o.Id}:{o.TeamId}").Order(),
            after.Workspace.Opportunities.Select(o => $"{o.Id}:{o.TeamId}").Order());
        Assert.Equal(WorkspaceWriter.ToJson(Graph(workspace) with { People = [], Teams = [], Roles = [], Ownership = [] }),
            WorkspaceWriter.ToJson(Graph(after.Workspace) with { People = [], Teams = [], Roles = [], Ownership = [] }));
        var marked = (await store.GetScenarioAsync("sc-apply"))!;
        Assert.Equal(ScenarioStatus.Applied, marked.Status);
        Assert.Equal(("ada", after.Revision), (ScenarioExchange.AppliedOf(marked)!.By, ScenarioExchange.AppliedOf(marked)!.Revision));
    }

    [StoreFact]
    public async Task Applying_generated_scenarios_gives_exactly_the_simulated_organisation()
    {
        foreach (var (people, seed) in new[] { (120, 1), (400, 2), (400, 3) })
        {
            var workspace = WorkspaceGenerator.Generate(people, seed);
            var scenario = ScenarioGenerator.Generate(AlignmentAnalysis.Prepare(workspace), 25, seed * 7);
            await ApplyAndCompareAsync(workspace, scenario);
        }
    }

    [StoreFact]
    public async Task Applying_the_golden_bank_scenarios_gives_exactly_the_simulated_organisation()
    {
        var files = Directory.GetFiles(GoldenData.Directory, "bank-scenario-*.json")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal) && !f.Contains("invalid", StringComparison.Ordinal) && !f.Contains("costs", StringComparison.Ordinal))
            .Order().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
            await ApplyAndCompareAsync(GoldenData.Bank, ScenarioJson.Parse(File.ReadAllText(file)).Scenario!);
    }

    [StoreFact]
    public async Task Applying_writes_one_audit_entry_that_names_the_scenario_and_every_operation()
    {
        var store = await CreateStoreAsync();
        await store.ReplaceAsync(SmallWorkspace());
        var before = (await Accounts(store).ListAuditAsync(new AuditQuery())).Count;
        await SaveApprovedAsync(store, new Scenario("Fold loans into lending", null,
            [new MergeTeams("t-loans", "t-lending"), new RenameTeam("t-lending", "Lending & loans")]));

        Assert.True((await Applier(store).ApplyAsync("sc-apply", "ada")).Applied);

        var entries = await Accounts(store).ListAuditAsync(new AuditQuery(Action: AuditActions.WorkspaceEdit));
        var entry = Assert.Single(entries);
        Assert.Contains("apply scenario sc-apply 'Fold loans into lending'", entry.Summary);
        Assert.Contains("\"op\":\"mergeTeams\"", entry.Summary);
        Assert.Contains("\"op\":\"renameTeam\"", entry.Summary);
        Assert.Contains("− t-loans", entry.Summary);
        // The workspace edit, the scenario's creation and its status change to applied: nothing else.
        Assert.Equal(before + 3, (await Accounts(store).ListAuditAsync(new AuditQuery())).Count);
    }

    [StoreFact]
    public async Task A_scenario_that_no_longer_applies_is_refused_with_its_reason_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        await store.ReplaceAsync(SmallWorkspace());
        await SaveApprovedAsync(store, new Scenario("Move Bo", null,
            [new RenameTeam("t-lending", "Lending & loans"), new MovePerson("u-2", "t-loans", "t-lending", null)]));
        // Since the approval, the loans squad was removed directly.
        var revision = await store.ApplyAsync(new WorkspaceChangeSet { DeleteTeams = ["t-loans"] }, null);
        var workspace = (await store.LoadAsync()).Workspace;

        var outcome = await Applier(store).ApplyAsync("sc-apply", "ada");

        Assert.False(outcome.Applied);
        Assert.Contains(outcome.Reasons, r => r.Contains("Change 2 (movePerson)") && r.Contains("team 't-loans' does not exist"));
        var after = await store.LoadAsync();
        Assert.Equal(revision, after.Revision);
        Assert.Equal(Canonical(workspace), Canonical(after.Workspace));
        Assert.Equal(ScenarioStatus.Approved, (await store.GetScenarioAsync("sc-apply"))!.Status);
    }

    [StoreFact]
    public async Task Only_an_approved_scenario_is_applied_and_only_once()
    {
        var store = await CreateStoreAsync();
        var revision = await store.ReplaceAsync(SmallWorkspace());
        var draft = await store.SaveScenarioAsync(new StoredScenario("sc-draft", "Rename", ScenarioStatus.Draft,
            ScenarioJson.Serialize(new Scenario("Rename", null, [new RenameTeam("t-lending", "Lending & loans")])), "ada", Decided, Decided, 0), null);

        var refused = await Applier(store).ApplyAsync(draft.Id, "ada");
        Assert.False(refused.Applied);
        Assert.Contains("Only an approved scenario can be applied; this one is draft.", refused.Reasons);
        Assert.Equal(revision, await store.GetRevisionAsync());

        await store.SaveScenarioAsync(draft with { Status = ScenarioStatus.Approved }, draft.Version);
        Assert.True((await Applier(store).ApplyAsync(draft.Id, "ada")).Applied);
        var second = await Applier(store).ApplyAsync(draft.Id, "ada");
        Assert.False(second.Applied);
        Assert.Equal(revision + 1, await store.GetRevisionAsync());
    }
}
