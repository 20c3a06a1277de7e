using JourneyOrg.Domain;

namespace JourneyOrg.Analysis;

/// <summary>
/// SPEC §6 for one manager: what the part of the organisation under them (everyone whose recorded reporting chain
/// passes through them, themselves included) serves, and how many handoffs they are the first leader able to settle.
/// </summary>
/// <param name="Id">The manager (a person with at least one recorded direct report).</param>
/// <param name="People">Counted people (enabled accounts) under them, themselves included.</param>
/// <param name="JourneyFte">FTE of their organisation per journey (only journeys with FTE), sorted by journey id.</param>
/// <param name="UnmappedFte">Allocations of their organisation in teams that answer for no unit.</param>
/// <param name="Handoffs">Handoffs whose escalation manager they are.</param>
public sealed record ManagerAlignment(string Id, int People, IReadOnlyList<JourneyShare> JourneyFte, double UnmappedFte, int Handoffs)
{
    /// <summary>Total FTE their organisation puts into journeys.</summary>
    public double MappedFte => JourneyFte.Sum(j => j.Fte);

    /// <summary>The FTE on one journey, 0 when they serve none of it.</summary>
    public double FteOn(string journeyId)
    {
        foreach (var j in JourneyFte) if (j.JourneyId == journeyId) return j.Fte;
        return 0;
    }
}

/// <summary>FTE on a journey or phase.</summary>
public sealed record JourneyShare(string JourneyId, double Fte);

/// <summary>
/// A handoff of SPEC §3 (two adjacent units with different, non-empty owner sets) and who settles it (§6).
/// </summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="FromUnitId">The unit the work leaves (a step, or a phase without steps).</param>
/// <param name="ToUnitId">The next unit, which receives it.</param>
/// <param name="FromTeams">Effective owners of the first unit, sorted.</param>
/// <param name="ToTeams">Effective owners of the second unit, sorted.</param>
/// <param name="LeadIds">The distinct leads of all those teams that are people of the workspace, sorted.</param>
/// <param name="EscalationManagerId">
/// The first person on the first lead's reporting chain who is on every other lead's chain; null when no team has
/// a lead or the chains never meet.
/// </param>
public sealed record HandoffEscalation(
    string JourneyId, string FromUnitId, string ToUnitId,
    IReadOnlyList<string> FromTeams, IReadOnlyList<string> ToTeams,
    IReadOnlyList<string> LeadIds, string? EscalationManagerId);

/// <summary>
/// The org chart aligned to journeys (SPEC §6), for every manager at once. Built in time roughly linear in people,
/// memberships and units: figures are rolled up the reporting tree once (a reporting cycle is one node whose members
/// all see the whole of it), and every lead's chain is walked once. Immutable and thread-safe; built once per
/// workspace revision (<see cref="AlignmentBaseline.OrgAlignment"/>).
/// </summary>
public sealed class OrgAlignment
{
    private readonly string[] _personIds;
    private readonly Dictionary<string, int> _personIndex;
    private readonly int[] _reportStart;
    private readonly int[] _reports;
    private readonly Dictionary<string, ManagerAlignment> _byId;
    private readonly ILookup<string, HandoffEscalation> _byEscalationManager;
    private readonly ILookup<string, HandoffEscalation> _byJourney;
    private readonly Workspace _workspace;
    private readonly AlignmentReport _report;
    private readonly Lazy<TeamSpread> _phaseSpread;

    private OrgAlignment(Workspace workspace, AlignmentReport report, string[] personIds, Dictionary<string, int> personIndex,
        int[] reportStart, int[] reports, List<ManagerAlignment> managers, List<HandoffEscalation> handoffs)
    {
        _workspace = workspace;
        _report = report;
        _personIds = personIds;
        _personIndex = personIndex;
        _reportStart = reportStart;
        _reports = reports;
        Managers = managers;
        Handoffs = handoffs;
        _byId = managers.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _byEscalationManager = handoffs.Where(h => h.EscalationManagerId is not null).ToLookup(h => h.EscalationManagerId!, StringComparer.Ordinal);
        _byJourney = handoffs.ToLookup(h => h.JourneyId, StringComparer.Ordinal);
        _phaseSpread = new Lazy<TeamSpread>(() => TeamSpread.Build(workspace, report, u => u.PhaseId), isThreadSafe: true);
    }

    /// <summary>Every manager, sorted by id (ordinal), as <c>analyze --org --json</c> lists them.</summary>
    public IReadOnlyList<ManagerAlignment> Managers { get; }

    /// <summary>Every handoff of every journey, in journey and unit order, with its escalation manager.</summary>
    public IReadOnlyList<HandoffEscalation> Handoffs { get; }

    /// <summary>The figures of a manager; null for someone without direct reports.</summary>
    public ManagerAlignment? Manager(string personId) => _byId.GetValueOrDefault(personId);

    /// <summary>The handoffs that land on this person's desk, in journey and unit order.</summary>
    public IEnumerable<HandoffEscalation> EscalatedTo(string personId) => _byEscalationManager[personId];

    /// <summary>The handoffs of one journey, in unit order.</summary>
    public IEnumerable<HandoffEscalation> HandoffsIn(string journeyId) => _byJourney[journeyId];

    /// <summary>The ids of everyone whose reporting chain passes through <paramref name="managerId"/>, themselves included.</summary>
    public IEnumerable<string> PeopleUnder(string managerId)
    {
        if (!_personIndex.TryGetValue(managerId, out var start)) yield break;
        var seen = new HashSet<int> { start };
        var stack = new Stack<int>([start]);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            yield return _personIds[p];
            for (var k = _reportStart[p]; k < _reportStart[p + 1]; k++)
                if (seen.Add(_reports[k])) stack.Push(_reports[k]);
        }
    }

    /// <summary>
    /// FTE per phase of the organisation under <paramref name="managerId"/> (the §6 spread, per phase instead of per
    /// journey), for phases with FTE. Computed on request: it walks that organisation once.
    /// </summary>
    public IReadOnlyDictionary<string, double> PhaseFte(string managerId)
    {
        var spread = _phaseSpread.Value;
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var members = new HashSet<string>(PeopleUnder(managerId), StringComparer.Ordinal);
        for (var t = 0; t < _workspace.Teams.Count; t++)
        {
            if (spread.Shares[t].Length == 0) continue;
            var fte = 0.0;
            foreach (var m in _workspace.Teams[t].Members)
                if (members.Contains(m.PersonId)) fte += m.Allocation;
            if (fte == 0) continue;
            foreach (var (key, share) in spread.Shares[t])
                result[spread.Keys[key]] = result.GetValueOrDefault(spread.Keys[key]) + fte * share;
        }
        return result;
    }

    public static OrgAlignment Compute(Workspace workspace, AlignmentReport report)
    {
        // People by position; a duplicate id (rejected on import) keeps its first record, as everywhere else.
        var personIndex = new Dictionary<string, int>(workspace.People.Count, StringComparer.Ordinal);
        var people = new List<Person>(workspace.People.Count);
        foreach (var p in workspace.People)
            if (personIndex.TryAdd(p.Id, people.Count)) people.Add(p);
        var n = people.Count;
        var personIds = new string[n];
        var manager = new int[n];
        var reportCount = new int[n];
        for (var i = 0; i < n; i++)
        {
            personIds[i] = people[i].Id;
            manager[i] = people[i].ManagerId is { } m && personIndex.TryGetValue(m, out var mi) ? mi : -1;
            if (manager[i] >= 0) reportCount[manager[i]]++;
        }
        var reportStart = new int[n + 1];
        for (var i = 0; i < n; i++) reportStart[i + 1] = reportStart[i] + reportCount[i];
        var reports = new int[reportStart[n]];
        var fill = (int[])reportStart.Clone();
        for (var i = 0; i < n; i++)
            if (manager[i] >= 0) reports[fill[manager[i]]++] = i;

        var spread = TeamSpread.Build(workspace, report, u => u.JourneyId);

        // Each person's own figures, then rolled up: leaves first (Kahn's order on the reporting forest), so every
        // person's totals are final before they are added to their manager's. Someone without reports keeps no
        // journey figures of their own: theirs go straight to their manager, so 100,000 people need no 100,000 maps.
        var journeyFte = new Dictionary<int, double>?[n];
        var unmapped = new double[n];
        var counted = new int[n];
        for (var i = 0; i < n; i++) counted[i] = people[i].AccountEnabled ? 1 : 0;
        for (var t = 0; t < workspace.Teams.Count; t++)
        {
            var shares = spread.Shares[t];
            foreach (var member in workspace.Teams[t].Members)
            {
                if (!personIndex.TryGetValue(member.PersonId, out var p)) continue;
                if (shares.Length == 0) { unmapped[p] += member.Allocation; continue; }
                var holder = reportCount[p] > 0 ? p : manager[p];
                if (holder < 0) continue;
                var into = journeyFte[holder] ??= [];
                foreach (var (key, share) in shares) into[key] = into.GetValueOrDefault(key) + member.Allocation * share;
            }
        }

        var waiting = (int[])reportCount.Clone();
        var ready = new Queue<int>();
        for (var i = 0; i < n; i++) if (waiting[i] == 0) ready.Enqueue(i);
        while (ready.Count > 0)
        {
            var p = ready.Dequeue();
            var m = manager[p];
            if (m < 0) continue;
            unmapped[m] += unmapped[p];
            counted[m] += counted[p];
            if (reportCount[p] > 0 && journeyFte[p] is { } fte)
            {
                var into = journeyFte[m] ??= [];
                foreach (var (key, value) in fte) into[key] = into.GetValueOrDefault(key) + value;
            }
            if (--waiting[m] == 0) ready.Enqueue(m);
        }

        // What is left waiting is on a reporting cycle: everyone hanging below any member of a cycle has every
        // member on their chain, so each member gets the totals of the whole cycle.
        for (var start = 0; start < n; start++)
        {
            if (waiting[start] == 0) continue;
            var cycle = new List<int>();
            for (var p = start; waiting[p] != 0; p = manager[p]) { waiting[p] = 0; cycle.Add(p); }
            var sumFte = new Dictionary<int, double>();
            double sumUnmapped = 0;
            var sumCounted = 0;
            foreach (var p in cycle)
            {
                sumUnmapped += unmapped[p];
                sumCounted += counted[p];
                if (journeyFte[p] is { } fte)
                    foreach (var (key, value) in fte) sumFte[key] = sumFte.GetValueOrDefault(key) + value;
            }
            foreach (var p in cycle) { journeyFte[p] = sumFte; unmapped[p] = sumUnmapped; counted[p] = sumCounted; }
        }

        var handoffs = Escalations(workspace, report, personIndex, personIds, manager);
        var handoffCount = new int[n];
        foreach (var h in handoffs)
            if (h.EscalationManagerId is { } id) handoffCount[personIndex[id]]++;

        var managers = new List<ManagerAlignment>();
        for (var i = 0; i < n; i++)
        {
            if (reportCount[i] == 0) continue;
            var fte = journeyFte[i] is { } d
                ? d.Where(x => x.Value > 0).Select(x => new JourneyShare(spread.Keys[x.Key], x.Value))
                    .OrderBy(x => x.JourneyId, StringComparer.Ordinal).ToArray()
                : [];
            managers.Add(new ManagerAlignment(personIds[i], counted[i], fte, unmapped[i], handoffCount[i]));
        }
        managers.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new OrgAlignment(workspace, report, personIds, personIndex, reportStart, reports, managers, handoffs);
    }

    /// <summary>Every §3 handoff with its §6 escalation manager. Each lead's chain is walked once and kept as a set.</summary>
    private static List<HandoffEscalation> Escalations(Workspace workspace, AlignmentReport report,
        Dictionary<string, int> personIndex, string[] personIds, int[] manager)
    {
        var leadOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in workspace.Teams)
            if (!leadOf.ContainsKey(t.Id)) leadOf[t.Id] = t.LeadId is { } lead && personIndex.TryGetValue(lead, out var li) ? li : -1;

        var chains = new Dictionary<int, (int[] Order, HashSet<int> Set)>();
        (int[] Order, HashSet<int> Set) Chain(int person)
        {
            if (chains.TryGetValue(person, out var known)) return known;
            var order = new List<int>();
            var set = new HashSet<int>();
            for (var p = person; p >= 0 && set.Add(p); p = manager[p]) order.Add(p);
            return chains[person] = ([.. order], set);
        }

        // Handoffs between the same teams recur along a journey and across journeys: settle each set of leads once.
        var settled = new Dictionary<string, (string[] Leads, string? Manager)>(StringComparer.Ordinal);
        (string[] Leads, string? Manager) Settle(IReadOnlyList<string> from, IReadOnlyList<string> to)
        {
            var key = string.Join('\u001f', from) + '\u001e' + string.Join('\u001f', to);
            if (settled.TryGetValue(key, out var known)) return known;
            var leads = from.Concat(to).Select(t => leadOf.GetValueOrDefault(t, -1)).Where(l => l >= 0)
                .Distinct().Select(l => personIds[l]).Order(StringComparer.Ordinal).ToArray();
            string? escalation = null;
            if (leads.Length > 0)
            {
                var others = leads.Skip(1).Select(l => Chain(personIndex[l]).Set).ToArray();
                foreach (var candidate in Chain(personIndex[leads[0]]).Order)
                    if (others.All(o => o.Contains(candidate))) { escalation = personIds[candidate]; break; }
            }
            return settled[key] = (leads, escalation);
        }

        var result = new List<HandoffEscalation>();
        var units = report.Units;
        for (var u = 0; u + 1 < units.Count; u++)
        {
            var (a, b) = (units[u], units[u + 1]);
            if (a.JourneyId != b.JourneyId || a.Owners.Count == 0 || b.Owners.Count == 0 || a.Owners.SequenceEqual(b.Owners)) continue;
            var (leadIds, escalationManager) = Settle(a.Owners, b.Owners);
            result.Add(new HandoffEscalation(a.JourneyId, a.Id, b.Id, a.Owners, b.Owners, leadIds, escalationManager));
        }
        return result;
    }

    /// <summary>
    /// How one FTE of each team spreads over journeys (or phases): for team t and key k, (t's units in k) / units(t).
    /// Indexed by the team's position in the workspace, like <see cref="AlignmentReport.Teams"/>.
    /// </summary>
    private sealed class TeamSpread
    {
        public required string[] Keys { get; init; }
        public required (int Key, double Share)[][] Shares { get; init; }

        public static TeamSpread Build(Workspace workspace, AlignmentReport report, Func<UnitAlignment, string> keyOf)
        {
            var teamIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var t = 0; t < workspace.Teams.Count; t++) teamIndex.TryAdd(workspace.Teams[t].Id, t);
            var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var keys = new List<string>();
            var counts = new Dictionary<int, int>?[workspace.Teams.Count];
            foreach (var unit in report.Units)
            {
                var id = keyOf(unit);
                if (!keyIndex.TryGetValue(id, out var k)) { k = keys.Count; keyIndex[id] = k; keys.Add(id); }
                foreach (var owner in unit.Owners)
                {
                    if (!teamIndex.TryGetValue(owner, out var t)) continue;
                    var c = counts[t] ??= [];
                    c[k] = c.GetValueOrDefault(k) + 1;
                }
            }
            var shares = new (int, double)[workspace.Teams.Count][];
            for (var t = 0; t < shares.Length; t++)
            {
                var units = report.Teams[t].Units;
                shares[t] = counts[t] is { } c && units > 0 ? c.Select(x => (x.Key, (double)x.Value / units)).ToArray() : [];
            }
            return new TeamSpread { Keys = [.. keys], Shares = shares };
        }
    }
}
