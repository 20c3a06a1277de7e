using System.Text;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Costs;

/// <summary>
/// People cost (SPEC §5), for HR and Admin only: what each journey costs to serve, the journey × team cost matrix (and its
/// CSV), the currency, and the upload of annual costs from a CSV file, all or nothing.
/// </summary>
[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.HrData)]
public sealed class CostsController(OrgReader reader, IWorkspaceStore store) : Controller
{
    /// <summary>An HR export of a few thousand people is well under this.</summary>
    private const long MaxUploadBytes = 5 * 1024 * 1024;

    [HttpGet("/costs")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        return View(CostsModel.Build(org));
    }

    /// <summary>The journey × team cost matrix: one line per journey, one column per team that serves any.</summary>
    [HttpGet("/costs/matrix.csv")]
    public async Task<IActionResult> MatrixCsv(CancellationToken cancellationToken)
    {
        var model = CostsModel.Build(await reader.LoadAsync(cancellationToken));
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "journey", "cost" }.Concat(model.Teams.Select(t => t.Name)).Select(Quote)));
        foreach (var row in model.Journeys)
            csv.AppendLine(string.Join(",", new[] { Quote(row.Name), Number(row.Cost) }
                .Concat(model.Teams.Select(t => Number(model.Cells.GetValueOrDefault((row.Id, t.Id)))))));
        Response.Headers.ContentDisposition = "attachment; filename=\"journey-team-cost.csv\"";
        return Content(csv.ToString(), "text/csv; charset=utf-8");
    }

    [HttpPost("/costs/upload")]
    [RequestSizeLimit(MaxUploadBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        CostEdit edit;
        using (var text = file is null || file.Length == 0 ? null : new StreamReader(file.OpenReadStream(), Encoding.UTF8))
            edit = CostEdits.Upload(org.Workspace, text);
        return await AppliedAsync(edit, org.Revision, cancellationToken) ?? Refused(org, edit.Problems);
    }

    [HttpPost("/costs/currency")]
    public async Task<IActionResult> Currency(string? currency, long revision, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var edit = CostEdits.Currency(currency);
        return await AppliedAsync(edit, revision, cancellationToken) ?? Refused(org, edit.Problems, currency);
    }

    /// <summary>Stores the edit and answers "saved", or null (with the reason at the form's field) when it was refused.</summary>
    private async Task<IActionResult?> AppliedAsync(CostEdit edit, long revision, CancellationToken cancellationToken)
    {
        if (edit.Changes is null) return null;
        try
        {
            await store.ApplyAsync(edit.Changes, revision, cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            edit.ChangedMeanwhile();
            return null;
        }
        return this.Saved("/costs", edit.Done);
    }

    private ViewResult Refused(OrgView org, FormProblems problems, string? typedCurrency = null) =>
        this.Refused("Index", CostsModel.Build(org) with { Problems = problems, TypedCurrency = typedCurrency });

    private static string Number(double value) => AnalysisJson.Money(value).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    // Cells starting with = + - @ would run as formulas in a spreadsheet.
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}

/// <summary>A journey's cost to serve, for the ranking.</summary>
public sealed record JourneyCost(string Id, string Name, double Cost, double Fte);

/// <summary>A team that serves some journey, for the matrix columns.</summary>
public sealed record CostTeam(string Id, string Name, double Cost);

public sealed record CostsModel(
    OrgView Org,
    bool HasCosts,
    string Currency,
    IReadOnlyList<JourneyCost> Journeys,
    IReadOnlyList<CostTeam> Teams,
    IReadOnlyDictionary<(string JourneyId, string TeamId), double> Cells,
    double TotalCost,
    double UnmappedCost,
    int PeopleWithCost)
{
    /// <summary>Why the last upload or currency change was refused, at its field.</summary>
    public FormProblems Problems { get; init; } = FormProblems.None;
    /// <summary>The currency as typed, when it was refused.</summary>
    public string? TypedCurrency { get; init; }

    /// <summary>Journeys ranked by cost to serve (journeys without units left out), and the teams that serve them.</summary>
    public static CostsModel Build(OrgView org)
    {
        var workspace = org.Workspace;
        var report = org.Report;
        if (report?.Cost is not { } cost)
            return new CostsModel(org, false, workspace.Currency, [], [], new Dictionary<(string, string), double>(), 0, 0, workspace.Costs.Count);
        var journeys = report.Journeys.Select((j, i) => (j, i)).Where(x => x.j.Units > 0)
            .Select(x => new JourneyCost(x.j.Id, org.JourneyName(x.j.Id), cost.Journeys[x.i], x.j.Fte))
            .OrderByDescending(j => j.Cost).ThenBy(j => j.Name, StringComparer.Ordinal).ToList();
        var cells = CostViews.JourneyTeamCost(report);
        var serving = cells.Keys.Select(k => k.TeamId).ToHashSet(StringComparer.Ordinal);
        var teams = report.Teams.Select((t, i) => (t, i)).Where(x => serving.Contains(x.t.Id))
            .Select(x => new CostTeam(x.t.Id, org.TeamName(x.t.Id), cost.Teams[x.i]))
            .OrderByDescending(t => t.Cost).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new CostsModel(org, true, cost.Currency, journeys, teams, cells, cost.TotalCost, cost.UnmappedCost, workspace.Costs.Count);
    }
}
