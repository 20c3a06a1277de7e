namespace JourneyOrg.Web.Features.Shared;

/// <summary>How figures read on screen (the app runs with invariant culture, whose percent format adds a space).</summary>
public static class Format
{
    public static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0") + "%";
    public static string Fte(double fte) => fte.ToString("0.##");

    /// <summary>
    /// A KPI figure with its unit: "38%", "4.5 hours". Units come from files as typed ("%", "minutes", " days"), so a
    /// word gets its space here; a symbol, or a unit that brings its own space, is kept as it is.
    /// </summary>
    public static string WithUnit(double value, string? unit)
    {
        var figure = value.ToString("0.##");
        if (string.IsNullOrEmpty(unit)) return figure;
        return char.IsLetter(unit[0]) ? $"{figure} {unit}" : figure + unit;
    }
}
