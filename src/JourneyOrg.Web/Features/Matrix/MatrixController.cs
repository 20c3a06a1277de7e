using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using System.Text;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Matrix;

[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class MatrixController(OrgReader reader, OwnershipEdits ownership) : Controller
{
    [HttpGet("/matrix")]
    public async Task<IActionResult> Index([FromQuery] MatrixQuery query, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var model = MatrixModel.Build(org, query);
        return Request.IsHtmx() ? PartialView("_MatrixTable", model) : View(model);
    }

    /// <summary>The whole matrix for the current filters (every row and column), one line per team.</summary>
    [HttpGet("/matrix.csv")]
    public async Task<IActionResult> Csv([FromQuery] MatrixQuery query, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        var model = MatrixModel.Build(org, query, allRows: true);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "unit", "team" }
            .Concat(model.Columns.Select(c => $"{c.Journey.Name} / {c.Phase.Name}")).Select(Quote)));
        foreach (var row in model.Rows)
            csv.AppendLine(string.Join(",", new[] { row.Unit?.Name ?? "", row.Team.Name }.Concat(row.Cells.Select(c => c.Text)).Select(Quote)));
        Response.Headers.ContentDisposition = "attachment; filename=\"alignment-matrix.csv\"";
        return Content(csv.ToString(), "text/csv; charset=utf-8");
    }

    /// <summary>Assigns ownership from the matrix; answers with the re-rendered matrix (column statuses change too).</summary>
    [HttpPost("/matrix/owners")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> AssignOwner([FromForm] OwnershipForm form, [FromQuery] MatrixQuery query, CancellationToken cancellationToken) =>
        await MatrixAfterEdit(form.Kind == RemoveOwner
            ? await ownership.RemoveAsync(form, cancellationToken)
            : await ownership.AssignAsync(form, cancellationToken), query, cancellationToken);

    /// <summary>The matrix form's third choice besides accountable and contributing: take the team's edge on the phase away.</summary>
    public const string RemoveOwner = "remove";

    /// <summary>Puts back what the last assignment from the matrix replaced.</summary>
    [HttpPost("/matrix/owners/undo")]
    [Authorize(Policy = Policies.Plan)]
    public async Task<IActionResult> UndoOwner([FromForm] OwnershipUndoForm form, [FromQuery] MatrixQuery query, CancellationToken cancellationToken) =>
        await MatrixAfterEdit(await ownership.UndoAsync(form, cancellationToken), query, cancellationToken);

    private async Task<IActionResult> MatrixAfterEdit(OwnershipOutcome outcome, MatrixQuery query, CancellationToken cancellationToken)
    {
        if (outcome.Applied && !Request.IsHtmx()) return Redirect(MatrixModel.Build(await reader.LoadAsync(cancellationToken), query).Link(query.Page));
        var org = await reader.LoadAsync(cancellationToken);
        if (!outcome.Applied) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var model = MatrixModel.Build(org, query) with { Done = outcome.Applied ? outcome : null, Refusal = outcome.Applied ? null : outcome };
        return Request.IsHtmx() ? PartialView("_MatrixTable", model) : View("Index", model);
    }

    // Cells starting with = + - @ would run as formulas in a spreadsheet.
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
