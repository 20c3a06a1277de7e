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
/// The store as a web request sees it: scenarios the signed-in user may not see do not exist (lists skip them, a lookup
/// finds nothing, a save or delete is refused), so every screen, partial and API that reads scenarios honours sharing
/// without checking it itself. Outside a request (directory sync, CLI) it passes everything through.
/// </summary>
public sealed class ScenarioVisibility(IWorkspaceStore inner, IHttpContextAccessor http) : IWorkspaceStore
{
    public IWorkspaceStore Inner => inner;

    /// <summary>Wraps the registered <see cref="IWorkspaceStore"/> (whatever registered it) in this decorator.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(IWorkspaceStore))
            ?? throw new InvalidOperationException("Register the IWorkspaceStore before the security services.");
        services.Remove(descriptor);
        services.AddSingleton<IWorkspaceStore>(sp =>
        {
            var store = descriptor.ImplementationInstance as IWorkspaceStore
                ?? descriptor.ImplementationFactory?.Invoke(sp) as IWorkspaceStore
                ?? (IWorkspaceStore)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
            return new ScenarioVisibility(store, sp.GetRequiredService<IHttpContextAccessor>());
        });
    }

    public static IWorkspaceStore Unwrap(IWorkspaceStore store) => store is ScenarioVisibility v ? v.Inner : store;

    private ClaimsPrincipal? User => http.HttpContext?.User;

    private bool Visible(StoredScenario scenario) => User is not { } user || user.CanSee(scenario);

    public string Description => inner.Description;
    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);
    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) => inner.IsEmptyAsync(cancellationToken);
    public Task<WorkspaceSnapshot> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);
    public Task<long> GetRevisionAsync(CancellationToken cancellationToken = default) => inner.GetRevisionAsync(cancellationToken);
    public Task<long> ReplaceAsync(Domain.Workspace workspace, CancellationToken cancellationToken = default) => inner.ReplaceAsync(workspace, cancellationToken);

    public Task<long> ApplyAsync(WorkspaceChangeSet changes, long? expectedRevision, CancellationToken cancellationToken = default) =>
        inner.ApplyAsync(changes, expectedRevision, cancellationToken);

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

    public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken = default) => inner.GetStateAsync(key, cancellationToken);
    public Task SetStateAsync(string key, string? value, CancellationToken cancellationToken = default) => inner.SetStateAsync(key, value, cancellationToken);

    public Task<IReadOnlyList<KeyValuePair<string, string>>> ListStateAsync(string prefix, CancellationToken cancellationToken = default) =>
        inner.ListStateAsync(prefix, cancellationToken);

    public Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
        inner.TryAcquireLeaseAsync(name, holder, duration, cancellationToken);

    public Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
        inner.ReleaseLeaseAsync(name, holder, cancellationToken);
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
