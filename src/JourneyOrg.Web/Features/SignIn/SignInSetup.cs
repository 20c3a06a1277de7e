using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Features.SignIn;

/// <summary>
/// The two ways in (local accounts, Entra ID). Registered on their own so that Security, which everything
/// depends on for roles and policies, does not depend back on sign-in.
/// </summary>
public static class SignInSetup
{
    public static IServiceCollection AddJourneyOrgSignIn(this IServiceCollection services)
    {
        services.AddSingleton<LocalAccounts>();
        services.AddSingleton<EntraSignIn>();
        services.AddHttpClient(EntraSignIn.HttpClientName);
        services.AddHostedService<AccountBootstrap>();
        return services;
    }
}

/// <summary>Creates the first admin account on the first start in local mode (and makes sure the store's schema exists).</summary>
public sealed class AccountBootstrap(IWorkspaceStore store, LocalAccounts accounts, IOptions<SecurityOptions> options, ILogger<AccountBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (options.Value.IsEntra)
        {
            if (options.Value.Entra.Problems() is { Count: > 0 } problems)
                logger.LogError("Entra sign-in is not configured: {Problems}", string.Join(" ", problems));
            return;
        }
        var password = Environment.GetEnvironmentVariable(LocalAccounts.AdminPasswordVariable);
        // The one-time password goes to the console only, never to the log sinks.
        if (await accounts.EnsureFirstAdminAsync(password, Console.WriteLine, cancellationToken))
            logger.LogWarning("First start: created the account '{Admin}'; sign in and change its password.", LocalAccounts.FirstAdmin);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
