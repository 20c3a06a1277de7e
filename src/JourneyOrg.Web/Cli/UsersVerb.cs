using System.Globalization;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.SignIn;

namespace JourneyOrg.Web.Cli;

/// <summary>
/// <c>users add|list|disable</c>: local accounts from the server's command line, so an IT admin can create the first HR
/// account (or any other) without the web app. Runs as the server's operator; every change is in the audit log.
/// </summary>
public sealed class UsersVerb : ICliVerb
{
    public string Name => "users";

    public string Summary => "Add, list or disable local sign-in accounts";

    public string Help => $"""
        usage: journeyorg users add NAME --role ROLE[,ROLE…] [--password P] [--display-name TEXT] [--store SPEC]
               journeyorg users list [--store SPEC]
               journeyorg users disable NAME [--store SPEC]

        add       creates a local account with the given roles ({string.Join(", ", AppRoles.All)}). Without --password a
                  one-time password is generated and printed once; it must be changed at the first sign-in.
        list      prints every account: name, roles, local or Entra, disabled or not, last sign-in.
        disable   stops an account from signing in (its history stays; an admin can enable it again in the web app).

        options:
          --role ROLE[,ROLE…]   one or more roles, comma separated (add)
          --password P          the password to set (add; at least {LocalAccounts.MinPasswordLength} characters)
          --display-name TEXT   the name shown in the app (add; default: NAME)
        {CliStore.Help}

        exit codes: 0 done, 1 usage error (unknown role, a name already taken, no such account)
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [CliArguments.Store, "--role", "--password", "--display-name"], [], maxPositionals: 2);
        var command = arguments.Positionals.FirstOrDefault() ?? throw new CliUsageException("say what to do: add, list or disable");
        IAccountStore accounts = await CliStore.OpenAsync(arguments.Value(CliArguments.Store), cancellationToken);
        using var actor = AuditContext.Begin("cli:" + Environment.UserName, "journeyorg users " + command);
        switch (command)
        {
            case "add": return await AddAsync(accounts, arguments, stdout, cancellationToken);
            case "list": return await ListAsync(accounts, stdout, cancellationToken);
            case "disable": return await DisableAsync(accounts, arguments, stdout, cancellationToken);
            default: throw new CliUsageException($"unknown command '{command}'; use add, list or disable");
        }
    }

    private static string NameOf(CliArguments arguments) =>
        arguments.Positionals.Count > 1 && arguments.Positionals[1].Trim().Length > 0 ? arguments.Positionals[1].Trim() : throw new CliUsageException("give the account's user name");

    private static async Task<int> AddAsync(IAccountStore accounts, CliArguments arguments, TextWriter stdout, CancellationToken cancellationToken)
    {
        var name = NameOf(arguments);
        var asked = (arguments.Value("--role") ?? throw new CliUsageException($"give at least one --role: {string.Join(", ", AppRoles.All)}"))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var roles = AppRoles.Known(asked);
        var unknown = asked.Where(r => !AppRoles.All.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0 || roles.Count == 0)
            throw new CliUsageException($"unknown role '{string.Join("', '", unknown)}'; use {string.Join(", ", AppRoles.All)}");
        if (await accounts.GetAccountAsync(name, cancellationToken) is not null)
            throw new CliUsageException($"there is already an account '{name}'");

        var given = arguments.Value("--password");
        if (given is not null && LocalAccounts.PasswordProblems(given, name) is { Count: > 0 } problems)
            throw new CliUsageException("the password is not acceptable: " + string.Join(" ", problems));
        var oneTime = given is null;
        var password = given ?? LocalAccounts.GeneratePassword();
        var account = new Account(Account.Normalize(name), arguments.Value("--display-name") ?? name, roles, null, false, oneTime, 0, null,
            DateTimeOffset.UtcNow, null, 0);
        account = account with { PasswordHash = LocalAccounts.Hash(account, password) };
        try
        {
            await accounts.SaveAccountAsync(account, null, AuditEntry.Now(AuditActions.AccountCreate, account.UserName,
                $"created from the command line with roles {string.Join(", ", roles)}; password {(oneTime ? "generated, to be changed at first sign-in" : "given")}"),
                cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            throw new CliUsageException($"there is already an account '{name}'");
        }
        await stdout.WriteLineAsync(oneTime
            ? $"Created '{account.UserName}' ({string.Join(", ", roles)}) with the one-time password  {password}  — it is shown only now and must be changed at the first sign-in."
            : $"Created '{account.UserName}' ({string.Join(", ", roles)}) with the given password.");
        return CliApp.Success;
    }

    private static async Task<int> ListAsync(IAccountStore accounts, TextWriter stdout, CancellationToken cancellationToken)
    {
        var all = await accounts.ListAccountsAsync(cancellationToken);
        if (all.Count == 0)
        {
            await stdout.WriteLineAsync("No accounts yet: the web app creates 'admin' at its first start, or add one with 'users add'.");
            return CliApp.Success;
        }
        var width = Math.Max(4, all.Max(a => a.UserName.Length)) + 2;
        await stdout.WriteLineAsync($"{"name".PadRight(width)}{"roles",-28}{"source",-8}{"state",-10}last sign-in");
        foreach (var a in all.OrderBy(a => a.UserName, StringComparer.Ordinal))
            await stdout.WriteLineAsync($"{a.UserName.PadRight(width)}{string.Join(",", a.Roles),-28}{a.Source,-8}{(a.Disabled ? "disabled" : "active"),-10}" +
                (a.LastSignInAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"));
        return CliApp.Success;
    }

    private static async Task<int> DisableAsync(IAccountStore accounts, CliArguments arguments, TextWriter stdout, CancellationToken cancellationToken)
    {
        var name = NameOf(arguments);
        var account = await accounts.GetAccountAsync(name, cancellationToken) ?? throw new CliUsageException($"there is no account '{name}'");
        if (account.Disabled)
        {
            await stdout.WriteLineAsync($"'{account.UserName}' is already disabled.");
            return CliApp.Success;
        }
        await accounts.SaveAccountAsync(account with { Disabled = true }, account.Version,
            AuditEntry.Now(AuditActions.AccountUpdate, account.UserName, "disabled from the command line"), cancellationToken);
        await stdout.WriteLineAsync($"Disabled '{account.UserName}': it can no longer sign in.");
        return CliApp.Success;
    }
}
