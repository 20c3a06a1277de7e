using JourneyOrg.Analysis;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features;
using JourneyOrg.Web.Features.DirectorySync;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Storage;

namespace JourneyOrg.Web.Infrastructure;

/// <summary>Builds the web application; Program.cs stays short.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddFeatureScreens();
        builder.Services.AddDirectorySync(builder.Configuration);
        builder.Services.AddSingleton<IWorkspaceStore>(services =>
            StoreFactory.Create(StoreLocation.Resolve(null, services.GetRequiredService<IConfiguration>())));
        builder.Services.AddSingleton<AlignmentBaselineCache>();
        builder.Services.AddDataProtectionInStore();
        builder.AddJourneyOrgSecurity();
        var app = builder.Build();
        app.UseJourneyOrgSecurity();
        app.UseHtmxVary();
        app.UseStaticFiles();
        app.UseJourneyOrgAccess();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapControllers();
        return app;
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
