using System.Security.Claims;
using JourneyOrg.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace JourneyOrg.Web.Features.Security;

/// <summary>The app roles: local accounts hold them in the store, Entra ID users get them from the ID token's <c>roles</c> claim.</summary>
public static class AppRoles
{
    /// <summary>Reads everything except HR-only data (openings, role grades).</summary>
    public const string Viewer = "Viewer";
    /// <summary>Edits journeys, ownership and teams; creates and edits scenarios.</summary>
    public const string Planner = "Planner";
    /// <summary>The roles catalog, openings, people's sensitive fields, scenario approval.</summary>
    public const string HR = "HR";
    /// <summary>Directory sync, users, import and export, the audit log.</summary>
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Planner, HR, Admin];

    /// <summary>The known roles among <paramref name="roles"/>, in canonical spelling and order; anything else is dropped.</summary>
    public static IReadOnlyList<string> Known(IEnumerable<string> roles)
    {
        var given = roles.Select(r => r.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return All.Where(given.Contains).ToList();
    }
}

/// <summary>
/// Authorization policies. Every controller action and endpoint names one (a test enumerates the endpoints to prove it);
/// the fallback policy (signed in) only catches what slipped through.
/// </summary>
public static class Policies
{
    /// <summary>Any role: read the screens and the analysis.</summary>
    public const string Read = "Read";
    /// <summary>Planner: edit journeys, ownership, teams; create and edit scenarios.</summary>
    public const string Plan = "Plan";
    /// <summary>HR: roles catalog, openings, sensitive fields.</summary>
    public const string HR = "HR";
    /// <summary>
    /// Planner, HR or Admin; setting a scenario's status to approved needs HR or Admin (checked on the form value), moving an
    /// approved one back needs Admin (checked against the stored status by ScenarioLifecycle).
    /// </summary>
    public const string ScenarioStatus = "ScenarioStatus";
    /// <summary>Admin: directory sync, users, import/export, audit log.</summary>
    public const string Admin = "Admin";
    /// <summary>HR or Admin: people cost (SPEC §5) — the cost screens, the cost upload and the currency.</summary>
    public const string HrData = "HrData";
    /// <summary>Planner or HR: create scenarios and add changes (HR without Planner adds only roles, openings and role changes).</summary>
    public const string Scenarios = "Scenarios";
    /// <summary>Any signed-in account, even without a role (sign out, change password).</summary>
    public const string SignedIn = "SignedIn";

    public static readonly IReadOnlyList<string> All = [Read, Plan, HR, ScenarioStatus, Admin, HrData, Scenarios, SignedIn];
}

public static class AppClaims
{
    /// <summary>Present while a local account must change its password (a one-time password, a reset).</summary>
    public const string MustChangePassword = "journeyorg:must_change_password";
    /// <summary>How the user signed in: <c>local</c> or <c>entra</c>.</summary>
    public const string Source = "journeyorg:source";
    /// <summary>The account's security stamp when the session was issued; a session whose stamp is no longer the account's is over.</summary>
    public const string SecurityStamp = "journeyorg:security_stamp";

    /// <summary>SPEC §5: cost, levels and grades, openings are seen by HR and Admin only, in every screen, export and answer.</summary>
    public static bool CanSeeHrData(this ClaimsPrincipal user) => user.IsInRole(AppRoles.HR) || user.IsInRole(AppRoles.Admin);

    /// <summary>Whether the user may create scenarios and add changes to them (the Scenarios policy).</summary>
    public static bool CanEditScenarios(this ClaimsPrincipal user) => user.IsInRole(AppRoles.Planner) || user.IsInRole(AppRoles.HR);

    /// <summary>Whether editing forms (journeys, teams, ownership, scenarios) are offered; the server checks the same policy on every post.</summary>
    public static bool CanPlan(this ClaimsPrincipal user) => user.IsInRole(AppRoles.Planner);

    /// <summary>Whether the scenario status buttons are offered (the ScenarioStatus policy: Planner, HR or Admin; approving needs HR or Admin).</summary>
    public static bool CanSetScenarioStatus(this ClaimsPrincipal user) =>
        user.IsInRole(AppRoles.Planner) || user.IsInRole(AppRoles.HR) || user.IsInRole(AppRoles.Admin);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AppRoles.Admin);
}

/// <summary>
/// The session's principal is rebuilt from the account on every request (<c>SecuritySetup</c>'s cookie events), so a
/// role change, a disabled account or a new password takes effect at once; sign-in builds it the same way.
/// </summary>
public static class SessionPrincipal
{
    /// <summary>The cookie principal for an account: user name, display name, roles, and the must-change-password flag.</summary>
    public static ClaimsPrincipal For(Account account, string source)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserName),
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(AppClaims.Source, source),
            new(AppClaims.SecurityStamp, account.SecurityStamp),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (account.MustChangePassword) claims.Add(new Claim(AppClaims.MustChangePassword, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
