using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Web.Features.SignIn;

namespace JourneyOrg.Web.Features.Users;

/// <summary>A change to one account: the account to save with its audit entry and what the page then says, or why not.</summary>
public sealed record AccountChange(Account? Next, AuditEntry? Audit, string? Done, string? Problem)
{
    public static AccountChange Refused(string problem) => new(null, null, null, problem);
}

/// <summary>
/// The Users page's use cases: each turns a form into the account to save and its audit entry, or says what is wrong
/// in the admin's words. The controller reads and writes the account store; an admin cannot lock themselves out.
/// </summary>
public static class AccountEdits
{
    /// <summary>A new local account with a one-time password, or the form's problems (the name taken is one of them).</summary>
    public static (Account? Account, AuditEntry? Audit, FormProblems Problems) Create(NewAccountForm form, bool nameTaken, string password, DateTimeOffset now)
    {
        var name = Account.Normalize(form.UserName ?? "");
        var displayName = form.DisplayName ?? "";
        var problems = new FormProblems(NewAccountForm.Form);
        if (name.Length is 0 or > 100 || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            problems.Add(nameof(NewAccountForm.UserName), "User name: give 1 to 100 characters without spaces.");
        if (displayName.Length > 200 || displayName.Any(char.IsControl))
            problems.Add(nameof(NewAccountForm.DisplayName), "Display name: at most 200 characters, without control characters.");
        if (!problems.Any && nameTaken)
            problems.Add(nameof(NewAccountForm.UserName), $"User name: an account named '{name}' exists already.");
        if (problems.Any) return (null, null, problems);

        var account = new Account(name, string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(), AppRoles.Known(form.Roles), null,
            false, true, 0, null, now, null, 0);
        account = account with { PasswordHash = LocalAccounts.Hash(account, password) };
        return (account, AuditEntry.Now(AuditActions.AccountCreate, name, $"created with roles {Roles(account.Roles)}; one-time password issued"), problems);
    }

    public static AccountChange SetRoles(Account account, IReadOnlyList<string> roles, bool self)
    {
        var next = AppRoles.Known(roles);
        if (self && !next.Contains(AppRoles.Admin)) return AccountChange.Refused("You cannot remove your own Admin role.");
        return new(account with { Roles = next }, AuditEntry.Now(AuditActions.AccountRoles, account.UserName, $"{Roles(account.Roles)} → {Roles(next)}"),
            $"{account.UserName} now has {Roles(next)}.", null);
    }

    /// <summary>Disabling ends every session of the account on its next request.</summary>
    public static AccountChange SetDisabled(Account account, bool disabled, bool self)
    {
        if (self && disabled) return AccountChange.Refused("You cannot disable your own account.");
        var next = (disabled ? account.EndingSessions() : account) with { Disabled = disabled };
        return disabled
            ? new(next, AuditEntry.Now(AuditActions.AccountUpdate, account.UserName, "disabled; sessions ended"), $"{account.UserName} is disabled; their sessions ended.", null)
            : new(next, AuditEntry.Now(AuditActions.AccountUpdate, account.UserName, "enabled"), $"{account.UserName} is enabled.", null);
    }

    /// <summary>A one-time password the user must change at next sign-in; their other sessions end.</summary>
    public static AccountChange ResetPassword(Account account, string password, bool entraSignIn)
    {
        if (entraSignIn && account.Source == AccountSources.Entra) return AccountChange.Refused("Entra ID accounts have no password here.");
        var next = account.EndingSessions() with
        {
            PasswordHash = LocalAccounts.Hash(account, password), MustChangePassword = true, FailedSignIns = 0, LockedUntil = null,
        };
        return new(next, AuditEntry.Now(AuditActions.AccountPassword, account.UserName, "password reset by an admin; one-time password issued; sessions ended"), null, null);
    }

    private static string Roles(IReadOnlyList<string> roles) => roles.Count == 0 ? "no role" : string.Join(", ", roles);
}
