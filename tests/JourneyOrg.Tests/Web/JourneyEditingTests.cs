using System.Net;
using System.Text.RegularExpressions;

namespace JourneyOrg.Tests.Web;

public sealed class JourneyEditingTests : IDisposable
{
    private readonly WebAppFactory _factory = new();

    private async Task<HttpResponseMessage> PostAsync(string url, params (string, string)[] fields)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/journeys/j-mortgage/edit");
        var revision = Regex.Match(await client.GetStringAsync("/journeys/j-mortgage/edit"), "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Append(("Revision", revision)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private async Task<JourneyOrg.Domain.Journey> MortgageAsync() =>
        (await _factory.Store.LoadAsync()).Workspace.Journeys.Single(j => j.Id == "j-mortgage");

    [Fact]
    public async Task Every_page_shows_the_revision_it_was_read_at_and_an_edit_moves_it()
    {
        var client = _factory.CreateClient();
        var revision = (await _factory.Store.LoadAsync()).Revision;
        foreach (var page in new[] { "/", "/journeys/j-mortgage", "/teams", "/matrix", "/journeys/j-mortgage/edit" })
            Assert.Contains($"workspace revision {revision}<", await client.GetStringAsync(page));
        await PostAsync("/journeys/j-mortgage/edit/phases", ("Name", "Aftercare"));
        var after = (await _factory.Store.LoadAsync()).Revision;
        Assert.True(after > revision);
        Assert.Contains($"workspace revision {after}<", await client.GetStringAsync("/journeys/j-mortgage"));
    }

    [Fact]
    public async Task Edit_page_lists_phases_and_steps()
    {
        var html = await _factory.CreateClient().GetStringAsync("/journeys/j-mortgage/edit");
        Assert.Contains("Phase 1: Apply", html);
        Assert.Contains("value=\"Fill in application\"", html);
    }

    [Fact]
    public async Task Adding_renaming_and_reordering_phases()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/journeys/j-mortgage/edit/phases", ("NewId", "p-aftercare"), ("Name", "Aftercare"))).StatusCode);
        await PostAsync("/journeys/j-mortgage/edit/phases/p-aftercare", ("Name", "After care"));
        await PostAsync("/journeys/j-mortgage/edit/phases/p-aftercare/move", ("Direction", "up"));
        Assert.Equal(["p-apply", "p-decide", "p-aftercare", "p-complete"], (await MortgageAsync()).Phases.Select(p => p.Id));
        Assert.Equal("After care", (await MortgageAsync()).Phases[2].Name);
    }

    [Fact]
    public async Task Adding_a_step_that_uses_a_subjourney()
    {
        await PostAsync("/journeys/j-mortgage/edit/steps", ("PhaseId", "p-complete"), ("NewId", "s-sign"), ("Name", "Sign"), ("SubjourneyId", "j-identity"));
        var step = (await MortgageAsync()).Phases.Single(p => p.Id == "p-complete").Steps.Single();
        Assert.Equal(("s-sign", "j-identity"), (step.Id, step.SubjourneyId));
    }

    [Fact]
    public async Task Deleting_a_phase_needs_confirmation_and_takes_its_ownership_along()
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync("/journeys/j-mortgage/edit/phases/p-decide/delete")).StatusCode);
        Assert.Contains((await MortgageAsync()).Phases, p => p.Id == "p-decide");
        await PostAsync("/journeys/j-mortgage/edit/phases/p-decide/delete", ("Confirm", "true"));
        var workspace = (await _factory.Store.LoadAsync()).Workspace;
        Assert.DoesNotContain(workspace.Journeys.Single(j => j.Id == "j-mortgage").Phases, p => p.Id == "p-decide");
        Assert.DoesNotContain(workspace.Ownership, o => o.TargetId is "p-decide" or "s-offer");
        Assert.DoesNotContain(workspace.Metrics, m => m.TargetId == "s-offer");
    }

    [Fact]
    public async Task A_duplicate_id_is_refused()
    {
        var response = await PostAsync("/journeys/j-mortgage/edit/steps", ("PhaseId", "p-complete"), ("NewId", "t-apply"), ("Name", "Clash"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The id &#x27;t-apply&#x27; is already used in the workspace", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Creating_a_journey_under_a_parent()
    {
        await PostAsync("/journeys", ("NewId", "j-move"), ("Name", "Move house"), ("ParentId", "j-home"));
        Assert.Contains((await _factory.Store.LoadAsync()).Workspace.Journeys, j => j.Id == "j-move" && j.ParentId == "j-home");
    }

    [Fact]
    public async Task A_new_journey_with_an_existing_journeys_id_is_refused_next_to_the_form_keeping_the_input()
    {
        var response = await PostAsync("/journeys", ("NewId", "j-mortgage"), ("Name", "Second mortgage"), ("ParentId", "j-home"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The journey “Get a mortgage” already has the id 'j-mortgage': choose another id", WebUtility.HtmlDecode(html));
        Assert.Contains("id=\"new-journey-errors\"", html);
        Assert.Contains("value=\"Second mortgage\"", html);
        // The parent stays chosen in its picker, and the typed id stays under "Advanced", opened.
        Assert.Contains("name=\"ParentId\" value=\"j-home\"", html);
        Assert.Contains("<details class=\"advanced\" open=\"open\">", html);
        var journeys = (await _factory.Store.LoadAsync()).Workspace.Journeys;
        Assert.Equal("Get a mortgage", journeys.Single(j => j.Id == "j-mortgage").Name);
    }

    [Fact]
    public async Task New_phases_steps_and_journeys_get_readable_unique_ids_from_their_names()
    {
        await PostAsync("/journeys/j-mortgage/edit/phases", ("Name", "After care"));
        await PostAsync("/journeys/j-mortgage/edit/steps", ("PhaseId", "p-after-care"), ("Name", "Send a welcome pack"));
        await PostAsync("/journeys/j-mortgage/edit/steps", ("PhaseId", "p-after-care"), ("Name", "Send a welcome pack"));
        var phase = (await MortgageAsync()).Phases.Single(p => p.Name == "After care");
        Assert.Equal("p-after-care", phase.Id);
        Assert.Equal(["s-send-a-welcome-pack", "s-send-a-welcome-pack-2"], phase.Steps.Select(s => s.Id));

        await PostAsync("/journeys", ("Name", "Remortgage"), ("ParentId__name", "Own a home"));
        Assert.Contains((await _factory.Store.LoadAsync()).Workspace.Journeys, j => j is { Id: "j-remortgage", ParentId: "j-home" });
    }

    [Fact]
    public async Task A_step_moves_to_another_phase_with_its_owners()
    {
        var response = await PostAsync("/journeys/j-mortgage/edit/steps/s-offer/phase", ("PhaseId", "p-complete"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mortgage = await MortgageAsync();
        Assert.Equal(["s-assess"], mortgage.Phases.Single(p => p.Id == "p-decide").Steps.Select(s => s.Id));
        Assert.Equal(["s-offer"], mortgage.Phases.Single(p => p.Id == "p-complete").Steps.Select(s => s.Id));
        Assert.Contains((await _factory.Store.LoadAsync()).Workspace.Ownership, o => o is { TeamId: "t-underwriting", TargetId: "s-offer" });
    }

    [Fact]
    public async Task A_journey_moves_in_the_hierarchy_by_picking_its_parent_by_name()
    {
        await PostAsync("/journeys/j-identity/edit/details", ("Name", "Verify identity"), ("ParentId", ""), ("ParentId__name", "own a home"));
        Assert.Equal("j-home", (await _factory.Store.LoadAsync()).Workspace.Journeys.Single(j => j.Id == "j-identity").ParentId);

        var refused = await PostAsync("/journeys/j-identity/edit/details", ("Name", "Verify identity"), ("ParentId", ""), ("ParentId__name", "Own a castle"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Part of: no journey is called 'Own a castle'", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // Emptying the picker's text puts the journey at the top, although the hidden choice still names the old parent.
        await PostAsync("/journeys/j-identity/edit/details", ("Name", "Verify identity"), ("ParentId", "j-home"), ("ParentId__name", ""));
        Assert.Null((await _factory.Store.LoadAsync()).Workspace.Journeys.Single(j => j.Id == "j-identity").ParentId);

        var cycle = await PostAsync("/journeys/j-home/edit/details", ("Name", "Own a home"), ("ParentId", "j-mortgage"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        Assert.Contains("would end up inside itself", WebUtility.HtmlDecode(await cycle.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Deleting_a_journey_names_what_goes_with_it_and_takes_it_along()
    {
        var page = WebUtility.HtmlDecode(await _factory.CreateClient().GetStringAsync("/journeys/j-mortgage/delete"));
        Assert.Contains("5 ownership assignments", page);
        Assert.Contains("2 KPIs measured on it: Drop-off, Satisfaction", page);

        var response = await PostAsync("/journeys/j-mortgage/delete", ("Confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/journeys/j-home", response.Headers.Location?.OriginalString);
        var workspace = (await _factory.Store.LoadAsync()).Workspace;
        Assert.DoesNotContain(workspace.Journeys, j => j.Id == "j-mortgage");
        Assert.DoesNotContain(workspace.Ownership, o => o.TargetId is "p-decide" or "s-offer" or "s-form");
        Assert.DoesNotContain(workspace.Metrics, m => m.Id is "m-dropoff" or "m-nps");
    }

    [Fact]
    public async Task A_journey_used_as_a_sub_journey_cannot_be_deleted_and_the_page_says_by_whom()
    {
        var page = WebUtility.HtmlDecode(await _factory.CreateClient().GetStringAsync("/journeys/j-identity/delete"));
        Assert.Contains("Get a mortgage</a> › Verify identity", page);
        Assert.Contains("Switch mortgage</a> › Confirm identity", page);
        Assert.DoesNotContain("Delete journey</button>", page);

        var response = await PostAsync("/journeys/j-identity/delete", ("Confirm", "true"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("“Get a mortgage” (step “Verify identity”)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Contains((await _factory.Store.LoadAsync()).Workspace.Journeys, j => j.Id == "j-identity");
    }

    [Fact]
    public async Task Deleting_a_journey_without_confirming_is_refused()
    {
        var response = await PostAsync("/journeys/j-switch/delete");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains((await _factory.Store.LoadAsync()).Workspace.Journeys, j => j.Id == "j-switch");
    }

    [Fact]
    public async Task Deleting_a_parent_journey_moves_its_children_up()
    {
        await PostAsync("/journeys/j-home/delete", ("Confirm", "true"));
        var journeys = (await _factory.Store.LoadAsync()).Workspace.Journeys;
        Assert.DoesNotContain(journeys, j => j.Id == "j-home");
        Assert.Null(journeys.Single(j => j.Id == "j-mortgage").ParentId);
    }

    [Fact]
    public async Task A_duplicated_journey_gets_new_ids_from_names_and_optionally_the_owners()
    {
        var response = await PostAsync("/journeys/j-mortgage/duplicate", ("Name", "Get a buy-to-let mortgage"), ("WithOwners", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var workspace = (await _factory.Store.LoadAsync()).Workspace;
        var copy = workspace.Journeys.Single(j => j.Name == "Get a buy-to-let mortgage");
        Assert.Equal("j-get-a-buy-to-let-mortgage", copy.Id);
        Assert.Equal($"/journeys/{copy.Id}/edit", response.Headers.Location?.OriginalString);
        Assert.Equal("j-home", copy.ParentId);
        Assert.Equal(["Apply", "Decide", "Complete"], copy.Phases.Select(p => p.Name));
        Assert.Equal("j-identity", copy.Phases[0].Steps[1].SubjourneyId);
        var offer = copy.Phases[1].Steps[1].Id;
        Assert.StartsWith("s-get-a-buy-to-let-mortgage-make-an", offer);
        Assert.Equal(["t-apply", "t-underwriting"], workspace.Ownership.Where(o => o.TargetId == offer).Select(o => o.TeamId).Order());
        // The original keeps its own.
        Assert.Equal(2, workspace.Ownership.Count(o => o.TargetId == "s-offer"));
    }

    [Fact]
    public async Task The_workspace_names_its_levels_and_the_framework_and_breadcrumbs_use_them()
    {
        var client = _factory.CreateClient();
        var framework = await client.GetStringAsync("/journeys");
        Assert.Contains("<span class=\"level-tag\" data-level=\"lifecycle\">lifecycle</span>", framework);

        var response = await PostAsync("/journeys/levels", ("Levels", "Life event > Need, Journey"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("[\"Life event\",\"Need\",\"Journey\"]", await _factory.Store.GetStateAsync("settings.framework.levels"));
        framework = await client.GetStringAsync("/journeys");
        Assert.Contains("data-level=\"Life event\"", framework);
        Assert.Contains("data-level=\"Need\"", framework);
        var map = await client.GetStringAsync("/journeys/j-mortgage");
        Assert.Contains("<a href=\"/journeys/j-home\">Own a home</a> <span class=\"level-tag\">Life event</span>", map);
        Assert.Contains("data-level=\"Need\">Need</span>", map);

        // A setting, audited as an edit, and not part of the journeyorg/v1 export.
        var audit = await _factory.Store.ListAuditAsync(new JourneyOrg.Storage.AuditQuery(Text: "settings.framework.levels"));
        Assert.Single(audit);
        Assert.DoesNotContain("Life event", await client.GetStringAsync("/workspace/export"));
    }

    [Fact]
    public async Task Levels_named_twice_are_refused_next_to_the_field()
    {
        var response = await PostAsync("/journeys/levels", ("Levels", "Domain > domain"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("“Domain” is named twice", html);
        Assert.Contains("value=\"Domain > domain\"", html);
        Assert.Null(await _factory.Store.GetStateAsync("settings.framework.levels"));
    }

    public void Dispose() => _factory.Dispose();
}
