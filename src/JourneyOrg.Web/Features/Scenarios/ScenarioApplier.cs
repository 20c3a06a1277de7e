using System.Text.Json.Nodes;
using JourneyOrg.Analysis;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.DirectorySync;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>What applying a scenario did: the new revision, or the reasons it was refused (nothing was written then).</summary>
public sealed record ApplyOutcome(bool Applied, IReadOnlyList<string> Reasons, AppliedRecord? Record = null)
{
    public static ApplyOutcome Refused(params string[] reasons) => new(false, reasons);
}

/// <summary>
/// Makes an approved scenario the live organisation: the scenario is simulated on today's organisation exactly as the
/// planner shows it (SPEC §4), and the difference goes through <see cref="WorkspaceEditor"/> like any edit from the
/// screens: validated, one transaction, one revision, one audit entry naming the scenario and every operation.
/// Journeys never change. The web app and the CLI both apply through here.
/// </summary>
public sealed class ScenarioApplier(IWorkspaceStore workspace, IScenarioStore scenarios, IStateStore state, WorkspaceEditor editor, AlignmentBaselineCache baselines)
{
    /// <summary>The state key that records, in the same transaction as the change, that a scenario was applied.</summary>
    public static string StateKey(string scenarioId) => "scenario.applied." + scenarioId;

    public async Task<ApplyOutcome> ApplyAsync(string id, string appliedBy, CancellationToken cancellationToken = default)
    {
        var stored = await scenarios.GetScenarioAsync(id, cancellationToken);
        if (stored is null) return ApplyOutcome.Refused($"There is no scenario '{id}'.");
        if (await state.GetStateAsync(StateKey(id), cancellationToken) is { } done)
        {
            // Applied, but the status write after it did not happen (a crash between the two): finish it, apply nothing twice.
            var record = ScenarioExchange.ReadApplied(JsonNode.Parse(done));
            if (stored.Status != ScenarioStatus.Applied && record is not null)
                await scenarios.SaveScenarioAsync(ScenarioExchange.MarkApplied(stored, record), stored.Version, cancellationToken);
            return ApplyOutcome.Refused($"This scenario was already applied{(record is null ? "" : $" on {record.At:yyyy-MM-dd HH:mm} UTC by {record.By}")}.");
        }
        if (stored.Status != ScenarioStatus.Approved)
            return ApplyOutcome.Refused($"Only an approved scenario can be applied; this one is {stored.Status}.");

        var parsed = ScenarioJson.Parse(stored.Document);
        if (!parsed.Succeeded) return ApplyOutcome.Refused(parsed.Errors.Select(e => $"The scenario file is not valid: {e.Message}").ToArray());

        var snapshot = await workspace.LoadAsync(cancellationToken);
        var baseline = baselines.Get(snapshot.Revision, snapshot.Workspace);
        var result = ScenarioSimulation.Apply(baseline, parsed.Scenario!);
        if (!result.Valid)
            return ApplyOutcome.Refused(result.Errors.Select(e =>
                $"Change {(e.Index ?? 0) + 1} ({e.Op}) no longer applies to today's organisation: {(e.Field is null ? "" : e.Field + ": ")}{e.Reason}").ToArray());

        var applied = new AppliedRecord(DateTimeOffset.UtcNow, appliedBy, snapshot.Revision + 1);
        // Changes to people and teams that come from Entra are recorded as overrides in the same transaction, so the
        // next directory sync keeps them until the directory agrees (DirectoryOverrides).
        var written = new Dictionary<string, string?>(DirectoryOverrides.For(snapshot.Workspace, result.Workspace!, stored.Name, applied.At))
        {
            [StateKey(id)] = ScenarioExchange.ToJson(applied).ToJsonString(),
        };
        var changes = ScenarioChanges.Between(snapshot.Workspace, result.Workspace!) with { State = written };
        EditResult edit;
        using (AuditContext.BeginAction(AuditAction(stored, parsed.Scenario!)))
            edit = await editor.ApplyAsync(changes, snapshot.Revision, cancellationToken);
        if (!edit.Applied) return new ApplyOutcome(false, edit.Errors);

        applied = applied with { Revision = edit.Revision };
        // The organisation changed and the state key records it; now the scenario says so too. Nobody edits an approved
        // scenario, but an Admin may have touched its status meanwhile: re-read and retry rather than lose the mark.
        for (var attempt = 0; ; attempt++)
        {
            var current = await scenarios.GetScenarioAsync(id, cancellationToken) ?? stored;
            try
            {
                await scenarios.SaveScenarioAsync(ScenarioExchange.MarkApplied(current, applied), current.Version, cancellationToken);
                break;
            }
            catch (ConcurrentChangeException) when (attempt < 3)
            {
            }
        }
        return new ApplyOutcome(true, [], applied);
    }

    /// <summary>What the audit entry says the change came from: the scenario and each of its operations as written.</summary>
    private static string AuditAction(StoredScenario stored, Scenario scenario)
    {
        var operations = JsonNode.Parse(ScenarioJson.Serialize(scenario))!["operations"]!.AsArray();
        var lines = operations.Select((op, i) => $"{i + 1}. {op!.ToJsonString()}");
        return $"apply scenario {stored.Id} '{stored.Name}' ({operations.Count} operation(s): {string.Join(" ", lines)})";
    }
}
