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
    public string New(string prefix, string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        var stem = slug.Length == 0 ? prefix.TrimEnd('-') : prefix + slug;
        var id = slug.Length == 0 ? stem + "-1" : stem;
        for (var n = 2; !_taken.Add(id); n++) id = stem + "-" + n;
        return id;
    }
}
