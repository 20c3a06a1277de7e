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
/// Admin role or disable themselves). The changes themselves are <see cref="AccountEdits"/>.
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
        var draft = new NewAccountForm(userName, displayName, roles ?? []);
        var taken = await accounts.GetAccountAsync(Account.Normalize(userName ?? ""), cancellationToken) is not null;
        var password = LocalAccounts.GeneratePassword();
        var (account, audit, problems) = AccountEdits.Create(draft, taken, password, time.GetUtcNow());
        if (account is null) return Refused(await ModelAsync(null, problems, cancellationToken) with { Draft = draft });
        try
        {
            await accounts.SaveAccountAsync(account, null, audit!, cancellationToken);
        }
        catch (ConcurrentChangeException e)
        {
            problems.Whole.Add(e.Message);
            return Refused(await ModelAsync(null, problems, cancellationToken) with { Draft = draft });
        }
        return View("Index", await ModelAsync(new OneTimePassword(account.UserName, password), FormProblems.None, cancellationToken));
    }

    [HttpPost("{userName}/roles")]
    public Task<IActionResult> SetRoles(string userName, string[]? roles, long version, CancellationToken cancellationToken) =>
        ChangeAsync(userName, version, "roles", account => AccountEdits.SetRoles(account, roles ?? [], IsSelf(account)), cancellationToken);

    [HttpPost("{userName}/disable")]
    public Task<IActionResult> SetDisabled(string userName, bool disabled, long version, CancellationToken cancellationToken) =>
        ChangeAsync(userName, version, "state", account => AccountEdits.SetDisabled(account, disabled, IsSelf(account)), cancellationToken);

    [HttpPost("{userName}/password")]
    public async Task<IActionResult> ResetPassword(string userName, long version, CancellationToken cancellationToken)
    {
        var password = LocalAccounts.GeneratePassword();
        return await ChangeAsync(userName, version, "password", account => AccountEdits.ResetPassword(account, password, options.CurrentValue.IsEntra),
            cancellationToken, new OneTimePassword(Account.Normalize(userName), password));
    }

    /// <summary>
    /// One change to an account from its row; a refusal is said at the row's form (<see cref="UsersPageModel.RowForm"/>),
    /// naming the account. The answer is the page again, at the same address, saying what was done.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string userName, long version, string what, Func<Account, AccountChange> change,
        CancellationToken cancellationToken, OneTimePassword? issued = null)
    {
        var account = await accounts.GetAccountAsync(userName, cancellationToken);
        if (account is null) return NotFound();
        var problems = new FormProblems(UsersPageModel.RowForm(account.UserName, what));
        var edit = change(account);
        if (edit.Next is null) return Refused(await ModelAsync(null, problems.Add(Field, $"{account.UserName}: {edit.Problem}"), cancellationToken));
        try
        {
            await accounts.SaveAccountAsync(edit.Next, version, edit.Audit!, cancellationToken);
        }
        catch (ConcurrentChangeException e)
        {
            return Refused(await ModelAsync(null, problems.Add(Field, $"{account.UserName}: {e.Message}"), cancellationToken));
        }
        return View("Index", await ModelAsync(issued, FormProblems.None, cancellationToken) with { Done = edit.Done });
    }

    /// <summary>The one field of a row's form: its role boxes or its button.</summary>
    public const string Field = "Account";

    private ViewResult Refused(UsersPageModel model) => this.Refused("Index", model);

    private bool IsSelf(Account account) => string.Equals(account.UserName, User.Identity?.Name, StringComparison.OrdinalIgnoreCase);

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
