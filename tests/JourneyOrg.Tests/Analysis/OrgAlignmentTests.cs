using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;
using static JourneyOrg.Tests.Analysis.TestWorkspace;

namespace JourneyOrg.Tests.Analysis;

/// <summary>SPEC §6 rule by rule on small organisations, and against a literal reading of the rules on generated ones.</summary>
public sealed class OrgAlignmentTests
{
    private static OrgAlignment Align(TestWorkspace w)
    {
        var workspace = w.Build();
        return OrgAlignment.Compute(workspace, AlignmentAnalysis.Analyze(workspace));
    }

    private static ManagerAlignment Of(OrgAlignment org, string id) => org.Manager(id) ?? throw new Xunit.Sdk.XunitException($"{id} is no manager");

    // Two journeys: j-a has three steps, j-b one phase without steps.
    private static TestWorkspace Framework() => new TestWorkspace()
        .Journey("j-a", Phase("p-a1", Step("s-1"), Step("s-2")), Phase("p-a2", Step("s-3")))
        .Journey("j-b", Phase("p-b1"));

    [Fact]
    public void A_manager_serves_what_everyone_under_them_does_spread_as_team_FTE_is()
    {
        var org = Align(Framework()
            .Person("boss").Person("lead-x", "boss").Person("ann", "lead-x").Person("bob", "lead-x").Person("cat", "boss")
            .Team("t-x", lead: "lead-x", members: ["lead-x", "ann", "bob:0.5"])
            .Team("t-y", lead: "cat", members: ["cat"])
            .Owns("t-x", "s-1").Owns("t-x", "s-2").Owns("t-x", "p-b1")   // t-x: 3 units, 2 in j-a, 1 in j-b
            .Owns("t-y", "s-3"));

        var leadX = Of(org, "lead-x");
        Assert.Equal(3, leadX.People);
        Assert.Equal(2.5 * 2 / 3, leadX.FteOn("j-a"), 10);
        Assert.Equal(2.5 / 3, leadX.FteOn("j-b"), 10);
        var boss = Of(org, "boss");
        Assert.Equal(5, boss.People);
        Assert.Equal(2.5 * 2 / 3 + 1, boss.FteOn("j-a"), 10);
        Assert.Equal(["j-a", "j-b"], boss.JourneyFte.Select(j => j.JourneyId));
        Assert.Null(org.Manager("ann"));
        Assert.Equal(["boss", "lead-x"], org.Managers.Select(m => m.Id));
    }

    [Fact]
    public void Someone_in_several_teams_counts_once_as_a_person_and_by_allocation_in_each_team()
    {
        var org = Align(Framework()
            .Person("boss").Person("ann", "boss")
            .Team("t-x", members: ["ann:0.5"]).Team("t-y", members: ["ann:0.25"]).Team("t-idle", members: ["ann:0.25"])
            .Owns("t-x", "s-1").Owns("t-y", "p-b1"));

        var boss = Of(org, "boss");
        Assert.Equal(2, boss.People);
        Assert.Equal(0.5, boss.FteOn("j-a"), 10);
        Assert.Equal(0.25, boss.FteOn("j-b"), 10);
        Assert.Equal(0.25, boss.UnmappedFte, 10);
    }

    [Fact]
    public void Disabled_people_link_the_chain_and_bring_their_FTE_but_are_not_counted()
    {
        var org = Align(Framework()
            .Person("boss").Person("gone", "boss", enabled: false).Person("ann", "gone").Person("old", "gone", enabled: false)
            .Team("t-x", members: ["ann", "old"]).Owns("t-x", "s-1"));

        Assert.Equal(2, Of(org, "boss").People);          // boss and ann
        Assert.Equal(1, Of(org, "gone").People);          // ann
        Assert.Equal(2.0, Of(org, "boss").FteOn("j-a"), 10);
        Assert.Equal(2.0, Of(org, "gone").FteOn("j-a"), 10);
    }

    [Fact]
    public void Only_people_with_a_direct_report_are_managers_even_a_disabled_one()
    {
        var org = Align(Framework().Person("gone", enabled: false).Person("ann", "gone").Person("solo"));
        Assert.Equal(["gone"], org.Managers.Select(m => m.Id));
        Assert.Equal(1, Of(org, "gone").People);
        Assert.Empty(Of(org, "gone").JourneyFte);
    }

    [Fact]
    public void An_unknown_manager_id_ends_the_chain()
    {
        var org = Align(Framework().Person("ann", "nobody").Person("bob", "ann").Team("t-x", members: ["bob"]).Owns("t-x", "s-1"));
        Assert.Equal(["ann"], org.Managers.Select(m => m.Id));
        Assert.Equal(2, Of(org, "ann").People);
        Assert.Equal(1.0, Of(org, "ann").FteOn("j-a"), 10);
    }

    [Fact]
    public void Everyone_on_a_reporting_cycle_has_the_whole_cycle_and_what_hangs_below_it()
    {
        var org = Align(Framework()
            .Person("a", "c").Person("b", "a").Person("c", "b").Person("d", "b").Person("e", "d").Person("x")
            .Team("t-x", members: ["a", "e"]).Owns("t-x", "s-1").Team("t-idle", members: ["d:0.5"]));

        foreach (var member in new[] { "a", "b", "c" })
        {
            Assert.Equal(5, Of(org, member).People);
            Assert.Equal(2.0, Of(org, member).FteOn("j-a"), 10);
            Assert.Equal(0.5, Of(org, member).UnmappedFte, 10);
        }
        Assert.Equal(2, Of(org, "d").People);
        Assert.Equal(["a", "b", "c", "d"], org.Managers.Select(m => m.Id));
        Assert.Equal(["a", "b", "c", "d", "e"], org.PeopleUnder("b").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_team_that_owns_nothing_is_unmapped_FTE_and_contributing_does_not_map_it()
    {
        var org = Align(Framework().Person("boss").Person("ann", "boss").Person("bob", "boss")
            .Team("t-x", members: ["ann:0.75"]).Contributes("t-x", "s-1")
            .Team("t-y", members: ["bob:0.5"]).Owns("t-y", "s-2"));
        Assert.Equal(0.75, Of(org, "boss").UnmappedFte, 10);
        Assert.Equal(["j-a"], Of(org, "boss").JourneyFte.Select(j => j.JourneyId));
    }

    [Fact]
    public void A_handoff_escalates_to_the_first_leader_both_leads_report_to()
    {
        var org = Align(Framework()
            .Person("ceo").Person("vp-1", "ceo").Person("vp-2", "ceo").Person("lead-x", "vp-1").Person("lead-y", "vp-1").Person("lead-z", "vp-2")
            .Team("t-x", lead: "lead-x").Team("t-y", lead: "lead-y").Team("t-z", lead: "lead-z")
            .Owns("t-x", "s-1").Owns("t-y", "s-2").Owns("t-z", "s-3"));

        Assert.Equal(
            [("s-1", "s-2", "vp-1"), ("s-2", "s-3", "ceo")],
            org.Handoffs.Select(h => (h.FromUnitId, h.ToUnitId, h.EscalationManagerId)));
        Assert.Equal(["lead-x", "lead-y"], org.Handoffs[0].LeadIds);
        Assert.Equal(1, Of(org, "vp-1").Handoffs);
        Assert.Equal(1, Of(org, "ceo").Handoffs);
        Assert.Equal(["s-1"], org.EscalatedTo("vp-1").Select(h => h.FromUnitId));
    }

    [Fact]
    public void A_lead_who_manages_the_other_lead_settles_the_handoff_and_one_lead_for_both_teams_is_their_own_escalation()
    {
        var org = Align(Framework()
            .Person("boss").Person("lead-y", "boss").Person("ann", "lead-y")
            .Team("t-x", lead: "boss").Team("t-y", lead: "lead-y").Team("t-z", lead: "lead-y")
            .Owns("t-x", "s-1").Owns("t-y", "s-2").Owns("t-z", "s-3"));
        Assert.Equal(["boss", "lead-y"], org.Handoffs.Select(h => h.EscalationManagerId));
        Assert.Equal(1, Of(org, "lead-y").Handoffs);   // lead-y is a manager (of ann)
    }

    [Fact]
    public void A_handoff_without_leads_or_whose_leads_chains_never_meet_has_no_escalation_manager()
    {
        var org = Align(Framework()
            .Person("lead-x").Person("lead-y").Person("boss-z").Person("lead-z", "boss-z")
            .Team("t-x", lead: "lead-x").Team("t-y", lead: "ghost").Team("t-z", lead: "lead-z").Team("t-w")
            .Owns("t-x", "s-1").Owns("t-y", "s-2").Owns("t-w", "s-3"));
        // s-1 → s-2: only lead-x exists (ghost is nobody) so lead-x settles it; s-2 → s-3: no lead at all.
        Assert.Equal([("lead-x", (string?)"lead-x"), ("", null)],
            org.Handoffs.Select(h => (string.Join(",", h.LeadIds), h.EscalationManagerId)));

        var apart = Align(Framework().Person("lead-x").Person("lead-y")
            .Team("t-x", lead: "lead-x").Team("t-y", lead: "lead-y").Owns("t-x", "s-1").Owns("t-y", "s-2"));
        Assert.Null(Assert.Single(apart.Handoffs).EscalationManagerId);
    }

    [Fact]
    public void Overlapping_owners_bring_all_their_leads_and_the_first_lead_by_id_leads_the_walk()
    {
        var org = Align(Framework()
            .Person("top").Person("mid", "top").Person("a-lead", "mid").Person("b-lead", "mid").Person("c-lead", "top")
            .Team("t-a", lead: "a-lead").Team("t-b", lead: "b-lead").Team("t-c", lead: "c-lead")
            .Owns("t-a", "s-1").Owns("t-b", "s-1").Owns("t-a", "s-2").Owns("t-c", "s-3"));
        // s-1 {a,b} → s-2 {a}: leads a-lead, b-lead meet at mid. s-2 {a} → s-3 {c}: meet at top.
        Assert.Equal(["mid", "top"], org.Handoffs.Select(h => h.EscalationManagerId));
        Assert.Equal(["t-a", "t-b"], org.Handoffs[0].FromTeams);
    }

    [Fact]
    public void Handoffs_stay_inside_a_journey()
    {
        var org = Align(Framework().Person("lx").Person("ly")
            .Team("t-x", lead: "lx").Team("t-y", lead: "ly").Owns("t-x", "j-a").Owns("t-y", "j-b"));
        Assert.Empty(org.Handoffs);
    }

    [Fact]
    public void Phase_FTE_of_a_manager_adds_up_to_their_journey_FTE()
    {
        var org = Align(Framework()
            .Person("boss").Person("ann", "boss").Person("bob", "boss")
            .Team("t-x", members: ["ann", "bob:0.5"]).Owns("t-x", "j-a").Owns("t-x", "p-b1"));
        var phases = org.PhaseFte("boss");
        Assert.Equal(1.5 * 2 / 4, phases["p-a1"], 10);
        Assert.Equal(1.5 / 4, phases["p-a2"], 10);
        Assert.Equal(Of(org, "boss").FteOn("j-a"), phases["p-a1"] + phases["p-a2"], 10);
    }

    [Fact]
    public void Only_managers_whose_figures_change_are_listed_between_two_organisations()
    {
        TestWorkspace Org(string leadYManager) => Framework()
            .Person("ceo").Person("vp-1", "ceo").Person("vp-2", "ceo").Person("lead-x", "vp-1").Person("lead-y", leadYManager).Person("z", "vp-2")
            .Team("t-x", lead: "lead-x", members: ["lead-x"]).Team("t-y", lead: "lead-y", members: ["lead-y"])
            .Owns("t-x", "s-1").Owns("t-y", "s-2");
        var today = Align(Org("vp-2"));
        Assert.Empty(OrgAlignmentChanges.Between(today, Align(Org("vp-2"))));

        var changes = OrgAlignmentChanges.Between(today, Align(Org("vp-1")));
        // The handoff t-x → t-y moves from the CEO to vp-1; lead-y's FTE moves from vp-2 to vp-1; the CEO's people stay.
        Assert.Equal(["ceo", "vp-1", "vp-2"], changes.Select(c => c.Id).Order(StringComparer.Ordinal));
        var vp1 = changes.Single(c => c.Id == "vp-1");
        Assert.Equal((0, 1, 2, 3), (vp1.HandoffsBefore, vp1.HandoffsAfter, vp1.PeopleBefore, vp1.PeopleAfter));
        Assert.Equal([("j-a", 1.0, 2.0)], vp1.Journeys);
        var ceo = changes.Single(c => c.Id == "ceo");
        Assert.Equal((1, 0), (ceo.HandoffsBefore, ceo.HandoffsAfter));
        Assert.Empty(ceo.Journeys);
    }

    public static TheoryData<int, int> Sizes => new() { { 60, 1 }, { 800, 2 }, { 3000, 3 }, { 3000, 4 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Generated_organisations_give_what_the_rules_say_read_literally(int size, int seed)
    {
        var workspace = Roughen(WorkspaceGenerator.Generate(size, seed), seed);
        var report = AlignmentAnalysis.Analyze(workspace);
        var org = OrgAlignment.Compute(workspace, report);
        var expected = Literal(workspace, report);

        Assert.Equal(expected.Managers.Keys.Order(StringComparer.Ordinal), org.Managers.Select(m => m.Id));
        foreach (var m in org.Managers)
        {
            var (people, journeys, unmapped, handoffs) = expected.Managers[m.Id];
            Assert.Equal(people, m.People);
            Assert.Equal(handoffs, m.Handoffs);
            Assert.Equal(unmapped, m.UnmappedFte, 6);
            Assert.Equal(journeys.Keys.Order(StringComparer.Ordinal), m.JourneyFte.Select(j => j.JourneyId));
            foreach (var j in m.JourneyFte) Assert.Equal(journeys[j.JourneyId], j.Fte, 6);
        }
        Assert.Equal(expected.Escalations, org.Handoffs.Select(h => h.EscalationManagerId));
        Assert.Contains(org.Managers, m => m.Handoffs > 0);
    }

    /// <summary>
    /// The generator's org is tidy; this adds what real directories have: a reporting cycle, disabled managers,
    /// managers outside the workspace, people in a second team, teams whose lead left.
    /// </summary>
    private static Workspace Roughen(Workspace w, int seed)
    {
        var random = new Random(seed);
        var people = w.People.ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var roll = random.Next(40);
            if (roll == 0) people[i] = people[i] with { AccountEnabled = false };
            else if (roll == 1) people[i] = people[i] with { ManagerId = "left-the-company" };
        }
        // A cycle of three among people who have reports.
        var managers = people.Where(p => people.Any(r => r.ManagerId == p.Id)).Take(3).Select(p => p.Id).ToList();
        if (managers.Count == 3)
            for (var k = 0; k < 3; k++)
            {
                var index = people.FindIndex(p => p.Id == managers[k]);
                people[index] = people[index] with { ManagerId = managers[(k + 1) % 3] };
            }
        var teams = w.Teams.ToList();
        for (var t = 0; t < teams.Count; t++)
        {
            var members = teams[t].Members.ToList();
            if (random.Next(3) == 0 && people.Count > 0) members.Add(new Membership(people[random.Next(people.Count)].Id, 0.3));
            teams[t] = teams[t] with { Members = members, LeadId = random.Next(8) == 0 ? null : random.Next(8) == 0 ? "gone" : teams[t].LeadId };
        }
        return w with { People = people, Teams = teams };
    }

    /// <summary>SPEC §6 word for word: chains walked per person, sums per manager, no memo, no roll-up.</summary>
    private static (Dictionary<string, (int, Dictionary<string, double>, double, int)> Managers, List<string?> Escalations) Literal(Workspace w, AlignmentReport r)
    {
        var byId = new Dictionary<string, Person>();
        foreach (var p in w.People) byId.TryAdd(p.Id, p);
        List<string> Chain(string id)
        {
            var chain = new List<string>();
            for (string? p = id; p is not null && byId.ContainsKey(p) && !chain.Contains(p); p = byId[p].ManagerId) chain.Add(p);
            return chain;
        }
        var units = r.Teams.ToDictionary(t => t.Id, t => t.Units);
        var unitsInJourney = new Dictionary<(string, string), int>();
        foreach (var u in r.Units)
            foreach (var t in u.Owners) unitsInJourney[(t, u.JourneyId)] = unitsInJourney.GetValueOrDefault((t, u.JourneyId)) + 1;

        var result = new Dictionary<string, (int People, Dictionary<string, double> Fte, double Unmapped, int Handoffs)>();
        foreach (var m in byId.Keys.Where(m => byId.Values.Any(p => p.ManagerId == m)))
            result[m] = (0, new Dictionary<string, double>(), 0.0, 0);
        foreach (var p in byId.Values)
        {
            var own = new Dictionary<string, double>();
            var unmapped = 0.0;
            foreach (var team in w.Teams)
                foreach (var membership in team.Members.Where(x => x.PersonId == p.Id))
                {
                    if (units[team.Id] == 0) { unmapped += membership.Allocation; continue; }
                    foreach (var ((t, j), count) in unitsInJourney.Where(x => x.Key.Item1 == team.Id))
                        own[j] = own.GetValueOrDefault(j) + membership.Allocation * count / units[team.Id];
                }
            foreach (var m in Chain(p.Id).Where(result.ContainsKey))
            {
                var (people, fte, u, h) = result[m];
                foreach (var (j, v) in own) fte[j] = fte.GetValueOrDefault(j) + v;
                result[m] = (people + (p.AccountEnabled ? 1 : 0), fte, u + unmapped, h);
            }
        }

        var leadOf = w.Teams.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().LeadId);
        var escalations = new List<string?>();
        for (var i = 0; i + 1 < r.Units.Count; i++)
        {
            var (a, b) = (r.Units[i], r.Units[i + 1]);
            if (a.JourneyId != b.JourneyId || a.Owners.Count == 0 || b.Owners.Count == 0 || a.Owners.ToHashSet().SetEquals(b.Owners)) continue;
            var leads = a.Owners.Union(b.Owners).Select(t => leadOf[t]).OfType<string>().Where(byId.ContainsKey).Distinct().Order(StringComparer.Ordinal).ToList();
            string? escalation = leads.Count == 0 ? null : Chain(leads[0]).FirstOrDefault(c => leads.Skip(1).All(l => Chain(l).Contains(c)));
            escalations.Add(escalation);
            if (escalation is not null && result.TryGetValue(escalation, out var entry)) result[escalation] = entry with { Handoffs = entry.Handoffs + 1 };
        }
        return (result.ToDictionary(x => x.Key, x => (x.Value.People, x.Value.Fte.Where(f => f.Value > 0).ToDictionary(), x.Value.Unmapped, x.Value.Handoffs)), escalations);
    }
}
