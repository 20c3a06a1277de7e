using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace JourneyOrg.Web.Features.Security;

/// <summary>
/// Unhandled errors: logged with the request's correlation id; the browser gets that id and nothing else (no message, no
/// stack trace) outside Development, where the developer exception page stays. Other error statuses without a body
/// get a short page saying what happened, with a way back.
/// </summary>
public static class ErrorPages
{
    public static void Use(WebApplication app)
    {
        // A 400/403/404/... without a body of its own (an unshared scenario, an unknown address) is a page with a way back.
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = WriteStatusPageAsync });
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
            return;
        }
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteAsync,
            // The handler logs the error itself, with the correlation id.
            SuppressDiagnosticsCallback = _ => true,
        });
    }

    private static async Task WriteStatusPageAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var request = context.Request;
        // htmx swaps and API callers act on the status code itself; the browser's address bar gets a page.
        if (request.Path.StartsWithSegments("/api") || request.Headers.ContainsKey("HX-Request")) return;
        var (title, text) = context.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("The request could not be read",
                "Something in what was sent could not be read (for example a control character in a field). Nothing was changed. Go back, check the form and try again."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your role does not allow this. Ask an administrator if you need it."),
            StatusCodes.Status404NotFound => ("Not found",
                "There is nothing at this address, or it is not shared with you. It may have been deleted or renamed."),
            StatusCodes.Status405MethodNotAllowed => ("Not possible here", "This address cannot be used that way."),
            StatusCodes.Status413PayloadTooLarge => ("Too large", "What was sent is larger than the server accepts."),
            StatusCodes.Status429TooManyRequests => ("Too many attempts", "Wait a minute and try again."),
            _ => ("Something went wrong", "The server could not complete this request."),
        };
        // Back to where the user came from when that is a page of this app, else the dashboard.
        var back = request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var from)
            && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) && from.PathAndQuery != request.Path + request.QueryString
            ? from.PathAndQuery
            : "/";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · JourneyOrg</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="error-page"><h1>{WebUtility.HtmlEncode(title)}</h1>
            <p>{WebUtility.HtmlEncode(text)}</p>
            <p><a href="{WebUtility.HtmlEncode(back)}">Go back</a>{(back == "/" ? "" : " · <a href=\"/\">Dashboard</a>")}</p>
            <p class="muted">Error {context.Response.StatusCode}</p></main></body></html>
            """);
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var correlationId = context.TraceIdentifier;
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("JourneyOrg.Errors")
            .LogError(error, "Unhandled error, correlation id {CorrelationId}, {Method} {Path}", correlationId, context.Request.Method, context.Request.Path);
        if (Unavailable(error) is { } unavailable)
        {
            await WriteUnavailableAsync(context, unavailable, correlationId);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Accept.ToString().Contains("application/json"))
        {
            await context.Response.WriteAsJsonAsync(new { error = "Something went wrong on the server.", correlationId });
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        var id = WebUtility.HtmlEncode(correlationId);
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Error · JourneyOrg</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="error-page" role="alert"><h1>Something went wrong</h1>
            <p>The server could not complete this request. If it happens again, tell your administrator this reference:</p>
            <p><code class="correlation-id">{id}</code></p><p><a href="/">Back to the dashboard</a></p></main></body></html>
            """);
    }

    /// <summary>What to tell the user when the store is away or busy (a fault of the moment, not of the request), or null.</summary>
    private static string? Unavailable(Exception? error) => error switch
    {
        JourneyOrg.Storage.StoreUnavailableException away => away.Message,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } =>
            "The workspace store is busy: another process has been writing to it for too long. Nothing of this request was saved; try again in a moment.",
        _ => null,
    };

    private static async Task WriteUnavailableAsync(HttpContext context, string message, string correlationId)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Accept.ToString().Contains("application/json"))
        {
            await context.Response.WriteAsJsonAsync(new { error = message, correlationId });
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Store not available · JourneyOrg</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="error-page" role="alert"><h1>The workspace store is not available</h1>
            <p>{WebUtility.HtmlEncode(message)}</p>
            <p class="muted">Reference <code class="correlation-id">{WebUtility.HtmlEncode(correlationId)}</code></p>
            <p><a href="{WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString)}">Try again</a> · <a href="/">Back to the dashboard</a></p></main></body></html>
            """);
    }
}
