using System.Net;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>
/// Replaces the Graph SDK's retry middleware so a run can count throttling and bound its waits: 429 and 503 wait for
/// the server's <c>Retry-After</c>; other transient failures (5xx, network errors) back off exponentially with
/// jitter. After <see cref="DirectorySyncOptions.MaxRetries"/> the last response is returned (the SDK turns it into
/// an error and the run fails without applying anything).
/// </summary>
public sealed class ThrottlingHandler(DirectorySyncOptions options, SyncCounters counters, TimeProvider? time = null) : DelegatingHandler
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            counters.Requests++;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < options.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                counters.Retries++;
                await Task.Delay(Backoff(attempt), _time, cancellationToken);
                continue;
            }

            var status = response.StatusCode;
            var throttled = status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;
            var transient = throttled || status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;
            if (!transient) return response;
            if (throttled) counters.ThrottlingEvents++;
            if (attempt >= options.MaxRetries) return response;

            counters.Retries++;
            var wait = RetryAfter(response) ?? Backoff(attempt);
            if (wait > options.MaxRetryDelay) wait = options.MaxRetryDelay;
            counters.WaitedSeconds += wait.TotalSeconds;
            response.Dispose();
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        // Full jitter: spreads the retries of many clients throttled at the same moment.
        var ceiling = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        var delay = TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) { var wait = date - _time.GetUtcNow(); return wait > TimeSpan.Zero ? wait : TimeSpan.Zero; }
        return null;
    }
}

/// <summary>What the Graph traffic of one run cost: shown in the run log.</summary>
public sealed class SyncCounters
{
    public int Requests;
    public int ThrottlingEvents;
    public int Retries;
    public double WaitedSeconds;
}
