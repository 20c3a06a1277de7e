using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Editing;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Tests.Web;

/// <summary>Review defect 11: an edit's refusal names records as the screens show them, never by an id the user did not type.</summary>
public sealed class WorkspaceRulesMessageTests
{
    private static readonly Workspace Before = new(
        Journeys: [new Journey("j-claim", "Make a claim", null, "", [new Phase("p-report", "Report", [new Step("s-form", "Fill in form", null)])])],
        People: [new Person("u-1", "Ada Park", null, null, null, null, null, true), new Person("u-2", "Bo Chen", null, null, null, "u-1", null, true)],
        Teams:
        [
            new Team("t-lending", "Lending", null, "u-1", null, [new Membership("u-1", 1.0)]),
            new Team("t-loans", "Loans squad", "t-lending", null, null, [new Membership("u-2", 0.5)]),
        ],
        Roles: [],
        Ownership: [new Ownership("t-loans", "s-form", OwnershipKind.Accountable)],
        Metrics: []);

    private static string Only(Workspace after) => Assert.Single(WorkspaceRules.Check(after, Before));

    [Fact]
    public void A_team_whose_name_was_removed_is_called_by_the_name_it_had()
    {
        var message = Only(Before with { Teams = [Before.Teams[0] with { Name = " " }, Before.Teams[1]] });
        Assert.Equal("Team “Lending” (its name was removed) needs a name.", message);
    }

    [Fact]
    public void A_new_team_without_a_name_is_called_by_its_place_in_the_list()
    {
        var message = Only(Before with { Teams = [.. Before.Teams, new Team("t-new-1", "", null, null, null, [])] });
        Assert.Equal("Team number 3 in the list of teams needs a name.", message);
    }

    [Fact]
    public void A_member_who_is_nobody_is_reported_on_the_team_by_name()
    {
        var message = Only(Before with { Teams = [Before.Teams[0], Before.Teams[1] with { Members = [new Membership("u-9", 1)] }] });
        Assert.Equal("A member of team “Loans squad” is not a person in the workspace ('u-9').", message);
    }

    [Fact]
    public void An_allocation_out_of_range_names_the_person_and_the_team()
    {
        var message = Only(Before with { Teams = [Before.Teams[0], Before.Teams[1] with { Members = [new Membership("u-2", 1.5)] }] });
        Assert.Equal("An allocation must be more than 0% and at most 100% (“Bo Chen” in team “Loans squad”).", message);
    }

    [Fact]
    public void An_id_used_twice_names_the_record_that_has_it()
    {
        var message = Only(Before with { People = [.. Before.People, new Person("t-loans", "Cy Diaz", null, null, null, null, null, true)] });
        Assert.Equal("The id 't-loans' is already used by team “Loans squad”; ids must be unique across the workspace.", message);
    }

    [Fact]
    public void Ownership_of_a_step_that_is_gone_names_the_team()
    {
        var message = Only(Before with { Ownership = [new Ownership("t-loans", "s-gone", OwnershipKind.Accountable)] });
        Assert.Equal("Team “Loans squad” owns something that is not a journey, phase or step ('s-gone').", message);
    }

    [Fact]
    public void A_nameless_step_is_called_by_its_place_in_its_phase()
    {
        var journey = Before.Journeys[0] with { Phases = [new Phase("p-report", "Report", [new Step("s-form", "Fill in form", null), new Step("s-2", "", null)])] };
        Assert.Equal("Step 2 of “Make a claim › Report” needs a name.", Only(Before with { Journeys = [journey] }));
    }

    [Fact]
    public void What_only_the_validator_catches_is_said_of_the_record_not_of_a_json_path()
    {
        var message = Only(Before with { People = [Before.People[0], Before.People[1] with { DisplayName = "Bo\u0001Chen" }] });
        Assert.StartsWith("Person 2: name: contains a control character (U+0001) at position 3", message);
        Assert.DoesNotContain("$.", message);
    }
}
