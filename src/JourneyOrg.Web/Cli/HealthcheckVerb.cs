using System.Text.Json;

namespace JourneyOrg.Web.Cli;

/// <summary>
/// <c>healthcheck [--url URL] [--timeout SECONDS]</c>: asks a running app on this machine whether it is up, for a
/// container's HEALTHCHECK (the runtime image has no curl). Exit 0 healthy, 1 anything else.
/// </summary>
public sealed class HealthcheckVerb : ICliVerb
{
    /// <summary>Docker's HEALTHCHECK knows 0 (healthy) and 1 (unhealthy); a usage error is also 1.</summary>
    public const int Unhealthy = 1;
    private const string UrlOption = "--url";
    private const string TimeoutOption = "--timeout";

    public string Name => "healthcheck";

    public string Summary => "Check that the web app on this machine answers /healthz (exit 0 up, 1 not)";

    public string Help => """
        usage: journeyorg healthcheck [--url URL] [--timeout SECONDS]

        GETs /healthz of the web app running on this machine and exits 0 when it answers {"status":"ok"}, 1 otherwise
        (not listening, an error status, no answer in time). Meant for a container's HEALTHCHECK: it needs no curl and
        no store. Without --url it finds the app's local port the way the app does: ASPNETCORE_URLS, else
        ASPNETCORE_HTTP_PORTS, else ASPNETCORE_HTTPS_PORTS, else http://localhost:5000. A wildcard host (+, *, 0.0.0.0, [::])
        is asked on 127.0.0.1. Over https the certificate is not checked (the app is asked on its local address, not its name).

        options:
          --url URL          the app's base address, e.g. http://127.0.0.1:8080
          --timeout SECONDS  how long to wait for the answer (default 5)

        exit codes: 0 healthy, 1 not healthy or usage error
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [UrlOption, TimeoutOption], [], maxPositionals: 0);
        var timeout = TimeSpan.FromSeconds(arguments.PositiveInt(TimeoutOption, 5));
        var baseUrl = arguments.Value(UrlOption) ?? LocalUrl(Environment.GetEnvironmentVariable);
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw new CliUsageException($"'{baseUrl}' is not an http or https URL");
        var probe = new Uri(address, "/healthz");

        // The app is asked on its own local address, where its certificate's name cannot match: liveness, not identity.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler) { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(probe, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode && IsOk(body))
            {
                await stdout.WriteLineAsync($"healthy: {probe} answered {(int)response.StatusCode} {body}");
                return CliApp.Success;
            }
            await stderr.WriteLineAsync($"unhealthy: {probe} answered {(int)response.StatusCode} {Shorten(body)}");
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"unhealthy: {probe} did not answer ({e.Message})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"unhealthy: {probe} gave no answer within {timeout.TotalSeconds:0} s");
        }
        return Unhealthy;
    }

    /// <summary>The first address the app listens on, as Kestrel reads the same variables, with wildcards made local.</summary>
    public static string LocalUrl(Func<string, string?> environment)
    {
        var urls = environment("ASPNETCORE_URLS") ?? environment("DOTNET_URLS");
        if (urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } listed)
        {
            // Plain HTTP first: the probe then needs no TLS at all.
            var url = listed.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? listed[0];
            return MakeLocal(url);
        }
        if (FirstPort(environment("ASPNETCORE_HTTP_PORTS") ?? environment("DOTNET_HTTP_PORTS")) is { } http) return $"http://127.0.0.1:{http}";
        if (FirstPort(environment("ASPNETCORE_HTTPS_PORTS") ?? environment("DOTNET_HTTPS_PORTS")) is { } https) return $"https://127.0.0.1:{https}";
        return "http://localhost:5000";
    }

    private static string MakeLocal(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return url;
        var rest = url[(schemeEnd + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
        return host is "+" or "*" or "0.0.0.0" or "[::]" or ""
            ? url[..(schemeEnd + 3)] + "127.0.0.1" + rest[host.Length..]
            : url;
    }

    private static string? FirstPort(string? ports) =>
        ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static bool IsOk(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                   && json.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() == "ok";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
