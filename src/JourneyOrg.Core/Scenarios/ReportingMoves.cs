using JourneyOrg.Domain;

namespace JourneyOrg.Scenarios;

/// <summary>How many people (active accounts) join and leave one manager's organisation when a scenario redraws reporting lines.</summary>
public readonly record struct ReportingMove(int MovedIn, int MovedOut);

/// <summary>
/// Per manager, the people who enter or leave their organisation (everyone below them in the reporting tree) between
/// two states of the workspace. Someone whose chain of managers does not change moves for nobody, so only people whose
/// own manager changes and those below them are walked: a scenario that moves a few people costs a few chain walks,
/// also at 100,000 people.
/// </summary>
public static class ReportingMoves
{
    public static IReadOnlyDictionary<string, ReportingMove> Between(Workspace before, Workspace after)
    {
        var managerBefore = before.People.ToDictionary(p => p.Id, p => p.ManagerId, StringComparer.Ordinal);
        var managerAfter = after.People.ToDictionary(p => p.Id, p => p.ManagerId, StringComparer.Ordinal);
        var changed = after.People.Where(p => !managerBefore.TryGetValue(p.Id, out var m) || m != p.ManagerId).Select(p => p.Id)
            .Concat(before.People.Where(p => !managerAfter.ContainsKey(p.Id)).Select(p => p.Id)).ToList();
        var result = new Dictionary<string, ReportingMove>(StringComparer.Ordinal);
        if (changed.Count == 0) return result;

        // Everyone below a person whose manager changes moves with them: walk both trees down from each.
        var reportsBefore = before.People.Where(p => p.ManagerId is not null).ToLookup(p => p.ManagerId!, p => p.Id, StringComparer.Ordinal);
        var reportsAfter = after.People.Where(p => p.ManagerId is not null).ToLookup(p => p.ManagerId!, p => p.Id, StringComparer.Ordinal);
        var moving = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(changed);
        while (queue.TryDequeue(out var id))
        {
            if (!moving.Add(id)) continue;
            foreach (var r in reportsBefore[id]) queue.Enqueue(r);
            foreach (var r in reportsAfter[id]) queue.Enqueue(r);
        }

        var activeBefore = before.People.Where(p => p.AccountEnabled).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var activeAfter = after.People.Where(p => p.AccountEnabled).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in moving)
        {
            var was = activeBefore.Contains(id) ? Chain(id, managerBefore) : [];
            var will = activeAfter.Contains(id) ? Chain(id, managerAfter) : [];
            foreach (var m in will.Where(m => !was.Contains(m)))
                result[m] = result.GetValueOrDefault(m) with { MovedIn = result.GetValueOrDefault(m).MovedIn + 1 };
            foreach (var m in was.Where(m => !will.Contains(m)))
                result[m] = result.GetValueOrDefault(m) with { MovedOut = result.GetValueOrDefault(m).MovedOut + 1 };
        }
        return result;
    }

    /// <summary>The person's managers up to the top, stopping at a missing manager or a cycle (bad data must not hang a page).</summary>
    private static HashSet<string> Chain(string id, Dictionary<string, string?> managerOf)
    {
        var chain = new HashSet<string>(StringComparer.Ordinal);
        var current = managerOf.GetValueOrDefault(id);
        while (current is not null && current != id && chain.Add(current) && managerOf.TryGetValue(current, out var next)) current = next;
        return chain;
    }
}
