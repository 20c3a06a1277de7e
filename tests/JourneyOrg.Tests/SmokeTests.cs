using Microsoft.AspNetCore.Mvc.Testing;

namespace JourneyOrg.Tests;

public sealed class SmokeTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Health_endpoint_answers_ok()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        response.EnsureSuccessStatusCode();
    }
}
