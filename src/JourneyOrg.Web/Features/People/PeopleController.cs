using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.People;

[AutoValidateAntiforgeryToken]
[Authorize(Policy = Policies.Read)]
public sealed class PeopleController(OrgReader reader) : Controller
{
    [HttpGet("/people/{id}")]
    public async Task<IActionResult> Person(string id, CancellationToken cancellationToken)
    {
        var org = await reader.LoadAsync(cancellationToken);
        if (!org.People.TryGetValue(id, out var person)) return NotFound();
        return View(PersonPageModel.Build(org, person));
    }
}

public sealed record PersonPageModel(
    OrgView Org, Person Person, Role? Role, IReadOnlyList<(Team Team, double Allocation)> Teams,
    IReadOnlyList<Person> ManagerChain, IReadOnlyList<Person> Reports, IReadOnlyList<Journey> Journeys)
{
    public const int MaxReportsShown = 50;

    public static PersonPageModel Build(OrgView org, Person person)
    {
        var chain = new List<Person>();
        var seen = new HashSet<string> { person.Id };
        for (var m = person.ManagerId; m is not null && seen.Add(m) && org.People.TryGetValue(m, out var manager); m = manager.ManagerId)
            chain.Add(manager);
        var teams = org.TeamsOfPerson[person.Id].OrderByDescending(t => t.Allocation).ToList();
        // The journeys their teams serve: any journey with a unit one of the teams is accountable for, or explicitly contributes to.
        var units = UnitsByOwner.Of(org);
        var served = teams.SelectMany(t => org.OwnershipByTeam[t.Team.Id].Select(o => org.JourneyOf(o.TargetId))
                .Concat(units.OwnedBy(t.Team.Id).Select(u => u.Journey.Id)))
            .ToHashSet();
        var journeys = org.Workspace.Journeys.Where(j => served.Contains(j.Id)).ToList();
        return new PersonPageModel(org, person, person.RoleId is null ? null : org.Roles.GetValueOrDefault(person.RoleId),
            teams, chain, org.Reports[person.Id].OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase).ToList(), journeys);
    }
}
