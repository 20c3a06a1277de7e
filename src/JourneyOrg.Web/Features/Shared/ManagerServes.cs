using JourneyOrg.Analysis;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// A manager's §6 figures laid out for a small stacked bar: the three journeys their organisation puts the most FTE
/// into, the rest as one "+N" segment, and the FTE that maps to no journey. Segment starts and widths are shares of
/// the whole (0–100).
/// </summary>
public sealed record ManagerServes(OrgView Org, ManagerAlignment Manager, string? Caption = null)
{
    public const int Shown = 3;

    public IReadOnlyList<JourneyShare> Top { get; } = Manager.JourneyFte
        .OrderByDescending(j => j.Fte).ThenBy(j => Org.JourneyName(j.JourneyId), StringComparer.CurrentCultureIgnoreCase)
        .Take(Shown).ToList();

    public int OtherJourneys => Manager.JourneyFte.Count - Top.Count;

    public double OtherFte => Manager.MappedFte - Top.Sum(j => j.Fte);

    public double Total => Manager.MappedFte + Manager.UnmappedFte;

    public IEnumerable<Segment> Segments
    {
        get
        {
            if (Total <= 0) yield break;
            var start = 0.0;
            Segment Next(string kind, string label, double fte)
            {
                var segment = new Segment(kind, label, start, fte / Total * 100);
                start += segment.Width;
                return segment;
            }
            for (var i = 0; i < Top.Count; i++) yield return Next($"serves-{i + 1}", Org.JourneyName(Top[i].JourneyId), Top[i].Fte);
            if (OtherJourneys > 0) yield return Next("serves-rest", $"{OtherJourneys} more journeys", OtherFte);
            if (Manager.UnmappedFte > 0) yield return Next("serves-unmapped", "unmapped", Manager.UnmappedFte);
        }
    }

    /// <summary>The bar said in words, for screen readers and tooltips.</summary>
    public string Description => Total <= 0
        ? "no FTE in any team"
        : string.Join(", ", Segments.Select(s => $"{s.Label} {Format.Percent(s.Width / 100)}"));

    public sealed record Segment(string Kind, string Label, double Start, double Width)
    {
        public string X => Start.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        public string W => Width.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Managers whose §6 figures a scenario changes, for the scenario diff (_ManagerChanges).</summary>
public sealed record ManagerChangesModel(OrgView Org, IReadOnlyList<ManagerChange> Changes)
{
    public const int Shown = 50;
    public const int JourneysShown = 3;
}
