using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Costs;

/// <summary>
/// What a cost edit would store, or why not, at the form's fields. <paramref name="Meanwhile"/> is what its
/// <paramref name="Field"/> says when someone else changed the workspace between reading it and storing the edit.
/// </summary>
public sealed record CostEdit(WorkspaceChangeSet? Changes, FormProblems Problems, string Done, string Field, string Meanwhile)
{
    public FormProblems ChangedMeanwhile() => Problems.Add(Field, Meanwhile);
}

/// <summary>
/// The two cost edits as use cases: the upload of annual costs (all or nothing) and the currency the figures are
/// labelled in. Each turns its form into one change set, or problems at the form's fields.
/// </summary>
public static class CostEdits
{
    /// <summary>The two forms' fields, as the view marks them ("cost-file", "cost-currency").</summary>
    public const string Form = "cost", FileField = "File", CurrencyField = "Currency";

    /// <summary>Every person's annual cost from the CSV (null when no file came), or every wrong line.</summary>
    public static CostEdit Upload(Workspace workspace, TextReader? csv)
    {
        var problems = new FormProblems(Form);
        const string meanwhile = "CSV file: someone else changed the workspace meanwhile; nothing was saved. Please upload the file again.";
        if (csv is null)
            return new(null, problems.Add(FileField, "CSV file: choose a CSV file with the columns personId (or mail) and annualCost."), "", FileField, meanwhile);
        var plan = CostCsvImport.Plan(workspace, csv);
        if (plan.Changes is null)
        {
            // The file is at fault, each wrong line listed above the form (there can be hundreds).
            problems.Add(FileField, $"CSV file: {(plan.Errors.Count == 1 ? "one line is" : $"{plan.Errors.Count} lines are")} wrong (listed above); correct the file and upload it again.");
            problems.Whole.AddRange(plan.Errors.Take(200).Select(e => e.ToString()));
            if (plan.Errors.Count > 200) problems.Whole.Add($"… and {plan.Errors.Count - 200} more.");
            return new(null, problems, "", FileField, meanwhile);
        }
        return new(plan.Changes, problems, $"Saved the annual cost of {plan.Changes.UpsertCosts.Count} people.", FileField, meanwhile);
    }

    /// <summary>The ISO 4217 code every cost figure is labelled with.</summary>
    public static CostEdit Currency(string? currency)
    {
        var problems = new FormProblems(Form);
        const string meanwhile = "Currency: someone else changed the workspace meanwhile; please check and try again.";
        var code = (currency ?? "").Trim().ToUpperInvariant();
        if (!CostCurrency.IsCode(code))
            return new(null, problems.Add(CurrencyField, $"Currency: '{currency}' is not a currency code; write an ISO 4217 code of three letters, such as EUR, USD or GBP."), "", CurrencyField, meanwhile);
        return new(new WorkspaceChangeSet { Currency = code }, problems, $"Cost figures are now labelled {code}.", CurrencyField, meanwhile);
    }
}
