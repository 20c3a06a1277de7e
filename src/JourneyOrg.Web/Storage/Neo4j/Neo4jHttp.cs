using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyOrg.Storage;

namespace JourneyOrg.Web.Storage.Neo4j;

/// <summary>
/// Neo4j's HTTP transactional Cypher endpoint (the official HTTP API; the Bolt driver is not available here).
/// Discovers the endpoint from <c>GET /</c>: Neo4j 3.x links <c>/db/data/</c>, whose document names
/// <c>/db/data/transaction</c>; Neo4j 4 and 5 name <c>/db/{databaseName}/tx</c> directly. Only the paths of the
/// discovered links are used, so a server that advertises another host name (a container, a proxy) still works.
/// </summary>
public sealed class Neo4jHttp : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly string _database;
    private readonly SemaphoreSlim _discoveryLock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _abandoned = new();
    private Neo4jEndpoint? _endpoint;

    /// <param name="server">The server's base address; user:password in it become Basic authentication, a path names the database.</param>
    public Neo4jHttp(Uri server)
    {
        _database = server.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "neo4j";
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(server.GetLeftPart(UriPartial.Authority) + "/"),
            // An import of 100,000 people sends batches of 1,000 rows; a single batch never takes minutes.
            Timeout = TimeSpan.FromMinutes(5),
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Add("X-Stream", "true");
        if (server.UserInfo is { Length: > 0 } userInfo)
        {
            var colon = userInfo.IndexOf(':');
            var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            var password = colon < 0 ? "" : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            _http.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
    }

    /// <summary>The discovered endpoint and server version (discovers on first use).</summary>
    public async Task<Neo4jEndpoint> GetEndpointAsync(CancellationToken cancellationToken)
    {
        if (_endpoint is { } known) return known;
        await _discoveryLock.WaitAsync(cancellationToken);
        try
        {
            return _endpoint ??= await DiscoverAsync(cancellationToken);
        }
        finally
        {
            _discoveryLock.Release();
        }
    }

    private async Task<Neo4jEndpoint> DiscoverAsync(CancellationToken cancellationToken)
    {
        var root = await GetJsonAsync("", cancellationToken);
        if (root["transaction"]?.GetValue<string>() is { } transaction)
        {
            // 4.x / 5.x: "http://host:7474/db/{databaseName}/tx"
            var path = new Uri(transaction, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : transaction;
            path = path.Replace("%7BdatabaseName%7D", "{databaseName}", StringComparison.OrdinalIgnoreCase)
                .Replace("{databaseName}", Uri.EscapeDataString(_database), StringComparison.Ordinal);
            return new Neo4jEndpoint(path.TrimStart('/'), root["neo4j_version"]?.GetValue<string>() ?? "5");
        }
        if (root["data"]?.GetValue<string>() is { } data)
        {
            // 3.x: the data document links the transactional endpoint and tells the version.
            var dataDocument = await GetJsonAsync(new Uri(data).AbsolutePath.TrimStart('/'), cancellationToken);
            var tx = dataDocument["transaction"]?.GetValue<string>()
                ?? throw new Neo4jException("JourneyOrg.Discovery", $"Neo4j at {_http.BaseAddress} names no transactional endpoint.");
            return new Neo4jEndpoint(new Uri(tx).AbsolutePath.TrimStart('/'), dataDocument["neo4j_version"]?.GetValue<string>() ?? "3");
        }
        throw new Neo4jException("JourneyOrg.Discovery", $"{_http.BaseAddress} does not look like a Neo4j server (GET / names no transaction endpoint).");
    }

    private async Task<JsonNode> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new Neo4jException("Neo.ClientError.Security.Unauthorized", $"Neo4j at {_http.BaseAddress} refused the credentials.");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))
            ?? throw new Neo4jException("JourneyOrg.Discovery", $"Neo4j at {_http.BaseAddress} answered GET /{path} with nothing.");
    }

    /// <summary>Runs statements in one auto-commit transaction (one request).</summary>
    public async Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<Neo4jStatement> statements, CancellationToken cancellationToken)
    {
        var sink = new Neo4jResultSink();
        await RunAsync(statements, sink, cancellationToken);
        return sink.Results;
    }

    /// <summary>Runs statements in one auto-commit transaction (one request), handing their rows to <paramref name="sink"/> as they arrive.</summary>
    public async Task RunAsync(IReadOnlyList<Neo4jStatement> statements, INeo4jRowSink sink, CancellationToken cancellationToken)
    {
        var endpoint = await GetEndpointAsync(cancellationToken);
        await PostAsync(endpoint.TransactionPath + "/commit", statements, sink, cancellationToken);
    }

    /// <summary>Opens an explicit transaction; dispose without <see cref="Neo4jTransaction.CommitAsync"/> rolls it back.</summary>
    public async Task<Neo4jTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var endpoint = await GetEndpointAsync(cancellationToken);
        var location = await PostAsync(endpoint.TransactionPath, [], new Neo4jResultSink(), cancellationToken);
        if (location is null) throw new Neo4jException("JourneyOrg.Transaction", "Neo4j opened a transaction without telling where it lives.");
        return new Neo4jTransaction(this, location.AbsolutePath.TrimStart('/'));
    }

    /// <summary>Posts <paramref name="statements"/>, streams their rows into <paramref name="sink"/>, and returns the <c>Location</c> header.</summary>
    internal async Task<Uri?> PostAsync(string path, IReadOnlyList<Neo4jStatement> statements, INeo4jRowSink sink, CancellationToken cancellationToken)
    {
        if (!_abandoned.IsEmpty) await RollBackAbandonedAsync();
        using var content = Body(statements);
        try
        {
            return await SendAsync(path, content, statements, sink, cancellationToken);
        }
        catch (Exception error) when (IsNetworkFailure(error, cancellationToken))
        {
            var committing = path.EndsWith("/commit", StringComparison.Ordinal);
            throw new StoreUnavailableException(
                $"Neo4j at {_http.BaseAddress} stopped answering ({error.GetBaseException().Message}). " + (committing
                    ? "The change may or may not have been saved: reload to see, and try again if it is missing."
                    : "Nothing of this change was saved; try again when the server is back."),
                error, mayHaveCommitted: committing);
        }
    }

    /// <summary>A broken or refused connection, or a request that timed out (not one the caller cancelled).</summary>
    private static bool IsNetworkFailure(Exception error, CancellationToken cancellationToken) =>
        error is HttpRequestException or IOException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>The request body, written straight from the parameters (no intermediate JSON tree, no string of it).</summary>
    private static ByteArrayContent Body(IReadOnlyList<Neo4jStatement> statements)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("statements");
            foreach (var statement in statements)
            {
                json.WriteStartObject();
                json.WriteString("statement", statement.Text);
                json.WritePropertyName("parameters");
                JsonSerializer.Serialize(json, statement.Parameters, Json);
                json.WriteStartArray("resultDataContents");
                json.WriteStringValue("row");
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        // ArrayBufferWriter exposes its array only as memory; the content needs an array and a length.
        var content = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(buffer.WrittenMemory, out var segment)
            ? new ByteArrayContent(segment.Array!, segment.Offset, segment.Count)
            : new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<Uri?> SendAsync(
        string path, HttpContent content, IReadOnlyList<Neo4jStatement> statements, INeo4jRowSink sink, CancellationToken cancellationToken)
    {
        // Headers first, then the body as it arrives: the rows go to the sink while Neo4j is still writing them.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new Neo4jException("Neo.ClientError.Security.Unauthorized", $"Neo4j at {_http.BaseAddress} refused the credentials.");
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new Neo4jException("Neo.ClientError.Transaction.TransactionNotFound", $"Neo4j has no transaction at /{path} (it may have timed out).");
        if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType != "application/json")
            response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var reader = new Neo4jResponseReader(sink);
        await reader.ReadAsync(stream, cancellationToken);
        if (reader.Error is var (code, message))
        {
            var statementName = reader.Results < statements.Count ? statements[reader.Results].Name : "?";
            throw new Neo4jException(code, $"{message} (statement {statementName})");
        }
        response.EnsureSuccessStatusCode();
        return response.Headers.Location;
    }

    internal async Task DeleteAsync(string path)
    {
        try
        {
            using var response = await _http.DeleteAsync(path);
        }
        catch (Exception error) when (IsNetworkFailure(error, CancellationToken.None))
        {
            // The server went away mid-transaction. It would roll back by itself only when the transaction times out
            // (a minute by default), holding the workspace lock until then; so the rollback is sent again before the
            // next request, and the app can write again as soon as the server is back.
            _abandoned.TryAdd(path, 0);
        }
    }

    private async Task RollBackAbandonedAsync()
    {
        foreach (var path in _abandoned.Keys)
        {
            try
            {
                using var response = await _http.DeleteAsync(path);
                _abandoned.TryRemove(path, out _);
            }
            catch (Exception error) when (IsNetworkFailure(error, CancellationToken.None))
            {
                return; // still away: the request that follows fails and says so
            }
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _discoveryLock.Dispose();
    }
}

/// <summary>Where to send Cypher and what the server said it is.</summary>
public sealed record Neo4jEndpoint(string TransactionPath, string Version)
{
    /// <summary>Neo4j 4.4 and later take named, idempotent <c>CREATE CONSTRAINT … IF NOT EXISTS FOR … REQUIRE</c>.</summary>
    public bool SupportsModernConstraints
    {
        get
        {
            var parts = Version.Split('.', '-');
            var major = int.TryParse(parts[0], out var m) ? m : 5;
            var minor = parts.Length > 1 && int.TryParse(parts[1], out var n) ? n : 0;
            return major > 4 || (major == 4 && minor >= 4);
        }
    }
}

/// <summary>One statement with its parameters; <see cref="Name"/> (the <see cref="Neo4jCypher"/> constant) goes into error messages.</summary>
public sealed record Neo4jStatement(string Name, string Text, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>The rows of one statement, each a list of column values.</summary>
public sealed record Neo4jResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<JsonElement>> Rows)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a single map column (<c>RETURN {…} AS row</c>) into records.</summary>
    public IEnumerable<T> As<T>() => Rows.Select(r => r[0].Deserialize<T>(Json)!);
}

/// <summary>An explicit transaction: statements run in order, the server holds their locks until commit or rollback.</summary>
public sealed class Neo4jTransaction : IAsyncDisposable
{
    private readonly Neo4jHttp _http;
    private readonly string _path;
    private bool _open = true;

    internal Neo4jTransaction(Neo4jHttp http, string path)
    {
        _http = http;
        _path = path;
    }

    public async Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<Neo4jStatement> statements, CancellationToken cancellationToken)
    {
        var sink = new Neo4jResultSink();
        await RunAsync(statements, sink, cancellationToken);
        return sink.Results;
    }

    /// <summary>Runs statements in the transaction, handing their rows to <paramref name="sink"/> as they arrive.</summary>
    public async Task RunAsync(IReadOnlyList<Neo4jStatement> statements, INeo4jRowSink sink, CancellationToken cancellationToken)
    {
        try
        {
            await _http.PostAsync(_path, statements, sink, cancellationToken);
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken) => await CommitAsync([], cancellationToken);

    /// <summary>Runs <paramref name="statements"/> (if any) and commits, in one request.</summary>
    public async Task<IReadOnlyList<Neo4jResult>> CommitAsync(IReadOnlyList<Neo4jStatement> statements, CancellationToken cancellationToken)
    {
        var sink = new Neo4jResultSink();
        try
        {
            await _http.PostAsync(_path + "/commit", statements, sink, cancellationToken);
            _open = false;
            return sink.Results;
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
    }

    public async Task RollbackAsync()
    {
        if (!_open) return;
        _open = false;
        await _http.DeleteAsync(_path);
    }

    public ValueTask DisposeAsync() => new(RollbackAsync());
}

/// <summary>An error Neo4j reported (or that the store raised about Neo4j), with Neo4j's status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>.</summary>
public sealed class Neo4jException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}
