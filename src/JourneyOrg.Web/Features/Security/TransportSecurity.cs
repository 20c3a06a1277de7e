using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using IPNetwork = System.Net.IPNetwork;

namespace JourneyOrg.Web.Features.Security;

/// <summary>
/// How requests reach the app: straight over plain HTTP (a private network, a trial), over HTTPS that Kestrel terminates,
/// or through a reverse proxy that terminates TLS and says so in <c>X-Forwarded-Proto</c>. Whether a request counts as
/// HTTPS decides the cookies' Secure flag (SameAsRequest), HSTS and the Entra redirect URI, so the forwarded headers are
/// believed only from the proxies named in <c>JourneyOrg:ForwardedHeaders</c> (see docs/deployment.md).
/// </summary>
public static class TransportSecurity
{
    public const string Section = "JourneyOrg:ForwardedHeaders";

    /// <summary>Registers the trusted proxies and HSTS. Throws at startup, naming the setting, for an address that does not parse.</summary>
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var trusted = TrustedProxies.From(builder.Configuration.GetSection(Section));
        builder.Services.AddSingleton(trusted);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor;
            // The framework's defaults (loopback) are replaced by the configured list, which itself defaults to loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Proxies) options.KnownProxies.Add(proxy);
            foreach (var network in trusted.Networks) options.KnownIPNetworks.Add(network);
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>
    /// First in the pipeline: the forwarded scheme and client address from trusted proxies; outside Development HSTS on
    /// HTTPS requests, and a redirect to HTTPS only when the app itself has an HTTPS endpoint to redirect to.
    /// </summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var https = HasHttpsEndpoint(app.Configuration);
        if (!app.Environment.IsDevelopment())
        {
            // HSTS is only ever sent on HTTPS requests (direct or forwarded), never on plain HTTP or to localhost.
            app.UseHsts();
            if (https) app.UseHttpsRedirection();
        }
        if (!https) app.Lifetime.ApplicationStarted.Register(() => AnnouncePlainHttp(app));
        return app;
    }

    /// <summary>
    /// Whether Kestrel is told to listen on HTTPS (<c>urls</c>/<c>ASPNETCORE_URLS</c> with an https address, an HTTPS port,
    /// or an https Kestrel endpoint). Without one a redirect would point nowhere, or loop behind a proxy.
    /// </summary>
    public static bool HasHttpsEndpoint(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["https_port"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>One line at startup for the admin reading the log: no TLS here, and how to put a proxy in front.</summary>
    private static void AnnouncePlainHttp(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        // The in-memory test server has no addresses; there is nothing to tell.
        if (addresses is not { Count: > 0 }) return;
        var trusted = app.Services.GetRequiredService<TrustedProxies>();
        app.Logger.LogInformation(
            "Serving plain HTTP without TLS on {Addresses}. That suits a private network or a trial; otherwise put the app behind a reverse proxy " +
            "that terminates TLS and sends X-Forwarded-Proto, and trust it with {Setting}:KnownProxies or KnownNetworks (trusted now: {Trusted}). " +
            "See docs/deployment.md.",
            string.Join(", ", addresses), Section, trusted.Describe());
    }
}

/// <summary>
/// The proxies whose <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c> the app believes: <c>KnownProxies</c> (addresses)
/// and <c>KnownNetworks</c> (CIDR ranges), each a list in configuration or one comma-separated value (as an environment
/// variable gives it). Neither set: loopback only, a proxy on the same machine. Either set: exactly what is listed.
/// </summary>
public sealed record TrustedProxies(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<IPNetwork> Networks)
{
    public static readonly TrustedProxies Loopback = new([], [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);

    public static TrustedProxies From(IConfigurationSection section)
    {
        var proxies = Values(section.GetSection("KnownProxies")).Select(value =>
            IPAddress.TryParse(value, out var address) ? address
                : throw new InvalidOperationException($"{section.Path}:KnownProxies: '{value}' is not an IP address (e.g. 10.0.0.5 or fd00::5).")).ToList();
        var networks = Values(section.GetSection("KnownNetworks")).Select(value =>
            IPNetwork.TryParse(value, out var network) ? network
                : throw new InvalidOperationException($"{section.Path}:KnownNetworks: '{value}' is not a network in CIDR notation (e.g. 172.30.86.0/24).")).ToList();
        return proxies.Count == 0 && networks.Count == 0 ? Loopback : new TrustedProxies(proxies, networks);
    }

    public string Describe() => string.Join(", ", Proxies.Select(p => p.ToString()).Concat(Networks.Select(n => n.ToString())));

    private static IEnumerable<string> Values(IConfigurationSection setting)
    {
        var items = setting.Value is { } single ? [single] : setting.GetChildren().Select(c => c.Value ?? "");
        return items.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
