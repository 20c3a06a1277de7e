using Microsoft.AspNetCore.Html;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// Teams as links separated by commas ("Claims, Motor Sales"), built without the stray whitespace a Razor loop leaves
/// before each comma. Names and ids are encoded by <see cref="HtmlContentBuilder.Append(string)"/>.
/// </summary>
public static class TeamLinks
{
    public static IHtmlContent Of(OrgView org, IEnumerable<string> teamIds)
    {
        var html = new HtmlContentBuilder();
        var first = true;
        foreach (var id in teamIds)
        {
            if (!first) html.Append(", ");
            first = false;
            html.AppendHtml("<a href=\"/teams/").Append(Uri.EscapeDataString(id)).AppendHtml("\">").Append(org.TeamName(id)).AppendHtml("</a>");
        }
        return html;
    }
}
