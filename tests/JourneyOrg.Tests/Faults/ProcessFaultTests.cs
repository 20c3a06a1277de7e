using System.Diagnostics;
using JourneyOrg.Domain;
using JourneyOrg.Tests.Web;
using JourneyOrg.Web.Cli;
using JourneyOrg.Web.Storage.Sqlite;
using JourneyOrg.Workspaces;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace JourneyOrg.Tests.Faults;

/// <summary>
/// The app as separate operating-system processes on one SQLite file: what a command line starts, two processes
/// opening a new store at once, two writing at once, and an import killed with SIGKILL.
/// </summary>
public sealed class ProcessFaultTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory.CreateTempSubdirectory("journeyorg-faults-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private string NewStorePath() => Path.Combine(_directory, $"store-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_mistyped_verb_exits_with_usage_instead_of_starting_the_web_server()
    {
        var (exit, stdout, stderr) = await AppProcess.RunAsync(Timeout, "imprt", "file.json");

        Assert.True(exit is not null, "the process was still running (a web server?) and had to be killed: " + stdout);
        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith("unknown verb 'imprt'", stderr);
        Assert.Contains("usage: journeyorg", stderr);
        Assert.DoesNotContain("Now listening", stdout);
    }

    [Fact]
    public async Task Help_lists_every_verb_from_the_real_executable()
    {
        var (exit, stdout, _) = await AppProcess.RunAsync(Timeout, "--help");

        Assert.Equal(CliApp.Success, exit);
        foreach (var verb in CliApp.Verbs) Assert.Contains($"  {verb.Name} ", stdout);
    }

    [Fact]
    public async Task Options_and_settings_first_still_start_the_web_app()
    {
        Assert.False(CliApp.IsCommandLine(["--urls=http://127.0.0.1:0"]));
        Assert.False(CliApp.IsCommandLine(["JourneyOrg:Store=sqlite:x.db"]));
        Assert.False(CliApp.IsCommandLine([]));
        Assert.True(CliApp.IsCommandLine(["imprt", "file.json"]));
        Assert.True(CliApp.IsCommandLine(["--help"]));

        var path = NewStorePath();
        using var web = AppProcess.Start("--urls=http://127.0.0.1:0", $"JourneyOrg:Store=sqlite:{path}");
        var deadline = DateTime.UtcNow + Timeout;
        while (!web.Stdout.Contains("Now listening") && !web.HasExited && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Contains("Now listening", web.Stdout);
    }

    [Fact]
    public async Task Many_openers_of_one_new_store_at_once_all_succeed_and_apply_each_script_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var path = NewStorePath();
            using var start = new Barrier(8);
            var openers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                var store = new SqliteWorkspaceStore(path);
                start.SignalAndWait();
                await store.InitializeAsync();
            })).ToArray();
            await Task.WhenAll(openers);

            await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations";
            using var reader = command.ExecuteReader();
            reader.Read();
            Assert.Equal(SqliteSchema.Scripts.Count, reader.GetInt32(0));
            Assert.Equal(SqliteSchema.Scripts.Count, reader.GetInt32(1));
        }
    }

    [Fact]
    public async Task Two_processes_opening_one_new_store_at_once_both_succeed()
    {
        for (var round = 0; round < 3; round++)
        {
            var path = NewStorePath();
            using var first = AppProcess.Start("export", Path.Combine(_directory, $"a-{round}.json"), "--store", "sqlite:" + path);
            using var second = AppProcess.Start("export", Path.Combine(_directory, $"b-{round}.json"), "--store", "sqlite:" + path);
            Assert.True(await first.ExitCodeAsync(Timeout) == CliApp.Success, first.Stderr);
            Assert.True(await second.ExitCodeAsync(Timeout) == CliApp.Success, second.Stderr);
        }
    }

    /// <summary>A copy of the sample organisation with <paramref name="count"/> more teams named by <paramref name="prefix"/>.</summary>
    private string WorkspaceFileWithTeams(string prefix, int count) => AppProcess.SampleFileWithTeams(_directory, prefix, count);

    [Fact]
    public async Task Two_processes_merging_into_one_store_at_once_both_land_or_one_is_told_to_try_again()
    {
        var path = NewStorePath();
        var store = new SqliteWorkspaceStore(path);
        await store.InitializeAsync();
        await store.ReplaceAsync(SampleWorkspace.Create());
        var landed = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var files = new[] { WorkspaceFileWithTeams($"t-a{round}", 300), WorkspaceFileWithTeams($"t-b{round}", 300) };
            var runs = files.Select(f => (File: f, Process: AppProcess.Start("import", f, "--merge", "--store", "sqlite:" + path))).ToList();
            foreach (var (file, process) in runs)
            {
                var exit = await process.ExitCodeAsync(Timeout);
                output.WriteLine($"round {round} {Path.GetFileName(file)}: exit {exit} {process.Stderr.Trim()}");
                if (exit == CliApp.Success) landed.Add(Path.GetFileNameWithoutExtension(file));
                else
                {
                    Assert.Equal(CliApp.TryAgain, exit);
                    Assert.Contains("Try again", process.Stderr);
                }
                process.Dispose();
            }
        }

        var teams = (await store.LoadAsync()).Workspace.Teams.Select(t => t.Id).ToHashSet();
        // Nothing that was reported imported is lost to the other writer.
        foreach (var prefix in landed)
            Assert.All(Enumerable.Range(0, 300), i => Assert.Contains($"{prefix}-{i}", teams));
        Assert.True(landed.Count >= 3, "most concurrent merges should land (they are redone on top of each other): " + string.Join(", ", landed));
    }

    [Fact]
    public async Task An_import_killed_with_SIGKILL_leaves_the_store_as_it_was_or_wholly_imported()
    {
        var path = NewStorePath();
        var store = new SqliteWorkspaceStore(path);
        await store.InitializeAsync();
        var before = SampleWorkspace.Create();
        var beforeRevision = await store.ReplaceAsync(before);
        var big = WorkspaceGenerator.Generate(20_000, 7);
        var file = Path.Combine(_directory, "big.json");
        WorkspaceWriter.WriteFile(big, file);

        // Kill at fractions of how long a whole import takes here, however fast this machine imports: early ones land at
        // start-up and while the file is read and checked, the dense late ones around the write and its commit.
        var timed = Stopwatch.StartNew();
        using (var whole = AppProcess.Start("import", file, "--store", "sqlite:" + path))
            Assert.True(await whole.ExitCodeAsync(Timeout) == CliApp.Success, whole.Stderr);
        var duration = timed.ElapsedMilliseconds;
        output.WriteLine($"a whole import took {duration} ms");
        beforeRevision = await new SqliteWorkspaceStore(path).ReplaceAsync(before);

        var killedMidway = 0;
        foreach (var delay in new[] { 0.15, 0.35, 0.55, 0.7, 0.8, 0.87, 0.93, 0.98 }.Select(share => (int)(duration * share)))
        {
            using var import = AppProcess.Start("import", file, "--store", "sqlite:" + path);
            await Task.Delay(delay);
            var running = !import.HasExited;
            if (running) { import.KillHard(); killedMidway++; }
            SqliteConnection.ClearAllPools();

            var after = await new SqliteWorkspaceStore(path).LoadAsync();
            output.WriteLine($"killed after {delay} ms: {(running ? "yes" : "had finished")}, {after.Workspace.People.Count} people, revision {after.Revision}");
            Assert.Empty(WorkspaceValidator.Validate(after.Workspace));
            if (after.Workspace.People.Count == before.People.Count)
            {
                Assert.Equal(beforeRevision, after.Revision);
                Assert.Equal(before.Teams.Select(t => t.Id).Order(), after.Workspace.Teams.Select(t => t.Id).Order());
            }
            else
            {
                Assert.Equal(big.People.Count, after.Workspace.People.Count);
                Assert.Equal(big.Teams.Count, after.Workspace.Teams.Count);
                Assert.Equal(big.Ownership.Count, after.Workspace.Ownership.Count);
                // Back to the small organisation for the next kill.
                beforeRevision = await new SqliteWorkspaceStore(path).ReplaceAsync(before);
            }
        }
        Assert.True(killedMidway > 0, "no import was still running when killed: use a bigger file");
    }
}
