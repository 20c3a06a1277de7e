using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Opportunities;

/// <summary>
/// The opportunity form (new and edit). Scores arrive as text so that "abc" or "120" is answered with a sentence that
/// names the field, not a model-binding error; the import validator still checks the whole workspace afterwards.
/// </summary>
public sealed class OpportunityForm
{
    /// <summary>Only on create; made from the title when left empty. Not <c>Id</c>: that would bind the route's id.</summary>
    public string? NewId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    public string? TeamId { get; set; }
    public string? CustomerValue { get; set; }
    public string? BusinessValue { get; set; }
    public string? Effort { get; set; }
    /// <summary>One link per line.</summary>
    public string? ExternalLinks { get; set; }
    public long Revision { get; set; }

    public static OpportunityForm From(Opportunity o) => new()
    {
        Title = o.Title, Description = o.Description, Status = o.Status, TeamId = o.TeamId,
        CustomerValue = FormFields.Show(o.CustomerValue), BusinessValue = FormFields.Show(o.BusinessValue), Effort = FormFields.Show(o.Effort),
        ExternalLinks = string.Join("\n", o.ExternalLinks),
    };

    /// <summary>
    /// The opportunity this form describes, keeping what the form does not show (targets, owner person, import key) from
    /// <paramref name="existing"/>; or the reasons it cannot be saved.
    /// </summary>
    public (Opportunity? Opportunity, IReadOnlyList<string> Errors) ToOpportunity(string id, Opportunity? existing, OrgView org)
    {
        var errors = new List<string>();
        var title = (Title ?? "").Trim();
        if (title.Length == 0) errors.Add("Title is required.");
        var customer = FormFields.Score(CustomerValue, "Customer Value", 0, 100, errors);
        var business = FormFields.Score(BusinessValue, "Business Value", 0, 100, errors);
        var effort = FormFields.Score(Effort, "Effort", 0, 5, errors);
        var team = FormFields.Blank(TeamId);
        if (team is not null && !org.Teams.ContainsKey(team)) errors.Add($"Owner team '{team}' is not a team in the workspace.");
        var links = FormFields.Links(ExternalLinks, errors);
        if (errors.Count > 0) return (null, errors);
        var opportunity = (existing ?? new Opportunity(id, title, "", null, null, null, null, null)) with
        {
            Title = title, Description = (Description ?? "").Trim(), Status = FormFields.Blank(Status), TeamId = team,
            CustomerValue = customer, BusinessValue = business, Effort = effort, ExternalLinks = links,
        };
        return (opportunity, []);
    }
}

/// <summary>A solution added to or edited on an opportunity's page.</summary>
public sealed class SolutionForm
{
    /// <summary>Only on create; made from the title when left empty.</summary>
    public string? NewId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Type { get; set; }
    public string? Status { get; set; }
    public string? Priority { get; set; }
    public string? TeamId { get; set; }
    public string? ExternalLinks { get; set; }
    public long Revision { get; set; }

    /// <summary>The types TheyDo and the issue name; the domain takes any text.</summary>
    public static readonly IReadOnlyList<string> SuggestedTypes = ["epic", "campaign", "initiative"];

    public (Solution? Solution, IReadOnlyList<string> Errors) ToSolution(string id, Solution? existing, string opportunityId, OrgView org)
    {
        var errors = new List<string>();
        var title = (Title ?? "").Trim();
        if (title.Length == 0) errors.Add("Solution title is required.");
        var priority = FormFields.Blank(Priority)?.ToUpperInvariant();
        if (priority is not null && !SolutionPriorities.All.Contains(priority))
            errors.Add($"Priority must be one of {string.Join(", ", SolutionPriorities.All)} (you entered '{Priority!.Trim()}').");
        var team = FormFields.Blank(TeamId);
        if (team is not null && !org.Teams.ContainsKey(team)) errors.Add($"Owning team '{team}' is not a team in the workspace.");
        var links = FormFields.Links(ExternalLinks, errors);
        if (errors.Count > 0) return (null, errors);
        var solution = (existing ?? new Solution(id, title, "", null, null, null) { OpportunityIds = [opportunityId] }) with
        {
            Title = title, Description = existing is not null && Description is null ? existing.Description : (Description ?? "").Trim(),
            Type = FormFields.Blank(Type), Status = FormFields.Blank(Status), Priority = priority, TeamId = team, ExternalLinks = links,
        };
        return (solution, []);
    }
}

/// <summary>The prioritisation weights as typed on /opportunities.</summary>
public sealed class WeightsForm
{
    public string? CustomerValueWeight { get; set; }
    public string? BusinessValueWeight { get; set; }
    public long Revision { get; set; }
    // The filter the list was showing, so the re-ranked list keeps it.
    public string? Journey { get; set; }
    public string? Team { get; set; }
    public string? Status { get; set; }

    public (PrioritisationWeights? Weights, IReadOnlyList<string> Errors) ToWeights()
    {
        var errors = new List<string>();
        var customer = Weight(CustomerValueWeight, "Customer value weight", errors);
        var business = Weight(BusinessValueWeight, "Business value weight", errors);
        if (errors.Count == 0 && customer == 0 && business == 0)
            errors.Add("The customer value and business value weights cannot both be 0: at least one must count.");
        return errors.Count > 0 ? (null, errors) : (new PrioritisationWeights(customer!.Value, business!.Value), []);
    }

    private static double? Weight(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add($"{field} is required (a number of 0 or more)."); return null; }
        if (!FormFields.TryNumber(text, out var value)) { errors.Add($"{field} must be a number of 0 or more (you entered '{text.Trim()}')."); return null; }
        if (value < 0) { errors.Add($"{field} must be 0 or more (you entered {FormFields.Show(value)})."); return null; }
        return value;
    }
}

/// <summary>Parsing of the text fields the journey-management forms share.</summary>
public static class FormFields
{
    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Show(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A number typed with a point or a comma as the decimal separator.</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>An optional score in [min, max]; empty means not scored.</summary>
    public static double? Score(string? text, string field, double min, double max, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!TryNumber(text, out var value))
        {
            errors.Add($"{field} must be a number between {Show(min)} and {Show(max)} (you entered '{text.Trim()}').");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add($"{field} must be between {Show(min)} and {Show(max)} (you entered {Show(value)}).");
            return null;
        }
        return value;
    }

    /// <summary>One http or https link per non-empty line.</summary>
    public static IReadOnlyList<string> Links(string? text, List<string> errors)
    {
        var links = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var link in links.Where(l => !JourneyLinks.IsWebLink(l)))
            errors.Add($"External link '{link}' is not an absolute http or https address.");
        return links;
    }
}
