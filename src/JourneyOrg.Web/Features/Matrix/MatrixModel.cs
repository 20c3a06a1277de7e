using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Matrix;

public sealed class MatrixQuery
{
    /// <summary>A journey id, or empty for all journeys.</summary>
    public string? Journey { get; set; }
    /// <summary>A unit (team) id: only teams inside it.</summary>
    public string? Unit { get; set; }
    /// <summary>Also list teams with no part in the shown phases.</summary>
    public bool All { get; set; }
    public int Page { get; set; } = 1;
}

/// <summary>How a team relates to a phase: explicitly accountable (on the phase or a step), inherited, contributing.</summary>
public sealed record MatrixCell(bool Accountable, bool Inherited, bool Contributing, bool Overlap)
{
    public static readonly MatrixCell None = new(false, false, false, false);
    public bool IsEmpty => !Accountable && !Inherited && !Contributing;
    public string Text =>
        string.Join(" + ", new[] { Accountable ? "accountable" : null, Inherited && !Accountable ? "inherited" : null, Contributing ? "contributing" : null }
            .Where(x => x is not null)) + (Overlap ? " (overlap)" : "");
}

public sealed record MatrixColumn(Journey Journey, Phase Phase, string? Status);
public sealed record MatrixRow(Team Team, Team? Unit, IReadOnlyList<MatrixCell> Cells);

/// <summary>Teams (grouped under their parent unit) × phases, for the screen and the CSV download.</summary>
public sealed record MatrixModel(
    OrgView Org, MatrixQuery Query, IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows,
    int TotalRows, int Pages, int HiddenColumns)
{
    public const int RowsPerPage = 100;
    public const int MaxColumns = 60;

    /// <summary>The assignment just saved from the matrix, shown above it with its effects and undo.</summary>
    public OwnershipOutcome? Done { get; init; }

    /// <summary>An assignment refused: its reasons are shown in the assign form, with what was typed.</summary>
    public OwnershipOutcome? Refusal { get; init; }

    /// <summary>Set for a scenario's matrix: <see cref="Org"/> is the organisation after it, cells that differ from today are marked.</summary>
    public Scenarios.ScenarioLens? Lens { get; init; }

    /// <summary>With a lens, each shown cell as it is today, by team and phase (absent: empty today).</summary>
    public IReadOnlyDictionary<(string TeamId, string PhaseId), MatrixCell> Today { get; init; } = new Dictionary<(string, string), MatrixCell>();

    /// <summary>The cell today when it differs from the shown one; null when it is the same (or there is no lens).</summary>
    public MatrixCell? ChangedFrom(string teamId, string phaseId, MatrixCell shown)
    {
        if (Lens is null) return null;
        var today = Today.GetValueOrDefault((teamId, phaseId)) ?? MatrixCell.None;
        return today == shown ? null : today;
    }

    /// <summary>The matrix of the organisation a scenario would make, with today's cells to compare.</summary>
    public static MatrixModel Build(Scenarios.ScenarioLens lens, MatrixQuery query)
    {
        var model = Build(lens.After, query);
        var today = new Dictionary<(string, string), MatrixCell>();
        foreach (var c in model.Columns)
            foreach (var (team, cell) in PhaseCells(lens.Today, c.Journey, c.Phase))
                today[(team, c.Phase.Id)] = cell;
        return model with { Lens = lens, Today = today };
    }

    public static MatrixModel Build(OrgView org, MatrixQuery query, bool allRows = false)
    {
        // The rows and columns depend on the revision and the filters, not on the page: kept with the revision for all
        // journeys or one known journey (so at most a few entries per journey); a unit filter is worked out per request.
        var cached = string.IsNullOrEmpty(query.Unit) && (string.IsNullOrEmpty(query.Journey) || org.Journeys.ContainsKey(query.Journey));
        var (columns, rows, hidden) = cached
            ? org.PerRevision(("matrix", query.Journey ?? "", query.All, allRows), () => Lines(org, query, allRows))
            : Lines(org, query, allRows);
        var pages = Math.Max(1, (rows.Count + RowsPerPage - 1) / RowsPerPage);
        query.Page = Math.Clamp(query.Page, 1, pages);
        var shown = allRows ? rows : rows.Skip((query.Page - 1) * RowsPerPage).Take(RowsPerPage).ToList();
        return new MatrixModel(org, query, columns, shown, rows.Count, pages, hidden);
    }

    private sealed record MatrixLines(IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows, int HiddenColumns);

    private static MatrixLines Lines(OrgView org, MatrixQuery query, bool allRows)
    {
        var statuses = org.Report?.Phases.ToDictionary(p => p.Id, p => p.Status);
        var journeys = string.IsNullOrEmpty(query.Journey)
            ? org.Workspace.Journeys
            : org.Journeys.TryGetValue(query.Journey, out var only) ? [only] : [];
        var allColumns = journeys.SelectMany(j => j.Phases.Select(p => new MatrixColumn(j, p, statuses?.GetValueOrDefault(p.Id)))).ToList();
        var columns = allRows ? allColumns : allColumns.Take(MaxColumns).ToList();

        // Per phase: which teams are accountable where, by which route, and where they overlap.
        var perPhase = columns.Select(c => PhaseCells(org, c.Journey, c.Phase)).ToList();

        var teams = org.Workspace.Teams.AsEnumerable();
        if (!string.IsNullOrEmpty(query.Unit))
            teams = teams.Where(t => org.TeamAncestry(t.Id).Any(a => a.Id == query.Unit));
        var rows = teams
            .Select(t => new MatrixRow(t, t.ParentId is null ? null : org.Teams.GetValueOrDefault(t.ParentId),
                perPhase.Select(p => p.GetValueOrDefault(t.Id) ?? MatrixCell.None).ToList()))
            .Where(r => query.All || r.Cells.Any(c => !c.IsEmpty))
            .OrderBy(r => r.Unit?.Name ?? "", StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Team.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new MatrixLines(columns, rows, allColumns.Count - columns.Count);
    }

    private static Dictionary<string, MatrixCell> PhaseCells(OrgView org, Journey journey, Phase phase)
    {
        var cells = new Dictionary<string, MatrixCell>();
        MatrixCell Get(string team) => cells.GetValueOrDefault(team) ?? MatrixCell.None;
        var units = phase.Steps.Count == 0
            ? [OwnerExplanation.ForEmptyPhase(org, phase)]
            : phase.Steps.Select(s => OwnerExplanation.ForStep(org, s)).ToList();
        // In a phase's column, an owner recorded on the phase itself is accountable for it, not inherited: only
        // owners that come from the journey or a sub-journey are inherited here.
        foreach (var e in units)
        {
            var inherited = e.Source is OwnerSource.Journey or OwnerSource.Subjourney;
            foreach (var team in e.TeamIds)
            {
                var c = Get(team);
                cells[team] = c with
                {
                    Accountable = c.Accountable || !inherited,
                    Inherited = c.Inherited || inherited,
                    Overlap = c.Overlap || e.TeamIds.Count > 1,
                };
            }
        }
        // A team recorded accountable on the phase stays accountable in its column even where every step has
        // its own owner and so takes precedence (SPEC §3).
        foreach (var team in OwnerExplanation.Accountable(org, phase.Id))
            cells[team] = Get(team) with { Accountable = true };
        foreach (var targetId in phase.Steps.Select(s => s.Id).Append(phase.Id))
            foreach (var team in OwnerExplanation.Contributing(org, targetId))
                cells[team] = Get(team) with { Contributing = true };
        return cells;
    }

    public string Link(int? page = null, string? format = null)
    {
        var args = new List<string>();
        if (!string.IsNullOrEmpty(Query.Journey)) args.Add("journey=" + Uri.EscapeDataString(Query.Journey));
        if (!string.IsNullOrEmpty(Query.Unit)) args.Add("unit=" + Uri.EscapeDataString(Query.Unit));
        if (Query.All) args.Add("all=true");
        if (page is > 1) args.Add("page=" + page);
        var path = Lens is not null ? Lens.Base + "/matrix" : format == "csv" ? "/matrix.csv" : "/matrix";
        return path + (args.Count > 0 ? "?" + string.Join("&", args) : "");
    }
}
