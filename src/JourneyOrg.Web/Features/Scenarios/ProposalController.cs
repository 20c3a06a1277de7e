using JourneyOrg.Proposals;
using JourneyOrg.Scenarios;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// "Propose a journey-aligned structure" on the Scenarios page: drafts the proposal (docs/proposal.md) on today's
/// organisation, stores it as a draft scenario of the planner and opens it, where it is reviewed and edited like any
/// other. Kept apart from <see cref="ScenariosController"/> so the planner screens can change without touching it.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Plan)]
public sealed class ProposalController(OrgReader reader, IScenarioStore store) : Controller
{
    [HttpPost("/scenarios/propose")]
    public async Task<IActionResult> Propose(string? by, int? minSize, int? maxSize, bool accept, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var grouping = by switch
        {
            null or "" or "auto" => ProposalGrouping.Auto,
            "journey" => ProposalGrouping.Journey,
            "phase" => ProposalGrouping.Phase,
            _ => (ProposalGrouping?)null,
        };
        var options = new ProposalOptions(grouping ?? ProposalGrouping.Auto, minSize ?? 5, maxSize ?? 9);
        var problems = new FormProblems(ScenarioListModel.ProposeForm);
        if (grouping is null) problems.Add("By", "Teams per: choose by journey, by phase or automatically.");
        if (options.MaxSize > 1000) problems.Add("Max", "Largest team: at most 1000.");
        // The options' own check speaks of the sizes together (smallest above largest) or of the workspace.
        foreach (var error in options.Check(org.Baseline.Workspace)) problems.Whole.Add($"Cannot propose a structure: {error}.");
        if (problems.Any)
        {
            var plans = await ScenarioSummary.VisiblePlansAsync(store, User, org, cancellationToken);
            return this.Refused("/Features/Scenarios/Index.cshtml", new ScenarioListModel(org, plans, problems)
            {
                Typed = new Dictionary<string, string?> { ["By"] = by, ["Min"] = minSize?.ToString(), ["Max"] = maxSize?.ToString() },
            });
        }

        var proposal = StructureProposal.Propose(org.Baseline, options);
        // First the summary, to accept or not; the proposal is deterministic, so accepting drafts exactly what was shown
        // (unless the organisation changed meanwhile, which the summary's revision makes visible).
        if (!accept) return View("/Features/Scenarios/ProposalPreview.cshtml", new ProposalPreviewModel(org, proposal, by ?? "auto", options.MinSize, options.MaxSize));
        var now = DateTimeOffset.UtcNow;
        var id = "sc-" + Guid.NewGuid().ToString("N")[..10];
        var document = ScenarioJson.Serialize(proposal.Scenario);
        await store.SaveScenarioAsync(new StoredScenario(id, proposal.Scenario.Name, ScenarioStatus.Draft, document, User.Identity?.Name, now, now, 0), null, cancellationToken);
        return Redirect($"/scenarios/{id}");
    }
}

/// <summary>The proposal's summary before it becomes a draft scenario, with the options to accept it with.</summary>
public sealed record ProposalPreviewModel(OrgView Org, ProposedStructure Proposal, string By, int MinSize, int MaxSize);
