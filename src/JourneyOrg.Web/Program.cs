using JourneyOrg.Web.Cli;
using JourneyOrg.Web.Infrastructure;

// One executable: with a verb (import, export, analyze, ...) it runs that verb and exits; without, it serves the web app.
if (CliApp.IsCommandLine(args))
{
    // What a verb writes is audited as the operating-system user who ran it.
    using var actor = JourneyOrg.Storage.AuditContext.Begin("cli:" + Environment.UserName, "cli " + args[0]);
    return await CliApp.RunAsync(args, Console.Out, Console.Error);
}

var app = WebApp.Build(args);
await app.InitializeStoreAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
