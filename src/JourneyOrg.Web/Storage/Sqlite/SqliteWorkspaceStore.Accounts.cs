using System.Globalization;
using System.Text.Json;
using Dapper;
using JourneyOrg.Storage;
using Microsoft.Data.Sqlite;

namespace JourneyOrg.Web.Storage.Sqlite;

/// <summary>Accounts and the audit log (schema 0010–0012); audit rows are written inside the caller's transaction.</summary>
public sealed partial class SqliteWorkspaceStore : IAccountStore
{
    public Task<Account?> GetAccountAsync(string userName, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        var row = connection.QuerySingleOrDefault<AccountRow>($"{SelectAccount} WHERE user_name = @userName",
            new { userName = Account.Normalize(userName) });
        return Task.FromResult(row?.ToAccount());
    }

    public Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        return Task.FromResult<IReadOnlyList<Account>>(connection.Query<AccountRow>($"{SelectAccount} ORDER BY user_name").Select(r => r.ToAccount()).ToList());
    }

    public Task<Account> SaveAccountAsync(Account account, long? expectedVersion, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        var userName = Account.Normalize(account.UserName);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var stored = connection.ExecuteScalar<long?>("SELECT version FROM accounts WHERE user_name = @userName", new { userName }, transaction);
        ConcurrentChangeException.ThrowIfStale($"The account '{userName}'", expectedVersion, stored);
        var saved = account with { UserName = userName, Version = (stored ?? 0) + 1 };
        connection.Execute("""
            INSERT INTO accounts (user_name, display_name, roles, password_hash, disabled, must_change_password, failed_sign_ins,
                                  locked_until, created_at, last_sign_in_at, source, version, security_stamp)
            VALUES (@UserName, @DisplayName, @Roles, @PasswordHash, @Disabled, @MustChangePassword, @FailedSignIns,
                    @LockedUntil, @CreatedAt, @LastSignInAt, @Source, @Version, @SecurityStamp)
            ON CONFLICT (user_name) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles,
                password_hash = excluded.password_hash, disabled = excluded.disabled, must_change_password = excluded.must_change_password,
                failed_sign_ins = excluded.failed_sign_ins, locked_until = excluded.locked_until, last_sign_in_at = excluded.last_sign_in_at,
                source = excluded.source, version = excluded.version, security_stamp = excluded.security_stamp
            """,
            new
            {
                saved.UserName, saved.DisplayName, Roles = string.Join(',', saved.Roles), saved.PasswordHash, saved.Disabled,
                saved.MustChangePassword, saved.FailedSignIns, LockedUntil = saved.LockedUntil?.ToString("O"),
                CreatedAt = saved.CreatedAt.ToString("O"), LastSignInAt = saved.LastSignInAt?.ToString("O"), saved.Source, saved.Version, saved.SecurityStamp,
            }, transaction);
        AppendAudit(connection, transaction, audit);
        transaction.Commit();
        return Task.FromResult(saved);
    }

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        AppendAudit(connection, transaction, entry);
        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        // instr() rather than LIKE: the filter text may contain % or _; lower() folds ASCII, enough for user names and actions.
        var rows = connection.Query<AuditRow>("""
            SELECT id, at, actor, action, target, summary, correlation_id AS CorrelationId FROM audit_log
            WHERE (@Actor IS NULL OR instr(lower(actor), lower(@Actor)) > 0)
              AND (@Action IS NULL OR substr(action, 1, length(@Action)) = @Action)
              AND (@Text IS NULL OR instr(lower(target), lower(@Text)) > 0 OR instr(lower(summary), lower(@Text)) > 0)
              AND (@From IS NULL OR at >= @From)
              AND (@To IS NULL OR at < @To)
            ORDER BY id DESC
            LIMIT @Limit
            """,
            new
            {
                Actor = Blank(query.Actor), Action = Blank(query.Action), Text = Blank(query.Text),
                From = query.From?.UtcDateTime.ToString("O"), To = query.To?.UtcDateTime.ToString("O"), query.Limit,
            });
        return Task.FromResult<IReadOnlyList<AuditEntry>>(rows.Select(r => new AuditEntry(r.Id, DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture),
            r.Actor, r.Action, r.Target, r.Summary, r.CorrelationId)).ToList());
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Appends within the caller's transaction, so the entry commits or rolls back with the change it records.</summary>
    private static void AppendAudit(SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry)
    {
        var e = entry.Capped();
        // UTC with a fixed format, so text order is time order for the range filter.
        connection.Execute("""
            INSERT INTO audit_log (at, actor, action, target, summary, correlation_id)
            VALUES (@At, @Actor, @Action, @Target, @Summary, @CorrelationId)
            """, new { At = e.At.UtcDateTime.ToString("O"), e.Actor, e.Action, e.Target, e.Summary, e.CorrelationId }, transaction);
    }

    private static IReadOnlyDictionary<(string Kind, string Id), string> PriorNames(
        SqliteConnection connection, SqliteTransaction transaction, WorkspaceChangeSet changes)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var (kind, ids) in WorkspaceAudit.NamesToLookUp(changes))
        {
            if (ids.Count == 0) continue;
            var sql = kind switch
            {
                WorkspaceAudit.Kinds.Journey => "SELECT id, name FROM journeys WHERE id IN @ids",
                WorkspaceAudit.Kinds.Person => "SELECT id, display_name AS name FROM people WHERE id IN @ids",
                WorkspaceAudit.Kinds.Team => "SELECT id, name FROM teams WHERE id IN @ids",
                WorkspaceAudit.Kinds.Role => "SELECT id, title AS name FROM roles WHERE id IN @ids",
                _ => "SELECT id, name FROM metrics WHERE id IN @ids",
            };
            foreach (var (id, name) in connection.Query<(string, string)>(sql, new { ids = ids.Distinct().ToArray() }, transaction))
                names[(kind, id)] = name;
        }
        return names;
    }

    private static WorkspaceCounts CountWorkspace(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.QuerySingle<WorkspaceCounts>("""
            SELECT (SELECT COUNT(*) FROM journeys) AS Journeys, (SELECT COUNT(*) FROM people) AS People,
                   (SELECT COUNT(*) FROM teams) AS Teams, (SELECT COUNT(*) FROM roles) AS Roles,
                   (SELECT COUNT(*) FROM ownership) AS Ownership, (SELECT COUNT(*) FROM metrics) AS Metrics
            """, transaction: transaction);

    private static string SharingJson(IReadOnlyList<string> sharedWith) =>
        JsonSerializer.Serialize(sharedWith);

    private static IReadOnlyList<string> ParseSharing(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    private const string SelectAccount = """
        SELECT user_name AS UserName, display_name AS DisplayName, roles, password_hash AS PasswordHash, disabled,
               must_change_password AS MustChangePassword, failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil,
               created_at AS CreatedAt, last_sign_in_at AS LastSignInAt, source, version, security_stamp AS SecurityStamp
        FROM accounts
        """;

    private sealed record AccountRow(string UserName, string DisplayName, string Roles, string? PasswordHash, long Disabled, long MustChangePassword,
        long FailedSignIns, string? LockedUntil, string CreatedAt, string? LastSignInAt, string Source, long Version, string SecurityStamp)
    {
        public Account ToAccount() => new(UserName, DisplayName, Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), PasswordHash,
            Disabled != 0, MustChangePassword != 0, (int)FailedSignIns, ParseTime(LockedUntil), ParseTime(CreatedAt)!.Value, ParseTime(LastSignInAt), Version)
        {
            Source = Source,
            SecurityStamp = SecurityStamp,
        };

        private static DateTimeOffset? ParseTime(string? text) =>
            text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    private sealed record AuditRow(long Id, string At, string Actor, string Action, string Target, string Summary, string? CorrelationId);
}
