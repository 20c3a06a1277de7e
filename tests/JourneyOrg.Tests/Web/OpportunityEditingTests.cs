using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Features.Security;

namespace JourneyOrg.Tests.Web;

/// <summary>An opportunity's page, as anyone reads it (JourneyManagementApp, not changed by these tests).</summary>
public sealed class OpportunityPageTests(JourneyManagementApp app) : IClassFixture<JourneyManagementApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Opportunity_page_shows_its_scores_Value_under_the_weights_rank_and_solutions()
    {
        var html = await _client.GetStringAsync("/opportunities/o-prefill");
        Assert.Contains("<h1>Prefill the application</h1>", html);
        Assert.Contains("rank 1 of 3", html);
        // Razor writes + as &#x2B;.
        Assert.Contains("Value = (1 × Customer Value &#x2B; 1 × Business Value) / 2: (1 × 80 &#x2B; 1 × 60) / 2 = 70.", html);
        Assert.Contains("<a href=\"/teams/t-apply\">", html);
        var solutions = JourneyManagementScreenTests.Section(html, "data-section=\"solutions\"");
        Assert.Contains("Prefill epic", solutions);
        Assert.Contains("<td>EPIC</td>", solutions);
        Assert.Contains("<td>high</td>", solutions);
    }

    [Fact]
    public async Task Opportunity_page_links_each_step_to_its_step_page_and_names_who_is_accountable()
    {
        var html = await _client.GetStringAsync("/opportunities/o-prefill");
        var where = JourneyManagementScreenTests.Section(html, "data-section=\"where\"");
        Assert.Contains("<a href=\"/journeys/j-mortgage/steps/s-form\">Get a mortgage › Apply › Fill in application</a>", where);
        Assert.Contains("<a href=\"/journeys/j-mortgage\">journey map</a>", where);
        Assert.Contains("Accountable: <a href=\"/teams/t-apply\">", where);
        Assert.DoesNotContain("no accountable team", where);
    }

    [Fact]
    public async Task An_opportunity_on_a_unit_nobody_is_accountable_for_is_flagged_in_words()
    {
        var html = await _client.GetStringAsync("/opportunities/o-complete");
        Assert.Contains("Part of it has no accountable team", html);
        var where = JourneyManagementScreenTests.Section(html, "data-section=\"where\"");
        Assert.Contains("<a href=\"/journeys/j-mortgage\">Get a mortgage › Complete</a>", where);
        Assert.Contains("no accountable team", where);
    }

    [Fact]
    public async Task An_unknown_opportunity_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/opportunities/o-nope")).StatusCode);
    }

    [Fact]
    public async Task Ranked_list_and_matrix_link_each_opportunity_to_its_page()
    {
        var html = await _client.GetStringAsync("/opportunities");
        Assert.Contains("<a href=\"/opportunities/o-prefill\" data-opportunity=\"o-prefill\">", html);
        Assert.Contains("<strong><a href=\"/opportunities/o-prefill\">Prefill the application</a></strong>", html);
        Assert.Contains("<strong data-formula>Value = (1 × Customer Value &#x2B; 1 × Business Value) / 2</strong>", html);
    }

    [Fact]
    public async Task A_viewer_sees_no_forms_and_is_refused_on_every_edit()
    {
        var viewer = app.CreateClient(new() { AllowAutoRedirect = false }).As("vera", AppRoles.Viewer);
        var page = await viewer.GetStringAsync("/opportunities/o-prefill");
        var list = await viewer.GetStringAsync("/opportunities");
        Assert.DoesNotContain("action=\"/opportunities", page);
        Assert.DoesNotContain("method=\"post\" asp-antiforgery", list);
        Assert.DoesNotContain("action=\"/opportunities/weights\"", list);
        Assert.DoesNotContain("New opportunity", list);
        Assert.Contains("Prefill epic", page);
        foreach (var url in new[] { "/opportunities", "/opportunities/o-prefill/edit", "/opportunities/o-prefill/delete", "/opportunities/weights",
                     "/opportunities/o-prefill/solutions", "/opportunities/o-prefill/solutions/sol-prefill/remove" })
        {
            var response = await viewer.PostAsync(url, new FormUrlEncodedContent([new("Title", "x"), new("CustomerValueWeight", "1"), new("BusinessValueWeight", "1")]));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/denied") == true,
                $"{url}: {(int)response.StatusCode}");
        }
        Assert.Equal(3, (await app.Store.LoadAsync()).Workspace.Opportunities.Count);
    }
}

/// <summary>Planners create, edit, delete and prioritise opportunities and their solutions; each test on its own store.</summary>
public sealed class OpportunityEditingTests : IDisposable
{
    private readonly JourneyManagementApp _app = new();

    private async Task<HttpResponseMessage> PostAsync(string url, (string, string)[] fields, bool htmx = false, long? revision = null)
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/opportunities");
        var current = revision ?? (await _app.Store.LoadAsync()).Revision;
        var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, url) : new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new FormUrlEncodedContent(fields.Append(("Revision", current.ToString()))
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private async Task<Workspace> WorkspaceAsync() => (await _app.Store.LoadAsync()).Workspace;

    private static (string, string)[] Scores(string title, string cv, string bv, string effort) =>
        [("Title", title), ("CustomerValue", cv), ("BusinessValue", bv), ("Effort", effort)];

    /// <summary>The order of the ranked list's rows, by opportunity id.</summary>
    private async Task<IReadOnlyList<string>> RankedIdsAsync() =>
        Regex.Matches(await _app.CreateClient().GetStringAsync("/opportunities"), "<tr id=\"opportunity-([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task A_planner_creates_an_opportunity_from_a_title_and_lands_on_its_page()
    {
        var response = await PostAsync("/opportunities", [.. Scores("Instant decision", "90", "95", "1"), ("TeamId", "t-apply"), ("Status", "open")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/opportunities/opp-instant-decision", response.Headers.Location?.OriginalString);
        var created = (await WorkspaceAsync()).Opportunities.Single(o => o.Id == "opp-instant-decision");
        Assert.Equal(("Instant decision", 90.0, 95.0, 1.0, "t-apply", "open"),
            (created.Title, created.CustomerValue, created.BusinessValue, created.Effort, created.TeamId, created.Status));
        Assert.Equal("opp-instant-decision", (await RankedIdsAsync())[0]);
    }

    [Fact]
    public async Task A_new_opportunity_without_a_title_is_refused_and_nothing_is_stored()
    {
        var before = await _app.Store.LoadAsync();
        var response = await PostAsync("/opportunities", Scores("  ", "50", "50", "1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Title is required.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before.Revision, (await _app.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task A_team_can_be_typed_by_name_and_a_name_that_is_no_team_is_refused()
    {
        // Large organisations get a text field instead of a list of every team; the name is resolved on the server.
        var response = await PostAsync("/opportunities/o-complete/edit", [.. Scores("Faster completion", "40", "20", "4"), ("TeamId", "underwriting")], htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("t-underwriting", (await WorkspaceAsync()).Opportunities.Single(o => o.Id == "o-complete").TeamId);

        response = await PostAsync("/opportunities/o-complete/edit", [.. Scores("Faster completion", "40", "20", "4"), ("TeamId", "Payments")], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Owner team: no team is called or has the id &#x27;Payments&#x27;.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Editing_the_scores_changes_the_rank_and_keeps_the_import_key_and_targets()
    {
        var imported = (await WorkspaceAsync()).Opportunities.Single(o => o.Id == "o-complete") with { ImportKey = "theydo-42" };
        await _app.Store.ApplyAsync(new WorkspaceChangeSet { UpsertOpportunities = [imported] }, null);
        await _app.ScreensCaughtUpAsync();
        Assert.Equal("o-complete", (await RankedIdsAsync())[^1]);

        var response = await PostAsync("/opportunities/o-complete/edit",
            [.. Scores("Faster completion", "100", "100", "3"), ("Status", "open"), ("TeamId", "t-underwriting"), ("ExternalLinks", "https://example.com/epic\n\n")], htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"opportunity\"", html.TrimStart());
        Assert.Contains("Opportunity saved.", html);
        Assert.Contains("rank 1 of 3", html);

        var edited = (await WorkspaceAsync()).Opportunities.Single(o => o.Id == "o-complete");
        Assert.Equal(("theydo-42", "t-underwriting", 100.0), (edited.ImportKey, edited.TeamId, edited.CustomerValue));
        Assert.Equal(["p-complete"], edited.TargetIds);
        Assert.Equal(["https://example.com/epic"], edited.ExternalLinks);
        Assert.Equal("o-complete", (await RankedIdsAsync())[0]);
    }

    [Theory]
    [InlineData("CustomerValue", "120", "Customer Value must be between 0 and 100 (you entered 120).")]
    [InlineData("BusinessValue", "-1", "Business Value must be between 0 and 100 (you entered -1).")]
    [InlineData("Effort", "6", "Effort must be between 0 and 5 (you entered 6).")]
    [InlineData("Effort", "lots", "Effort must be a number between 0 and 5, with a decimal point (you entered &#x27;lots&#x27;).")]
    [InlineData("ExternalLinks", "javascript:alert(1)", "External link &#x27;javascript:alert(1)&#x27; is not an absolute http or https address.")]
    public async Task Out_of_range_or_unsafe_input_is_refused_with_the_field_named_and_the_store_unchanged(string field, string value, string message)
    {
        var before = await _app.Store.LoadAsync();
        var fields = Scores("Prefill the application", "80", "60", "2").Where(f => f.Item1 != field).Append((field, value)).ToArray();
        var response = await PostAsync("/opportunities/o-prefill/edit", fields, htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        var after = await _app.Store.LoadAsync();
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equivalent(before.Workspace.Opportunities.Single(o => o.Id == "o-prefill"), after.Workspace.Opportunities.Single(o => o.Id == "o-prefill"), strict: true);
    }

    [Fact]
    public async Task Hostile_Markdown_in_a_description_is_shown_as_text_and_its_script_link_dropped()
    {
        await PostAsync("/opportunities/o-prefill/edit",
            [.. Scores("Prefill the application", "80", "60", "2"), ("Description", "**Bold** <script>alert('x')</script> [click](javascript:alert(1)) [study](https://example.com/s)")]);
        var html = await _app.CreateClient().GetStringAsync("/opportunities/o-prefill");
        var description = html[html.IndexOf("data-section=\"description\"")..html.IndexOf("</div>", html.IndexOf("data-section=\"description\""))];
        Assert.Contains("<strong>Bold</strong>", description);
        Assert.Contains("&lt;script&gt;", description);
        Assert.DoesNotContain("<script", description);
        Assert.DoesNotContain("javascript:", description);
        Assert.Contains("<a href=\"https://example.com/s\">study</a>", description);
    }

    [Fact]
    public async Task A_stale_revision_is_refused_and_nothing_is_stored()
    {
        var stale = (await _app.Store.LoadAsync()).Revision;
        await _app.Store.ApplyAsync(new WorkspaceChangeSet { Weights = new PrioritisationWeights(2, 1) }, null); // someone else
        var response = await PostAsync("/opportunities/o-prefill/edit", Scores("Renamed", "80", "60", "2"), htmx: true, revision: stale);
        await _app.ScreensCaughtUpAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Someone else changed the workspace", await response.Content.ReadAsStringAsync());
        Assert.Equal("Prefill the application", (await WorkspaceAsync()).Opportunities.Single(o => o.Id == "o-prefill").Title);
    }

    [Fact]
    public async Task Deleting_an_opportunity_keeps_its_solutions_without_the_reference()
    {
        var response = await PostAsync("/opportunities/o-prefill/delete", [], htmx: true);
        Assert.Equal("/opportunities", response.Headers.GetValues("HX-Redirect").Single());
        var w = await WorkspaceAsync();
        Assert.DoesNotContain(w.Opportunities, o => o.Id == "o-prefill");
        Assert.Empty(w.Solutions.Single(s => s.Id == "sol-prefill").OpportunityIds);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/opportunities/o-prefill")).StatusCode);
    }

    [Fact]
    public async Task A_planner_adds_edits_and_removes_a_solution_on_the_opportunity_page()
    {
        var added = await PostAsync("/opportunities/o-complete/solutions",
            [("Title", "Completion campaign"), ("Type", "campaign"), ("Status", "planned"), ("Priority", "medium"), ("TeamId", "t-apply"), ("ExternalLinks", "https://example.com/brief")], htmx: true);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Completion campaign", await added.Content.ReadAsStringAsync());
        var solution = (await WorkspaceAsync()).Solutions.Single(s => s.Id == "sol-completion-campaign");
        Assert.Equal(("campaign", "planned", "MEDIUM", "t-apply"), (solution.Type, solution.Status, solution.Priority, solution.TeamId));
        Assert.Equal(["o-complete"], solution.OpportunityIds);

        await PostAsync("/opportunities/o-complete/solutions/sol-completion-campaign/edit",
            [("Title", "Completion campaign"), ("Type", "campaign"), ("Status", "running"), ("Priority", "HIGH"), ("TeamId", "t-apply")], htmx: true);
        Assert.Equal(("running", "HIGH"), (await WorkspaceAsync()).Solutions.Single(s => s.Id == "sol-completion-campaign") is var s ? (s.Status, s.Priority) : default);

        var refused = await PostAsync("/opportunities/o-complete/solutions/sol-completion-campaign/edit", [("Title", "Completion campaign"), ("Priority", "URGENT")], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Priority must be one of HIGH, MEDIUM, LOW (you entered &#x27;URGENT&#x27;).", await refused.Content.ReadAsStringAsync());

        await PostAsync("/opportunities/o-complete/solutions/sol-completion-campaign/remove", [], htmx: true);
        Assert.DoesNotContain((await WorkspaceAsync()).Solutions, s => s.Id == "sol-completion-campaign");
    }

    [Fact]
    public async Task Changing_the_weights_re_ranks_the_list_and_survives_export_and_import()
    {
        Assert.Equal(["o-prefill", "o-unlinked", "o-complete"], await RankedIdsAsync());
        var response = await PostAsync("/opportunities/weights", [("CustomerValueWeight", "0"), ("BusinessValueWeight", "1")], htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"prioritisation\"", html.TrimStart());
        Assert.Contains("id=\"new-opportunity\"", html);
        Assert.Contains("hx-swap-oob=\"true\"", html);
        // Business value alone: Broker portal 90, Prefill 60, Faster completion 20.
        Assert.Equal(["o-unlinked", "o-prefill", "o-complete"], await RankedIdsAsync());
        Assert.Equal(new PrioritisationWeights(0, 1), (await WorkspaceAsync()).Weights);

        var client = _app.CreateClient();
        var exported = await client.GetStringAsync("/workspace/export");
        Assert.Contains("\"customerValueWeight\": 0", exported.Replace("\"customerValueWeight\":0", "\"customerValueWeight\": 0"));
        await _app.Store.ApplyAsync(new WorkspaceChangeSet { Weights = PrioritisationWeights.Default }, null);
        await _app.ScreensCaughtUpAsync();

        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/workspace");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(exported));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var import = new HttpRequestMessage(HttpMethod.Post, "/workspace/import")
        {
            Content = new MultipartFormDataContent { { file, "file", "workspace.json" }, { new StringContent("replace"), "mode" } },
        };
        import.Headers.Add("RequestVerificationToken", token);
        Assert.True((await client.SendAsync(import)).IsSuccessStatusCode);
        Assert.Equal(new PrioritisationWeights(0, 1), (await WorkspaceAsync()).Weights);
        Assert.Equal(["o-unlinked", "o-prefill", "o-complete"], await RankedIdsAsync());
    }

    [Theory]
    [InlineData("0", "0", "The customer value and business value weights cannot both be 0: at least one must count.")]
    [InlineData("-1", "1", "Customer value weight must be 0 or more (you entered -1).")]
    [InlineData("1", "heavy", "Business value weight must be a number of 0 or more, with a decimal point (you entered &#x27;heavy&#x27;).")]
    public async Task Weights_that_cannot_rank_are_refused_in_words(string customer, string business, string message)
    {
        var before = await _app.Store.LoadAsync();
        var response = await PostAsync("/opportunities/weights", [("CustomerValueWeight", customer), ("BusinessValueWeight", business)], htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before.Revision, (await _app.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task Edits_are_audited_with_who_and_what()
    {
        await PostAsync("/opportunities/o-prefill/edit", Scores("Prefill everything", "80", "60", "2"));
        await PostAsync("/opportunities/weights", [("CustomerValueWeight", "2"), ("BusinessValueWeight", "1")]);
        var audit = await _app.Store.ListAuditAsync(new AuditQuery());
        Assert.Contains(audit, e => e.Actor == "test-admin" && e.Summary.Contains("POST /opportunities/o-prefill/edit") && e.Summary.Contains("o-prefill 'Prefill everything'"));
        Assert.Contains(audit, e => e.Summary.Contains("prioritisation weights: customer value 2, business value 1"));
    }

    public void Dispose() => _app.Dispose();
}
