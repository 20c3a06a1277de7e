using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Web.Features.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Features.Users;

/// <summary>
/// The admin Users page: list accounts, create one, set roles, reset a password (a one-time password, shown once), disable
/// or enable. Every change is one store write with its audit entry. An admin cannot lock themselves out (remove their own
/// Admin role or disable themselves).
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/users")]
public sealed class UsersController(IAccountStore accounts, IOptionsMonitor<SecurityOptions> options, TimeProvider time) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View("Index", await ModelAsync(null, FormProblems.None, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create(string? userName, string? displayName, string[]? roles, CancellationToken cancellationToken)
    {
        var name = Account.Normalize(userName ?? "");
        var draft = new NewAccountForm(userName, displayName, roles ?? []);
        var problems = new FormProblems(NewAccountForm.Form);
        if (name.Length is 0 or > 100 || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            problems.Add(nameof(NewAccountForm.UserName), "User name: give 1 to 100 characters without spaces.");
        if ((displayName ?? "").Length > 200 || (displayName ?? "").Any(char.IsControl))
            problems.Add(nameof(NewAccountForm.DisplayName), "Display name: at most 200 characters, without control characters.");
        if (!problems.Any && await accounts.GetAccountAsync(name, cancellationToken) is not null)
            problems.Add(nameof(NewAccountForm.UserName), $"User name: an account named '{name}' exists already.");
        if (problems.Any) return Refused(await ModelAsync(null, problems, cancellationToken) with { Draft = draft });

        var password = LocalAccounts.GeneratePassword();
        var account = new Account(name, string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(), AppRoles.Known(roles ?? []), null,
            false, true, 0, null, time.GetUtcNow(), null, 0);
        account = account with { PasswordHash = LocalAccounts.Hash(account, password) };
        try
        {
            await accounts.SaveAccountAsync(account, null, AuditEntry.Now(AuditActions.AccountCreate, name,
                $"created with roles {Roles(account.Roles)}; one-time password issued"), cancellationToken);
        }
        catch (ConcurrentChangeException e)
        {
            problems.Whole.Add(e.Message);
            return Refused(await ModelAsync(null, problems, cancellationToken) with { Draft = draft });
        }
        return View("Index", await ModelAsync(new OneTimePassword(name, password), FormProblems.None, cancellationToken));
    }

    [HttpPost("{userName}/roles")]
    public Task<IActionResult> SetRoles(string userName, string[]? roles, long version, CancellationToken cancellationToken) =>
        ChangeAsync(userName, version, "roles", account =>
        {
            var next = AppRoles.Known(roles ?? []);
            if (IsSelf(account) && !next.Contains(AppRoles.Admin)) return (null, "You cannot remove your own Admin role.");
            return (account with { Roles = next }, null);
        }, (before, after) => AuditEntry.Now(AuditActions.AccountRoles, after.UserName, $"{Roles(before.Roles)} → {Roles(after.Roles)}"), cancellationToken);

    [HttpPost("{userName}/disable")]
    public Task<IActionResult> SetDisabled(string userName, bool disabled, long version, CancellationToken cancellationToken) =>
        ChangeAsync(userName, version, "state", account =>
            IsSelf(account) && disabled ? (null, "You cannot disable your own account.")
                : ((disabled ? account.EndingSessions() : account) with { Disabled = disabled }, null),
            (_, after) => AuditEntry.Now(AuditActions.AccountUpdate, after.UserName, after.Disabled ? "disabled; sessions ended" : "enabled"), cancellationToken);

    [HttpPost("{userName}/password")]
    public async Task<IActionResult> ResetPassword(string userName, long version, CancellationToken cancellationToken)
    {
        var password = LocalAccounts.GeneratePassword();
        return await ChangeAsync(userName, version, "password", account => options.CurrentValue.IsEntra && account.Source == AccountSources.Entra
                ? (null, "Entra ID accounts have no password here.")
                : (account.EndingSessions() with { PasswordHash = LocalAccounts.Hash(account, password), MustChangePassword = true, FailedSignIns = 0, LockedUntil = null }, null),
            (_, after) => AuditEntry.Now(AuditActions.AccountPassword, after.UserName, "password reset by an admin; one-time password issued; sessions ended"),
            cancellationToken, new OneTimePassword(Account.Normalize(userName), password));
    }

    /// <summary>
    /// One change to an account from its row; a refusal is said at the row's form (<see cref="UsersPageModel.RowForm"/>),
    /// naming the account. The answer is the page again, at the same address, saying what was done.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string userName, long version, string what, Func<Account, (Account? Next, string? Problem)> change,
        Func<Account, Account, AuditEntry> audit, CancellationToken cancellationToken, OneTimePassword? issued = null)
    {
        var account = await accounts.GetAccountAsync(userName, cancellationToken);
        if (account is null) return NotFound();
        var problems = new FormProblems(UsersPageModel.RowForm(account.UserName, what));
        var (next, problem) = change(account);
        if (next is null) return Refused(await ModelAsync(null, problems.Add(Field, $"{account.UserName}: {problem}"), cancellationToken));
        try
        {
            await accounts.SaveAccountAsync(next, version, audit(account, next), cancellationToken);
        }
        catch (ConcurrentChangeException e)
        {
            return Refused(await ModelAsync(null, problems.Add(Field, $"{account.UserName}: {e.Message}"), cancellationToken));
        }
        var done = what switch
        {
            "roles" => $"{next.UserName} now has {Roles(next.Roles)}.",
            "state" => next.Disabled ? $"{next.UserName} is disabled; their sessions ended." : $"{next.UserName} is enabled.",
            _ => null,
        };
        return View("Index", await ModelAsync(issued, FormProblems.None, cancellationToken) with { Done = done });
    }

    /// <summary>The one field of a row's form: its role boxes or its button.</summary>
    public const string Field = "Account";

    private ViewResult Refused(UsersPageModel model) => this.Refused("Index", model);

    private bool IsSelf(Account account) => string.Equals(account.UserName, User.Identity?.Name, StringComparison.OrdinalIgnoreCase);

    private static string Roles(IReadOnlyList<string> roles) => roles.Count == 0 ? "no role" : string.Join(", ", roles);

    private async Task<UsersPageModel> ModelAsync(OneTimePassword? issued, FormProblems problems, CancellationToken cancellationToken) =>
        new(await accounts.ListAccountsAsync(cancellationToken), options.CurrentValue.IsEntra, issued, problems, time.GetUtcNow());
}

public sealed record OneTimePassword(string UserName, string Password);

public sealed record UsersPageModel(IReadOnlyList<Account> Accounts, bool Entra, OneTimePassword? Issued, FormProblems Problems, DateTimeOffset Now)
{
    /// <summary>The new-account form as typed, when it was refused.</summary>
    public NewAccountForm? Draft { get; init; }

    /// <summary>What the last change to an account did.</summary>
    public string? Done { get; init; }

    /// <summary>The form of one account's row ("roles", "state" or "password"), as its DOM ids begin.</summary>
    public static string RowForm(string userName, string what) => $"user-{DomIds.Safe(userName)}-{what}";
}

/// <summary>The new-account form as typed.</summary>
public sealed record NewAccountForm(string? UserName, string? DisplayName, IReadOnlyList<string> Roles)
{
    public const string Form = "new-user";
}
