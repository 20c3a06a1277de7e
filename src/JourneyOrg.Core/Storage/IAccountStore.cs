namespace JourneyOrg.Storage;

/// <summary>
/// Sign-in accounts and the audit log, kept in the same store as the workspace so that an audit entry is written in the
/// same transaction as the change it records. Both stores implement it as part of <see cref="IStore"/>; every write
/// takes the <see cref="AuditEntry"/> that describes it, so a caller cannot change an account without leaving a trace.
/// </summary>
public interface IAccountStore
{
    /// <summary>One account by user name (compared case-insensitively; stored as <see cref="Account.Normalize"/>), or null.</summary>
    Task<Account?> GetAccountAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Every account, by user name.</summary>
    Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates (<paramref name="expectedVersion"/> null) or updates an account and appends <paramref name="audit"/>, in one
    /// transaction. A create whose user name exists, or an update whose version is stale, throws <see cref="ConcurrentChangeException"/>
    /// and writes nothing. Returns the stored account with its new version.
    /// </summary>
    Task<Account> SaveAccountAsync(Account account, long? expectedVersion, AuditEntry audit, CancellationToken cancellationToken = default);

    /// <summary>Appends an entry that records no other change (a failed sign-in for an unknown user name, an export).</summary>
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Audit entries matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// A person who can sign in. <see cref="PasswordHash"/> is an ASP.NET Core Identity hash (local mode) or null (an Entra
/// account, whose <see cref="Roles"/> are refreshed from the ID token at every sign-in).
/// </summary>
public sealed record Account(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? PasswordHash,
    bool Disabled,
    bool MustChangePassword,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    long Version)
{
    /// <summary>Where the account comes from: <c>local</c> or <c>entra</c>.</summary>
    public string Source { get; init; } = AccountSources.Local;

    /// <summary>
    /// Changes whenever the account's sessions must end (password changed or reset, disabled, signed out). Every session
    /// carries the stamp it was issued with and is refused on its next request once the stored stamp differs. Unlike
    /// <see cref="Version"/> it does not move on sign-ins or failed attempts, so those do not end anyone's session.
    /// </summary>
    public string SecurityStamp { get; init; } = NewSecurityStamp();

    /// <summary>A fresh random stamp.</summary>
    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    /// <summary>This account with a fresh <see cref="SecurityStamp"/>: every session issued before ends.</summary>
    public Account EndingSessions() => this with { SecurityStamp = NewSecurityStamp() };

    /// <summary>User names are keys compared without case: <c>Ada</c> and <c>ada</c> are one account.</summary>
    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

public static class AccountSources
{
    public const string Local = "local";
    public const string Entra = "entra";
}

/// <summary>
/// One line of the append-only audit log: who did what, when, to what, with a before → after summary.
/// <see cref="Id"/> is given by the store (ascending); <see cref="CorrelationId"/> ties it to the request in the logs.
/// </summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Target,
    string Summary,
    string? CorrelationId)
{
    /// <summary>An entry to append, by the ambient actor (<see cref="AuditContext.Current"/>), now.</summary>
    public static AuditEntry Now(string action, string target, string summary) =>
        new(0, DateTimeOffset.UtcNow, AuditContext.Current.Actor, action, target, summary, AuditContext.Current.CorrelationId);

    /// <summary>Summaries are capped so one import cannot write megabytes into the log.</summary>
    public const int MaxSummaryLength = 4000;

    public AuditEntry Capped() => Summary.Length <= MaxSummaryLength ? this : this with { Summary = Summary[..(MaxSummaryLength - 1)] + "…" };
}

/// <summary>A filter on the audit log: every given field must match (text anywhere in target or summary).</summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? Action = null,
    string? Text = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 500)
{
    public bool Matches(AuditEntry e) =>
        (string.IsNullOrEmpty(Actor) || e.Actor.Contains(Actor, StringComparison.OrdinalIgnoreCase)) &&
        (string.IsNullOrEmpty(Action) || e.Action.StartsWith(Action, StringComparison.OrdinalIgnoreCase)) &&
        (string.IsNullOrEmpty(Text) || e.Target.Contains(Text, StringComparison.OrdinalIgnoreCase) || e.Summary.Contains(Text, StringComparison.OrdinalIgnoreCase)) &&
        (From is null || e.At >= From) && (To is null || e.At < To);
}

/// <summary>The actions the audit log names; stores and the app use these, the admin page filters by them.</summary>
public static class AuditActions
{
    public const string WorkspaceEdit = "workspace.edit";
    public const string WorkspaceReplace = "workspace.replace";
    public const string ScenarioCreate = "scenario.create";
    public const string ScenarioUpdate = "scenario.update";
    public const string ScenarioDelete = "scenario.delete";
    public const string SignIn = "account.signin";
    public const string SignInFailed = "account.signin-failed";
    public const string SignOut = "account.signout";
    public const string AccountCreate = "account.create";
    public const string AccountUpdate = "account.update";
    public const string AccountRoles = "account.roles";
    public const string AccountPassword = "account.password";
    public const string AuditExport = "audit.export";

    public static readonly IReadOnlyList<string> Prefixes = ["workspace.", "scenario.", "account.", "audit."];
}
