using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Scenarios;

/// <summary>
/// The outcome of simulating a scenario (SPEC §4). When <see cref="Valid"/> is false, <see cref="Errors"/> says
/// why and <see cref="Scenario"/>, <see cref="Diff"/> and <see cref="Workspace"/> are null: half a scenario is
/// not a plan anyone can act on.
/// </summary>
public sealed record SimulationResult(
    bool Valid,
    IReadOnlyList<ScenarioError> Errors,
    AlignmentReport Baseline,
    AlignmentReport? Scenario,
    ScenarioDiff? Diff)
{
    /// <summary>The org the scenario produces (for the UI and for approving it); null when invalid.</summary>
    public Workspace? Workspace { get; init; }

    /// <summary>The planned openings the scenario adds.</summary>
    public IReadOnlyList<Opening> Openings { get; init; } = [];

    /// <summary>Whether any part carries people cost (HR-only).</summary>
    public bool HasCost => Baseline.Cost is not null || Scenario?.Cost is not null || Diff?.Cost is not null;

    /// <summary>
    /// This result as a reader without access to people cost may see it: no cost figures in the analyses or the diff,
    /// and the scenario's workspace without cost data.
    /// </summary>
    public SimulationResult WithoutCost() => !HasCost && Workspace is not { HasCosts: true } ? this : this with
    {
        Baseline = Baseline.WithoutCost(),
        Scenario = Scenario?.WithoutCost(),
        Diff = Diff?.WithoutCost(),
        Workspace = Workspace is null ? null : Workspace with { Costs = [] },
    };
}

/// <summary>The org a scenario produces, or why it cannot be produced.</summary>
public sealed record ScenarioApplication(Workspace? Workspace, IReadOnlyList<Opening> Openings, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>Whether every operation applied.</summary>
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Applies scenarios on top of a baseline and compares the result with it. The baseline is never changed, and
/// its analysis is computed once (in <see cref="AlignmentBaseline"/>) however many scenarios are simulated on it.
/// </summary>
public static class ScenarioSimulation
{
    /// <summary>Applies the operations in order, each validated against the state the ones before it produced.</summary>
    /// <remarks>Stops at the first invalid operation: every later one would be checked against a state that cannot exist.</remarks>
    public static ScenarioApplication Apply(AlignmentBaseline baseline, Scenario scenario)
    {
        var state = new ScenarioState(baseline);
        for (var i = 0; i < scenario.Operations.Count; i++)
        {
            if (state.Apply(i, scenario.Operations[i]) is { } error)
                return new ScenarioApplication(null, [], [error]);
        }
        return new ScenarioApplication(state.ToWorkspace(), state.Openings, []);
    }

    /// <summary>Applies a scenario, analyses the result (reusing the baseline's indexes) and compares it with the baseline.</summary>
    public static SimulationResult Simulate(AlignmentBaseline baseline, Scenario scenario)
    {
        var applied = Apply(baseline, scenario);
        if (!applied.Valid) return Invalid(baseline, applied.Errors);
        var report = baseline.AnalyzeVariant(applied.Workspace!);
        var diff = ScenarioComparison.Compare(baseline, applied.Workspace!, report, applied.Openings);
        return new SimulationResult(true, [], baseline.Report, report, diff) { Workspace = applied.Workspace, Openings = applied.Openings };
    }

    /// <summary>Simulates a scenario on a workspace analysed for this one call.</summary>
    public static SimulationResult Simulate(Workspace baseline, Scenario scenario) =>
        Simulate(AlignmentAnalysis.Prepare(baseline), scenario);

    /// <summary>The result for a scenario that could not be read or applied: the baseline, and why.</summary>
    public static SimulationResult Invalid(AlignmentBaseline baseline, IReadOnlyList<ScenarioError> errors) =>
        new(false, errors, baseline.Report, null, null);
}
