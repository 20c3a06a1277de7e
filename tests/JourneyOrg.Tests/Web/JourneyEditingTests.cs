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
        Assert.Contains("The id 't-apply' is already used by team “Applications”", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
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
        Assert.Contains("The journey “Get a mortgage” already has the id 'j-mortgage': choose another id.", WebUtility.HtmlDecode(html));
        Assert.Contains("id=\"new-journey-errors\"", html);
        Assert.Contains("value=\"Second mortgage\"", html);
        Assert.Contains("<option value=\"j-home\" selected=\"selected\">", html);
        var journeys = (await _factory.Store.LoadAsync()).Workspace.Journeys;
        Assert.Equal("Get a mortgage", journeys.Single(j => j.Id == "j-mortgage").Name);
    }

    public void Dispose() => _factory.Dispose();
}
