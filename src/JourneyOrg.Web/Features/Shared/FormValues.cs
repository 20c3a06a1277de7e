using System.Globalization;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// Reading typed form fields the same way on every edit form: blank means "not given", numbers take a decimal point
/// (the app runs with the invariant culture), and a field that cannot be read adds a problem that names it.
/// </summary>
public static class FormValues
{
    /// <summary>The trimmed text, or null when nothing but spaces was typed.</summary>
    public static string? Text(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();

    /// <summary>The number typed in <paramref name="field"/>, null when blank or (with a problem) not a finite number.</summary>
    public static double? Number(string? typed, string field, List<string> errors)
    {
        if (Text(typed) is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
        errors.Add($"{field}: '{text}' is not a number (use a decimal point).");
        return null;
    }

    /// <summary>A figure as a form shows it again: up to two decimals, with a point.</summary>
    public static string Show(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>An optional score in [<paramref name="min"/>, <paramref name="max"/>]; blank means not scored.</summary>
    public static double? Score(string? typed, string field, double min, double max, List<string> errors)
    {
        if (Text(typed) is not { } text) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add($"{field} must be a number between {Show(min)} and {Show(max)}, with a decimal point (you entered '{text}').");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add($"{field} must be between {Show(min)} and {Show(max)} (you entered {Show(value)}).");
            return null;
        }
        return value;
    }

    /// <summary>One http or https link per non-empty line; each other line adds a problem.</summary>
    public static IReadOnlyList<string> Links(string? typed, List<string> errors)
    {
        var links = (typed ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var link in links.Where(l => !JourneyOrg.JourneyManagement.JourneyLinks.IsWebLink(l)))
            errors.Add($"External link '{link}' is not an absolute http or https address.");
        return links;
    }
}

/// <summary>A team field: its form name, its element id, the team chosen now, and what an empty choice means.</summary>
public sealed record TeamChoiceModel(OrgView Org, string Name, string HtmlId, string? Selected, string NoneLabel)
{
    /// <summary>Above this many teams the field is typed rather than chosen from a list.</summary>
    public const int ListedUpTo = 300;

    /// <summary>The problems of the form the field is in, keyed by <see cref="Name"/>.</summary>
    public FormProblems Problems { get; init; } = FormProblems.None;
}
