using JourneyOrg.Domain;
using JourneyOrg.Storage;

namespace JourneyOrg.Tests.Web;

/// <summary>
/// The sample organisation with journey management on top: a KPI on the unowned phase, an imported KPI not linked
/// yet, an insight whose description tries to smuggle script in, opportunities on owned and unowned units, a solution.
/// </summary>
public sealed class JourneyManagementApp : WebAppFactory
{
    public JourneyManagementApp() => Store.ApplyAsync(Changes, null).GetAwaiter().GetResult();

    public static WorkspaceChangeSet Changes { get; } = new()
    {
        UpsertMetrics =
        [
            new Metric("m-complete", "p-complete", "Days to complete", " days", null, 30, "lower")
            {
                DataPoints =
                [
                    new MetricDataPoint(new DateOnly(2024, 1, 31), [], 41),
                    new MetricDataPoint(new DateOnly(2024, 2, 29), [], 36),
                ],
            },
            new Metric("m-app-nps", "", "App NPS", null, null, 30, "higher") { Type = MetricTypes.Nps, ImportKey = "nps-app" },
        ],
        UpsertInsights =
        [
            new Insight("i-forms", "Forms are too long", "Customers **give up** on page 3.\n\n<script>alert('x')</script>\n\n[see research](javascript:alert(1)) and [the study](https://example.com/study)",
                InsightTypes.PainPoint, "https://example.com/research", 4, 0.8) { StepIds = ["s-form"] },
            new Insight("i-unlinked", "Brokers want status updates", "", InsightTypes.Observation, null, null, null),
        ],
        UpsertOpportunities =
        [
            new Opportunity("o-prefill", "Prefill the application", "", "open", "t-apply", 80, 60, 2) { TargetIds = ["s-form"] },
            new Opportunity("o-complete", "Faster completion", "", "in progress", null, 40, 20, 4) { TargetIds = ["p-complete"] },
            new Opportunity("o-unlinked", "Broker portal", "", "open", "t-underwriting", 30, 90, 5),
        ],
        UpsertSolutions =
        [
            new Solution("sol-prefill", "Prefill epic", "", "EPIC", "in progress", "t-apply") { OpportunityIds = ["o-prefill"], Priority = "HIGH" },
        ],
    };
}
