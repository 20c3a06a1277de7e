using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Links;

/// <summary>
/// The inbox of imported metrics, insights and opportunities that are on no journey yet, and the page that puts one on
/// a step or phase. TheyDo's formats have no place for that link; a re-import keeps it.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class LinksController(OrgReader reader, LinkEditor links) : Controller
{
    [HttpGet("/links")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var model = UnlinkedModel.Build(org, page);
        return Request.IsHtmx() ? PartialView("_Unlinked", model) : View(model);
    }

    /// <summary>Choosing where one record goes: first a journey, then one of its steps (or phases).</summary>
    [HttpGet("/links/{kind}/{id}")]
    public async Task<IActionResult> Choose(string kind, string id, string? journey, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var model = LinkChoiceModel.Build(org, kind, id, journey);
        if (model is null) return NotFound();
        return Request.IsHtmx() ? PartialView("_LinkChoice", model) : View(model);
    }

    [HttpPost("/links/{kind}/{id}")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> Link(string kind, string id, LinkForm form, CancellationToken cancellationToken)
    {
        var outcome = await links.LinkAsync(kind, id, form.TargetId, form.Revision, cancellationToken);
        if (!outcome.Found) return NotFound();
        var target = (form.TargetId ?? "").Trim();
        var after = await reader.LoadAsync(cancellationToken);
        if (outcome.Result.Applied)
        {
            var done = $"{outcome.ItemName} is now on {after.TargetName(target)}.";
            if (!Request.IsHtmx())
            {
                TempData[FormAnswers.Done] = done;
                return Redirect(PageOf(after, target));
            }
            var linked = LinkChoiceModel.Build(after, kind, id, after.JourneyOf(target)) ?? throw new InvalidOperationException("linked record vanished");
            return PartialView("_LinkChoice", linked with { Linked = done, LinkedUrl = PageOf(after, target) });
        }
        // Refused: the same choice again, with the journey and the step or phase that were chosen, the reason at the field.
        var problems = new FormProblems(LinkChoiceModel.Form).Placing(nameof(LinkForm.TargetId), LinkChoiceModel.TargetInput);
        if (outcome.RefusedTarget) problems.At(nameof(LinkForm.TargetId)).AddRange(outcome.Result.Errors);
        else problems.Whole.AddRange(outcome.Result.Errors);
        var model = (LinkChoiceModel.Build(after, kind, id, after.JourneyOf(target) ?? form.Journey) ?? throw new InvalidOperationException("linked record vanished"))
            with { Problems = problems, Target = target };
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Request.IsHtmx() ? PartialView("_LinkChoice", model) : View("Choose", model);
    }

    /// <summary>Where a linked record is seen: its step's page, or the journey map for a whole phase.</summary>
    private static string PageOf(OrgView org, string targetId) =>
        org.Steps.TryGetValue(targetId, out var s) ? Steps.StepUrls.Page(s.Journey.Id, s.Step.Id)
        : org.Phases.TryGetValue(targetId, out var p) ? $"/journeys/{Uri.EscapeDataString(p.Journey.Id)}#phase-{DomIds.Safe(p.Phase.Id)}"
        : "/links";
}

/// <summary>The link form: the step or phase, and the journey it was chosen from (kept when the choice is refused).</summary>
public sealed record LinkForm(string? TargetId, long Revision, string? Journey = null);

/// <summary>One page of what is not on any journey yet, per kind, by name.</summary>
public sealed record UnlinkedModel(
    OrgView Org, int Page, int Pages,
    IReadOnlyList<Metric> Metrics, IReadOnlyList<Insight> Insights, IReadOnlyList<Opportunity> Opportunities,
    int MetricCount, int InsightCount, int OpportunityCount)
{
    /// <summary>Items listed per kind and page; each is one line with a link, so a page stays small.</summary>
    public const int PerPage = 100;

    public static UnlinkedModel Build(OrgView org, int page)
    {
        var w = org.Workspace;
        var metrics = w.Metrics.Where(m => !m.IsLinked).OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var insights = w.Insights.Where(i => i.StepIds.Count == 0).OrderBy(i => i.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
        var opportunities = w.Opportunities.Where(o => o.TargetIds.Count == 0).OrderBy(o => o.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
        var pages = Math.Max(1, (Math.Max(metrics.Count, Math.Max(insights.Count, opportunities.Count)) + PerPage - 1) / PerPage);
        page = Math.Clamp(page, 1, pages);
        List<T> OnPage<T>(List<T> items) => items.Skip((page - 1) * PerPage).Take(PerPage).ToList();
        return new UnlinkedModel(org, page, pages, OnPage(metrics), OnPage(insights), OnPage(opportunities),
            metrics.Count, insights.Count, opportunities.Count);
    }
}

/// <summary>One record to link, the journey chosen so far (its steps and phases are the choices), and the outcome.</summary>
public sealed record LinkChoiceModel(
    OrgView Org, string Kind, string ItemId, string ItemName, string KindName, bool StepsOnly,
    IReadOnlyList<Journey> Journeys, Journey? Journey)
{
    /// <summary>The link form's DOM prefix, and the id of its step-or-phase list.</summary>
    public const string Form = "link";
    public const string TargetInput = "link-target";

    public FormProblems Problems { get; init; } = FormProblems.None;

    /// <summary>The step or phase chosen in a refused post, chosen again in the list.</summary>
    public string? Target { get; init; }

    public string? Linked { get; init; }
    public string? LinkedUrl { get; init; }

    public static LinkChoiceModel? Build(OrgView org, string kind, string itemId, string? journeyId)
    {
        var w = org.Workspace;
        (string Name, string KindName)? item = kind switch
        {
            LinkKinds.Metric => w.Metrics.FirstOrDefault(m => m.Id == itemId) is { } m ? (m.Name, "KPI") : null,
            LinkKinds.Insight => w.Insights.FirstOrDefault(i => i.Id == itemId) is { } i ? (i.Title, "insight") : null,
            LinkKinds.Opportunity => w.Opportunities.FirstOrDefault(o => o.Id == itemId) is { } o ? (o.Title, "opportunity") : null,
            _ => null,
        };
        if (item is null) return null;
        var journeys = org.JourneysWithPhases;
        var journey = journeyId is not null && org.Journeys.TryGetValue(journeyId, out var chosen) && chosen.Phases.Count > 0 ? chosen : null;
        return new LinkChoiceModel(org, kind, itemId, item.Value.Name, item.Value.KindName, kind == LinkKinds.Insight,
            journeys, journey);
    }
}
