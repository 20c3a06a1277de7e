using System.Net;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// Every endpoint the app maps names one of the app's policies (or is one of the few anonymous ones), and turns away a
/// signed-in user who lacks what that policy needs. A new endpoint without a policy fails here.
/// </summary>
public sealed class EndpointAuthorizationTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    /// <summary>Reachable without signing in: health, sign-in pages, the Entra callback.</summary>
    private static readonly HashSet<string> Anonymous =
        ["GET /healthz", "GET /account/signin", "POST /account/signin", "GET /account/entra", "GET /signin-oidc"];

    /// <summary>For each policy, a user holding every role except those that would satisfy it.</summary>
    private static readonly Dictionary<string, string[]> Lacking = new()
    {
        [Policies.Read] = [],
        [Policies.Plan] = [AppRoles.Viewer, AppRoles.HR, AppRoles.Admin],
        [Policies.HR] = [AppRoles.Viewer, AppRoles.Planner, AppRoles.Admin],
        [Policies.ScenarioStatus] = [AppRoles.Viewer],
        [Policies.Admin] = [AppRoles.Viewer, AppRoles.Planner, AppRoles.HR],
        [Policies.HrData] = [AppRoles.Viewer, AppRoles.Planner],
        [Policies.Scenarios] = [AppRoles.Viewer, AppRoles.Admin],
    };

    private IReadOnlyList<(string Method, string Route, RouteEndpoint Endpoint)> Endpoints()
    {
        _ = app.Server; // builds the host
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e)))
            .ToList();
    }

    private static IReadOnlyList<string> PoliciesOf(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();

    [Fact]
    public void Every_endpoint_names_an_app_policy_or_is_a_known_anonymous_one()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        var problems = new List<string>();
        foreach (var (method, route, endpoint) in endpoints)
        {
            var key = $"{method} {route}";
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (anonymous != Anonymous.Contains(key)) problems.Add($"{key}: {(anonymous ? "anonymous but not in the list" : "not anonymous")}");
            if (anonymous) continue;
            var policies = PoliciesOf(endpoint);
            if (policies.Count == 0) problems.Add($"{key}: no [Authorize(Policy = ...)]");
            problems.AddRange(policies.Where(p => !Policies.All.Contains(p)).Select(p => $"{key}: unknown policy {p}"));
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_endpoint_turns_away_a_user_without_the_role_it_needs()
    {
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var (method, route, endpoint) in Endpoints())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) continue;
            // The strictest policy on the endpoint decides; SignedIn-only pages are tested with an anonymous caller.
            var policies = PoliciesOf(endpoint);
            var policy = policies.FirstOrDefault(p => p != Policies.Read && Lacking.ContainsKey(p)) ?? policies.FirstOrDefault(Lacking.ContainsKey);
            var client = app.CreateClient(new() { AllowAutoRedirect = false });
            if (policy is null) client.As("anonymous");
            else client.As("lacking-" + policy, Lacking[policy]);
            var url = Url(route);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method != "GET") request.Content = new FormUrlEncodedContent([new("status", "approved"), new("version", "1")]);
            var response = await client.SendAsync(request);
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to
                    && (to.Contains("/account/denied") || to.Contains("/account/signin")));
            if (!refused) problems.Add($"{method} {url} as lacking {policy ?? "sign-in"}: {(int)response.StatusCode}");
            checkedCount++;
        }
        Assert.Empty(problems);
        Assert.True(checkedCount > 40);
    }

    [Fact]
    public async Task A_user_with_the_role_gets_through()
    {
        var viewer = app.CreateClient().As("vera", AppRoles.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/analysis")).StatusCode);
        var admin = app.CreateClient().As("ada", AppRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/audit")).StatusCode);
    }

    /// <summary>Route parameters get plausible values: constrained ints a number, everything else an id.</summary>
    private static string Url(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:int)?[^}]*\}", m => m.Groups[2].Success ? "0" : "x-" + m.Groups[1].Value);
}
