using System.Security.Claims;
using System.Security.Cryptography;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Features.SignIn;

/// <summary>The outcome of a local sign-in attempt; <see cref="Message"/> is what the sign-in page may say.</summary>
public sealed record SignInOutcome(Account? Account, string? Message)
{
    public bool Succeeded => Account is not null;
}

/// <summary>
/// Local accounts: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, lockout after
/// <see cref="SecurityOptions.MaxFailedSignIns"/> failures in a row, every attempt in the audit log (in the same
/// transaction as the counter it moves).
/// </summary>
public sealed class LocalAccounts(IAccountStore store, IOptionsMonitor<SecurityOptions> options, TimeProvider time)
{
    public const string WrongCredentials = "The user name or password is not right.";
    public const int MinPasswordLength = 12;
    private static readonly PasswordHasher<Account> Hasher = new();
    // Hashing something for unknown user names too keeps the answer time from telling which names exist.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not a password of anyone");

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        for (var attempt = 0; ; attempt++)
        {
            var account = await store.GetAccountAsync(userName, cancellationToken);
            var now = time.GetUtcNow();
            if (account is null || account.PasswordHash is null)
            {
                Hasher.VerifyHashedPassword(null!, DummyHash, password);
                await store.AppendAuditAsync(AuditEntry.Now(AuditActions.SignInFailed, Account.Normalize(userName),
                    account is null ? "no such account" : "not a local account"), cancellationToken);
                return new SignInOutcome(null, WrongCredentials);
            }
            if (account.Disabled)
            {
                await store.AppendAuditAsync(AuditEntry.Now(AuditActions.SignInFailed, account.UserName, "account disabled"), cancellationToken);
                return new SignInOutcome(null, WrongCredentials);
            }
            if (account.IsLockedOut(now))
            {
                await store.AppendAuditAsync(AuditEntry.Now(AuditActions.SignInFailed, account.UserName,
                    $"locked out until {account.LockedUntil:u}"), cancellationToken);
                return new SignInOutcome(null, "Too many failed sign-ins: this account is locked for a while. Try again later or ask an admin.");
            }

            var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
            try
            {
                if (verdict == PasswordVerificationResult.Failed)
                {
                    var failures = account.FailedSignIns + 1;
                    var lockNow = failures >= settings.MaxFailedSignIns;
                    var updated = account with
                    {
                        FailedSignIns = lockNow ? 0 : failures,
                        LockedUntil = lockNow ? now.AddMinutes(settings.LockoutMinutes) : account.LockedUntil,
                    };
                    await store.SaveAccountAsync(updated, account.Version, AuditEntry.Now(AuditActions.SignInFailed, account.UserName,
                        lockNow ? $"wrong password ({failures} in a row): locked for {settings.LockoutMinutes} minutes" : $"wrong password ({failures} in a row)"),
                        cancellationToken);
                    return new SignInOutcome(null, WrongCredentials);
                }
                var signedIn = account with
                {
                    FailedSignIns = 0,
                    LockedUntil = null,
                    LastSignInAt = now,
                    PasswordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(account, password) : account.PasswordHash,
                };
                // A failed attempt is logged by whoever sent it (anonymous); a successful one by the account it proved to be.
                using var actor = AuditContext.Begin(account.UserName, AuditContext.Current.Action, AuditContext.Current.CorrelationId);
                var saved = await store.SaveAccountAsync(signedIn, account.Version,
                    AuditEntry.Now(AuditActions.SignIn, account.UserName, $"signed in (local) as {string.Join(", ", account.Roles)}"), cancellationToken);
                return new SignInOutcome(saved, null);
            }
            catch (ConcurrentChangeException) when (attempt < 5)
            {
                // Another attempt on the same account landed first: count this one against the fresh record.
            }
        }
    }

    /// <summary>
    /// Signs out everywhere: a new security stamp makes every session of the account (in any browser, on any instance)
    /// worthless on its next request, including a copy of this session's cookie kept somewhere.
    /// </summary>
    public async Task EndSessionsAsync(string userName, string reason, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var account = await store.GetAccountAsync(userName, cancellationToken);
            if (account is null) return;
            try
            {
                await store.SaveAccountAsync(account.EndingSessions(), account.Version,
                    AuditEntry.Now(AuditActions.SignOut, account.UserName, reason), cancellationToken);
                return;
            }
            catch (ConcurrentChangeException) when (attempt < 5)
            {
                // a sign-in elsewhere moved the version: stamp the fresh record
            }
        }
    }

    /// <summary>Problems with a new password, empty when it is acceptable.</summary>
    public static IReadOnlyList<string> PasswordProblems(string? password, string userName)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
            problems.Add($"Use at least {MinPasswordLength} characters.");
        else if (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
            problems.Add("The password must not be the user name.");
        if (password is not null && password.Length > 512) problems.Add("Use at most 512 characters.");
        return problems;
    }

    public static string Hash(Account account, string password) => Hasher.HashPassword(account, password);

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(string userName, string? current, string? next, CancellationToken cancellationToken = default)
    {
        var account = await store.GetAccountAsync(userName, cancellationToken);
        if (account?.PasswordHash is null) return ["This account has no local password."];
        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, current ?? "") == PasswordVerificationResult.Failed)
            return ["The current password is not right."];
        var problems = PasswordProblems(next, account.UserName);
        if (problems.Count > 0) return problems;
        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, next!) != PasswordVerificationResult.Failed)
            return ["Choose a password different from the current one."];
        // A new password ends every other session (the caller issues this one a fresh cookie).
        await store.SaveAccountAsync(account.EndingSessions() with { PasswordHash = Hash(account, next!), MustChangePassword = false }, account.Version,
            AuditEntry.Now(AuditActions.AccountPassword, account.UserName, "changed their password; other sessions ended"), cancellationToken);
        return [];
    }

    /// <summary>
    /// First start in local mode: when the store has no account, creates <c>admin</c> with every role. The password is
    /// <paramref name="configuredPassword"/> (JOURNEYORG_ADMIN_PASSWORD) or a generated one-time password, handed to
    /// <paramref name="announce"/> (the console), that must be changed at the first sign-in. Returns whether it created one.
    /// </summary>
    public async Task<bool> EnsureFirstAdminAsync(string? configuredPassword, Action<string> announce, CancellationToken cancellationToken = default)
    {
        if ((await store.ListAccountsAsync(cancellationToken)).Count > 0) return false;
        var oneTime = string.IsNullOrEmpty(configuredPassword);
        var password = oneTime ? GeneratePassword() : configuredPassword!;
        var admin = new Account(FirstAdmin, "Administrator", AppRoles.All, null, false, oneTime, 0, null, time.GetUtcNow(), null, 0);
        admin = admin with { PasswordHash = Hash(admin, password) };
        try
        {
            using var actor = AuditContext.Begin("system", "first start");
            await store.SaveAccountAsync(admin, null, AuditEntry.Now(AuditActions.AccountCreate, FirstAdmin,
                $"first start: created with roles {string.Join(", ", AppRoles.All)}; password {(oneTime ? "generated, to be changed at first sign-in" : "from JOURNEYORG_ADMIN_PASSWORD")}"),
                cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            return false; // another instance created it first
        }
        announce(oneTime
            ? $"JourneyOrg: created the account '{FirstAdmin}' with the one-time password  {password}  (it must be changed at the first sign-in)."
            : $"JourneyOrg: created the account '{FirstAdmin}' with the password from {AdminPasswordVariable}.");
        return true;
    }

    public const string FirstAdmin = "admin";
    public const string AdminPasswordVariable = "JOURNEYORG_ADMIN_PASSWORD";

    /// <summary>20 characters from an alphabet without look-alikes, from the system's CSPRNG.</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
