using System.Net;
using System.Text.RegularExpressions;
using JourneyOrg.Analysis;
using JourneyOrg.Domain;
using JourneyOrg.Templates;
using JourneyOrg.Tests.Cli;
using JourneyOrg.Tests.Web;
using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Cli;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Templates;

public sealed class JourneyTemplateTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    public static TheoryData<string> Names => new(JourneyTemplates.All.Select(t => t.Name));

    [Fact]
    public void There_are_at_least_six_templates_for_distinct_industries()
    {
        Assert.True(JourneyTemplates.All.Count >= 6);
        Assert.Subset(JourneyTemplates.All.Select(t => t.Name).ToHashSet(),
            new HashSet<string> { "retail-banking", "insurance", "telecom", "e-commerce", "b2b-software", "public-services" });
        Assert.All(JourneyTemplates.All, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_template_validates_and_has_the_shape_of_a_framework(string name)
    {
        var read = JourneyTemplates.Find(name)!.Read();
        Assert.Empty(read.Errors);
        var w = read.Workspace!;
        Assert.Empty(w.People); Assert.Empty(w.Teams); Assert.Empty(w.Roles); Assert.Empty(w.Ownership); Assert.Empty(w.Metrics);

        var byId = w.Journeys.ToDictionary(j => j.Id);
        var usedBy = w.Journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps).Where(s => s.SubjourneyId is not null).Select(s => (Sub: s.SubjourneyId!, j.Id)))
            .Distinct().ToLookup(x => x.Sub, x => x.Id);
        var subjourneys = w.Journeys.Where(j => usedBy[j.Id].Any()).ToList();
        var customerJourneys = w.Journeys.Where(j => j.Phases.Count > 0 && !usedBy[j.Id].Any()).ToList();

        // lifecycle > domain > journey: each customer journey sits two levels below a top-level lifecycle stage.
        Assert.True(customerJourneys.Count >= 8, $"{name}: {customerJourneys.Count} journeys");
        foreach (var j in customerJourneys)
        {
            var domain = byId[j.ParentId!];
            var stage = byId[domain.ParentId!];
            Assert.Null(stage.ParentId);
            Assert.Empty(domain.Phases);
            Assert.Empty(stage.Phases);
        }
        Assert.True(w.Journeys.Count(j => j.ParentId is null && j.Phases.Count == 0) >= 4, $"{name}: lifecycle stages");

        // Phases with real steps everywhere; reusable sub-journeys each used by several journeys.
        Assert.All(customerJourneys.Concat(subjourneys).SelectMany(j => j.Phases), p => Assert.NotEmpty(p.Steps));
        Assert.True(subjourneys.Count >= 4, $"{name}: {subjourneys.Count} sub-journeys");
        Assert.All(subjourneys, s => Assert.True(usedBy[s.Id].Count() >= 2, $"{name}: {s.Name} is used by {usedBy[s.Id].Count()} journey"));
        Assert.All(w.Journeys.SelectMany(j => j.Phases).SelectMany(p => p.Steps), s => Assert.True(s.Name.Length >= 6 && s.Name.Contains(' '), s.Name));

        var report = AlignmentAnalysis.Analyze(w);
        Assert.Equal(w.Journeys.Sum(j => j.Phases.Sum(p => p.Steps.Count)), report.Units.Count);
    }

    [Fact]
    public async Task Templates_lists_one_per_line_name_first()
    {
        var run = await CliRun.Of("templates");
        Assert.Equal(CliApp.Success, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(JourneyTemplates.All.Select(t => t.Name), lines.Select(l => l.Split(' ')[0]));
        Assert.Contains(lines, l => l.StartsWith("retail-banking") && l.Contains("Current accounts, cards"));
    }

    [Fact]
    public async Task Every_template_imports_into_one_store_and_a_second_time_is_refused_with_the_clashing_ids()
    {
        foreach (var template in JourneyTemplates.All)
        {
            var run = await CliRun.Of("templates", "apply", template.Name, "--store", _temporary.Spec);
            Assert.True(run.ExitCode == CliApp.Success, run.Stderr);
        }
        var stored = (await _temporary.Store.LoadAsync()).Workspace;
        Assert.Equal(JourneyTemplates.All.Sum(t => t.Read().Workspace!.Journeys.Count), stored.Journeys.Count);
        Assert.Empty(WorkspaceValidator.ValidateDocument(stored));

        var before = await _temporary.ExportAsync();
        var again = await CliRun.Of("templates", "apply", "telecom", "--store", _temporary.Spec);
        Assert.Equal(CliApp.InvalidInput, again.ExitCode);
        Assert.Contains("already uses", again.Stderr);
        Assert.Contains("tel-j-broadband", again.StderrLines);
        Assert.Equal(before, await _temporary.ExportAsync());

        var unknown = await CliRun.Of("templates", "apply", "shipbuilding", "--store", _temporary.Spec);
        Assert.Equal(CliApp.UsageError, unknown.ExitCode);
        Assert.Contains("no template is called 'shipbuilding'", unknown.Stderr);
    }

    [Fact]
    public async Task An_empty_workspace_offers_a_template_then_merges_it_and_refuses_clashes()
    {
        using var app = new EmptyWorkspaceApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Contains("href=\"/journeys/templates\"", await client.GetStringAsync("/journeys"));
        var picker = await client.GetStringAsync("/journeys/templates");
        Assert.Equal(JourneyTemplates.All.Count, Regex.Matches(picker, "data-template=").Count);
        var preview = await client.GetStringAsync("/journeys/templates/insurance");
        Assert.Contains("Report a car accident", preview);
        Assert.Contains("Start with these journeys", preview);

        var token = await WebAppFactory.AntiforgeryTokenAsync(client, "/journeys/templates/insurance");
        async Task<HttpResponseMessage> Add(string name)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/journeys/templates/{name}") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("RequestVerificationToken", token);
            return await client.SendAsync(request);
        }
        var added = await Add("insurance");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains((await app.Store.LoadAsync()).Workspace.Journeys, j => j.Id == "ins-j-motor-claim");

        // A workspace with journeys gets the template merged alongside them.
        Assert.Equal(HttpStatusCode.Redirect, (await Add("telecom")).StatusCode);
        var refused = await Add("insurance");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was saved", html);
        Assert.Contains("already has", html);
        Assert.DoesNotContain("ins-j-motor-claim", html);
        Assert.Equal(JourneyTemplates.Find("insurance")!.Read().Workspace!.Journeys.Count + JourneyTemplates.Find("telecom")!.Read().Workspace!.Journeys.Count,
            (await app.Store.LoadAsync()).Workspace.Journeys.Count);
    }

    public void Dispose() => _temporary.Dispose();

    /// <summary>The web app over an empty workspace.</summary>
    private sealed class EmptyWorkspaceApp : WebAppFactory
    {
        public EmptyWorkspaceApp() => Store.ReplaceAsync(Workspace.Empty).GetAwaiter().GetResult();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("JourneyOrg:DemoData", "false");
        }
    }
}
