namespace JourneyOrg.Web.Features.Shared;

/// <summary>How figures read on screen (the app runs with invariant culture, whose percent format adds a space).</summary>
public static class Format
{
    public static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0") + "%";
    public static string Fte(double fte) => fte.ToString("0.##");
}
