using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Cli;
using static JourneyOrg.Tests.Workspaces.SampleDocuments;

namespace JourneyOrg.Tests.Cli;

public sealed class ImportVerbTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    private string WriteFile(string name, string json)
    {
        var path = Path.Combine(_temporary.Directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Import_loads_a_valid_file_and_says_what_it_imported()
    {
        var run = await CliRun.Of("import", WriteFile("valid.json", Valid), "--store", _temporary.Spec);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.StartsWith("Imported 3 journeys, 3 people, 2 teams, 1 roles, 2 ownership edges, 1 metrics into sqlite:", run.Stdout);
        Assert.Equal("", run.Stderr);
        Assert.Equal(3, (await _temporary.Store.LoadAsync()).Workspace.People.Count);
    }

    [Fact]
    public async Task Import_of_an_invalid_file_exits_2_with_one_error_per_line_and_changes_nothing()
    {
        await CliRun.Of("import", WriteFile("valid.json", Valid), "--store", _temporary.Spec);
        var before = await _temporary.ExportAsync();
        var broken = With(d =>
        {
            d["people"]![2]!["managerId"] = "u-9";
            d["teams"]![1]!["members"]![0]!["allocation"] = 0;
        });

        var run = await CliRun.Of("import", WriteFile("broken.json", broken), "--store", _temporary.Spec);

        Assert.Equal(CliApp.InvalidInput, run.ExitCode);
        Assert.Equal(
        [
            "$.people[2].managerId: no person with id 'u-9'",
            "$.teams[1].members[0].allocation: allocation 0 is out of range; it is a share of one person's time, more than 0 and at most 1",
        ], run.StderrLines);
        Assert.Equal("", run.Stdout);
        Assert.Equal(before, await _temporary.ExportAsync());
    }

    [Fact]
    public async Task Import_of_malformed_JSON_exits_2_with_line_and_column()
    {
        var run = await CliRun.Of("import", WriteFile("bad.json", "{\n  \"format\": \"journeyorg/v1\",,\n}"), "--store", _temporary.Spec);

        Assert.Equal(CliApp.InvalidInput, run.ExitCode);
        Assert.StartsWith("$: malformed JSON at line 2, column ", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Import_with_merge_upserts_into_the_stored_workspace()
    {
        await CliRun.Of("import", WriteFile("valid.json", Valid), "--store", _temporary.Spec);
        var addition = """{ "format": "journeyorg/v1", "roles": [ { "id": "r-handler", "title": "Claims handler" } ] }""";

        var run = await CliRun.Of("import", WriteFile("addition.json", addition), "--merge", "--store", _temporary.Spec);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Contains("1 new, 0 updated", run.Stdout);
        var stored = (await _temporary.Store.LoadAsync()).Workspace;
        Assert.Equal(["r-handler", "r-lead"], stored.Roles.Select(r => r.Id).Order());
        Assert.Equal(3, stored.People.Count);
    }

    [Fact]
    public async Task Import_without_a_file_is_a_usage_error()
    {
        var run = await CliRun.Of("import", "--store", _temporary.Spec);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith("import: import needs a FILE", run.Stderr);
    }

    [Fact]
    public async Task Import_of_a_missing_file_is_a_usage_error()
    {
        var run = await CliRun.Of("import", Path.Combine(_temporary.Directory, "nowhere.json"), "--store", _temporary.Spec);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith("import: cannot read ", run.Stderr);
    }

    [Fact]
    public async Task Import_of_two_files_is_a_usage_error()
    {
        var run = await CliRun.Of("import", "a.json", "b.json", "--store", _temporary.Spec);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith("import: unexpected argument 'b.json'", run.Stderr);
    }

    public void Dispose() => _temporary.Dispose();
}
