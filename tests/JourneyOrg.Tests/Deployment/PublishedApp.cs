using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace JourneyOrg.Tests.Deployment;

/// <summary>
/// The app as an admin deploys it: <c>dotnet publish -c Release</c> to a temporary folder (once per test class), then
/// the published dll started in Production (no ASPNETCORE_ENVIRONMENT, no launch profile) from another, empty working
/// directory, on plain HTTP on 127.0.0.1, with its own data directory. Two instances: <see cref="Direct"/> with the
/// default settings, and <see cref="BehindProxy"/> that trusts forwarded headers from 127.0.0.2 only.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public const string AdminPassword = "published admin password";
    public const string TrustedProxy = "127.0.0.2";

    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-published-").FullName;

    public string PublishFolder => Path.Combine(_directory, "app");
    public string AppDll => Path.Combine(PublishFolder, "JourneyOrg.Web.dll");
    public RunningApp Direct { get; private set; } = null!;
    public RunningApp BehindProxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryFiles.Root, "src", "JourneyOrg.Web", "JourneyOrg.Web.csproj");
        // The test run has restored (and built, so node_modules holds htmx); no build servers that outlive the command.
        var publish = await RunAsync(Dotnet, ["publish", project, "-c", "Release", "-o", PublishFolder, "--no-restore", "--disable-build-servers", "-nologo"],
            RepositoryFiles.Root, TimeSpan.FromMinutes(10));
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):\n{publish.Output}");

        var direct = RunningApp.StartAsync(this, "direct", []);
        var behindProxy = RunningApp.StartAsync(this, "proxy", new() { ["JourneyOrg__ForwardedHeaders__KnownProxies"] = TrustedProxy });
        Direct = await direct;
        BehindProxy = await behindProxy;
    }

    public async Task DisposeAsync()
    {
        if (Direct is not null) await Direct.DisposeAsync();
        if (BehindProxy is not null) await BehindProxy.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;

    /// <summary>The dotnet host running these tests (the SDK's), else the one on PATH.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    /// <summary>
    /// A child process with the environment an admin's shell would have: none of the test run's ASP.NET Core, MSBuild or
    /// JourneyOrg settings leak in; <paramref name="environment"/> adds (or, with null, removes) variables.
    /// </summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var key in info.Environment.Keys.ToList())
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("JOURNEYORG", StringComparison.OrdinalIgnoreCase) || key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                info.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) info.Environment.Remove(key); else info.Environment[key] = value;
        return info;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Process.Start(StartInfo(file, args, workingDirectory, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took longer than {timeout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (taken from the system, then released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}

/// <summary>One published app process: its address and everything it printed.</summary>
public sealed partial class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private RunningApp(Process process) => _process = process;

    public string BaseUrl { get; private set; } = "";
    public string Output => string.Join('\n', _output);

    public static async Task<RunningApp> StartAsync(PublishedApp published, string name, Dictionary<string, string?> environment)
    {
        // An empty working directory: nothing the app needs may come from it (the data directory is elsewhere too).
        var workingDirectory = published.NewDirectory(name + "-cwd");
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        environment["JOURNEYORG_DATA"] = published.NewDirectory(name + "-data");
        environment["JOURNEYORG_ADMIN_PASSWORD"] = PublishedApp.AdminPassword;
        // Test runs share the machine's inotify budget (128 watchers per user), and a page's asp-append-version watches
        // its file: with the budget spent by other runs that throws, and the sign-in page answers 500. Polling needs no inotify; nothing
        // tested here depends on how file changes are noticed.
        environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        var process = Process.Start(PublishedApp.StartInfo(PublishedApp.Dotnet, [published.AppDll], workingDirectory, environment))!;
        var app = new RunningApp(process);
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            app._output.Enqueue(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) app._output.Enqueue(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The published app exited before it listened."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            app.BaseUrl = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (Exception e)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The published app ({name}) did not start: {e.Message}\n{app.Output}", e);
        }
        return app;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>
/// A browser's view of cookies over raw HTTP: it keeps what Set-Cookie gives (by name) and sends it back, whatever the
/// Secure flag says, because these requests reach the app over plain HTTP even when a proxy's header says HTTPS. Every
/// Set-Cookie header is kept for assertions. Optionally connects from another loopback address (a proxy's).
/// </summary>
public sealed class RawBrowser : IDisposable
{
    private readonly HttpClient _client;
    private readonly RunningApp _app;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public RawBrowser(RunningApp app, string? fromAddress = null, string? forwardedProto = null, string? host = null)
    {
        _app = app;
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        if (fromAddress is not null)
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(fromAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        _client = new HttpClient(handler) { BaseAddress = new Uri(app.BaseUrl) };
        if (forwardedProto is not null)
        {
            _client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
            _client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        }
        if (host is not null) _client.DefaultRequestHeaders.Host = host;
    }

    public List<string> SetCookies { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var setCookie in setCookies)
            {
                SetCookies.Add(setCookie);
                var pair = setCookie.Split(';')[0];
                var equals = pair.IndexOf('=');
                _cookies[pair[..equals]] = pair[(equals + 1)..];
            }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>Signs in through the real form: the page's antiforgery field and cookie, then the POST. Returns the POST's response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var page = await GetAsync("/account/signin");
        AssertStatus(HttpStatusCode.OK, page, "/account/signin");
        var token = Security.SecureApp.FormToken(await page.Content.ReadAsStringAsync());
        return await SendAsync(HttpMethod.Post, "/account/signin", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("userName", userName), new("password", password), new("returnUrl", "/"),
        ]));
    }

    /// <summary>Fails with the response's body and the app's log, so a failure in CI says why.</summary>
    public void AssertStatus(HttpStatusCode expected, HttpResponseMessage response, string what)
    {
        if (response.StatusCode == expected) return;
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.Fail($"{what}: expected {(int)expected}, got {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}\n--- app log ---\n{_app.Output}");
    }

    /// <summary>The Set-Cookie header that set <paramref name="name"/> last.</summary>
    public string CookieHeader(string name) => SetCookies.Last(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    public void Dispose() => _client.Dispose();
}
