using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace JourneyOrg.Web.Features;

/// <summary>
/// Views live next to their controller in <c>Features/{Feature}/</c>; shared layout and partials in <c>Features/Shared/</c>.
/// </summary>
/// <remarks>
/// The folder is the controller's namespace (<c>JourneyOrg.Web.Features.Teams</c> → <c>Features/Teams</c>), not its name:
/// a feature's second controller (<c>TeamEditsController</c>) renders the same views and partials as its first.
/// </remarks>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns && ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
            context.Values[FeatureKey] = ns[FeaturesNamespace.Length..].Split('.')[0];
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var feature = context.Values.TryGetValue(FeatureKey, out var name) && !string.IsNullOrEmpty(name) ? name : "{1}";
        return new[] { $"/Features/{feature}/{{0}}.cshtml", "/Features/{1}/{0}.cshtml", "/Features/Shared/{0}.cshtml" }.Concat(viewLocations);
    }

    private const string FeaturesNamespace = "JourneyOrg.Web.Features.";
}

public static class FeatureSetup
{
    /// <summary>MVC with feature-folder views and antiforgery checks on every unsafe request to the screens.</summary>
    public static IMvcBuilder AddFeatureScreens(this IServiceCollection services)
    {
        // Names and figures contain accents, dashes and arrows: let Razor write them as characters, not entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(options => options.HeaderName = Shared.Htmx.AntiforgeryHeader);
        services.AddSingleton(provider =>
        {
            var reader = ActivatorUtilities.CreateInstance<Shared.OrgReader>(provider);
            reader.Figures = provider.GetServices<Shared.IRevisionFigure>().ToList();
            reader.ChangeKeepsValid = Editing.WorkspaceRules.KeepsValid;
            return reader;
        });
        services.AddSingleton<Shared.IRevisionFigure, Dashboard.DashboardFigure>();
        services.AddSingleton<Shared.IRevisionFigure, Api.AnalysisFigure>();
        services.AddSingleton<Shared.IRevisionFigure, Scenarios.ScenarioSummaryFigure>();
        services.AddSingleton<Editing.WorkspaceEditor>();
        services.AddSingleton<Editing.OwnershipEdits>();
        services.AddSingleton<Links.LinkEditor>();
        services.AddSingleton<Scenarios.ScenarioOpenings>();
        services.AddSingleton<Scenarios.ScenarioApplier>();
        services.AddSingleton<Scenarios.ScenarioLenses>();
        return services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add<Shared.UnreadableForms>();
                options.Filters.Add<Shared.SeeOwnWrites>();
            })
            // Explicit, so the screens are found when another assembly hosts the app (the end-to-end tests).
            .AddApplicationPart(typeof(FeatureSetup).Assembly)
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
    }

    /// <summary>Full pages and htmx fragments share URLs, so caches must key on the HX-Request header.</summary>
    public static IApplicationBuilder UseHtmxVary(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Append("Vary", Shared.Htmx.RequestHeader);
                return Task.CompletedTask;
            });
            return next(context);
        });
}
