using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using JourneyOrg.Domain;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Features.Security;

namespace JourneyOrg.Tests.Web;

/// <summary>
/// Ownership at journey, phase and step level from the journey map and a team's page: assign by name, change kind, remove,
/// undo; each change says what it did to gaps, overlaps and handoffs, and a refusal stands next to the form that posted.
/// </summary>
public sealed class OwnershipEverywhereTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    private async Task<(HttpClient Client, string Token, long Revision)> OpenAsync(string url)
    {
        var client = _factory.CreateClient();
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, url);
        var html = await client.GetStringAsync(url);
        return (client, token, long.Parse(Regex.Match(html, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value));
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string url, string token, params (string, string)[] fields)
    {
        var request = WebAppFactory.Htmx(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", token);
        request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<Ownership>> StoredAsync() => (await _factory.Store.LoadAsync()).Workspace.Ownership;

    /// <summary>The hidden fields of the Undo form in a fragment, as a browser would post them.</summary>
    private static (string, string)[] UndoFields(string html)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelector("[data-edit-done] form")!;
        return form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToArray();
    }

    [Fact]
    public async Task A_team_typed_by_name_becomes_accountable_for_the_whole_journey_and_the_map_says_what_that_did()
    {
        var (client, token, revision) = await OpenAsync("/journeys/j-mortgage");
        var (status, html) = await PostAsync(client, "/journeys/j-mortgage/owners", token,
            ("TeamId", ""), ("TeamId__name", "applications"), ("TargetId", "j-mortgage"), ("Kind", "accountable"), ("Place", "j-mortgage"), ("Revision", revision.ToString()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(new Ownership("t-apply", "j-mortgage", OwnershipKind.Accountable), await StoredAsync());
        var done = new HtmlParser().ParseDocument(html).QuerySelector("[data-edit-done]")!;
        Assert.Contains("Applications is now accountable for Get a mortgage.", done.TextContent);
        // The phase without steps had nobody; now it inherits the journey's owner, next to the overlap on "Make an offer".
        Assert.Contains("closed the gap on Get a mortgage › Complete", done.TextContent);
        Assert.Contains("added a handoff in Get a mortgage: Make an offer → Complete", done.TextContent);
        // The journey's own owners are listed with their buttons.
        var journeyOwners = new HtmlParser().ParseDocument(html).QuerySelector("[data-journey-owners] [data-kind=accountable]")!;
        Assert.Contains("Applications", journeyOwners.TextContent);
        Assert.NotNull(journeyOwners.QuerySelector("[data-owner-action=remove]"));
    }

    [Fact]
    public async Task Undo_puts_the_ownership_back_as_it_was_as_another_audited_edit()
    {
        var (client, token, revision) = await OpenAsync("/journeys/j-mortgage");
        var (_, html) = await PostAsync(client, "/journeys/j-mortgage/owners", token,
            ("TeamId", "t-underwriting"), ("TargetId", "p-decide"), ("Kind", "contributing"), ("Place", "p-decide"), ("Revision", revision.ToString()));
        Assert.Contains(new Ownership("t-underwriting", "p-decide", OwnershipKind.Contributing), await StoredAsync());
        Assert.Contains("opened a gap on Get a mortgage › Decide › Assess affordability", html);

        var (status, undone) = await PostAsync(client, "/journeys/j-mortgage/owners/undo", token, UndoFields(html));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(new Ownership("t-underwriting", "p-decide", OwnershipKind.Accountable), await StoredAsync());
        Assert.Contains("Undone: Underwriting accountable for Get a mortgage › Decide again.", undone);
        Assert.Contains("closed the gap on Get a mortgage › Decide › Assess affordability", undone);
        var audit = await _factory.Store.ListAuditAsync(new JourneyOrg.Storage.AuditQuery(Text: "t-underwriting → p-decide"));
        Assert.Equal(2, audit.Count(e => e.Action == JourneyOrg.Storage.AuditActions.WorkspaceEdit));
    }

    [Fact]
    public async Task A_steps_own_owner_can_be_removed_from_the_map()
    {
        var (client, token, revision) = await OpenAsync("/journeys/j-mortgage");
        var map = new HtmlParser().ParseDocument(await client.GetStringAsync("/journeys/j-mortgage"));
        var offer = map.QuerySelector("[data-unit=s-offer]")!;
        Assert.Equal(2, offer.QuerySelectorAll("[data-owner-action=remove]").Length);

        var (status, html) = await PostAsync(client, "/journeys/j-mortgage/owners/remove", token,
            ("TeamId", "t-apply"), ("TargetId", "s-offer"), ("Revision", revision.ToString()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(await StoredAsync(), o => o.TeamId == "t-apply" && o.TargetId == "s-offer");
        Assert.Contains("Applications is no longer accountable for Get a mortgage › Decide › Make an offer.", html);
        Assert.Contains("closed the overlap on Get a mortgage › Decide › Make an offer", html);
        Assert.Contains("removed the handoff in Get a mortgage: Assess affordability → Make an offer", html);
    }

    [Fact]
    public async Task Contributing_ownership_is_set_and_switched_to_accountable_from_the_map()
    {
        var (client, token, revision) = await OpenAsync("/journeys/j-mortgage");
        var (_, html) = await PostAsync(client, "/journeys/j-mortgage/owners", token,
            ("TeamId", "t-reporting"), ("TargetId", "s-form"), ("Kind", "contributing"), ("Place", "p-apply"), ("Revision", revision.ToString()));
        Assert.Contains(new Ownership("t-reporting", "s-form", OwnershipKind.Contributing), await StoredAsync());
        var helpers = new HtmlParser().ParseDocument(html).QuerySelector("[data-contributing=s-form]")!;
        Assert.Contains("Reporting", helpers.TextContent);

        var next = long.Parse(Regex.Match(html, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value);
        await PostAsync(client, "/journeys/j-mortgage/owners", token,
            ("TeamId", "t-reporting"), ("TargetId", "s-form"), ("Kind", "accountable"), ("Revision", next.ToString()));
        Assert.Contains(new Ownership("t-reporting", "s-form", OwnershipKind.Accountable), await StoredAsync());
    }

    [Fact]
    public async Task An_unknown_team_is_refused_next_to_the_phase_form_keeping_what_was_typed()
    {
        var (client, token, revision) = await OpenAsync("/journeys/j-mortgage");
        var (status, html) = await PostAsync(client, "/journeys/j-mortgage/owners", token,
            ("TeamId", ""), ("TeamId__name", "Mortgage ops"), ("TargetId", "p-complete"), ("Kind", "contributing"), ("Place", "p-complete"), ("Revision", revision.ToString()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var form = new HtmlParser().ParseDocument(html).QuerySelector("[data-owner-form=p-complete]")!;
        Assert.Contains("no team is called 'Mortgage ops'", form.TextContent);
        Assert.Equal("Mortgage ops", form.QuerySelector("input[name=TeamId__name]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("option[value=contributing][selected]"));
        Assert.Equal(revision, (await _factory.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task Assigning_what_is_already_so_is_refused_at_the_form()
    {
        var (client, token, revision) = await OpenAsync("/journeys/j-mortgage");
        var (status, html) = await PostAsync(client, "/journeys/j-mortgage/owners", token,
            ("TeamId", "t-underwriting"), ("TargetId", "p-decide"), ("Kind", "accountable"), ("Place", "p-decide"), ("Revision", revision.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Underwriting is already accountable for Get a mortgage › Decide.",
            new HtmlParser().ParseDocument(html).QuerySelector("[data-owner-form=p-decide]")!.TextContent);
    }

    [Fact]
    public async Task A_teams_page_changes_the_kind_removes_and_assigns_by_name()
    {
        var (client, token, revision) = await OpenAsync("/teams/t-apply");
        var (status, html) = await PostAsync(client, "/teams/t-apply/owners", token,
            ("TargetId", "p-decide"), ("Kind", "accountable"), ("Revision", revision.ToString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("<section class=\"panel\" id=\"team-ownership\"", html.TrimStart());
        Assert.Contains(new Ownership("t-apply", "p-decide", OwnershipKind.Accountable), await StoredAsync());
        Assert.Contains("Applications is now accountable for Get a mortgage › Decide (was contributing to it).", html);

        var next = long.Parse(Regex.Match(html, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value);
        (status, html) = await PostAsync(client, "/teams/t-apply/owners/remove", token, ("TargetId", "s-form"), ("Revision", next.ToString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(await StoredAsync(), o => o.TeamId == "t-apply" && o.TargetId == "s-form");

        next = long.Parse(Regex.Match(html, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value);
        (status, html) = await PostAsync(client, "/teams/t-apply/owners", token,
            ("Place", "assign"), ("TargetId", ""), ("TargetId__name", "Switch mortgage"), ("Kind", "contributing"), ("Revision", next.ToString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(new Ownership("t-apply", "j-switch", OwnershipKind.Contributing), await StoredAsync());
    }

    [Fact]
    public async Task A_journey_part_that_does_not_exist_is_refused_in_the_team_pages_picker()
    {
        var (client, token, revision) = await OpenAsync("/teams/t-apply");
        var (status, html) = await PostAsync(client, "/teams/t-apply/owners", token,
            ("Place", "assign"), ("TargetId", ""), ("TargetId__name", "Buy a boat"), ("Kind", "accountable"), ("Revision", revision.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var form = new HtmlParser().ParseDocument(html).QuerySelector("[data-owner-form=team]")!;
        Assert.Contains("no journey, phase or step is called 'Buy a boat'", form.TextContent);
        Assert.Equal("Buy a boat", form.QuerySelector("input[name=TargetId__name]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_team_picker_searches_by_name_on_the_server()
    {
        var client = _factory.CreateClient();
        var html = await client.GetStringAsync("/pick/team?key=owner-p-complete&name=TeamId&label=Team&TeamId__name=writ");
        var match = new HtmlParser().ParseDocument(html).QuerySelector("[data-pick-id]")!;
        Assert.Equal("t-underwriting", match.GetAttribute("data-pick-id"));
        Assert.Equal("Underwriting", match.TextContent);

        var chosen = await client.GetStringAsync("/pick/team/choose?key=owner-p-complete&name=TeamId&label=Team&value=t-underwriting");
        var field = new HtmlParser().ParseDocument(chosen).QuerySelector("#pick-owner-p-complete")!;
        Assert.Equal("t-underwriting", field.QuerySelector("input[name=TeamId]")!.GetAttribute("value"));
        Assert.Equal("Underwriting", field.QuerySelector("input[name=TeamId__name]")!.GetAttribute("value"));

        Assert.Contains("No team is called “Nope”", await client.GetStringAsync("/pick/team?key=k&name=TeamId&TeamId__name=Nope"));
    }

    [Fact]
    public async Task Viewers_get_no_ownership_buttons_and_no_picker()
    {
        var client = _factory.CreateClient().As("viewer", AppRoles.Viewer);
        var map = await client.GetStringAsync("/journeys/j-mortgage");
        Assert.DoesNotContain("data-owner-action", map);
        Assert.DoesNotContain("data-owner-form", await client.GetStringAsync("/teams/t-apply"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/pick/team?key=k&name=TeamId&TeamId__name=a")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
