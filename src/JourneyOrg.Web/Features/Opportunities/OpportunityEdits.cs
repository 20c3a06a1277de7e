using System.Globalization;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;
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
    public Opportunity? ToOpportunity(string id, Opportunity? existing, OrgView org, FormProblems problems)
    {
        var title = (Title ?? "").Trim();
        if (title.Length == 0) problems.Add(nameof(Title), "Title is required.");
        var customer = FormValues.Score(CustomerValue, "Customer Value", 0, 100, problems.At(nameof(CustomerValue)));
        var business = FormValues.Score(BusinessValue, "Business Value", 0, 100, problems.At(nameof(BusinessValue)));
        var effort = FormValues.Score(Effort, "Effort", 0, 5, problems.At(nameof(Effort)));
        string? teamProblem = null;
        var team = FormValues.Text(TeamId) is { } typedTeam ? org.FindTeam(typedTeam, "Owner team", out teamProblem) : null;
        if (teamProblem is not null) problems.Add(nameof(TeamId), teamProblem);
        var links = FormValues.Links(ExternalLinks, problems.At(nameof(ExternalLinks)));
        if (problems.Any) return null;
        return (existing ?? new Opportunity(id, title, "", null, null, null, null, null)) with
        {
            Title = title, Description = (Description ?? "").Trim(), Status = FormValues.Text(Status), TeamId = team,
            CustomerValue = customer, BusinessValue = business, Effort = effort, ExternalLinks = links,
        };
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

    public PrioritisationWeights? ToWeights(FormProblems problems)
    {
        var customer = Weight(CustomerValueWeight, "Customer value weight", problems.At(nameof(CustomerValueWeight)));
        var business = Weight(BusinessValueWeight, "Business value weight", problems.At(nameof(BusinessValueWeight)));
        if (!problems.Any && customer == 0 && business == 0)
            problems.Add(nameof(CustomerValueWeight), "The customer value and business value weights cannot both be 0: at least one must count.");
        return problems.Any ? null : new PrioritisationWeights(customer!.Value, business!.Value);
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

/// <summary>What an opportunity edit would store, or why not, at the form's fields (<see cref="OpportunityForms"/>).</summary>
public sealed record OpportunityEdit(WorkspaceChangeSet? Changes, string OpportunityId, FormProblems Problems, string Done);

/// <summary>The opportunity forms, as their fields' DOM ids begin.</summary>
public static class OpportunityForms
{
    public const string New = "new-opportunity";
    public const string Edit = "edit";
    public const string Delete = "delete-opportunity";
    public const string Weights = "weight";
    public const string NewSolution = "new-solution";
    public const string RemoveSolution = "remove-solution";
    public static string Solution(string solutionId) => "sol-" + DomIds.Safe(solutionId);
}

/// <summary>
/// The opportunity edits as use cases: each turns a form into the one change set the edit pipeline applies, or says at
/// which field what is wrong. An edit keeps what the form does not show (targets, owner person, import key), so a
/// TheyDo re-import still finds the record. The controller binds, applies and answers.
/// </summary>
public static class OpportunityEdits
{
    public static OpportunityEdit Create(OrgView org, OpportunityForm form)
    {
        var problems = new FormProblems(OpportunityForms.New);
        // Ids are unique across every kind of record; a typed one is checked, otherwise one is made from the title.
        var ids = new WorkspaceIds(org.Workspace);
        var typedId = FormValues.Text(form.NewId);
        if (typedId is not null && ids.IsTaken(typedId))
            problems.Add(nameof(OpportunityForm.NewId), $"Id: '{typedId}' is already used in the workspace; choose another or leave it empty.");
        var opportunity = form.ToOpportunity(typedId ?? ids.New("opp-", form.Title ?? ""), null, org, problems);
        return Upsert(opportunity, problems, $"Created the opportunity “{opportunity?.Title}”.");
    }

    public static OpportunityEdit Edit(OrgView org, Opportunity existing, OpportunityForm form)
    {
        var problems = new FormProblems(OpportunityForms.Edit);
        return Upsert(form.ToOpportunity(existing.Id, existing, org, problems), problems, "Opportunity saved.");
    }

    /// <summary>Solutions that addressed it stay, without the reference (<see cref="OpportunityRemoval"/>).</summary>
    public static OpportunityEdit Delete(OrgView org, Opportunity opportunity) =>
        new(OpportunityRemoval.Delete(org.Workspace, opportunity.Id), opportunity.Id, new FormProblems(OpportunityForms.Delete),
            $"Deleted the opportunity “{opportunity.Title}”.");

    public static (WorkspaceChangeSet? Changes, FormProblems Problems) Weights(WeightsForm form)
    {
        var problems = new FormProblems(OpportunityForms.Weights);
        var weights = form.ToWeights(problems);
        return (weights is null ? null : new WorkspaceChangeSet { Weights = weights }, problems);
    }

    private static OpportunityEdit Upsert(Opportunity? opportunity, FormProblems problems, string done) =>
        new(opportunity is null || problems.Any ? null : new WorkspaceChangeSet { UpsertOpportunities = [opportunity] }, opportunity?.Id ?? "", problems, done);
}
