using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Features.Security;

/// <summary>
/// Raises the request body limit for an import to <see cref="SecurityOptions.MaxImportBytes"/> (default 50 MB; every other
/// request keeps <see cref="SecurityOptions.MaxRequestBytes"/>) and refuses a larger declared body at once with 413.
/// </summary>
/// <remarks>
/// An authorization filter ordered before the antiforgery check (order 1000): a form posted without JavaScript carries
/// its token in the body, and that check reads the form, which under the ordinary limit failed for any file over 4 MB.
/// It runs after the user is authorized (the authorization middleware), so nobody unauthorized gets the larger limit.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ImportBodyLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 500;

    public void OnAuthorization(AuthorizationFilterContext context)
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
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
