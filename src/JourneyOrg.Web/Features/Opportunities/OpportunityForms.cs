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
        CustomerValue = FormValues.Show(o.CustomerValue), BusinessValue = FormValues.Show(o.BusinessValue), Effort = FormValues.Show(o.Effort),
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
        var customer = FormValues.Score(CustomerValue, "Customer Value", 0, 100, errors);
        var business = FormValues.Score(BusinessValue, "Business Value", 0, 100, errors);
        var effort = FormValues.Score(Effort, "Effort", 0, 5, errors);
        string? teamProblem = null;
        var team = FormValues.Text(TeamId) is { } typedTeam ? org.FindTeam(typedTeam, "Owner team", out teamProblem) : null;
        if (teamProblem is not null) errors.Add(teamProblem);
        var links = FormValues.Links(ExternalLinks, errors);
        if (errors.Count > 0) return (null, errors);
        var opportunity = (existing ?? new Opportunity(id, title, "", null, null, null, null, null)) with
        {
            Title = title, Description = (Description ?? "").Trim(), Status = FormValues.Text(Status), TeamId = team,
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
        var priority = FormValues.Text(Priority)?.ToUpperInvariant();
        if (priority is not null && !SolutionPriorities.All.Contains(priority))
            errors.Add($"Priority must be one of {string.Join(", ", SolutionPriorities.All)} (you entered '{Priority!.Trim()}').");
        string? teamProblem = null;
        var team = FormValues.Text(TeamId) is { } typedTeam ? org.FindTeam(typedTeam, "Owning team", out teamProblem) : null;
        if (teamProblem is not null) errors.Add(teamProblem);
        var links = FormValues.Links(ExternalLinks, errors);
        if (errors.Count > 0) return (null, errors);
        var solution = (existing ?? new Solution(id, title, "", null, null, null) { OpportunityIds = [opportunityId] }) with
        {
            Title = title, Description = existing is not null && Description is null ? existing.Description : (Description ?? "").Trim(),
            Type = FormValues.Text(Type), Status = FormValues.Text(Status), Priority = priority, TeamId = team, ExternalLinks = links,
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
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add($"{field} must be a number of 0 or more, with a decimal point (you entered '{text.Trim()}').");
            return null;
        }
        if (value < 0) { errors.Add($"{field} must be 0 or more (you entered {FormValues.Show(value)})."); return null; }
        return value;
    }
}
