namespace JourneyOrg.Web.Features.Shared;

/// <summary>How figures read on screen (the app runs with invariant culture, whose percent format adds a space).</summary>
public static class Format
{
    public static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0") + "%";
    public static string Fte(double fte) => fte.ToString("0.##");

    /// <summary>A cost figure (HR-only) in whole units of its currency, grouped: "EUR 1,234,567".</summary>
    public static string Money(double amount, string currency) => $"{currency} {Math.Round(amount, MidpointRounding.AwayFromZero):#,0}";

    /// <summary>
    /// Reads an amount typed in a form or a CSV cell: digits with an optional decimal point, thousands separators
    /// (comma, space, apostrophe, underscore) allowed. Null when it is not a finite number.
    /// </summary>
    public static double? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = new string(text.Trim().Where(c => c is not (',' or ' ' or '\'' or '_' or '\u00a0')).ToArray());
        return double.TryParse(cleaned, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
    }

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
