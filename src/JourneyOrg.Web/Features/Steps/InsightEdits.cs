using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Steps;

/// <summary>
/// What an insight edit would store, or why not, at the form's fields; <paramref name="Title"/> names the insight in the
/// notice and <paramref name="Done"/> is that notice.
/// </summary>
public sealed record InsightEdit(WorkspaceChangeSet? Changes, string Title, FormProblems Problems, string Done);

/// <summary>
/// The insight edits on a step page as use cases: record a new one on the step, change one, delete one. Each turns its
/// form into one change set for the edit pipeline, or problems at the form's fields.
/// </summary>
public static class InsightEdits
{
    /// <summary>A new insight, recorded as evidence on the step; its id is made from the title.</summary>
    public static InsightEdit Add(OrgView org, string stepId, InsightForm form)
    {
        var problems = new FormProblems(InsightForm.NewForm);
        var id = new WorkspaceIds(org.Workspace).New("ins-", form.Title ?? "");
        var insight = form.Apply(new Insight(id, "", "", null, null, null, null) { StepIds = [stepId] }, problems);
        return Upsert(insight, problems, $"{insight.Title} is recorded on this step.");
    }

    /// <summary>The insight with the typed fields; its steps, owner, teams and import key stay.</summary>
    public static InsightEdit Change(Insight existing, InsightForm form)
    {
        var problems = new FormProblems(InsightForm.EditForm(existing.Id));
        var insight = form.Apply(existing, problems);
        return Upsert(insight, problems, $"{insight.Title} is saved.");
    }

    /// <summary>The insight deleted altogether, from every step it is on (unlinking takes it off one step).</summary>
    public static InsightEdit Delete(Insight existing) =>
        new(new WorkspaceChangeSet { DeleteInsights = [existing.Id] }, existing.Title, FormProblems.None, $"{existing.Title} is deleted.");

    private static InsightEdit Upsert(Insight insight, FormProblems problems, string done) =>
        new(problems.Any ? null : new WorkspaceChangeSet { UpsertInsights = [insight] }, insight.Title, problems, done);
}

/// <summary>The insight fields of one form: its element-id prefix and the insight it edits (null for a new one).</summary>
public sealed record InsightFieldsModel(string Prefix, Insight? Insight, InsightForm? Draft, FormProblems Problems);

/// <summary>A new insight as typed on a step page; each field that cannot be taken adds a problem naming it.</summary>
public sealed class InsightForm
{
    public string? Title { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? SourceUrl { get; set; }
    public string? EmpathyScore { get; set; }
    public string? Weight { get; set; }
    public long Revision { get; set; }

    /// <summary>The insight forms, as their fields' DOM ids begin: the new one, and each insight's edit form.</summary>
    public const string NewForm = "insight";
    public static string EditForm(string insightId) => "insight-" + DomIds.Safe(insightId);

    /// <summary>The insight with the typed fields; what the form does not show (steps, owner, teams, import key) is kept.</summary>
    public Insight Apply(Insight insight, FormProblems problems)
    {
        var title = (Title ?? "").Trim();
        if (title.Length == 0) problems.Add(nameof(Title), "Title: give the insight a title.");
        var type = FormValues.Text(Type);
        if (type is not null && !InsightTypes.All.Contains(type)) problems.Add(nameof(Type), $"Type: choose one of {string.Join(", ", InsightTypes.All)}.");
        var source = FormValues.Text(SourceUrl);
        if (source is not null && !JourneyOrg.JourneyManagement.JourneyLinks.IsWebLink(source))
            problems.Add(nameof(SourceUrl), $"Source: '{source}' is not an http or https link.");
        var empathy = FormValues.Number(EmpathyScore, "Empathy score", problems.At(nameof(EmpathyScore)));
        var weight = FormValues.Number(Weight, "Weight", problems.At(nameof(Weight)));
        if (weight < 0) problems.Add(nameof(Weight), "Weight: weights are 0 or more.");
        return insight with
        {
            Title = title, Description = (Description ?? "").Trim(), Type = type, SourceUrl = source, EmpathyScore = empathy, Weight = weight,
        };
    }
}

