using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// Generates a synthetic but realistic workspace for demos, invariant tests and benchmarks (<c>generate --people N</c>).
/// The same size and seed always give the same workspace. For 100,000 people it gives about 1,300 teams
/// (squads of 5–15 in tribes in divisions), 330 journeys in a framework hierarchy with reusable sub-journeys and
/// about 2,400 units, a reporting tree with spans of 3–10 and 10–15 layers, a few disabled accounts, and
/// deliberate gaps and overlaps in ownership. Journey management comes on top: KPIs on about 30% of phases with a year
/// of monthly values, insights on about 15% of steps, opportunities on about 10% (with scores and an owning team) and
/// solutions for some of them. Those are drawn from a second random stream, so the organisation and its analysis are
/// the same as without them.
/// </summary>
public static class WorkspaceGenerator
{
    private const double Growth = 2.6; // people per level over the level above: spans of ~6 with ~40% of people managing

    private static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Chloé", "Dev", "Elif", "Farah", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena", "Mo", "Nia", "Omar", "Pia",
        "Quinn", "Rosa", "Sami", "Tove", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Park", "Lind", "Novak", "Singh", "Okafor", "Berg", "Costa", "Dubois", "Evans", "Fischer", "García", "Haddad", "Ito",
        "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Olsen", "Petrov", "Rossi", "Schmidt", "Tanaka", "Weber",
    ];

    private static readonly string[] Families = ["Engineering", "Product", "Design", "Data", "Operations", "Risk", "Service", "Sales"];
    private static readonly string[] Levels = ["L3", "L4", "L5", "L6", "L7"];
    private static readonly string[] Stages = ["Discover", "Join", "Use", "Grow", "Get help", "Leave"];
    private static readonly string[] Verbs = ["Open", "Apply for", "Change", "Renew", "Close", "Compare", "Switch", "Claim on", "Pay into", "Track", "Top up", "Report a problem with"];
    private static readonly string[] Things =
    [
        "a current account", "a savings account", "a mortgage", "a personal loan", "a credit card", "an insurance policy", "a pension",
        "a business account", "a card payment", "a standing order", "a direct debit", "an overdraft", "a loyalty plan", "an ISA",
        "a fund", "a car loan", "a travel card", "a joint account",
    ];
    private static readonly string[] PhaseNames = ["Explore", "Apply", "Decide", "Set up", "Use", "Change", "Resolve", "Close"];
    private static readonly string[] BlockNames =
    [
        "Verify identity", "Sign digitally", "Check credit", "Take a payment", "Send a notification", "Capture consent",
        "Upload documents", "Book an appointment", "Assess affordability", "Screen for fraud",
    ];
    private static readonly string[] TeamTypes = ["stream-aligned", "platform", "enabling", "complicated-subsystem"];

    /// <summary>Generates a workspace of <paramref name="people"/> people.</summary>
    public static Workspace Generate(int people, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        var rng = new Random(seed);
        var roles = Roles();
        var (persons, levelOf, reportsOf) = People(people, rng, roles);
        var (teams, leafTeams, tribes) = Teams(persons, levelOf, reportsOf, rng);
        var (journeys, groups, domain, blocks) = Journeys(people, rng);
        var ownership = Ownership(rng, teams, leafTeams, tribes, groups, domain, blocks);
        var metrics = Metrics(rng, journeys);
        var practice = new Random(unchecked(seed * 7919 + 17));
        var (insights, opportunities, solutions) = JourneyManagement(practice, journeys, leafTeams.Select(i => teams[i]).ToList());
        return new Workspace(journeys, persons, teams, roles, ownership, WithHistory(practice, metrics))
        {
            Insights = insights, Opportunities = opportunities, Solutions = solutions,
        };
    }

    private static Role[] Roles() =>
        [.. Families.SelectMany(f => Levels.Select(l => new Role($"r-{f.ToLowerInvariant()}-{l.ToLowerInvariant()}", $"{f} {LevelTitle(l)}", f, l)))];

    private static string LevelTitle(string level) => level switch
    {
        "L3" => "associate", "L4" => "specialist", "L5" => "senior specialist", "L6" => "lead", _ => "director",
    };

    /// <summary>Builds the reporting tree level by level, so the number of layers grows with the org like a real one.</summary>
    private static (Person[] People, int[] Level, List<int>[] Reports) People(int n, Random rng, Role[] roles)
    {
        var layers = Math.Clamp((int)Math.Round(Math.Log(n) / Math.Log(Growth)), 1, 15);
        var counts = LevelCounts(n, layers);
        var level = new int[n];
        var manager = new int[n];
        var reports = new List<int>[n];
        for (var i = 0; i < n; i++) reports[i] = [];
        manager[0] = -1;
        var start = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            for (var i = start; i < start + counts[k]; i++) level[i] = k;
            if (k + 1 < counts.Length)
            {
                var children = counts[k + 1];
                var managers = Math.Clamp((int)Math.Round(children / 6.0), (children + 9) / 10, Math.Max(1, Math.Min(counts[k], children / 3)));
                managers = Math.Min(managers, counts[k]);
                var chosen = Enumerable.Range(start, counts[k]).OrderBy(_ => rng.Next()).Take(managers).ToArray();
                var spans = Spans(children, managers, rng);
                var child = start + counts[k];
                for (var m = 0; m < managers; m++)
                for (var s = 0; s < spans[m]; s++)
                {
                    manager[child] = chosen[m];
                    reports[chosen[m]].Add(child);
                    child++;
                }
            }
            start += counts[k];
        }

        var people = new Person[n];
        for (var i = 0; i < n; i++)
        {
            var first = FirstNames[rng.Next(FirstNames.Length)];
            var last = LastNames[rng.Next(LastNames.Length)];
            var family = Families[rng.Next(Families.Length)];
            var grade = Levels[Math.Clamp(4 - level[i] * 5 / Math.Max(1, layers), 0, 4)];
            var role = roles.First(r => r.Family == family && r.Level == grade);
            var id = NewGuid(rng);
            // About 1.5% of accounts are disabled (leavers not yet removed from the directory); never the top.
            var enabled = i == 0 || rng.NextDouble() >= 0.015;
            people[i] = new Person(id, $"{first} {last}", $"{Ascii(first)}.{Ascii(last)}.{i}@corp.example".ToLowerInvariant(),
                role.Title, null, null, role.Id, enabled);
        }
        for (var i = 1; i < n; i++) people[i] = people[i] with { ManagerId = people[manager[i]].Id };
        return (people, level, reports);
    }

    private static int[] LevelCounts(int n, int layers)
    {
        // Choose the growth g with 1 + g + ... + g^(layers-1) = n, then round level by level; the last level takes the rest.
        double lo = 1.0, hi = 12.0;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            double sum = 0, term = 1;
            for (var k = 0; k < layers; k++) { sum += term; term *= mid; }
            if (sum < n) lo = mid; else hi = mid;
        }
        var counts = new List<int>();
        var remaining = n;
        double size = 1;
        for (var k = 0; k < layers && remaining > 0; k++)
        {
            var c = k == layers - 1 ? remaining : Math.Clamp((int)Math.Round(size), 1, remaining);
            counts.Add(c);
            remaining -= c;
            size *= lo;
        }
        if (remaining > 0) counts[^1] += remaining;
        return [.. counts];
    }

    private static int[] Spans(int children, int managers, Random rng)
    {
        var spans = new int[managers];
        var floor = Math.Min(3, children / managers);
        Array.Fill(spans, floor);
        var rest = children - floor * managers;
        var cap = Math.Max(10, (children + managers - 1) / managers);
        while (rest > 0)
        {
            var i = rng.Next(managers);
            if (spans[i] >= cap) continue;
            spans[i]++;
            rest--;
        }
        return spans;
    }

    /// <summary>Squads are a manager and their reports (topped up to 5–15); tribes group about 8 squads, divisions about 6 tribes.</summary>
    private static (List<Team> Teams, List<int> Leaf, List<int> Tribes) Teams(Person[] people, int[] level, List<int>[] reports, Random rng)
    {
        var n = people.Length;
        var leafCount = Math.Max(1, (int)Math.Round(n * 0.0113));
        // Team leads are the deepest managers: the ones whose reports do the work.
        var leads = Enumerable.Range(0, n).Where(i => reports[i].Count > 0)
            .OrderByDescending(i => level[i]).ThenBy(_ => rng.Next()).Take(leafCount).ToList();
        var inTeam = new bool[n];
        foreach (var l in leads) inTeam[l] = true;
        var spare = new Queue<int>(Enumerable.Range(0, n).Where(i => reports[i].Count == 0).OrderBy(_ => rng.Next()));

        var teams = new List<Team>();
        var leaf = new List<int>();
        var members = new List<List<Membership>>();
        foreach (var lead in leads)
        {
            var list = new List<Membership> { new(people[lead].Id, 1.0) };
            foreach (var r in reports[lead])
            {
                if (list.Count >= 15 || inTeam[r]) continue;
                inTeam[r] = true;
                list.Add(new Membership(people[r].Id, 1.0));
            }
            var size = rng.Next(5, 16);
            while (list.Count < size && spare.Count > 0)
            {
                var p = spare.Dequeue();
                if (inTeam[p]) continue;
                inTeam[p] = true;
                list.Add(new Membership(people[p].Id, 1.0));
            }
            leaf.Add(teams.Count);
            members.Add(list);
            var type = rng.NextDouble() switch { < 0.70 => TeamTypes[0], < 0.85 => TeamTypes[1], < 0.93 => TeamTypes[2], _ => TeamTypes[3] };
            teams.Add(new Team($"t-{teams.Count + 1:D4}", $"{Things[rng.Next(Things.Length)][2..].Trim()} squad {teams.Count + 1}", null, people[lead].Id, type, []));
        }
        // A few people split their time between two squads.
        for (var t = 0; t < leaf.Count; t++)
        {
            if (rng.NextDouble() >= 0.1 || leaf.Count < 2) continue;
            var other = rng.Next(leaf.Count);
            if (other == t || members[other].Count >= 15 || members[t].Count < 2) continue;
            var who = rng.Next(1, members[t].Count);
            var person = members[t][who].PersonId;
            if (members[other].Any(m => m.PersonId == person)) continue;
            members[t][who] = members[t][who] with { Allocation = 0.5 };
            members[other].Add(new Membership(person, 0.5));
        }

        var tribes = new List<int>();
        var tribeCount = Math.Max(1, leaf.Count / 8);
        var divisionCount = Math.Max(1, tribeCount / 6);
        var seniors = Enumerable.Range(0, n).Where(i => reports[i].Count > 0 && !inTeam[i]).OrderBy(i => level[i]).ThenBy(_ => rng.Next()).ToList();
        var nextSenior = 0;
        string? SeniorLead() => nextSenior < seniors.Count ? people[seniors[nextSenior++]].Id : null;
        var divisions = new List<int>();
        for (var d = 0; d < divisionCount; d++)
        {
            var lead = SeniorLead();
            divisions.Add(teams.Count);
            members.Add(lead is null ? [] : [new Membership(lead, 0.2)]);
            teams.Add(new Team($"t-{teams.Count + 1:D4}", $"{Stages[d % Stages.Length]} division {d + 1}", null, lead, null, []));
        }
        for (var b = 0; b < tribeCount; b++)
        {
            var lead = SeniorLead();
            tribes.Add(teams.Count);
            members.Add(lead is null ? [] : [new Membership(lead, 0.5)]);
            teams.Add(new Team($"t-{teams.Count + 1:D4}", $"Tribe {b + 1}", teams[divisions[b % divisions.Count]].Id, lead, null, []));
        }
        for (var i = 0; i < leaf.Count; i++)
            teams[leaf[i]] = teams[leaf[i]] with { ParentId = teams[tribes[i % tribes.Count]].Id };
        for (var t = 0; t < teams.Count; t++) teams[t] = teams[t] with { Members = [.. members[t]] };
        return (teams, leaf, tribes);
    }

    private static (Journey[] All, List<Journey> Groups, List<Journey> Domain, List<Journey> Blocks) Journeys(int people, Random rng)
    {
        var total = Math.Max(12, (int)Math.Round(330 * Math.Sqrt(people / 100_000.0)));
        var journeys = new List<Journey>();
        var next = 0;
        string NextId() => $"j-{++next:D4}";
        Journey Framework(string name, string? parent) { var j = new Journey(NextId(), name, parent, "", []); journeys.Add(j); return j; }

        var root = Framework("Customer lifecycle", null);
        var stages = Stages.Select(s => Framework(s, root.Id)).ToList();
        var blockRoot = Framework("Building blocks", null);
        var blockCount = Math.Max(2, total / 10);
        var groupCount = Math.Max(2, total / 10);
        var domainCount = Math.Max(2, total - journeys.Count - blockCount - groupCount);

        var blocks = new List<Journey>();
        for (var b = 0; b < blockCount; b++)
        {
            var id = NextId();
            var j = new Journey(id, BlockNames[b % BlockNames.Length] + (b >= BlockNames.Length ? $" {b / BlockNames.Length + 1}" : ""), blockRoot.Id, "Reusable building block",
                Phases(id, rng.Next(1, 3), rng, []));
            blocks.Add(j);
            journeys.Add(j);
        }
        var groups = new List<Journey>();
        for (var g = 0; g < groupCount; g++)
            groups.Add(Framework($"{Things[g % Things.Length][0..1].ToUpperInvariant()}{Things[g % Things.Length][1..]} journeys", stages[g % stages.Count].Id));
        var domain = new List<Journey>();
        for (var d = 0; d < domainCount; d++)
        {
            var id = NextId();
            var j = new Journey(id, $"{Verbs[rng.Next(Verbs.Length)]} {Things[rng.Next(Things.Length)]}", groups[d % groups.Count].Id, "",
                Phases(id, rng.Next(3, 6), rng, blocks));
            domain.Add(j);
            journeys.Add(j);
        }
        return ([.. journeys], groups, domain, blocks);
    }

    private static Phase[] Phases(string journeyId, int count, Random rng, List<Journey> blocks)
    {
        var phases = new Phase[count];
        var offset = rng.Next(PhaseNames.Length);
        for (var p = 0; p < count; p++)
        {
            var phaseId = $"p-{journeyId[2..]}-{p + 1}";
            var stepCount = rng.NextDouble() < 0.1 ? 0 : rng.Next(1, 5);
            var steps = new Step[stepCount];
            for (var s = 0; s < stepCount; s++)
            {
                var uses = blocks.Count > 0 && rng.NextDouble() < 0.08 ? blocks[rng.Next(blocks.Count)] : null;
                steps[s] = new Step($"s-{journeyId[2..]}-{p + 1}-{s + 1}", uses?.Name ?? $"Step {s + 1}", uses?.Id);
            }
            phases[p] = new Phase(phaseId, PhaseNames[(offset + p) % PhaseNames.Length], steps);
        }
        return phases;
    }

    /// <summary>Tribes own journey groups, squads own journeys and some phases, platform squads own building blocks and
    /// some steps; a few journeys are owned by nobody and a few steps by two squads, as in any real org.</summary>
    private static List<Ownership> Ownership(Random rng, List<Team> teams, List<int> leaf, List<int> tribes,
        List<Journey> groups, List<Journey> domain, List<Journey> blocks)
    {
        var own = new List<Ownership>();
        Team Pick(string? type = null)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var t = teams[leaf[rng.Next(leaf.Count)]];
                if (type is null || t.Type == type) return t;
            }
            return teams[leaf[rng.Next(leaf.Count)]];
        }
        void Add(Team t, string target, OwnershipKind kind = OwnershipKind.Accountable)
        {
            if (!own.Any(o => o.TeamId == t.Id && o.TargetId == target)) own.Add(new Ownership(t.Id, target, kind));
        }

        foreach (var g in groups)
            if (rng.NextDouble() < 0.7) Add(teams[tribes[rng.Next(tribes.Count)]], g.Id);
        foreach (var b in blocks)
            if (rng.NextDouble() < 0.8) Add(Pick("platform"), b.Id);
        foreach (var j in domain)
        {
            if (rng.NextDouble() < 0.85) Add(Pick("stream-aligned"), j.Id);
            if (rng.NextDouble() < 0.10) Add(Pick("enabling"), j.Id, OwnershipKind.Contributing);
            foreach (var p in j.Phases)
            {
                var r = rng.NextDouble();
                if (r < 0.25) Add(Pick(), p.Id);
                else if (r < 0.27) { Add(Pick(), p.Id); Add(Pick(), p.Id); }
                foreach (var s in p.Steps)
                {
                    var q = rng.NextDouble();
                    if (q < 0.10) Add(Pick("platform"), s.Id);
                    else if (q < 0.13) { Add(Pick(), s.Id); Add(Pick(), s.Id); }
                }
            }
        }
        return own;
    }

    private static Metric[] Metrics(Random rng, Journey[] journeys)
    {
        var metrics = new List<Metric>();
        string[] names = ["Drop-off", "Time to complete", "Satisfaction", "First-contact resolution"];
        foreach (var p in journeys.SelectMany(j => j.Phases))
        {
            if (rng.NextDouble() >= 0.3) continue;
            var name = names[rng.Next(names.Length)];
            var lower = name is "Drop-off" or "Time to complete";
            metrics.Add(new Metric($"m-{metrics.Count + 1:D5}", p.Id, name, "%", Math.Round(rng.NextDouble() * 100, 1), lower ? 20.0 : 80.0, lower ? "lower" : "higher"));
        }
        return [.. metrics];
    }

    /// <summary>Twelve month-end values per KPI, drifting from a start towards the KPI's value, which becomes the latest.</summary>
    private static Metric[] WithHistory(Random rng, Metric[] metrics) =>
    [
        .. metrics.Select(m =>
        {
            var end = m.Value ?? 50;
            var start = Math.Clamp(end + (rng.NextDouble() - 0.5) * 30, 0, 100);
            var points = Enumerable.Range(0, 12).Select(i =>
            {
                var date = new DateOnly(2025, 1, 1).AddMonths(i + 1).AddDays(-1);
                var value = i == 11 ? end : Math.Round(Math.Clamp(start + (end - start) * i / 11 + (rng.NextDouble() - 0.5) * 6, 0, 100), 1);
                return new MetricDataPoint(date, [], value);
            }).ToList();
            return m with { DataPoints = points };
        }),
    ];

    private static (Insight[], Opportunity[], Solution[]) JourneyManagement(Random rng, Journey[] journeys, IReadOnlyList<Team> leafTeams)
    {
        string[] findings = ["Customers give up here", "Too many questions", "Waiting without news", "Status is unclear", "Works well on mobile"];
        string[] ideas = ["Prefill what we know", "Tell customers what happens next", "Cut a step", "Decide automatically", "Offer a call back"];
        string[] statuses = ["open", "open", "in progress", "done"];
        var insights = new List<Insight>();
        var opportunities = new List<Opportunity>();
        var solutions = new List<Solution>();
        var steps = journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps)).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            if (rng.NextDouble() < 0.15)
                insights.Add(new Insight($"ins-{insights.Count + 1:D5}", findings[rng.Next(findings.Length)],
                    "Seen in **interviews** and in the funnel data.", InsightTypes.All[rng.Next(InsightTypes.All.Count)],
                    null, rng.Next(1, 6), Math.Round(rng.NextDouble(), 2)) { StepIds = [steps[i].Id] });
            if (rng.NextDouble() >= 0.1) continue;
            // Some opportunities span the next step too, as improvements often do.
            var targets = rng.NextDouble() < 0.3 && i + 1 < steps.Count ? new[] { steps[i].Id, steps[i + 1].Id } : [steps[i].Id];
            var opportunity = new Opportunity($"opp-{opportunities.Count + 1:D5}", ideas[rng.Next(ideas.Length)], "", statuses[rng.Next(statuses.Length)],
                leafTeams.Count == 0 ? null : leafTeams[rng.Next(leafTeams.Count)].Id, rng.Next(0, 101), rng.Next(0, 101), rng.Next(0, 11) / 2.0)
            { TargetIds = targets };
            opportunities.Add(opportunity);
            if (rng.NextDouble() < 0.4)
                solutions.Add(new Solution($"sol-{solutions.Count + 1:D5}", opportunity.Title + " (epic)", "", "EPIC", "planned", opportunity.TeamId)
                { OpportunityIds = [opportunity.Id], Priority = SolutionPriorities.All[rng.Next(3)] });
        }
        return ([.. insights], [.. opportunities], [.. solutions]);
    }

    private static string NewGuid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string Ascii(string name) =>
        new(name.Normalize(System.Text.NormalizationForm.FormD).Where(c => c < 128).ToArray());
}
