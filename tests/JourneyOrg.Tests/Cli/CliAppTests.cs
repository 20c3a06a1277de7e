using JourneyOrg.Web.Cli;

namespace JourneyOrg.Tests.Cli;

public sealed class CliAppTests
{
    [Fact]
    public async Task Help_lists_every_verb()
    {
        var run = await CliRun.Of("--help");

        Assert.Equal(CliApp.Success, run.ExitCode);
        foreach (var verb in CliApp.Verbs)
            Assert.Contains($"  {verb.Name} ", run.Stdout);
    }

    [Fact]
    public async Task Every_verb_answers_help_with_its_usage()
    {
        foreach (var verb in CliApp.Verbs)
        {
            var run = await CliRun.Of(verb.Name, "--help");

            Assert.Equal(CliApp.Success, run.ExitCode);
            Assert.StartsWith($"usage: journeyorg {verb.Name}", run.Stdout);
            // healthcheck asks a running app over HTTP and never opens the store.
            if (verb is not HealthcheckVerb) Assert.Contains("--store", run.Stdout);
            Assert.Equal("", run.Stderr);
        }
    }

    [Fact]
    public async Task Help_with_a_verb_shows_that_verbs_usage()
    {
        var run = await CliRun.Of("help", "export");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.StartsWith("usage: journeyorg export", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error()
    {
        var run = await CliRun.Of("frobnicate");

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith("unknown verb 'frobnicate'", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await CliRun.Of("export", "--stroe", "sqlite:x.db");

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith("export: unknown option '--stroe'", run.Stderr);
    }

    [Fact]
    public async Task An_unusable_store_is_a_usage_error()
    {
        var run = await CliRun.Of("export", "--store", "oracle:prod");

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("Unknown store 'oracle:prod'", run.Stderr);
    }

    [Fact]
    public void Only_known_verbs_and_help_leave_the_web_app_alone()
    {
        Assert.True(CliApp.IsVerb("import"));
        Assert.True(CliApp.IsVerb("--help"));
        Assert.False(CliApp.IsVerb("--urls"));
    }
}
