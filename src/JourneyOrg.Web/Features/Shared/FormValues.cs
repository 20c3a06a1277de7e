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
}
