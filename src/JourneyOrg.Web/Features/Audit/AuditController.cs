using System.Globalization;
using System.Text;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Audit;

/// <summary>The admin audit log: filter by actor, action, text and time; export what the filter shows as CSV (itself audited).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditController(IAccountStore store) : Controller
{
    public const int MaxShown = 500;
    public const int MaxExported = 100_000;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        var model = new AuditPageModel(filter, await store.ListAuditAsync(filter.ToQuery(MaxShown), cancellationToken));
        return Request.IsHtmx() ? PartialView("_AuditRows", model) : View("Index", model);
    }

    [HttpGet("/admin/audit.csv")]
    public async Task<IActionResult> Export([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        var entries = await store.ListAuditAsync(filter.ToQuery(MaxExported), cancellationToken);
        await store.AppendAuditAsync(AuditEntry.Now(AuditActions.AuditExport, "audit log", $"exported {entries.Count} entries ({filter})"), cancellationToken);
        var csv = new StringBuilder("id,at,actor,action,target,summary,correlation_id\r\n");
        foreach (var e in entries)
            csv.AppendJoin(',', e.Id.ToString(CultureInfo.InvariantCulture), e.At.UtcDateTime.ToString("O"), Cell(e.Actor), Cell(e.Action), Cell(e.Target),
                Cell(e.Summary), Cell(e.CorrelationId ?? "")).Append("\r\n");
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "journeyorg-audit.csv");
    }

    /// <summary>
    /// RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula (=, +, -, @, tab, CR):
    /// names come from the directory and may be hostile.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('\'') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}

public sealed record AuditFilter(string? Actor, string? Action, string? Text, DateOnly? From, DateOnly? To)
{
    public AuditQuery ToQuery(int limit) => new(Actor, Action, Text,
        From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null, limit);

    public string QueryString =>
        string.Join('&', new[] { ("actor", Actor), ("action", Action), ("text", Text), ("from", From?.ToString("yyyy-MM-dd")), ("to", To?.ToString("yyyy-MM-dd")) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    public override string ToString() => QueryString.Length == 0 ? "no filter" : QueryString;
}

public sealed record AuditPageModel(AuditFilter Filter, IReadOnlyList<AuditEntry> Entries);
