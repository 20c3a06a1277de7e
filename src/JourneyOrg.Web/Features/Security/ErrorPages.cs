using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace JourneyOrg.Web.Features.Security;

/// <summary>
/// Unhandled errors: logged with the request's correlation id; the browser gets that id and nothing else (no message, no
/// stack trace) outside Development, where the developer exception page stays.
/// </summary>
public static class ErrorPages
{
    public static void Use(WebApplication app)
    {
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

    private static async Task WriteAsync(HttpContext context)
    {
        var correlationId = context.TraceIdentifier;
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("JourneyOrg.Errors")
            .LogError(error, "Unhandled error, correlation id {CorrelationId}, {Method} {Path}", correlationId, context.Request.Method, context.Request.Path);
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
}
