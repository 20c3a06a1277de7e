using JourneyOrg.Analysis;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Dashboard;

/// <summary>
/// Teams whose cognitive-load signals stand out (<see cref="CognitiveLoad.Concerns"/>), most concerns first, then the
/// most counterparts; a handful for the dashboard, with the total for the link to the full list.
/// </summary>
public sealed record TeamLoadOutliers(IReadOnlyList<(string Id, string Name, IReadOnlyList<string> Concerns)> Top, int Total)
{
    public const int Shown = 8;

    public static TeamLoadOutliers? From(OrgView org)
    {
        if (org.TeamApis is not { } apis) return null;
        var flagged = apis.Values.Where(d => d.CognitiveLoad.Concerns.Count > 0)
            .OrderByDescending(d => d.CognitiveLoad.Concerns.Count).ThenByDescending(d => d.CognitiveLoad.Counterparts)
            .ThenBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new TeamLoadOutliers(flagged.Take(Shown).Select(d => (d.Id, d.Name, d.CognitiveLoad.Concerns)).ToList(), flagged.Count);
    }
}
