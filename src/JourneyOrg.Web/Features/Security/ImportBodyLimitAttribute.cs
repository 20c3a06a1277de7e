using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Features.Security;

/// <summary>
/// Raises the request body limit for an import to <see cref="SecurityOptions.MaxImportBytes"/> (default 50 MB; every other
/// request keeps <see cref="SecurityOptions.MaxRequestBytes"/>) and refuses a larger declared body at once with 413.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ImportBodyLimitAttribute : Attribute, IAsyncResourceFilter, IOrderedFilter
{
    // Before model binding reads the form, like [RequestSizeLimit].
    public int Order => -1000;

    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var limit = http.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue.MaxImportBytes;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.ContentResult
            {
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ContentType = "text/plain; charset=utf-8",
                Content = $"The file is larger than the import limit of {limit / (1024 * 1024.0):0.#} MB (JourneyOrg:Auth:MaxImportBytes).",
            };
            return Task.CompletedTask;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        return next();
    }
}
