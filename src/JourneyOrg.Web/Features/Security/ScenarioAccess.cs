using System.Security.Claims;
using JourneyOrg.Storage;
using Microsoft.AspNetCore.Authorization;

namespace JourneyOrg.Web.Features.Security;

/// <summary>
/// Who sees a scenario: its author and the people it is shared with. Scenarios without an author (made by the CLI or
/// before sign-in existed) are visible to everyone who may read.
/// </summary>
public static class ScenarioAccess
{
    public static bool CanSee(this ClaimsPrincipal user, StoredScenario scenario)
    {
        if (scenario.Author is null) return true;
        // A scenario put forward for a decision reaches those who decide and apply it: HR approves, an Admin applies.
        if (scenario.Status is ScenarioStatus.Proposed or ScenarioStatus.Approved or ScenarioStatus.Applied
            && (user.IsInRole(AppRoles.HR) || user.IsInRole(AppRoles.Admin))) return true;
        var name = user.Identity?.Name;
        if (name is null) return false;
        return string.Equals(scenario.Author, name, StringComparison.OrdinalIgnoreCase)
               || scenario.SharedWith.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Only the author decides who else sees a scenario.</summary>
    public static bool CanShare(this ClaimsPrincipal user, StoredScenario scenario) =>
        scenario.Author is null || string.Equals(scenario.Author, user.Identity?.Name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The scenarios as a web request sees them: scenarios the signed-in user may not see do not exist (lists skip them, a lookup
/// finds nothing, a save or delete is refused), so every screen, partial and API that reads scenarios honours sharing
/// without checking it itself. Outside a request (directory sync, CLI) it passes everything through.
/// </summary>
public sealed class ScenarioVisibility(IScenarioStore inner, IHttpContextAccessor http) : IScenarioStore
{
    /// <summary>Registers the scenarios of the registered <see cref="IStore"/> through this decorator.</summary>
    public static void Decorate(IServiceCollection services) =>
        services.AddSingleton<IScenarioStore>(sp => new ScenarioVisibility(sp.GetRequiredService<IStore>(), sp.GetRequiredService<IHttpContextAccessor>()));

    private ClaimsPrincipal? User => http.HttpContext?.User;

    private bool Visible(StoredScenario scenario) => User is not { } user || user.CanSee(scenario);

    public async Task<IReadOnlyList<StoredScenario>> ListScenariosAsync(CancellationToken cancellationToken = default) =>
        (await inner.ListScenariosAsync(cancellationToken)).Where(Visible).ToList();

    public async Task<StoredScenario?> GetScenarioAsync(string id, CancellationToken cancellationToken = default) =>
        await inner.GetScenarioAsync(id, cancellationToken) is { } s && Visible(s) ? s : null;

    public async Task<StoredScenario> SaveScenarioAsync(StoredScenario scenario, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (expectedVersion is not null && await inner.GetScenarioAsync(scenario.Id, cancellationToken) is { } stored && !Visible(stored))
            throw new ConcurrentChangeException($"Scenario '{scenario.Id}' no longer exists.");
        return await inner.SaveScenarioAsync(scenario, expectedVersion, cancellationToken);
    }

    public async Task<bool> DeleteScenarioAsync(string id, CancellationToken cancellationToken = default) =>
        await GetScenarioAsync(id, cancellationToken) is not null && await inner.DeleteScenarioAsync(id, cancellationToken);
}

/// <summary>Setting a scenario's status needs Planner, HR or Admin; setting it to approved needs HR or Admin.</summary>
public sealed class ScenarioStatusRequirement : IAuthorizationRequirement;

public sealed class ScenarioStatusHandler : AuthorizationHandler<ScenarioStatusRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ScenarioStatusRequirement requirement)
    {
        var user = context.User;
        if (!user.CanSetScenarioStatus()) return;
        var http = context.Resource as HttpContext;
        string? status = null;
        if (http is not null && http.Request.HasFormContentType)
            status = (await http.Request.ReadFormAsync()).TryGetValue("status", out var value) ? value.ToString() : null;
        if (string.Equals(status, global::JourneyOrg.Storage.ScenarioStatus.Approved, StringComparison.OrdinalIgnoreCase)
            && !user.IsInRole(AppRoles.HR) && !user.IsInRole(AppRoles.Admin)) return;
        context.Succeed(requirement);
    }
}
