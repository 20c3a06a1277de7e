using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Scenarios;

/// <summary>
/// Generates valid random scenarios for a baseline (benchmarks and invariant tests). Every operation is checked
/// against the state the ones before it produced, exactly as a simulation will, so the result is always valid.
/// The same baseline and seed give the same scenario.
/// </summary>
public static class ScenarioGenerator
{
    /// <summary>A scenario of <paramref name="operations"/> operations that cycles through all 15 kinds.</summary>
    public static Scenario Generate(AlignmentBaseline baseline, int operations, int seed)
    {
        var rng = new Random(seed);
        var state = new ScenarioState(baseline);
        var people = baseline.Workspace.People;
        var targets = baseline.Report.Units.Select(u => u.Id).Concat(baseline.Report.Phases.Select(p => p.Id)).Concat(baseline.Report.Journeys.Select(j => j.Id)).ToArray();
        var list = new List<ScenarioOperation>();
        var roles = baseline.Workspace.Roles.Select(r => r.Id).ToList();
        var attempts = 0;
        while (list.Count < operations && attempts++ < operations * 50)
        {
            var teams = state.CurrentTeams.ToList();
            if (teams.Count == 0 || people.Count == 0) break;
            Team T() => teams[rng.Next(teams.Count)];
            string P() => people[rng.Next(people.Count)].Id;
            var own = state.CurrentOwnership;
            var n = list.Count;
            ScenarioOperation op = ((list.Count + attempts) % 15) switch
            {
                0 => new CreateRole($"r-gen-{seed}-{n}", "Journey owner", "Product", null),
                1 => new CreateTeam($"t-gen-{seed}-{n}", $"New team {n}", T().Id, "stream-aligned"),
                2 => new RenameTeam(T().Id, $"Renamed {n}"),
                3 => new MoveTeam(T().Id, rng.Next(4) == 0 ? null : T().Id),
                4 => new MergeTeams(T().Id, T().Id),
                5 => Split(T(), n),
                6 => new DeleteTeam(T().Id),
                7 => Move(T(), T()),
                8 => new SetManager(P(), P()),
                9 => new SetTeamLead(T().Id, P()),
                10 => new AssignOwnership(T().Id, targets[rng.Next(targets.Length)], rng.Next(4) == 0 ? OwnershipKind.Contributing : OwnershipKind.Accountable),
                11 => own.Count == 0 ? new RenameTeam(T().Id, "x") : RemoveOwn(own[rng.Next(own.Count)]),
                12 => own.Count == 0 ? new RenameTeam(T().Id, "x") : new TransferOwnership(own[rng.Next(own.Count)].TeamId, T().Id, own[rng.Next(own.Count)].TargetId),
                13 => new AddOpening(T().Id, roles[rng.Next(roles.Count)], rng.Next(1, 4), rng.Next(2) == 0 ? null : 0.5),
                _ => new AssignRole(P(), roles[rng.Next(roles.Count)]),
            };
            if (op is TransferOwnership t && own.FirstOrDefault(e => e.TeamId == t.FromTeamId) is { } edge)
                op = t with { TargetId = edge.TargetId };
            if (state.Apply(list.Count, op) is null)
            {
                list.Add(op);
                if (op is CreateRole r) roles.Add(r.RoleId);
            }
        }
        return new Scenario($"Generated scenario {seed}", $"{list.Count} generated operations", list);

        SplitTeam Split(Team team, int n)
        {
            var members = team.Members.Where(_ => rng.Next(3) == 0).Select(m => m.PersonId).Distinct().ToArray();
            var owned = state.CurrentOwnership.Where(e => e.TeamId == team.Id && rng.Next(2) == 0).Select(e => e.TargetId).Distinct().ToArray();
            return new SplitTeam(team.Id, $"t-split-{seed}-{n}", $"Split {n}", members, owned);
        }

        ScenarioOperation Move(Team from, Team to) =>
            from.Members.Count == 0
                ? new MovePerson(people[rng.Next(people.Count)].Id, null, to.Id, null)
                : new MovePerson(from.Members[rng.Next(from.Members.Count)].PersonId, rng.Next(2) == 0 ? from.Id : null, to.Id, rng.Next(3) == 0 ? 0.5 : null);

        static RemoveOwnership RemoveOwn(Ownership edge) => new(edge.TeamId, edge.TargetId);
    }
}
