using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Tests.Web;

/// <summary>Teams typed into a form by name or id: what the form shows must resolve back to the same team.</summary>
public sealed class TypedFieldTests
{
    [Fact]
    public void A_team_is_shown_by_name_unless_another_team_shares_it_and_what_is_shown_resolves_to_it()
    {
        var w = SampleWorkspace.Create();
        var apply = w.Teams.Single(t => t.Id == "t-apply");
        var twin = apply with { Id = "t-apply-2", Members = [], LeadId = null };
        var org = new OrgView(new WorkspaceSnapshot(w, 1));
        var twins = new OrgView(new WorkspaceSnapshot(w with { Teams = [.. w.Teams, twin] }, 2));

        Assert.Equal(apply.Name, org.TeamAsTyped("t-apply"));
        Assert.Equal("t-apply", org.FindTeam(apply.Name.ToUpperInvariant(), "Team", out _));

        Assert.Equal("t-apply", twins.TeamAsTyped("t-apply"));
        Assert.Null(twins.FindTeam(apply.Name, "Owner team", out var problem));
        Assert.Equal($"Owner team: more than one team is called '{apply.Name}'; type its id (shown on the team's page).", problem);
        Assert.Equal("t-apply-2", twins.FindTeam(twins.TeamAsTyped("t-apply-2"), "Team", out _));
    }
}
