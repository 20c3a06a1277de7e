using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>Span of control and reporting layers over enabled accounts (SPEC §3, "Org").</summary>
public static class OrgAnalysis
{
    /// <summary>Computes <see cref="OrgFigures"/>; disabled accounts neither count nor carry a reporting chain.</summary>
    public static OrgFigures Figures(IReadOnlyList<Person> people) => Figures(people, ManagerPositions(people, PositionIndex(people)));

    /// <summary>Position of each person id in <paramref name="people"/> (first one wins on a duplicate id).</summary>
    internal static Dictionary<string, int> PositionIndex(IReadOnlyList<Person> people)
    {
        var index = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++) index.TryAdd(people[i].Id, i);
        return index;
    }

    /// <summary>For each person, the position of their manager in the list, or -1 when they have none or it is unknown.</summary>
    internal static int[] ManagerPositions(IReadOnlyList<Person> people, Dictionary<string, int> index)
    {
        var manager = new int[people.Count];
        for (var i = 0; i < people.Count; i++)
            manager[i] = people[i].ManagerId is { } m && index.TryGetValue(m, out var mi) ? mi : -1;
        return manager;
    }

    /// <summary>The figures, given each person's manager position (see <see cref="ManagerPositions"/>).</summary>
    internal static OrgFigures Figures(IReadOnlyList<Person> people, int[] managerPositions)
    {
        // chain[i] = i's counted manager, or -1 when the chain ends at i (no manager, or a disabled one).
        var chain = new int[people.Count];
        var span = new int[people.Count];
        int counted = 0, reports = 0;
        for (var i = 0; i < people.Count; i++)
        {
            chain[i] = -1;
            if (!people[i].AccountEnabled) continue;
            counted++;
            var m = managerPositions[i];
            if (m < 0 || !people[m].AccountEnabled) continue;
            chain[i] = m;
            span[m]++;
            reports++;
        }

        int managers = 0, maxSpan = 0;
        foreach (var s in span)
        {
            if (s == 0) continue;
            managers++;
            if (s > maxSpan) maxSpan = s;
        }

        var depths = Depths(chain, out _);
        var deepest = 0;
        for (var i = 0; i < depths.Length; i++)
            if (people[i].AccountEnabled && depths[i] > deepest) deepest = depths[i];
        var avgSpan = managers == 0 ? 0.0 : (double)reports / managers;
        return new OrgFigures(counted, managers, avgSpan, maxSpan, deepest);
    }

    /// <summary>
    /// Whether two people lists have the same enabled accounts and reporting lines, in which case their
    /// <see cref="OrgFigures"/> are equal and a scenario can reuse its baseline's.
    /// </summary>
    public static bool SameReportingLines(IReadOnlyList<Person> a, IReadOnlyList<Person> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (ReferenceEquals(x, y)) continue;
            if (x.Id != y.Id || x.AccountEnabled != y.AccountEnabled || x.ManagerId != y.ManagerId) return false;
        }
        return true;
    }

    /// <summary>
    /// Depth of every node in a forest given by parent indexes (-1 = root): a root is 1. A node on a cycle is
    /// flagged in <paramref name="onCycle"/> and its chain is cut where the cycle closes, so a broken
    /// directory still gets finite numbers.
    /// </summary>
    internal static int[] Depths(int[] parent, out bool[] onCycle)
    {
        var depth = new int[parent.Length];
        onCycle = new bool[parent.Length];
        var path = new List<int>();
        var onPath = new int[parent.Length]; // 0 = not on the current path, else position + 1
        for (var start = 0; start < parent.Length; start++)
        {
            if (depth[start] != 0) continue;
            path.Clear();
            var node = start;
            var baseDepth = 0;
            while (true)
            {
                if (node < 0) break;
                if (depth[node] != 0) { baseDepth = depth[node]; break; }
                if (onPath[node] != 0)
                {
                    // The chain closes on itself: the cycle's members all get the cycle's length as depth.
                    var from = onPath[node] - 1;
                    var length = path.Count - from;
                    for (var k = from; k < path.Count; k++) { depth[path[k]] = length; onCycle[path[k]] = true; onPath[path[k]] = 0; }
                    path.RemoveRange(from, length);
                    baseDepth = length;
                    break;
                }
                onPath[node] = path.Count + 1;
                path.Add(node);
                node = parent[node];
            }
            for (var k = path.Count - 1; k >= 0; k--)
            {
                depth[path[k]] = ++baseDepth;
                onPath[path[k]] = 0;
            }
        }
        return depth;
    }
}
