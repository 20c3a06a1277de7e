using System.Text.RegularExpressions;
using JourneyOrg.Storage;
using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Cli;

namespace JourneyOrg.Tests.Cli;

public sealed class UsersVerbTests : IDisposable
{
    private readonly TemporaryStore _store = new();

    private Task<CliRun> Users(params string[] args) => CliRun.Of(["users", .. args, "--store", _store.Spec]);

    [Fact]
    public async Task An_it_admin_creates_the_first_hr_account_with_a_one_time_password_printed_once()
    {
        var run = await Users("add", "Harriet", "--role", "HR");
        Assert.Equal(CliApp.Success, run.ExitCode);
        var password = Regex.Match(run.Stdout, "one-time password  (\\S+)  ").Groups[1].Value;
        Assert.Equal(20, password.Length);

        var account = (await ((IAccountStore)_store.Store).GetAccountAsync("harriet"))!;
        Assert.Equal(["HR"], account.Roles);
        Assert.True(account.MustChangePassword);
        Assert.False(account.Disabled);
        Assert.NotEqual(password, account.PasswordHash);

        var list = await Users("list");
        Assert.Contains("harriet", list.Stdout);
        Assert.Contains("HR", list.Stdout);
        Assert.DoesNotContain(password, list.Stdout);
        var audit = await ((IAccountStore)_store.Store).ListAuditAsync(new AuditQuery(Action: AuditActions.AccountCreate));
        Assert.Contains(audit, e => e.Target == "harriet" && !e.Summary.Contains(password));
    }

    [Fact]
    public async Task A_given_password_is_kept_and_disable_stops_the_account()
    {
        Assert.Equal(CliApp.Success, (await Users("add", "pete", "--role", "Planner,Viewer", "--password", "a-long-enough-secret")).ExitCode);
        var account = (await ((IAccountStore)_store.Store).GetAccountAsync("pete"))!;
        Assert.Equal(["Viewer", "Planner"], account.Roles);
        Assert.False(account.MustChangePassword);

        var disabled = await Users("disable", "pete");
        Assert.Equal(CliApp.Success, disabled.ExitCode);
        Assert.True((await ((IAccountStore)_store.Store).GetAccountAsync("pete"))!.Disabled);
        Assert.Contains("disabled", (await Users("list")).Stdout);
    }

    [Theory]
    [InlineData("add", "x", "--role", "Boss")]
    [InlineData("add", "x")]
    [InlineData("add", "x", "--role", "HR", "--password", "short")]
    [InlineData("disable", "nobody")]
    [InlineData("remove", "x")]
    public async Task Wrong_use_is_a_usage_error_that_says_why(params string[] args)
    {
        var run = await Users(args);
        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.NotEmpty(run.Stderr);
    }

    [Fact]
    public async Task A_taken_name_is_refused()
    {
        await Users("add", "vera", "--role", "Viewer");
        var again = await Users("add", "Vera", "--role", "Admin");
        Assert.Equal(CliApp.UsageError, again.ExitCode);
        Assert.Contains("already an account", again.Stderr);
    }

    public void Dispose() => _store.Dispose();
}
