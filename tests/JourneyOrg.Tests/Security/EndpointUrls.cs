using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// Every GET route the app maps, each route value filled with every id it is given (<c>x</c> for values not given), so a
/// test reaches the pages a new endpoint adds without being told about it.
/// </summary>
public static class EndpointUrls
{
    /// <summary>The usual route values for <paramref name="workspace"/>: <c>{id}</c> takes every id plus <paramref name="extraIds"/>.</summary>
    public static Dictionary<string, IReadOnlyList<string>> ValuesFor(Workspace workspace, params string[] extraIds) => new()
    {
        ["id"] = [.. workspace.Journeys.Select(j => j.Id), .. workspace.Teams.Select(t => t.Id), .. workspace.People.Select(p => p.Id),
            .. workspace.Roles.Select(r => r.Id), .. workspace.Metrics.Select(m => m.Id), .. extraIds],
        ["journeyId"] = ["j-mortgage", "j-identity"],
        ["teamId"] = [.. workspace.Teams.Select(t => t.Id)],
        ["personId"] = [.. workspace.People.Select(p => p.Id).Take(3)],
        ["stepId"] = ["s-form", "s-offer"],
        ["kind"] = ["metric", "insight", "opportunity"],
    };

    public static IEnumerable<string> Get(IServiceProvider services, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        var routes = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains("GET"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        Assert.True(routes.Count > 30, $"only {routes.Count} GET routes found");
        foreach (var route in routes)
        {
            var urls = new List<string> { route };
            foreach (Match m in Regex.Matches(route, @"\{(\w+)[^}]*\}"))
                urls = urls.SelectMany(u => values.GetValueOrDefault(m.Groups[1].Value, ["x"]).Select(v => u.Replace(m.Value, Uri.EscapeDataString(v)))).ToList();
            foreach (var url in urls) yield return url;
        }
    }
}
