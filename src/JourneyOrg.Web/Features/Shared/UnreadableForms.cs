using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// A form MVC could not bind at all (a value with a NUL character leaves the whole form object null) is answered 400,
/// before an action reads a field of nothing and answers 500.
/// </summary>
public sealed class UnreadableForms : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            var type = parameter.ParameterType;
            if (!type.IsClass || type == typeof(string) || type.IsArray || parameter.BindingInfo?.BindingSource == BindingSource.Services) continue;
            if (context.ActionArguments.TryGetValue(parameter.Name, out var value) && value is not null) continue;
            context.Result = new BadRequestResult();
            return;
        }
    }

    public void OnActionExecuted(ActionExecutedContext context) { }
}
