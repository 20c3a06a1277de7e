using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Opportunities;

/// <summary>Opportunities across all journeys, ranked on one rule and plotted value against effort.</summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class OpportunitiesController(OrgReader reader) : Controller
{
    [HttpGet("/opportunities")]
    public async Task<IActionResult> Index(string? journey, string? team, string? status, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        // A large organisation types the team (name or id) instead of choosing it from a list.
        var teamId = Blank(team) is { } typed ? org.FindTeam(typed, "Team", out _) ?? typed : null;
        var model = OpportunitiesModel.Build(org, new OpportunityFilter(Blank(journey), teamId, Blank(status)));
        return Request.IsHtmx() ? PartialView("_Prioritisation", model) : View(model);
    }

    [HttpGet("/opportunities/{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (org.Workspace.Opportunities.FirstOrDefault(o => o.Id == id) is not { } opportunity) return NotFound();
        return View("Opportunity", OpportunityPageModel.Build(org, opportunity));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The ranked opportunities that pass the filter (null while no analysis engine is installed) and the filter's choices.</summary>
public sealed record OpportunitiesModel(
    OrgView Org, OpportunityFilter Filter, IReadOnlyList<PrioritisedOpportunity>? Ranked,
    IReadOnlyList<Journey> Journeys, IReadOnlyList<string> Statuses)
{
    /// <summary>Why the last new opportunity was refused, at its fields.</summary>
    public FormProblems Problems { get; init; } = FormProblems.None;
    /// <summary>Why the last weights change was refused, at its fields.</summary>
    public FormProblems WeightsProblems { get; init; } = FormProblems.None;
    /// <summary>The new-opportunity form as typed, when its save was refused.</summary>
    public OpportunityForm? Draft { get; init; }
    /// <summary>The weights form as typed, when its save was refused.</summary>
    public WeightsForm? WeightsDraft { get; init; }
    /// <summary>What the last weights change did.</summary>
    public string? Saved { get; init; }

    public static OpportunitiesModel Build(OrgView org, OpportunityFilter filter)
    {
        var w = org.Workspace;
        return new OpportunitiesModel(org, filter,
            org.Accountability is { } accountability ? Prioritisation.Rank(w, accountability, filter) : null,
            org.JourneysWithPhases,
            w.Opportunities.Select(o => o.Status).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    /// <summary>The names of the teams accountable for the opportunity's units, or why there are none.</summary>
    public string Accountable(PrioritisedOpportunity p) =>
        p.Opportunity.TargetIds.Count == 0 ? "not linked to a journey yet"
        : p.AccountableTeams.Count == 0 ? "no accountable team"
        : string.Join(", ", p.AccountableTeams.Select(Org.TeamName));

    /// <summary>Where the opportunity is on the journeys, by name.</summary>
    public string Where(Opportunity o) => o.TargetIds.Count == 0 ? "" : string.Join("; ", o.TargetIds.Select(Org.TargetName));
}

/// <summary>
/// The value × effort matrix in SVG user units: Value 0–100 up the vertical axis, Effort 0–5 along the horizontal one,
/// so quick wins sit top left.
/// </summary>
public static class Scatter
{
    public const double Width = 720, Height = 400, Left = 56, Right = 24, Top = 16, Bottom = 48;

    public static double X(double effort) => Left + Math.Clamp(effort, 0, 5) / 5 * (Width - Left - Right);
    public static double Y(double value) => Top + (1 - Math.Clamp(value, 0, 100) / 100) * (Height - Top - Bottom);
    public static string N(double v) => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    // Label geometry at font-size 12: an average glyph is about 6.6 units wide, a line 12 high.
    private const double Glyph = 6.6, LineHeight = 12, Gap = 9, MaxLabel = 44;

    /// <summary>
    /// Places each dot's label ("3. Title") where it overlaps no other label and no dot, trying right, left, above and
    /// below in turn, dots in rank order so the first-ranked are labelled first. A dot with no free place keeps just its
    /// rank number; its title is in the tooltip and the ranked list.
    /// </summary>
    public static IReadOnlyList<ScatterLabel> PlaceLabels(IReadOnlyList<(double X, double Y, int Rank, string Title)> dots)
    {
        var taken = dots.Select(d => new Box(d.X - 6, d.Y - 6, d.X + 6, d.Y + 6)).ToList();
        var labels = new List<ScatterLabel>();
        foreach (var d in dots)
        {
            var title = d.Title.Length > MaxLabel ? d.Title[..(int)(MaxLabel - 1)].TrimEnd() + "…" : d.Title;
            var placed = Fit(d, $"{d.Rank}. {title}", taken) ?? Fit(d, d.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), taken)
                         ?? new ScatterLabel(d.X + Gap, d.Y + 4, "start", d.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture));
            labels.Add(placed);
            taken.Add(BoxOf(placed));
        }
        return labels;
    }

    private static ScatterLabel? Fit((double X, double Y, int Rank, string Title) d, string text, List<Box> taken)
    {
        ScatterLabel[] candidates =
        [
            new(d.X + Gap, d.Y + 4, "start", text), new(d.X - Gap, d.Y + 4, "end", text),
            new(d.X + 4, d.Y - Gap - 1, "start", text), new(d.X + 4, d.Y + Gap + 11, "start", text),
            new(d.X - 4, d.Y - Gap - 1, "end", text), new(d.X - 4, d.Y + Gap + 11, "end", text),
        ];
        return candidates.FirstOrDefault(c =>
        {
            var box = BoxOf(c);
            return box.Left >= 0 && box.Right <= Width && box.Top >= 0 && box.Bottom <= Height - Bottom + 4 && !taken.Any(t => t.Overlaps(box));
        });
    }

    private static Box BoxOf(ScatterLabel l)
    {
        var width = l.Text.Length * Glyph;
        var left = l.Anchor == "end" ? l.X - width : l.X;
        return new Box(left, l.Y - LineHeight + 2, left + width, l.Y + 3);
    }

    private readonly record struct Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Box o) => Left < o.Right && o.Left < Right && Top < o.Bottom && o.Top < Bottom;
    }
}

/// <summary>Where a dot's label goes in the matrix: its text's anchor point and side.</summary>
public sealed record ScatterLabel(double X, double Y, string Anchor, string Text);
