using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Tests.Security;
using JourneyOrg.Web.Features.Security;

namespace JourneyOrg.Tests.Web;

/// <summary>The KPI pages: the list, one KPI's history, and a planner creating KPIs and recording values.</summary>
public sealed class MetricEditingTests : IDisposable
{
    private readonly JourneyManagementApp _app = new();
    private readonly HttpClient _client;

    public MetricEditingTests() => _client = _app.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> PostAsync(string url, bool htmx, params (string, string)[] fields)
    {
        var page = await _client.GetStringAsync("/metrics");
        var revision = Regex.Match(page, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var request = htmx ? WebAppFactory.Htmx(HttpMethod.Post, url) : new HttpRequestMessage(HttpMethod.Post, url);
        var all = fields.Any(f => f.Item1 == "Revision") ? fields : fields.Append(("Revision", revision));
        request.Content = new FormUrlEncodedContent(all.Select(f => KeyValuePair.Create(f.Item1, f.Item2)));
        request.Headers.Add("RequestVerificationToken", await WebAppFactory.AntiforgeryTokenAsync(_client, "/metrics"));
        return await _client.SendAsync(request);
    }

    private async Task<Metric> MetricAsync(string id) => (await _app.Store.LoadAsync()).Workspace.Metrics.Single(m => m.Id == id);

    [Fact]
    public async Task The_list_shows_each_KPI_against_its_target_with_the_accountable_team_and_filters_by_status()
    {
        var html = await _client.GetStringAsync("/metrics");
        Assert.Contains("<a href=\"/metrics/m-complete\">Days to complete</a>", html);
        Assert.Matches(new Regex("data-metric=\"m-complete\">.*?metric-bad\">36 days.*?≤ 30 days.*?off target.*?improving", RegexOptions.Singleline), html);
        Assert.Matches(new Regex("data-metric=\"m-app-nps\">.*?not on a journey", RegexOptions.Singleline), html);

        var off = await _client.GetStringAsync("/metrics?status=off");
        Assert.Contains("data-metric=\"m-complete\"", off);
        Assert.DoesNotContain("data-metric=\"m-app-nps\"", off);
        Assert.Contains("data-metric=\"m-app-nps\"", await _client.GetStringAsync("/metrics?status=unlinked"));
    }

    [Fact]
    public async Task A_KPI_page_charts_the_history_against_the_target()
    {
        var html = await _client.GetStringAsync("/metrics/m-complete");
        Assert.Contains("class=\"metric-chart\"", html);
        Assert.Contains("target ≤ 30", html);
        Assert.Contains("<title>2024-01-31: 41</title>", html);
        Assert.Contains("class=\"dot bad\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/metrics/m-nope")).StatusCode);
    }

    [Fact]
    public async Task Recording_a_value_adds_to_the_series_replaces_the_same_date_and_updates_the_reading()
    {
        var response = await PostAsync("/metrics/m-complete/points", htmx: true, ("Date", "2024-03-31"), ("Value", "28"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"metric-body\"", fragment.TrimStart());
        Assert.Contains("on target", fragment);
        var metric = await MetricAsync("m-complete");
        Assert.Equal(3, metric.DataPoints.Count);
        Assert.Equal(28, metric.Value);

        await PostAsync("/metrics/m-complete/points", htmx: true, ("Date", "2024-03-31"), ("Value", "33"));
        metric = await MetricAsync("m-complete");
        Assert.Equal(3, metric.DataPoints.Count);
        Assert.Equal(33, metric.Value);

        await PostAsync("/metrics/m-complete/points/remove", htmx: true, ("Date", "2024-03-31"), ("Dimensions", ""));
        metric = await MetricAsync("m-complete");
        Assert.Equal(2, metric.DataPoints.Count);
        Assert.Equal(36, metric.Value);
    }

    [Fact]
    public async Task Values_per_region_show_which_region_is_off_target()
    {
        await PostAsync("/metrics/m-complete/points", htmx: true, ("Date", "2024-03-31"), ("Value", "25"), ("Dimensions", "region=North"));
        await PostAsync("/metrics/m-complete/points", htmx: true, ("Date", "2024-03-31"), ("Value", "38"), ("Dimensions", "region=South"));
        var html = await _client.GetStringAsync("/metrics/m-complete");
        // Worst first: South misses "at most 30 days", North meets it; the pooled figure is their mean.
        Assert.Matches(new Regex("Latest by dimension \\(2024-03-31\\).*?region=South.*?metric-bad\">38 days.*?off target.*?region=North.*?metric-good\">25 days.*?on target", RegexOptions.Singleline), html);
        Assert.Equal(31.5, (await MetricAsync("m-complete")).Value);
    }

    [Fact]
    public async Task A_bad_value_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var before = (await _app.Store.LoadAsync()).Revision;
        var response = await PostAsync("/metrics/m-complete/points", htmx: true, ("Date", "31/03/2024"), ("Value", "12,5"), ("Dimensions", "region"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Date: &#x27;31/03/2024&#x27; is not a date; write YYYY-MM-DD.", html);
        Assert.Contains("Value: &#x27;12,5&#x27; is not a number (use a decimal point).", html);
        Assert.Contains("Dimensions: &#x27;region&#x27; is not key=value", html);
        Assert.Equal(before, (await _app.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task A_stale_revision_is_refused_and_nothing_is_stored()
    {
        var response = await PostAsync("/metrics/m-complete/points", htmx: true, ("Date", "2024-03-31"), ("Value", "28"), ("Revision", "1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Someone else changed the workspace", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, (await MetricAsync("m-complete")).DataPoints.Count);
    }

    [Fact]
    public async Task A_planner_creates_a_KPI_on_a_step_changes_its_target_and_deletes_it()
    {
        var created = await PostAsync("/metrics", htmx: false, ("Name", "Form completion"), ("Type", "RATIO"), ("Target", "0.8"), ("Direction", "higher"), ("TargetId", "s-form"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/metrics/m-form-completion", created.Headers.Location!.OriginalString);
        var metric = await MetricAsync("m-form-completion");
        Assert.Equal(("s-form", "RATIO", 0.8), (metric.TargetId, metric.Type, metric.Target));
        Assert.Contains("Form completion</a>:", await _client.GetStringAsync("/journeys/j-mortgage"));

        await PostAsync("/metrics/m-form-completion/details", htmx: false, ("Name", "Form completion"), ("Type", "RATIO"), ("Target", "0.9"), ("Direction", "higher"));
        Assert.Equal(0.9, (await MetricAsync("m-form-completion")).Target);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync("/metrics/m-form-completion/delete", htmx: false)).StatusCode);
        var deleted = await PostAsync("/metrics/m-form-completion/delete", htmx: false, ("Confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain((await _app.Store.LoadAsync()).Workspace.Metrics, m => m.Id == "m-form-completion");
    }

    [Fact]
    public async Task A_KPI_owner_is_typed_by_name_or_mail()
    {
        var person = (await _app.Store.LoadAsync()).Workspace.People.First(p => p.Mail is not null);
        await PostAsync("/metrics/m-complete/details", htmx: false, ("Name", "Days to complete"), ("Target", "30"), ("Direction", "lower"), ("OwnerId", person.DisplayName.ToUpperInvariant()));
        Assert.Equal(person.Id, (await MetricAsync("m-complete")).OwnerId);
        await PostAsync("/metrics/m-complete/details", htmx: false, ("Name", "Days to complete"), ("Target", "30"), ("Direction", "lower"), ("OwnerId", person.Mail!));
        Assert.Equal(person.Id, (await MetricAsync("m-complete")).OwnerId);
        Assert.Contains($"value=\"{person.DisplayName}\"", await _client.GetStringAsync("/metrics/m-complete"));
    }

    [Fact]
    public async Task An_owner_whose_name_is_shared_is_shown_by_mail_so_the_unchanged_form_saves()
    {
        var person = (await _app.Store.LoadAsync()).Workspace.People.First(p => p.Mail is not null);
        var namesake = person with { Id = "u-namesake", Mail = "namesake@example.com", UserPrincipalName = null, EmployeeId = null };
        await _app.Store.ApplyAsync(new JourneyOrg.Storage.WorkspaceChangeSet { UpsertPeople = [namesake] }, null);
        await _app.ScreensCaughtUpAsync();
        await PostAsync("/metrics/m-complete/details", htmx: false, ("Name", "Days to complete"), ("Target", "30"), ("Direction", "lower"), ("OwnerId", person.Id));

        var page = await _client.GetStringAsync("/metrics/m-complete");
        Assert.Contains($"name=\"OwnerId\" value=\"{person.Mail}\"", page);
        var saved = await PostAsync("/metrics/m-complete/details", htmx: false, ("Name", "Days to complete"), ("Target", "30"), ("Direction", "lower"), ("OwnerId", person.Mail!));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(person.Id, (await MetricAsync("m-complete")).OwnerId);
    }

    [Fact]
    public async Task A_new_KPI_with_bad_fields_is_refused_with_each_field_named()
    {
        var before = (await _app.Store.LoadAsync()).Revision;
        var response = await PostAsync("/metrics", htmx: false, ("Name", " "), ("Type", "NPS"), ("Target", "high"), ("Aggregation", "SUM"), ("TargetId", "s-nope"), ("OwnerId", "nobody"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Name: give the KPI a name.", html);
        Assert.Contains("Target: &#x27;high&#x27; is not a number", html);
        Assert.Contains("only OTHER KPIs choose how their points combine", html);
        Assert.Contains("Measures: &#x27;s-nope&#x27; is not a journey, phase or step", html);
        Assert.Contains("Owner: nobody has the id, mail or name &#x27;nobody&#x27;.", html);
        Assert.Equal(before, (await _app.Store.LoadAsync()).Revision);
    }

    [Fact]
    public async Task A_viewer_reads_KPIs_without_forms_and_cannot_post()
    {
        var viewer = _app.CreateClient(new() { AllowAutoRedirect = false }).As("vera", AppRoles.Viewer);
        var list = await viewer.GetStringAsync("/metrics");
        var page = await viewer.GetStringAsync("/metrics/m-complete");
        Assert.DoesNotContain("new-metric-heading", list);
        Assert.DoesNotContain("edit-metric-heading", page);
        Assert.DoesNotContain("/points/remove", page);
        Assert.DoesNotContain("Record a value", page);

        var request = new HttpRequestMessage(HttpMethod.Post, "/metrics/m-complete/points")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("Date", "2024-03-31"), KeyValuePair.Create("Value", "1")]),
        };
        request.Headers.Add("RequestVerificationToken", await WebAppFactory.AntiforgeryTokenAsync(viewer, "/metrics"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SendAsync(request)).StatusCode);
        Assert.Equal(2, (await MetricAsync("m-complete")).DataPoints.Count);
    }

    public void Dispose() => _app.Dispose();
}
