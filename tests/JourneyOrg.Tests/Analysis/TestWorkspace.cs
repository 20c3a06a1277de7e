using JourneyOrg.Analysis;
using JourneyOrg.Domain;

namespace JourneyOrg.Tests.Analysis;

/// <summary>Builds small workspaces inside a test, so each test shows the org it is about.</summary>
public sealed class TestWorkspace
{
    private readonly List<Journey> _journeys = [];
    private readonly List<Person> _people = [];
    private readonly List<Team> _teams = [];
    private readonly List<Role> _roles = [new Role("r-eng", "Engineer", "Engineering", "L5")];
    private readonly List<Ownership> _ownership = [];

    public static Phase Phase(string id, params Step[] steps) => new(id, id, steps);

    public static Step Step(string id, string? uses = null) => new(id, id, uses);

    public TestWorkspace Journey(string id, params Phase[] phases) => JourneyUnder(id, null, phases);

    public TestWorkspace JourneyUnder(string id, string? parentId, params Phase[] phases)
    {
        _journeys.Add(new Journey(id, id, parentId, "", phases));
        return this;
    }

    public TestWorkspace Person(string id, string? manager = null, bool enabled = true)
    {
        _people.Add(new Person(id, id, null, null, null, manager, null, enabled));
        return this;
    }

    /// <summary>A team; members are "personId" (allocation 1.0) or "personId:0.5". Unknown people are added.</summary>
    public TestWorkspace Team(string id, string? parent = null, string? lead = null, params string[] members)
    {
        var list = new List<Membership>();
        foreach (var m in members)
        {
            var parts = m.Split(':');
            if (!_people.Any(p => p.Id == parts[0])) Person(parts[0]);
            list.Add(new Membership(parts[0], parts.Length > 1 ? double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1.0));
        }
        _teams.Add(new Team(id, id, parent, lead, "stream-aligned", list));
        return this;
    }

    public TestWorkspace Owns(string team, string target, OwnershipKind kind = OwnershipKind.Accountable)
    {
        if (!_teams.Any(t => t.Id == team)) Team(team);
        _ownership.Add(new Ownership(team, target, kind));
        return this;
    }

    public TestWorkspace Contributes(string team, string target) => Owns(team, target, OwnershipKind.Contributing);

    public TestWorkspace Role(string id)
    {
        _roles.Add(new Role(id, id, null, null));
        return this;
    }

    public Workspace Build() => new([.. _journeys], [.. _people], [.. _teams], [.. _roles], [.. _ownership], []);

    public AlignmentReport Analyze() => AlignmentAnalysis.Analyze(Build());
}

public static class ReportLookups
{
    public static UnitAlignment Unit(this AlignmentReport r, string id) => r.Units.Single(u => u.Id == id);
    public static PhaseAlignment Phase(this AlignmentReport r, string id) => r.Phases.Single(p => p.Id == id);
    public static JourneyAlignment Journey(this AlignmentReport r, string id) => r.Journeys.Single(j => j.Id == id);
    public static TeamAlignment Team(this AlignmentReport r, string id) => r.Teams.Single(t => t.Id == id);
    public static string[] OwnersOf(this AlignmentReport r, string unitId) => [.. r.Unit(unitId).Owners];
}
