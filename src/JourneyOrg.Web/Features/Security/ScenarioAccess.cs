using System.Security.Claims;
using JourneyOrg.Storage;
using Microsoft.AspNetCore.Authorization;

namespace JourneyOrg.Web.Features.Security;

/// <summary>
/// Who sees a scenario: its author and the people it is shared with. Scenarios without an author (made by the CLI or
/// before sign-in existed) are visible to everyone who may read. The store shows every scenario; every screen, partial and
/// API that lists or opens one goes through <see cref="ListVisibleAsync"/> or <see cref="GetVisibleAsync"/>, and a scenario
/// the reader may not see answers as one that does not exist. <c>ScenarioVisibilityTests</c> requests every page as someone
/// the scenario is not shared with, so a new list that reads the store directly fails there.
/// </summary>
public static class ScenarioAccess
{
    /// <summary>The scenarios <paramref name="user"/> may see, newest first.</summary>
    public static async Task<IReadOnlyList<StoredScenario>> ListVisibleAsync(this IScenarioStore store, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await store.ListScenariosAsync(cancellationToken)).Where(user.CanSee).ToList();

    /// <summary>The scenario, or null when there is none or <paramref name="user"/> may not see it: the two answer alike.</summary>
    public static async Task<StoredScenario?> GetVisibleAsync(this IScenarioStore store, ClaimsPrincipal user, string id, CancellationToken cancellationToken = default) =>
        await store.GetScenarioAsync(id, cancellationToken) is { } scenario && user.CanSee(scenario) ? scenario : null;

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
