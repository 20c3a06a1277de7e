using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using JourneyOrg.Templates;

namespace JourneyOrg.Tests.Web;

/// <summary>
/// A refused edit form answers 422 with the page it was on: the field at fault is marked (aria-invalid) and names the
/// message right beside it (aria-describedby), in the product's words; what was typed is still there; the summary
/// above the form links to the field. A saved form says so on the page it leads to (role=status).
/// </summary>
public sealed class FormFieldProblemTests : IDisposable
{
    private readonly WebAppFactory _factory = new();
    private readonly HttpClient _client;

    public FormFieldProblemTests() => _client = _factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> PostAsync(string page, string url, bool htmx, params (string Name, string Value)[] fields)
    {
        var token = await WebAppFactory.AntiforgeryTokenAsync(_client, page);
        var html = await _client.GetStringAsync(page);
        var revision = Regex.Match(html, "name=\"(?:Revision|revision)\" value=\"(\\d+)\"").Groups[1].Value;
        var version = Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var all = fields.ToList();
        if (!all.Any(f => f.Name.Equals("Revision", StringComparison.OrdinalIgnoreCase))) all.Add(("Revision", revision));
        if (!all.Any(f => f.Name == "version")) all.Add(("version", version));
        var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, url) : new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new FormUrlEncodedContent(all.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        request.Headers.Add("RequestVerificationToken", token);
        return await _client.SendAsync(request);
    }

    private async Task<IDocument> RefusedAsync(string page, string url, params (string, string)[] fields)
    {
        var response = await PostAsync(page, url, htmx: false, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The field is marked, points to its message beside it, keeps what was typed, and the summary links to it.</summary>
    private static string Marked(IDocument page, string inputId, string? typed = null)
    {
        var field = page.GetElementById(inputId);
        Assert.True(field is not null, $"#{inputId} is on the page");
        Assert.Equal("true", field!.GetAttribute("aria-invalid"));
        var describedBy = field.GetAttribute("aria-describedby")?.Split(' ') ?? [];
        var problemId = inputId + "-problem";
        Assert.Contains(problemId, describedBy);
        var problem = page.GetElementById(problemId);
        Assert.True(problem is not null, $"#{problemId} (the message) is on the page");
        // Beside the field: in the same field wrapper, after it.
        Assert.True(field.ParentElement!.Contains(problem), $"#{problemId} sits with #{inputId}");
        Assert.Equal(DocumentPositions.Following, field.CompareDocumentPosition(problem!) & DocumentPositions.Following);
        if (typed is not null) Assert.Equal(typed, field.LocalName == "textarea" ? field.TextContent : field.GetAttribute("value") ?? "");
        Assert.NotNull(page.QuerySelector($"[data-errors] a[href='#{inputId}']"));
        return problem!.TextContent.Trim();
    }

    [Fact]
    public async Task A_new_team_without_a_name_under_an_unknown_unit_marks_both_fields_and_keeps_the_rest()
    {
        var page = await RefusedAsync("/teams", "/teams", ("Name", ""), ("ParentId__name", "No such unit"), ("Type", "platform"), ("Id", "t-apply"));
        Assert.Equal("Name: give the team a name.", Marked(page, "new-team-name", ""));
        Assert.Contains("No such unit", Marked(page, "pick-input-new-team-parent", "No such unit"));
        Assert.Contains("'t-apply' is already used", Marked(page, "new-team-id", "t-apply"));
        Assert.NotNull(page.QuerySelector("#new-team-type option[selected]:not([value=''])"));
        Assert.Equal("Nothing was saved. Change the marked fields.", page.QuerySelector("[data-errors] p")!.TextContent);
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Teams, t => t.Type == "platform" && t.Id != "t-identity");
    }

    [Fact]
    public async Task Moving_a_unit_inside_its_own_team_marks_the_picker_naming_the_team_not_its_id()
    {
        var page = await RefusedAsync("/teams/t-lending", "/teams/t-lending/move", ("ParentId", "t-apply"), ("ParentId__name", "Applications"));
        var message = Marked(page, "pick-input-team-parent", "Applications");
        Assert.Contains("Lending", message);
        Assert.Contains("inside itself", message);
        Assert.DoesNotContain("t-lending", message);
    }

    [Fact]
    public async Task A_member_nobody_is_called_with_a_share_that_is_not_a_number_marks_both()
    {
        var page = await RefusedAsync("/teams/t-apply", "/teams/t-apply/members", ("PersonId", "Nobody Here"), ("AllocationPercent", "lots"));
        Assert.Contains("nobody has the id, mail or name 'Nobody Here'", Marked(page, "member-person-id", "Nobody Here"));
        Assert.Contains("'lots' is not a number", Marked(page, "member-allocation-percent", "lots"));
        // The other forms on the page are not marked.
        Assert.Null(page.QuerySelector("#team-name[aria-invalid]"));
    }

    [Fact]
    public async Task Renaming_a_team_to_nothing_marks_the_name()
    {
        var page = await RefusedAsync("/teams/t-apply", "/teams/t-apply/rename", ("Name", "  "));
        Assert.Equal("Name: give the team a name.", Marked(page, "team-name"));
        Assert.Equal("Applications", (await _factory.Store.LoadAsync()).Workspace.Teams.Single(t => t.Id == "t-apply").Name);
    }

    [Fact]
    public async Task A_new_KPI_with_a_target_that_is_not_a_number_marks_name_and_target()
    {
        var page = await RefusedAsync("/metrics", "/metrics", ("Name", ""), ("Target", "lots"), ("Unit", "%"), ("TargetId", "nowhere"));
        Assert.Equal("Name: give the KPI a name.", Marked(page, "new-metric-name", ""));
        Assert.Contains("'lots' is not a number", Marked(page, "new-metric-target", "lots"));
        Assert.Contains("'nowhere' is not a journey, phase or step", Marked(page, "new-metric-target-id", "nowhere"));
        Assert.Equal("%", page.GetElementById("new-metric-unit")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Changing_a_KPI_to_an_unknown_owner_marks_the_owner_and_keeps_the_typed_definition()
    {
        var page = await RefusedAsync("/metrics/m-dropoff", "/metrics/m-dropoff/details",
            ("Name", "Drop-off rate"), ("Target", "15"), ("OwnerId", "Zed Nobody"), ("Direction", "lower"));
        Assert.Contains("nobody has the id, mail or name 'Zed Nobody'", Marked(page, "edit-metric-owner-id", "Zed Nobody"));
        Assert.Equal("Drop-off rate", page.GetElementById("edit-metric-name")!.GetAttribute("value"));
        Assert.Equal("15", page.GetElementById("edit-metric-target")!.GetAttribute("value"));
        Assert.Equal("Drop-off", (await _factory.Store.LoadAsync()).Workspace.Metrics.Single(m => m.Id == "m-dropoff").Name);
    }

    [Fact]
    public async Task Recording_a_value_on_a_date_that_is_not_one_answers_the_fragment_with_the_date_marked()
    {
        var response = await PostAsync("/metrics/m-dropoff", "/metrics/m-dropoff/points", htmx: true, ("Date", "yesterday"), ("Value", "12"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(fragment.GetElementById("metric-body"));
        Assert.Contains("'yesterday' is not a date", Marked(fragment, "point-date", "yesterday"));
        Assert.Equal("12", fragment.GetElementById("point-value")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Deleting_a_KPI_without_ticking_the_box_answers_the_whole_page_with_the_box_marked()
    {
        // The delete form answers in place by swapping the main region: the answer must hold it, not only a fragment.
        var response = await PostAsync("/metrics/m-dropoff", "/metrics/m-dropoff/delete", htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.GetElementById("main"));
        Assert.Contains("Tick the box", Marked(page, "delete-metric-confirm"));
        Assert.Contains((await _factory.Store.LoadAsync()).Workspace.Metrics, m => m.Id == "m-dropoff");
    }

    [Fact]
    public async Task A_role_without_a_title_and_a_cost_in_words_marks_both_fields()
    {
        var page = await RefusedAsync("/roles/r-eng", "/roles/r-eng", ("Title", ""), ("Family", "Engineering"), ("AnnualCost", "a lot"));
        Assert.Equal("Title: give the role a title.", Marked(page, "role-title", ""));
        Assert.Contains("'a lot' is not a number", Marked(page, "role-annual-cost", "a lot"));
        Assert.Equal("Engineer", (await _factory.Store.LoadAsync()).Workspace.Roles.Single(r => r.Id == "r-eng").Title);
    }

    [Fact]
    public async Task A_new_opportunity_with_scores_out_of_range_marks_each_score()
    {
        var page = await RefusedAsync("/opportunities", "/opportunities", ("Title", "Faster offers"), ("CustomerValue", "200"), ("Effort", "x"),
            ("ExternalLinks", "javascript:alert(1)"));
        Assert.Contains("between 0 and 100", Marked(page, "new-opportunity-customer-value", "200"));
        Assert.Contains("Effort", Marked(page, "new-opportunity-effort", "x"));
        Assert.Contains("not an absolute http or https address", Marked(page, "new-opportunity-external-links", "javascript:alert(1)"));
        Assert.Equal("Faster offers", page.GetElementById("new-opportunity-title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_solution_with_an_unknown_priority_marks_the_priority_in_the_opportunity_fragment()
    {
        var created = await PostAsync("/opportunities", "/opportunities", htmx: false, ("Title", "Faster offers"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var response = await PostAsync(page, page + "/solutions", htmx: true, ("Title", "Offer engine"), ("Priority", "urgent"), ("TeamId", "No such team"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Priority must be one of", Marked(fragment, "new-solution-priority"));
        Assert.Contains("No such team", Marked(fragment, "new-solution-team-id"));
        Assert.Equal("Offer engine", fragment.GetElementById("new-solution-title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_currency_that_is_not_a_code_marks_the_field_and_keeps_it()
    {
        var page = await RefusedAsync("/costs", "/costs/currency", ("currency", "EURO"));
        Assert.Contains("'EURO' is not a currency code", Marked(page, "cost-currency", "EURO"));
    }

    [Fact]
    public async Task A_user_name_with_a_space_marks_the_field_and_keeps_what_was_typed()
    {
        var page = await RefusedAsync("/admin/users", "/admin/users", ("userName", "ann lee"), ("displayName", "Ann Lee"), ("roles", "Planner"));
        Assert.Contains("without spaces", Marked(page, "new-user-user-name", "ann lee"));
        Assert.Equal("Ann Lee", page.GetElementById("new-user-display-name")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("form.user-create input[value='Planner'][checked]"));
        Assert.Null(page.QuerySelector("form.user-create input[value='Viewer'][checked]"));
    }

    [Fact]
    public async Task An_insight_with_a_source_that_is_not_a_web_link_marks_the_source_in_the_step_fragment()
    {
        const string step = "/journeys/j-mortgage/steps/s-form";
        var response = await PostAsync(step, step + "/insights", htmx: true, ("Title", "Form too long"), ("SourceUrl", "file:///c:/notes.txt"), ("Weight", "-2"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fragment = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("is not an http or https link", Marked(fragment, "insight-source-url", "file:///c:/notes.txt"));
        Assert.Contains("weights are 0 or more", Marked(fragment, "insight-weight", "-2"));
        Assert.Equal("Form too long", fragment.GetElementById("insight-title")!.GetAttribute("value"));
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Insights, i => i.Title == "Form too long");
    }

    [Fact]
    public async Task A_new_step_with_an_id_already_used_marks_the_name_in_its_phase_and_keeps_what_was_typed()
    {
        var page = await RefusedAsync("/journeys/j-mortgage/edit", "/journeys/j-mortgage/edit/steps",
            ("PhaseId", "p-decide"), ("Name", "Second look"), ("NewId", "s-offer"), ("SubjourneyId", ""));
        Assert.Contains("s-offer", Marked(page, "new-step-p-decide-name", "Second look"));
        // Only the form that posted is marked: the other phases' new-step fields render plain.
        Assert.Single(page.QuerySelectorAll("[aria-invalid=true]"));
        Assert.DoesNotContain((await _factory.Store.LoadAsync()).Workspace.Journeys.Single(j => j.Id == "j-mortgage").Phases.SelectMany(p => p.Steps),
            s => s.Name == "Second look");
    }

    [Fact]
    public async Task Deleting_a_step_without_ticking_the_box_marks_that_steps_box_and_a_phase_rename_says_so()
    {
        var response = await PostAsync("/journeys/j-mortgage/edit", "/journeys/j-mortgage/edit/steps/s-offer/delete", htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Tick the box to confirm the deletion.", Marked(page, "delete-step-s-offer-confirm"));
        Assert.Equal("/journeys/j-mortgage/edit/steps/s-offer/delete", page.QuerySelector("form[action$='/steps/s-offer/delete']")!.GetAttribute("hx-post"));

        var saved = await PostAsync("/journeys/j-mortgage/edit", "/journeys/j-mortgage/edit/phases/p-decide", htmx: true, ("Name", "Decision"));
        Assert.Equal("/journeys/j-mortgage/edit", saved.Headers.GetValues("HX-Redirect").Single());
        var editor = new HtmlParser().ParseDocument(await _client.GetStringAsync("/journeys/j-mortgage/edit"));
        Assert.Equal("Renamed the phase to “Decision”.", editor.QuerySelector("main [role=status]")!.TextContent);
    }

    [Fact]
    public async Task Scenario_forms_mark_a_missing_name_and_sizes_out_of_range_and_a_created_scenario_says_so()
    {
        var page = await RefusedAsync("/scenarios", "/scenarios", ("name", "  "), ("description", "Merge the two lending teams"));
        Assert.Equal("Name: give the scenario a name.", Marked(page, "new-scenario-name"));
        Assert.Equal("Merge the two lending teams", page.GetElementById("new-scenario-description")!.GetAttribute("value"));

        page = await RefusedAsync("/scenarios", "/scenarios/propose", ("by", "teams"), ("minSize", "5"), ("maxSize", "5000"));
        Assert.StartsWith("Teams per:", Marked(page, "propose-by"));
        Assert.Equal("Largest team: at most 1000.", Marked(page, "propose-max", "5000"));
        Assert.Null(page.GetElementById("propose-min")!.GetAttribute("aria-invalid"));

        var saved = await PostAsync("/scenarios", "/scenarios", htmx: true, ("name", "Lending together"));
        var at = saved.Headers.GetValues("HX-Redirect").Single();
        Assert.StartsWith("/scenarios/", at);
        var created = new HtmlParser().ParseDocument(await _client.GetStringAsync(at));
        Assert.Equal("Created the scenario “Lending together”.", created.QuerySelector("main [role=status]")!.TextContent);
    }

    [Fact]
    public async Task A_scenario_file_that_does_not_apply_marks_the_file_field_with_its_changes_numbered()
    {
        var token = await WebAppFactory.AntiforgeryTokenAsync(_client, "/scenarios");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
            """{"name":"Broken","operations":[{"op":"renameTeam","teamId":"t-apply","name":"A"},{"op":"mergeTeams","sourceTeamId":"t-apply"}]}"""));
        content.Add(file, "file", "broken.json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/scenarios/import") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Scenario file: broken.json was not imported", Marked(page, "scenario-import-file"));
        var reasons = page.QuerySelectorAll("#scenario-import-file-problem, [data-errors] li").Select(e => e.TextContent).ToList();
        Assert.Contains(reasons, r => r.Contains("Change 2"));
        Assert.DoesNotContain(reasons, r => r.Contains("operation 1"));
    }

    [Fact]
    public async Task A_saved_rename_says_so_on_the_team_page()
    {
        var response = await PostAsync("/teams/t-apply", "/teams/t-apply/rename", htmx: false, ("Name", "Mortgage applications"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/teams/t-apply", response.Headers.Location!.OriginalString);
        var page = new HtmlParser().ParseDocument(await _client.GetStringAsync("/teams/t-apply"));
        Assert.Equal("Renamed the team to “Mortgage applications”.", page.QuerySelector("main [role=status]")!.TextContent);
        // Said once: the next visit is quiet.
        Assert.Null(new HtmlParser().ParseDocument(await _client.GetStringAsync("/teams/t-apply")).QuerySelector("main [role=status]"));
    }

    [Fact]
    public async Task With_htmx_a_saved_KPI_leads_to_its_page_and_a_refusal_swaps_the_page_in_place()
    {
        var saved = await PostAsync("/metrics/m-dropoff", "/metrics/m-dropoff/details", htmx: true, ("Name", "Drop-off rate"), ("Target", "15"));
        Assert.Equal("/metrics/m-dropoff", saved.Headers.GetValues("HX-Redirect").Single());
        var page = new HtmlParser().ParseDocument(await _client.GetStringAsync("/metrics/m-dropoff"));
        Assert.Equal("Saved the KPI “Drop-off rate”.", page.QuerySelector("main [role=status]")!.TextContent);
        // The definition form posts in place: its refusal replaces the main region, and the address stays the page's.
        var form = page.QuerySelector("form[action='/metrics/m-dropoff/details']")!;
        Assert.Equal("/metrics/m-dropoff/details", form.GetAttribute("hx-post"));
        Assert.Equal("#main", form.GetAttribute("hx-select"));
        Assert.Equal("#main", form.GetAttribute("hx-target"));
    }

    [Fact]
    public async Task Adding_a_template_says_so_and_adding_it_again_names_the_journeys_already_there()
    {
        const string page = "/journeys/templates/insurance";
        var added = await PostAsync(page, page, htmx: false);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var journeys = new HtmlParser().ParseDocument(await _client.GetStringAsync(added.Headers.Location!.OriginalString));
        Assert.StartsWith("Added the template “Insurance", journeys.QuerySelector("main [role=status]")!.TextContent);
        var count = (await _factory.Store.LoadAsync()).Workspace.Journeys.Count;

        var refused = await RefusedAsync(page, page);
        var summary = refused.QuerySelector("[data-errors]")!.TextContent;
        var first = JourneyTemplates.Find("insurance")!.Read().Workspace!.Journeys[0];
        Assert.Contains("Nothing was saved.", summary);
        Assert.Contains($"“{first.Name}”", summary);
        Assert.DoesNotContain(first.Id, summary);
        // The add button answers in place: a refusal keeps the preview's address.
        Assert.Equal(page, refused.QuerySelector($"form[action='{page}']")!.GetAttribute("hx-post"));
        Assert.Equal(count, (await _factory.Store.LoadAsync()).Workspace.Journeys.Count);
    }

    [Fact]
    public async Task Linking_a_KPI_where_it_already_is_marks_the_step_and_keeps_the_choice_then_a_link_says_so()
    {
        var org = await _factory.Store.LoadAsync();
        var metric = org.Workspace.Metrics.First(m => m.TargetId is not null && org.Workspace.Journeys.Any(j => j.Phases.Any(p => p.Steps.Any(s => s.Id == m.TargetId))));
        var journey = org.Workspace.Journeys.First(j => j.Phases.Any(p => p.Steps.Any(s => s.Id == metric.TargetId)));
        var step = journey.Phases.SelectMany(p => p.Steps).Single(s => s.Id == metric.TargetId);
        var url = $"/links/metric/{metric.Id}";
        var chooser = $"{url}?journey={journey.Id}";

        var page = await RefusedAsync(chooser, url, ("TargetId", step.Id), ("Journey", journey.Id));
        var message = Marked(page, "link-target");
        var phase = journey.Phases.Single(p => p.Steps.Contains(step));
        Assert.Equal($"The KPI {metric.Name} is already on {journey.Name} › {phase.Name} › {step.Name}.", message);
        Assert.DoesNotContain(step.Id, message);
        Assert.Equal(step.Id, page.QuerySelector("#link-target option[selected]")!.GetAttribute("value"));

        var other = journey.Phases.SelectMany(p => p.Steps).First(s => s.Id != step.Id);
        var linked = await PostAsync(chooser, url, htmx: false, ("TargetId", other.Id), ("Journey", journey.Id));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var there = new HtmlParser().ParseDocument(await _client.GetStringAsync(linked.Headers.Location!.OriginalString));
        Assert.StartsWith($"{metric.Name} is now on ", there.QuerySelector("main [role=status]")!.TextContent);
        Assert.Equal(other.Id, (await _factory.Store.LoadAsync()).Workspace.Metrics.Single(m => m.Id == metric.Id).TargetId);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
