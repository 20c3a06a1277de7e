using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Proposals;
using JourneyOrg.Scenarios;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Scenarios;

/// <summary>
/// The drafted journey-aligned structure, checked through the real simulation of the scenario document it writes
/// (read back with the scenario parser), never through the proposer's own bookkeeping.
/// </summary>
public sealed class StructureProposalTests
{
    // ---------- a small org built by hand ----------

    private static Journey J(string id, string name, params Phase[] phases) => new(id, name, null, "", phases);
    private static Phase P(string id, string name, params Step[] steps) => new(id, name, steps);
    private static Step S(string id, string? sub = null) => new(id, $"Step {id}", sub);
    private static Ownership Own(string team, string target) => new(team, target, OwnershipKind.Accountable);

    /// <summary>A team of <paramref name="size"/> people (ids <c>{id}-1</c>…), the first its lead.</summary>
    private static (Team Team, Person[] People) T(string id, string name, int size, string? type = "stream-aligned", bool enabled = true)
    {
        var people = Enumerable.Range(1, size).Select(i => new Person($"{id}-{i}", $"{name} {i}", null, null, null, null, null, enabled)).ToArray();
        return (new Team(id, name, null, people[0].Id, type, people.Select(p => new Membership(p.Id, 1.0)).ToArray()), people);
    }

    private static Workspace Org(Journey[] journeys, (Team Team, Person[] People)[] teams, params Ownership[] ownership) =>
        new(journeys, teams.SelectMany(t => t.People).DistinctBy(p => p.Id).ToArray(), teams.Select(t => t.Team).ToArray(), [], ownership, []);

    private static readonly Journey Mortgage = J("j-mortgage", "Get a mortgage",
        P("p-m-explore", "Explore", S("s-m-1"), S("s-m-2")),
        P("p-m-apply", "Apply", S("s-m-3"), S("s-m-4"), S("s-m-5")),
        P("p-m-decide", "Decide", S("s-m-6"), S("s-m-7")));

    private static readonly Journey Card = J("j-card", "Get a credit card",
        P("p-c-apply", "Apply", S("s-c-1"), S("s-c-2", sub: "j-id")),
        P("p-c-use", "Use", S("s-c-3")));

    private static readonly Journey Identity = J("j-id", "Verify identity",
        P("p-id-check", "Check", S("s-id-1"), S("s-id-2")));

    // ---------- checking a proposal through the simulation ----------

    private sealed record Checked(SimulationResult Result, ProposedStructure Proposal, AlignmentReport After);

    /// <summary>
    /// Writes the proposal as its document, reads it back, simulates it on the workspace and checks what must hold
    /// whatever the org: valid, journeys untouched, nobody loses their last team, nobody goes over 100%, and every
    /// unit that still has not exactly one team is in a journey the summary names as falling short.
    /// </summary>
    private static Checked Propose(Workspace workspace, ProposalOptions? options = null)
    {
        options ??= new ProposalOptions();
        var proposal = StructureProposal.Propose(workspace, options);
        var document = ScenarioJson.Serialize(proposal.Scenario);
        Assert.Equal(document, ScenarioJson.Serialize(StructureProposal.Propose(workspace, options).Scenario)); // deterministic
        var parsed = ScenarioJson.Parse(document);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        Assert.All(parsed.Scenario!.Operations, op => Assert.False(string.IsNullOrWhiteSpace(op.Reason)));
        var result = ScenarioSimulation.Simulate(workspace, parsed.Scenario);
        Assert.True(result.Valid, string.Join("; ", result.Errors.Select(e => e.Message)));
        var after = result.Scenario!;
        var ws = result.Workspace!;
        Assert.Same(workspace.Journeys, ws.Journeys);

        double Load(Workspace w, string person) => w.Teams.SelectMany(t => t.Members).Where(m => m.PersonId == person).Sum(m => m.Allocation);
        foreach (var person in workspace.People)
        {
            var before = Load(workspace, person.Id);
            var now = Load(ws, person.Id);
            if (before > 0) Assert.True(now > 0, $"{person.Id} lost every team");
            Assert.True(now <= Math.Max(1.0, before) + 1e-9, $"{person.Id} is allocated {now}");
        }

        var scope = options.Journeys?.ToHashSet() ?? workspace.Journeys.Where(j => j.Phases.Count > 0).Select(j => j.Id).ToHashSet();
        foreach (var unit in after.Units.Where(u => scope.Contains(u.JourneyId) && u.Owners.Count != 1))
            Assert.True(proposal.Summary.Notes.Any(n => n.Contains(unit.JourneyId) || n.Contains(unit.Id)),
                $"{unit.Id} has {unit.Owners.Count} owners and no note says why");
        Assert.Equal(after.Units.Count(u => scope.Contains(u.JourneyId) && u.Owners.Count == 0), proposal.Summary.GapsAfter);
        return new Checked(result, proposal, after);
    }

    /// <summary>The journeys each team answers for after: its units, a step delivered by a sub-journey counted for the sub-journey.</summary>
    private static Dictionary<string, HashSet<string>> AnsweredFor(Workspace workspace, AlignmentReport report)
    {
        var subOf = workspace.Journeys.SelectMany(j => j.Phases).SelectMany(p => p.Steps)
            .Where(s => s.SubjourneyId is not null).ToDictionary(s => s.Id, s => s.SubjourneyId!);
        var answered = new Dictionary<string, HashSet<string>>();
        foreach (var u in report.Units)
        foreach (var t in u.Owners)
        {
            if (!answered.TryGetValue(t, out var set)) answered[t] = set = [];
            set.Add(subOf.TryGetValue(u.Id, out var sub) ? sub : u.JourneyId);
        }
        return answered;
    }

    private static void EveryUnitOneTeamEachTeamOneJourney(Workspace workspace, Checked c)
    {
        Assert.All(c.After.Units, u => Assert.Single(u.Owners));
        Assert.All(AnsweredFor(workspace, c.After), a => Assert.True(a.Value.Count == 1, $"{a.Key} answers for {string.Join(", ", a.Value)}"));
        // Handoffs between phase teams and a journey team's type are the only shortfalls a fully staffed org may have.
        Assert.DoesNotContain(c.Proposal.Summary.Notes, n => !n.Contains("handoffs") && !n.Contains("should be stream-aligned"));
    }

    // ---------- shapes ----------

    [Fact]
    public void An_aligned_organisation_gets_an_empty_proposal()
    {
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Mortgages", 7), T("t-b", "Cards", 6), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-b", "j-card"), Own("t-c", "j-id"));
        foreach (var by in new[] { ProposalGrouping.Auto, ProposalGrouping.Journey })
        {
            var c = Propose(workspace, new ProposalOptions(by));
            Assert.Empty(c.Proposal.Scenario.Operations);
            Assert.Equal(0, c.Proposal.Summary.PeopleMoved);
            EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        }
    }

    [Fact]
    public void A_journey_nobody_owns_goes_to_a_team_without_journey_work_and_nobody_moves()
    {
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Mortgages", 7), T("t-idle", "Spare squad", 6), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-c", "j-id"));
        var c = Propose(workspace);
        EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        Assert.Equal(["t-idle"], c.After.Journeys.Single(j => j.Id == "j-card").Teams.Where(t => t != "t-c"));
        Assert.Equal(0, c.Result.Diff!.PeopleMoved);
        Assert.Equal(2, c.Proposal.Summary.GapsBefore);
        Assert.Equal(0, c.Proposal.Summary.GapsAfter);
        Assert.Equal("Get a credit card", c.Result.Workspace!.Teams.Single(t => t.Id == "t-idle").Name);
        Assert.Contains(c.Proposal.Scenario.Operations, op => op is AssignOwnership { TeamId: "t-idle", TargetId: "j-card" } a && a.Reason!.Contains("nobody owns it today"));
    }

    [Fact]
    public void Overlapping_squads_end_with_one_owner_each_and_no_more_handoffs()
    {
        // Both squads answer for the whole mortgage journey; one also owns the Apply phase of the card journey.
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Mortgage squad", 7), T("t-b", "Lending squad", 6), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-b", "j-mortgage"), Own("t-b", "p-c-apply"), Own("t-c", "j-id"));
        var c = Propose(workspace);
        EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        Assert.Equal(7, c.Proposal.Summary.OverlapsBefore);
        Assert.Equal(0, c.Proposal.Summary.OverlapsAfter);
        Assert.Equal(0, c.Result.Diff!.PeopleMoved);
        var before = c.Result.Baseline.Journeys.ToDictionary(j => j.Id, j => j.Handoffs);
        Assert.All(c.After.Journeys.Where(j => j.Id != "j-card"), j => Assert.True(j.Handoffs <= before[j.Id]));
    }

    [Fact]
    public void A_team_serving_two_journeys_is_split_along_them_and_shared_people_stay_within_100_percent()
    {
        var (a, aPeople) = T("t-a", "Everything squad", 10);
        var (b, bPeople) = T("t-c", "Identity", 5, "platform");
        // u-shared works half in each team.
        var shared = new Person("u-shared", "Sam Shared", null, null, null, null, null, true);
        a = a with { Members = [.. a.Members, new Membership("u-shared", 0.5)] };
        b = b with { Members = [.. b.Members, new Membership("u-shared", 0.5)] };
        var workspace = new Workspace([Mortgage, Card, Identity], [.. aPeople, .. bPeople, shared], [a, b], [],
            [Own("t-a", "j-mortgage"), Own("t-a", "p-c-apply"), Own("t-a", "p-c-use"), Own("t-c", "j-id")], []);
        var c = Propose(workspace);
        EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        var split = Assert.Single(c.Proposal.Scenario.Operations.OfType<SplitTeam>());
        Assert.Equal(("t-a", "t-get-a-credit-card"), (split.TeamId, split.NewTeamId));
        var ws = c.Result.Workspace!;
        Assert.Equal("Get a credit card", ws.Teams.Single(t => t.Id == "t-get-a-credit-card").Name);
        Assert.Equal(split.MemberIds.Count, c.Result.Diff!.PeopleMoved);
        Assert.InRange(split.MemberIds.Count, 1, 10);
    }

    [Fact]
    public void A_team_split_off_a_team_of_another_type_is_stream_aligned_and_a_journey_team_of_another_type_is_named()
    {
        // The enabling team serves both journeys: the card people split off it must form a stream-aligned team,
        // which a plain split (same type as its source, SPEC §4) cannot give.
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Everything squad", 10, "enabling"), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-a", "p-c-apply"), Own("t-a", "p-c-use"), Own("t-c", "j-id"));
        var c = Propose(workspace);
        EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        Assert.Empty(c.Proposal.Scenario.Operations.OfType<SplitTeam>());
        var created = Assert.Single(c.Proposal.Scenario.Operations.OfType<CreateTeam>());
        var ws = c.Result.Workspace!;
        var cards = ws.Teams.Single(t => t.Id == created.TeamId);
        Assert.Equal(("Get a credit card", "stream-aligned"), (cards.Name, cards.Type));
        Assert.NotEmpty(cards.Members);
        Assert.Equal(cards.Members.Count, c.Result.Diff!.PeopleMoved);
        Assert.Equal(["t-c", cards.Id], c.After.Journeys.Single(j => j.Id == "j-card").Teams); // t-c: the identity step
        // The enabling team keeps the mortgage journey and its type (no operation changes it); the note says so.
        Assert.Equal("enabling", ws.Teams.Single(t => t.Id == "t-a").Type);
        Assert.Contains(c.Proposal.Summary.Notes, n => n.Contains("Get a mortgage") && n.Contains("enabling") && n.Contains("stream-aligned"));
    }

    [Fact]
    public void A_step_delivered_by_a_sub_journey_belongs_to_the_sub_journey_team()
    {
        // The card team also claims the identity step explicitly; the identity journey belongs to the platform team.
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Mortgages", 7), T("t-b", "Cards", 6), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-b", "j-card"), Own("t-b", "s-c-2"), Own("t-c", "j-id"));
        var c = Propose(workspace);
        EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        Assert.Equal(["t-c"], c.After.Units.Single(u => u.Id == "s-c-2").Owners);
        Assert.Contains(c.Proposal.Scenario.Operations, op => op is RemoveOwnership { TeamId: "t-b", TargetId: "s-c-2" } r && r.Reason!.Contains("Verify identity"));
        Assert.Contains(c.Proposal.Summary.Notes, n => n.Contains("Get a credit card: handoffs"));
    }

    [Fact]
    public void A_team_of_only_disabled_accounts_does_not_keep_a_journey()
    {
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Mortgages", 7), T("t-gone", "Leavers", 4, enabled: false), T("t-new", "New squad", 6), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-gone", "j-card"), Own("t-c", "j-id"));
        var c = Propose(workspace);
        EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        Assert.DoesNotContain("t-gone", c.After.Journeys.Single(j => j.Id == "j-card").Teams);
        Assert.Contains("t-new", c.After.Journeys.Single(j => j.Id == "j-card").Teams);
    }

    [Fact]
    public void A_large_journey_team_becomes_a_journey_unit_with_phase_teams_in_the_size_range()
    {
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Mortgage tribe squad", 19), T("t-b", "Cards", 6), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-b", "j-card"), Own("t-c", "j-id"));
        var c = Propose(workspace);
        EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        var ws = c.Result.Workspace!;
        var phaseTeams = ws.Teams.Where(t => t.ParentId == "t-a").ToList();
        Assert.Equal(3, phaseTeams.Count); // 18 people besides the lead, three phases: 6 each
        Assert.All(phaseTeams, t => Assert.InRange(t.Members.Count, 5, 9));
        Assert.All(phaseTeams, t => Assert.StartsWith("Get a mortgage · ", t.Name));
        Assert.All(phaseTeams, t => Assert.Equal("stream-aligned", t.Type));
        Assert.Equal("Get a mortgage", ws.Teams.Single(t => t.Id == "t-a").Name);
        // Phase teams hand over at each phase boundary: two handoffs more than the single team had, and the note says why.
        Assert.Equal(2, c.After.Journeys.Single(j => j.Id == "j-mortgage").Handoffs);
        Assert.Contains(c.Proposal.Summary.Notes, n => n.Contains("phase teams"));
        // By journey the team stays whole and the note says it is large.
        var whole = Propose(workspace, new ProposalOptions(ProposalGrouping.Journey));
        Assert.Empty(whole.Proposal.Scenario.Operations);
        Assert.Contains(whole.Proposal.Summary.Notes, n => n.Contains("19 people"));
    }

    [Fact]
    public void Small_teams_that_work_only_on_one_journey_merge_into_its_team()
    {
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Mortgage apply", 4), T("t-a2", "Mortgage decide", 3), T("t-b", "Cards", 6), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-a", "p-m-apply"), Own("t-a2", "p-m-apply"), Own("t-a2", "p-m-decide"), Own("t-b", "j-card"), Own("t-c", "j-id"));
        var c = Propose(workspace);
        EveryUnitOneTeamEachTeamOneJourney(workspace, c);
        Assert.Contains(c.Proposal.Scenario.Operations, op => op is MergeTeams);
        Assert.Equal(0, c.After.Journeys.Single(j => j.Id == "j-mortgage").Handoffs);
        Assert.Equal(7, c.Result.Workspace!.Teams.Single(t => c.After.Journeys.Single(j => j.Id == "j-mortgage").Teams.Contains(t.Id)).Members.Count);
    }

    [Fact]
    public void New_ids_never_clash_with_any_id_in_the_workspace()
    {
        // A metric already uses the id the split team would get.
        var (a, aPeople) = T("t-a", "Everything squad", 10);
        var workspace = new Workspace([Mortgage, Card, Identity], [.. aPeople, .. T("t-c", "Identity", 5).People], [a, T("t-c", "Identity", 5, "platform").Team], [],
            [Own("t-a", "j-mortgage"), Own("t-a", "p-c-apply"), Own("t-c", "j-id")],
            [new Metric("t-get-a-credit-card", "j-card", "Drop-off", "%", 1, 1, "lower")]);
        var c = Propose(workspace);
        var split = Assert.Single(c.Proposal.Scenario.Operations.OfType<SplitTeam>());
        Assert.Equal("t-get-a-credit-card-2", split.NewTeamId);
    }

    [Fact]
    public void Only_the_journeys_in_scope_change()
    {
        var workspace = Org([Mortgage, Card, Identity],
            [T("t-a", "Mortgage squad", 7), T("t-b", "Lending squad", 6), T("t-c", "Identity", 5, "platform")],
            Own("t-a", "j-mortgage"), Own("t-b", "j-mortgage"), Own("t-c", "j-id"));
        var c = Propose(workspace, new ProposalOptions(Journeys: ["j-mortgage"]));
        Assert.All(c.After.Units.Where(u => u.JourneyId == "j-mortgage"), u => Assert.Single(u.Owners));
        Assert.Equal(c.Result.Baseline.Units.Where(u => u.JourneyId == "j-card").Select(u => u.Owners.Count), c.After.Units.Where(u => u.JourneyId == "j-card").Select(u => u.Owners.Count));
        Assert.Throws<ArgumentException>(() => StructureProposal.Propose(workspace, new ProposalOptions(Journeys: ["j-nope"])));
    }

    // ---------- generated organisations ----------

    public static TheoryData<int, int, ProposalGrouping> Generated => new()
    {
        { 60, 1, ProposalGrouping.Auto }, { 800, 2, ProposalGrouping.Auto }, { 3000, 3, ProposalGrouping.Auto },
        { 3000, 4, ProposalGrouping.Journey }, { 3000, 5, ProposalGrouping.Phase },
    };

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_organisations_get_one_team_per_unit_and_one_journey_per_team_as_far_as_people_allow(int people, int seed, ProposalGrouping by)
    {
        var workspace = WorkspaceGenerator.Generate(people, seed);
        var c = Propose(workspace, new ProposalOptions(by));
        var s = c.Proposal.Summary;
        Assert.True(s.GapsAfter <= s.GapsBefore && s.OverlapsAfter <= s.OverlapsBefore, $"gaps {s.GapsBefore}→{s.GapsAfter}, overlaps {s.OverlapsBefore}→{s.OverlapsAfter}");
        // Every team that answers for a unit after answers for one journey, unless a note names a journey it is left on.
        foreach (var (team, journeys) in AnsweredFor(workspace, c.After).Where(a => a.Value.Count > 1))
            Assert.True(journeys.Count(j => !s.Notes.Any(n => n.Contains(j))) <= 1, $"{team} answers for {string.Join(", ", journeys)}");
        // By journey, a journey without sub-journey steps never gets more handoffs than today.
        if (by == ProposalGrouping.Journey)
        {
            var withSteps = workspace.Journeys.Where(j => j.Phases.SelectMany(p => p.Steps).Any(st => st.SubjourneyId is not null)).Select(j => j.Id).ToHashSet();
            var before = c.Result.Baseline.Journeys.ToDictionary(j => j.Id, j => j.Handoffs);
            Assert.All(c.After.Journeys.Where(j => !withSteps.Contains(j.Id)), j => Assert.True(j.Handoffs <= before[j.Id], $"{j.Id}: {before[j.Id]} → {j.Handoffs}"));
        }
        Assert.True(s.FocusAfter >= s.FocusBefore, $"focus {s.FocusBefore} → {s.FocusAfter}");
    }

    [Fact]
    public void Proposing_again_on_the_proposed_organisation_changes_next_to_nothing()
    {
        var workspace = WorkspaceGenerator.Generate(3000, 3);
        var first = Propose(workspace);
        var again = StructureProposal.Propose(first.Result.Workspace!, new ProposalOptions());
        Assert.True(again.Scenario.Operations.Count <= first.Proposal.Scenario.Operations.Count / 10,
            $"{again.Scenario.Operations.Count} changes the second time: {string.Join(" | ", again.Scenario.Operations.Take(5).Select(o => o.Reason))}");
    }
}
