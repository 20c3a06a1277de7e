using System.Globalization;
using JourneyOrg.Storage;
using static JourneyOrg.Web.Storage.Neo4j.Neo4jCypher;

namespace JourneyOrg.Web.Storage.Neo4j;

/// <summary>Accounts (<c>:Account</c> nodes keyed by user name) and the audit log (<c>:AuditEntry</c> nodes, never updated).</summary>
public sealed partial class Neo4jWorkspaceStore : IAccountStore
{
    public async Task<Account?> GetAccountAsync(string userName, CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(GetAccount), GetAccount, ("userName", Account.Normalize(userName)))], cancellationToken);
        return results[0].As<AccountRow>().Where(r => r.Version > 0).Select(r => r.ToAccount()).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(ListAccounts), ListAccounts)], cancellationToken);
        return results[0].As<AccountRow>().Select(r => r.ToAccount()).ToList();
    }

    public async Task<Account> SaveAccountAsync(Account account, long? expectedVersion, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        var userName = Account.Normalize(account.UserName);
        await using var transaction = await _http.BeginAsync(cancellationToken);
        var locked = await transaction.RunAsync([Statement(nameof(LockAccount), LockAccount, ("userName", userName))], cancellationToken);
        long? stored = locked[0].Rows[0][0].GetInt64() is var v and > 0 ? v : null;
        ConcurrentChangeException.ThrowIfStale($"The account '{userName}'", expectedVersion, stored);
        var saved = account with { UserName = userName, Version = (stored ?? 0) + 1 };
        await transaction.RunAsync(
        [
            Statement(nameof(WriteAccount), WriteAccount, ("userName", saved.UserName), ("displayName", saved.DisplayName),
                ("roles", saved.Roles.ToArray()), ("passwordHash", saved.PasswordHash), ("disabled", saved.Disabled),
                ("mustChangePassword", saved.MustChangePassword), ("failedSignIns", saved.FailedSignIns), ("lockedUntil", Time(saved.LockedUntil)),
                ("createdAt", Time(saved.CreatedAt)), ("lastSignInAt", Time(saved.LastSignInAt)), ("source", saved.Source), ("version", saved.Version),
                ("securityStamp", saved.SecurityStamp)),
            AuditStatement(audit),
        ], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        await _http.RunAsync([AuditStatement(entry)], cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var results = await _http.RunAsync([Statement(nameof(ListAudit), ListAudit,
            ("actor", Blank(query.Actor)), ("action", Blank(query.Action)), ("text", Blank(query.Text)),
            ("fromTicks", query.From?.UtcTicks), ("toTicks", query.To?.UtcTicks), ("limit", query.Limit))], cancellationToken);
        return results[0].As<AuditRow>()
            .Select(r => new AuditEntry(r.Id, DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture), r.Actor, r.Action, r.Target, r.Summary, r.CorrelationId))
            .ToList();
    }

    /// <summary>The statement that appends <paramref name="entry"/>; sent inside the transaction of the change it records.</summary>
    internal static Neo4jStatement AuditStatement(AuditEntry entry)
    {
        var e = entry.Capped();
        return Statement(nameof(AppendAudit), AppendAudit, ("at", e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("atTicks", e.At.UtcTicks),
            ("actor", e.Actor), ("action", e.Action), ("target", e.Target), ("summary", e.Summary), ("correlationId", e.CorrelationId));
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed record AccountRow(string UserName, string? DisplayName, IReadOnlyList<string>? Roles, string? PasswordHash, bool? Disabled,
        bool? MustChangePassword, int? FailedSignIns, string? LockedUntil, string? CreatedAt, string? LastSignInAt, string? Source, long Version, string? SecurityStamp)
    {
        public Account ToAccount() => new(UserName, DisplayName ?? UserName, Roles ?? [], PasswordHash, Disabled ?? false, MustChangePassword ?? false,
            FailedSignIns ?? 0, Parse(LockedUntil), Parse(CreatedAt) ?? DateTimeOffset.UnixEpoch, Parse(LastSignInAt), Version)
        {
            Source = Source ?? AccountSources.Local,
            SecurityStamp = SecurityStamp ?? "",
        };

        private static DateTimeOffset? Parse(string? text) => text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    private sealed record AuditRow(long Id, string At, string Actor, string Action, string Target, string Summary, string? CorrelationId);
}
