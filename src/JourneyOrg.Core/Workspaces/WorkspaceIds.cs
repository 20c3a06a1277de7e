using System.Globalization;
using System.Text;
using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// Hands out new ids that no record of the workspace uses (ids are unique across all kinds), readable ones made from a
/// name or key: <c>m-</c> + "Claims NPS" gives <c>m-claims-nps</c>, then <c>m-claims-nps-2</c>.
/// </summary>
public sealed class WorkspaceIds
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public WorkspaceIds(Workspace workspace)
    {
        foreach (var j in workspace.Journeys)
        {
            _taken.Add(j.Id);
            foreach (var p in j.Phases)
            {
                _taken.Add(p.Id);
                foreach (var s in p.Steps) _taken.Add(s.Id);
            }
        }
        foreach (var id in workspace.People.Select(p => p.Id).Concat(workspace.Teams.Select(t => t.Id)).Concat(workspace.Roles.Select(r => r.Id))
                     .Concat(workspace.Metrics.Select(m => m.Id)).Concat(workspace.Insights.Select(i => i.Id))
                     .Concat(workspace.Opportunities.Select(o => o.Id)).Concat(workspace.Solutions.Select(s => s.Id)))
            _taken.Add(id);
    }

    /// <summary>Whether some record already uses <paramref name="id"/> (for ids a user types).</summary>
    public bool IsTaken(string id) => _taken.Contains(id);

    /// <summary>A new id from <paramref name="prefix"/> and <paramref name="name"/>; it counts as taken from then on.</summary>
    public string New(string prefix, string name) => NewId(prefix, name, id => !_taken.Add(id));

    /// <summary>
    /// A readable id from a name ("Get a mortgage · Apply" → <c>t-get-a-mortgage-apply</c>; accents dropped, at most 40
    /// characters after the prefix), numbered from 2 while <paramref name="taken"/> says it is in use. The one way every
    /// screen, import and proposal makes ids, so they read alike wherever they were made.
    /// </summary>
    public static string NewId(string prefix, string name, Func<string, bool> taken)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        if (text.Length > 40) text = text[..40].TrimEnd('-');
        var stem = text.Length == 0 ? prefix.TrimEnd('-') : prefix + text;
        var id = text.Length == 0 ? stem + "-1" : stem;
        for (var n = 2; taken(id); n++) id = stem + "-" + n;
        return id;
    }
}
