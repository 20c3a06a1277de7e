using JourneyOrg.Web.Cli;
using JourneyOrg.Web.Features.Security;
using Microsoft.Extensions.Configuration;

namespace JourneyOrg.Tests.Deployment;

/// <summary>How the settings an admin types are read: trusted proxies, the HTTPS endpoint, the health check's address.</summary>
public sealed class TransportSettingsTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(TransportSecurity.Section + ":" + v.Key, (string?)v.Value)))
            .Build().GetSection(TransportSecurity.Section);

    [Fact]
    public void Trusted_proxies_come_from_one_comma_separated_value_or_a_list_and_default_to_loopback()
    {
        Assert.Equal(TrustedProxies.Loopback, TrustedProxies.From(Section()));

        var fromEnvironment = TrustedProxies.From(Section(("KnownProxies", "10.0.0.5, 10.0.0.6"), ("KnownNetworks", "172.30.86.0/24;fd00::/8")));
        Assert.Equal("10.0.0.5, 10.0.0.6, 172.30.86.0/24, fd00::/8", fromEnvironment.Describe());

        var fromJson = TrustedProxies.From(Section(("KnownNetworks:0", "10.1.0.0/16"), ("KnownNetworks:1", "10.2.0.0/16")));
        Assert.Equal("10.1.0.0/16, 10.2.0.0/16", fromJson.Describe());
        // A list replaces the default: loopback is no longer trusted unless listed.
        Assert.Empty(fromJson.Proxies);
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0.300", "JourneyOrg:ForwardedHeaders:KnownProxies: '10.0.0.300' is not an IP address")]
    [InlineData("KnownNetworks", "10.0.0.0", "JourneyOrg:ForwardedHeaders:KnownNetworks: '10.0.0.0' is not a network in CIDR notation")]
    public void A_trusted_proxy_that_does_not_parse_stops_the_start_naming_the_setting(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.From(Section((key, value))));
        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("urls=http://+:8080", false)]
    [InlineData("urls=http://+:8080;https://+:8443", true)]
    [InlineData("https_port=443", true)]
    [InlineData("https_ports=8443", true)]
    [InlineData("Kestrel:Endpoints:Secure:Url=https://0.0.0.0:443", true)]
    [InlineData("Kestrel:Endpoints:Plain:Url=http://0.0.0.0:80", false)]
    public void An_HTTPS_redirect_needs_an_HTTPS_endpoint(string? setting, bool expected)
    {
        var values = setting is null ? [] : new[] { KeyValuePair.Create(setting.Split('=')[0], (string?)setting.Split('=')[1]) };
        Assert.Equal(expected, TransportSecurity.HasHttpsEndpoint(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS=http://+:8080", "http://127.0.0.1:8080")]
    [InlineData("ASPNETCORE_URLS=http://*:8080", "http://127.0.0.1:8080")]
    [InlineData("ASPNETCORE_URLS=http://0.0.0.0:5000", "http://127.0.0.1:5000")]
    [InlineData("ASPNETCORE_URLS=http://[::]:5000", "http://127.0.0.1:5000")]
    [InlineData("ASPNETCORE_URLS=https://+:8443;http://localhost:8080", "http://localhost:8080")]
    [InlineData("ASPNETCORE_URLS=https://journeyorg.example:8443", "https://journeyorg.example:8443")]
    [InlineData("ASPNETCORE_HTTP_PORTS=8080;8081", "http://127.0.0.1:8080")]
    [InlineData("ASPNETCORE_HTTPS_PORTS=8443", "https://127.0.0.1:8443")]
    [InlineData(null, "http://localhost:5000")]
    public void The_healthcheck_asks_the_address_the_app_listens_on(string? variable, string expected)
    {
        string? Environment(string name) => variable is not null && variable.StartsWith(name + "=", StringComparison.Ordinal) ? variable[(name.Length + 1)..] : null;
        Assert.Equal(expected, HealthcheckVerb.LocalUrl(Environment));
    }
}
