using Microsoft.AspNetCore.Mvc.Filters;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// After a form that may have written (any request but GET and HEAD), waits until the screens' view has the store's current
/// revision, so the page it shows or redirects to has the change. Readers never wait for a write they did not make
/// (<see cref="OrgReader.LoadAsync"/>); an import, a template, an uploaded cost file or an applied scenario writes the store
/// directly, and its own next page must not show the workspace from before it.
/// </summary>
public sealed class SeeOwnWrites(OrgReader reader) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        await next();
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)) return;
        await reader.LoadCurrentAsync(context.HttpContext.RequestAborted);
    }
}
