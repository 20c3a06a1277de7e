using JourneyOrg.Analysis;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features;
using JourneyOrg.Web.Features.DirectorySync;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.SignIn;
using JourneyOrg.Web.Storage;

namespace JourneyOrg.Web.Infrastructure;

/// <summary>Builds the web application; Program.cs stays short.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = PublishedContentRoot(args) });
        builder.Services.AddFeatureScreens();
        builder.Services.AddDirectorySync(builder.Configuration);
        builder.Services.AddStore(services =>
            StoreFactory.Create(StoreLocation.Resolve(null, services.GetRequiredService<IConfiguration>())));
        builder.Services.AddSingleton<AlignmentBaselineCache>();
        builder.Services.AddDataProtectionInStore();
        builder.AddJourneyOrgSecurity();
        builder.Services.AddJourneyOrgSignIn();
        var app = builder.Build();
        app.UseJourneyOrgSecurity();
        app.UseHtmxVary();
        app.UseStaticFiles();
        app.UseJourneyOrgAccess();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// A published app's styles, scripts and icon live in <c>wwwroot</c> beside its dll, but ASP.NET Core looks for them
    /// under the working directory, so <c>dotnet /opt/journeyorg/JourneyOrg.Web.dll</c> started from anywhere else served
    /// no CSS. When the app folder has a wwwroot and no content root is given, the app folder is the content root. A build
    /// output has no wwwroot (Development serves the project's through the static web assets manifest): unchanged.
    /// </summary>
    private static string? PublishedContentRoot(string[] args)
    {
        var given = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
                    || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
                    || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        return !given && Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
    }

    /// <summary>Prepares the store (schema, demo data on first start).</summary>
    public static async Task InitializeStoreAsync(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IWorkspaceStore>();
        await store.InitializeAsync();
        app.Logger.LogInformation("Store: {Store}", StoreLocation.Redact(store.Description));
        // A first start on an empty store shows the demo organisation instead of blank pages; JourneyOrg:DemoData=false turns it off.
        if (app.Configuration.GetValue("JourneyOrg:DemoData", true) && await DemoData.SeedIfEmptyAsync(store))
            app.Logger.LogInformation("The store was empty: loaded the demo workspace from seed/.");
    }
}
