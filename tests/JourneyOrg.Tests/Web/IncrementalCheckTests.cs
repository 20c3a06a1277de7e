using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Web;

/// <summary>
/// Issue #17: an edit checks only what its change set touches. It must accept and refuse exactly what the whole check
/// would, with the same messages, so this compares the two on many generated change sets, valid and invalid, on the golden
/// bank workspace and a generated organisation.
/// </summary>
public sealed class IncrementalCheckTests
{
    [Fact]
    public void The_check_of_what_an_edit_changes_agrees_with_the_whole_check_on_the_bank_workspace()
    {
        var bank = WorkspaceReader.Read(File.ReadAllText(SharedData.PathOf("bank-workspace.json")));
        Assert.True(bank.IsValid);
        Compare(bank.Workspace!, seed: 1, changeSets: 600);
    }

    [Fact]
    public void The_check_of_what_an_edit_changes_agrees_with_the_whole_check_on_a_generated_organisation()
    {
        Compare(WorkspaceGenerator.Generate(1500, seed: 3), seed: 2, changeSets: 400);
    }

    [Fact]
    public void A_workspace_that_is_not_valid_before_the_edit_gets_the_whole_check()
    {
        var w = WorkspaceGenerator.Generate(200);
        var broken = w with { People = [.. w.People, w.People[0] with { Id = "p-dangling", ManagerId = "nobody" }] };
        var view = new OrgView(new WorkspaceSnapshot(broken, 1));
        var rename = new WorkspaceChangeSet { UpsertTeams = [broken.Teams[0] with { Name = "Renamed" }] };
        var resulting = WorkspaceChanges.ApplyTo(broken, rename);

        Assert.False(view.IsValid);
        Assert.NotEmpty(WorkspaceRules.Check(view, rename, resulting));
        Assert.Equal(WorkspaceRules.Check(resulting, broken), WorkspaceRules.Check(view, rename, resulting));
    }

    private static void Compare(Workspace start, int seed, int changeSets)
    {
        var random = new Random(seed);
        var before = start;
        var view = new OrgView(new WorkspaceSnapshot(before, 1));
        Assert.True(view.IsValid);
        int accepted = 0, refused = 0;
        for (var n = 0; n < changeSets; n++)
        {
            var changes = Edits.Make(before, random);
            var resulting = WorkspaceChanges.ApplyTo(before, changes);
            var whole = WorkspaceRules.Check(resulting, before);
            var incremental = WorkspaceRules.Check(view, changes, resulting);
            Assert.True(whole.SequenceEqual(incremental),
                $"change set {n} ({Edits.Describe(changes)}): whole check [{string.Join(" | ", whole)}], incremental [{string.Join(" | ", incremental)}]");
            if (whole.Count > 0)
            {
                refused++;
                continue;
            }
            // A valid edit must be decided without the whole check, or the incremental check would buy nothing.
            Assert.True(WorkspaceRules.KeepsValid(view, changes, resulting), $"change set {n} ({Edits.Describe(changes)}) is valid but was not decided incrementally");
            accepted++;
            // Half the time the edit is kept, so later change sets meet what earlier ones made.
            if (random.Next(2) == 0)
            {
                before = resulting;
                view = new OrgView(new WorkspaceSnapshot(before, n + 2));
            }
        }
        Assert.True(accepted > changeSets / 5 && refused > changeSets / 5, $"accepted {accepted}, refused {refused}: the generator should make both");
    }

    /// <summary>Random change sets of the kinds the screens and the editor make, about half of them wrong in some way.</summary>
    private static class Edits
    {
        public static string Describe(WorkspaceChangeSet c) => string.Join(", ", new (string, int)[]
        {
            ("journeys", c.UpsertJourneys.Count), ("-journeys", c.DeleteJourneys.Count), ("people", c.UpsertPeople.Count),
            ("-people", c.DeletePeople.Count), ("teams", c.UpsertTeams.Count), ("-teams", c.DeleteTeams.Count),
            ("roles", c.UpsertRoles.Count), ("-roles", c.DeleteRoles.Count), ("ownership", c.UpsertOwnership.Count),
            ("-ownership", c.DeleteOwnership.Count), ("metrics", c.UpsertMetrics.Count), ("-metrics", c.DeleteMetrics.Count),
            ("insights", c.UpsertInsights.Count), ("opportunities", c.UpsertOpportunities.Count), ("-opportunities", c.DeleteOpportunities.Count),
            ("solutions", c.UpsertSolutions.Count), ("costs", c.UpsertCosts.Count),
        }.Where(x => x.Item2 > 0).Select(x => $"{x.Item1} {x.Item2}"))
            + (c.Weights is null ? "" : " weights") + (c.Currency is null ? "" : " currency");

        public static WorkspaceChangeSet Make(Workspace w, Random random)
        {
            var changes = new WorkspaceChangeSet();
            var parts = random.Next(1, 4);
            for (var i = 0; i < parts; i++) changes = Merge(changes, One(w, random));
            return changes;
        }

        private static WorkspaceChangeSet Merge(WorkspaceChangeSet a, WorkspaceChangeSet b) => a with
        {
            UpsertJourneys = [.. a.UpsertJourneys, .. b.UpsertJourneys], DeleteJourneys = [.. a.DeleteJourneys, .. b.DeleteJourneys],
            UpsertPeople = [.. a.UpsertPeople, .. b.UpsertPeople], DeletePeople = [.. a.DeletePeople, .. b.DeletePeople],
            UpsertTeams = [.. a.UpsertTeams, .. b.UpsertTeams], DeleteTeams = [.. a.DeleteTeams, .. b.DeleteTeams],
            UpsertRoles = [.. a.UpsertRoles, .. b.UpsertRoles], DeleteRoles = [.. a.DeleteRoles, .. b.DeleteRoles],
            UpsertOwnership = [.. a.UpsertOwnership, .. b.UpsertOwnership], DeleteOwnership = [.. a.DeleteOwnership, .. b.DeleteOwnership],
            UpsertMetrics = [.. a.UpsertMetrics, .. b.UpsertMetrics], DeleteMetrics = [.. a.DeleteMetrics, .. b.DeleteMetrics],
            UpsertInsights = [.. a.UpsertInsights, .. b.UpsertInsights], DeleteInsights = [.. a.DeleteInsights, .. b.DeleteInsights],
            UpsertOpportunities = [.. a.UpsertOpportunities, .. b.UpsertOpportunities], DeleteOpportunities = [.. a.DeleteOpportunities, .. b.DeleteOpportunities],
            UpsertSolutions = [.. a.UpsertSolutions, .. b.UpsertSolutions], DeleteSolutions = [.. a.DeleteSolutions, .. b.DeleteSolutions],
            UpsertCosts = [.. a.UpsertCosts, .. b.UpsertCosts], DeleteCosts = [.. a.DeleteCosts, .. b.DeleteCosts],
            Weights = b.Weights ?? a.Weights, Currency = b.Currency ?? a.Currency,
        };

        private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

        /// <summary>Any id of the workspace, or one that names nothing.</summary>
        private static string AnyId(Workspace w, Random random) => random.Next(9) switch
        {
            0 => Pick(w.People, random).Id,
            1 => Pick(w.Teams, random).Id,
            2 => Pick(w.Journeys, random).Id,
            3 => Phases(w).Count > 0 ? Pick(Phases(w), random).Id : "nothing",
            4 => Steps(w).Count > 0 ? Pick(Steps(w), random).Id : "nothing",
            5 => w.Roles.Count > 0 ? Pick(w.Roles, random).Id : "nothing",
            6 => w.Metrics.Count > 0 ? Pick(w.Metrics, random).Id : "nothing",
            7 => w.Opportunities.Count > 0 ? Pick(w.Opportunities, random).Id : "nothing",
            _ => "no-such-" + random.Next(3),
        };

        private static List<Phase> Phases(Workspace w) => w.Journeys.SelectMany(j => j.Phases).ToList();
        private static List<Step> Steps(Workspace w) => w.Journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps)).ToList();

        /// <summary>Mostly a right reference of the kind, sometimes any id (wrong kind, or nothing).</summary>
        private static string Ref(Workspace w, Random random, Func<string> right) => random.Next(4) == 0 ? AnyId(w, random) : right();

        private static string Target(Workspace w, Random random) => random.Next(3) switch
        {
            0 => Pick(w.Journeys, random).Id,
            1 when Phases(w).Count > 0 => Pick(Phases(w), random).Id,
            _ when Steps(w).Count > 0 => Pick(Steps(w), random).Id,
            _ => Pick(w.Journeys, random).Id,
        };

        private static string Text(Random random, string name) => random.Next(10) switch
        {
            0 => " ",
            1 => "",
            2 => "Bad\u0007name",
            3 => new string('x', 201),
            _ => name,
        };

        private static WorkspaceChangeSet One(Workspace w, Random random)
        {
            var person = Pick(w.People, random);
            var team = Pick(w.Teams, random);
            var journey = Pick(w.Journeys, random);
            switch (random.Next(22))
            {
                case 0:
                case 1:
                    return new() { UpsertOwnership = [new Ownership(Ref(w, random, () => Pick(w.Teams, random).Id), Ref(w, random, () => Target(w, random)),
                        random.Next(2) == 0 ? OwnershipKind.Accountable : OwnershipKind.Contributing)] };
                case 2:
                    return w.Ownership.Count == 0 ? new() : new() { DeleteOwnership = [new OwnershipKey(Pick(w.Ownership, random).TeamId, Pick(w.Ownership, random).TargetId)] };
                case 3:
                    return new() { UpsertPeople = [person with { DisplayName = Text(random, person.DisplayName + " renamed") }] };
                case 4:
                    // A new manager: sometimes one of the person's own reports (a loop), sometimes themselves.
                    var reports = w.People.Where(p => p.ManagerId == person.Id).ToList();
                    var manager = random.Next(4) switch
                    {
                        0 when reports.Count > 0 => Pick(reports, random).Id,
                        1 => person.Id,
                        _ => Ref(w, random, () => Pick(w.People, random).Id),
                    };
                    return new() { UpsertPeople = [person with { ManagerId = manager }] };
                case 5:
                    return new() { UpsertPeople = [new Person(random.Next(3) == 0 ? AnyId(w, random) : $"p-new-{random.Next(1000)}", Text(random, "New Person"),
                        null, null, null, Ref(w, random, () => Pick(w.People, random).Id), w.Roles.Count > 0 ? Ref(w, random, () => Pick(w.Roles, random).Id) : null,
                        true, Source: random.Next(10) == 0 ? "elsewhere" : RecordSource.Local)] };
                case 6:
                    return new() { DeletePeople = [person.Id] };
                case 7:
                    return new() { UpsertTeams = [team with { Name = Text(random, team.Name + " renamed") }] };
                case 8:
                    var below = w.Teams.Where(t => t.ParentId == team.Id).ToList();
                    var parent = random.Next(4) switch
                    {
                        0 when below.Count > 0 => Pick(below, random).Id,
                        1 => team.Id,
                        2 => null,
                        _ => Ref(w, random, () => Pick(w.Teams, random).Id),
                    };
                    return new() { UpsertTeams = [team with { ParentId = parent, LeadId = random.Next(3) == 0 ? Ref(w, random, () => Pick(w.People, random).Id) : team.LeadId }] };
                case 9:
                    var member = Ref(w, random, () => Pick(w.People, random).Id);
                    var allocation = random.Next(6) == 0 ? 1.5 : 0.5;
                    var members = random.Next(6) == 0 && team.Members.Count > 0
                        ? [.. team.Members, team.Members[0]]
                        : team.Members.Where(m => m.PersonId != member).Append(new Membership(member, allocation)).ToList();
                    return new() { UpsertTeams = [team with { Members = members }] };
                case 10:
                    return new() { UpsertTeams = [new Team(random.Next(4) == 0 ? AnyId(w, random) : $"t-new-{random.Next(1000)}", Text(random, "New team"),
                        Ref(w, random, () => Pick(w.Teams, random).Id), null, "stream-aligned", [new Membership(Pick(w.People, random).Id, 1)])] };
                case 11:
                    return new() { DeleteTeams = [team.Id] };
                case 12:
                    return new() { UpsertJourneys = [journey with { Name = Text(random, journey.Name + " renamed") }] };
                case 13:
                    // A new step (its id sometimes taken), a sub-journey, or a new parent (sometimes a loop).
                    if (journey.Phases.Count == 0) return new() { UpsertJourneys = [journey with { ParentId = Ref(w, random, () => Pick(w.Journeys, random).Id) }] };
                    var phase = Pick(journey.Phases, random);
                    var step = new Step(random.Next(4) == 0 ? AnyId(w, random) : $"s-new-{random.Next(1000)}", Text(random, "New step"),
                        random.Next(3) == 0 ? Ref(w, random, () => Pick(w.Journeys, random).Id) : null);
                    var phases = journey.Phases.Select(p => p == phase ? p with { Steps = [.. p.Steps, step] } : p).ToList();
                    return new() { UpsertJourneys = [journey with { Phases = phases }] };
                case 14:
                    var children = w.Journeys.Where(j => j.ParentId == journey.Id).ToList();
                    return new() { UpsertJourneys = [journey with { ParentId = random.Next(3) == 0 && children.Count > 0 ? Pick(children, random).Id : Ref(w, random, () => Pick(w.Journeys, random).Id) }] };
                case 15:
                    // A journey's phases taken away or the journey deleted: ownership, metrics and users may still name them.
                    return random.Next(2) == 0 ? new() { DeleteJourneys = [journey.Id] } : new() { UpsertJourneys = [journey with { Phases = journey.Phases.Skip(1).ToList() }] };
                case 16:
                    if (w.Roles.Count == 0) return new() { UpsertRoles = [new Role("r-new", Text(random, "Engineer"), null, null) { AnnualCost = random.Next(4) == 0 ? -1 : 100 }] };
                    var role = Pick(w.Roles, random);
                    return random.Next(3) == 0 ? new() { DeleteRoles = [role.Id] } : new() { UpsertRoles = [role with { Title = Text(random, role.Title), AnnualCost = random.Next(4) == 0 ? -5 : role.AnnualCost }] };
                case 17:
                    var metric = w.Metrics.Count > 0 && random.Next(3) > 0 ? Pick(w.Metrics, random) : new Metric($"m-new-{random.Next(100)}", Target(w, random), "New KPI", "%", 1, 2, "higher");
                    return new() { UpsertMetrics = [metric with
                    {
                        TargetId = random.Next(3) == 0 ? Ref(w, random, () => Target(w, random)) : metric.TargetId,
                        Direction = random.Next(8) == 0 ? "sideways" : metric.Direction,
                        OwnerId = random.Next(3) == 0 ? Ref(w, random, () => Pick(w.People, random).Id) : metric.OwnerId,
                        TeamIds = random.Next(3) == 0 ? [Ref(w, random, () => Pick(w.Teams, random).Id)] : metric.TeamIds,
                        ImportKey = random.Next(6) == 0 ? w.Metrics.Select(m => m.ImportKey).FirstOrDefault(k => k is not null) ?? "key" : metric.ImportKey,
                    }] };
                case 18:
                    if (w.Opportunities.Count == 0 || random.Next(4) == 0)
                        return new() { UpsertOpportunities = [new Opportunity($"opp-new-{random.Next(100)}", "New opportunity", "", null, Ref(w, random, () => Pick(w.Teams, random).Id), 50, random.Next(5) == 0 ? 150 : 50, 2)
                            { TargetIds = [Ref(w, random, () => Target(w, random))], OwnerId = Ref(w, random, () => Pick(w.People, random).Id) }] };
                    var opportunity = Pick(w.Opportunities, random);
                    return random.Next(3) == 0 ? new() { DeleteOpportunities = [opportunity.Id] }
                        : new() { UpsertOpportunities = [opportunity with { TeamId = Ref(w, random, () => Pick(w.Teams, random).Id), ExternalLinks = random.Next(5) == 0 ? ["not a link"] : opportunity.ExternalLinks }] };
                case 19:
                    return new() { UpsertInsights = [new Insight($"ins-new-{random.Next(100)}", Text(random, "Seen"), "", null, null, null, random.Next(5) == 0 ? -1 : 1)
                        { StepIds = [Ref(w, random, () => Steps(w).Count > 0 ? Pick(Steps(w), random).Id : "nothing")], TeamIds = [Ref(w, random, () => Pick(w.Teams, random).Id)] }] };
                case 20:
                    return new() { UpsertSolutions = [new Solution($"sol-new-{random.Next(100)}", "Fix it", "", null, null, Ref(w, random, () => Pick(w.Teams, random).Id))
                        { OpportunityIds = w.Opportunities.Count > 0 ? [Ref(w, random, () => Pick(w.Opportunities, random).Id)] : [], Priority = random.Next(6) == 0 ? "urgent!" : null }] };
                default:
                    return random.Next(3) switch
                    {
                        0 => new() { UpsertCosts = [new PersonCost(Ref(w, random, () => Pick(w.People, random).Id), random.Next(5) == 0 ? -10 : 50_000)] },
                        1 => new() { Currency = random.Next(3) == 0 ? "euro" : "USD" },
                        _ => new() { Weights = random.Next(3) == 0 ? new PrioritisationWeights(0, 0) : new PrioritisationWeights(1, 2) },
                    };
            }
        }
    }
}
