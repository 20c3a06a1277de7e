using JourneyOrg.Tests.JourneyManagement;
using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Cli;

namespace JourneyOrg.Tests.Cli;

public sealed class JourneyImportVerbTests : IDisposable
{
    private readonly TemporaryStore _temporary = new();

    public JourneyImportVerbTests() => _temporary.Store.ReplaceAsync(TheyDoSamples.Org()).GetAwaiter().GetResult();

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_temporary.Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Import_recognises_a_TheyDo_file_by_its_format_and_lists_what_it_could_not_map()
    {
        var run = await CliRun.Of("import", WriteFile("metrics.json", TheyDoSamples.Metrics), "--store", _temporary.Spec);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.StartsWith("Imported THEYDO_METRICS_V1 into sqlite:", run.Stdout);
        Assert.Contains(": 5 new, 0 updated", run.Stdout);
        Assert.Contains("not mapped: $.metrics[0].groups[1]: no team is named 'Nobody'", run.Stdout);
        Assert.Equal(5, (await _temporary.Store.LoadAsync()).Workspace.Metrics.Count);
    }

    [Fact]
    public async Task An_invalid_TheyDo_file_exits_2_with_every_error_and_imports_nothing()
    {
        var before = await _temporary.ExportAsync();
        var broken = TheyDoSamples.With(TheyDoSamples.Metrics, d =>
        {
            d["metrics"]![0]!.AsObject().Remove("title");
            d["metrics"]![2]!["dataPoints"]![0]!["respondents"] = -1;
        });

        var run = await CliRun.Of("import", WriteFile("broken.json", broken), "--store", _temporary.Spec);

        Assert.Equal(CliApp.InvalidInput, run.ExitCode);
        Assert.Equal(
            ["$.metrics[0].title: required field is missing", "$.metrics[2].dataPoints[0].respondents: -1 is out of range; allowed 0 to 2147483647"],
            run.StderrLines);
        Assert.Equal(before, await _temporary.ExportAsync());
    }

    [Fact]
    public async Task Import_takes_data_points_from_csv_and_reports_lines_and_columns()
    {
        await CliRun.Of("import", WriteFile("metrics.json", TheyDoSamples.Metrics), "--store", _temporary.Spec);

        var bad = await CliRun.Of("import", WriteFile("bad.csv", "date,metric,value\n2024-04-30,csat,abc\n"), "--store", _temporary.Spec);
        var good = await CliRun.Of("import", WriteFile("good.csv", "date,metric,value\n2024-04-30,csat,64\n"), "--store", _temporary.Spec);

        Assert.Equal((CliApp.InvalidInput, "line 2, column 3: 'abc' is not a number (use a decimal point)"), (bad.ExitCode, bad.StderrLines.Single()));
        Assert.Equal(CliApp.Success, good.ExitCode);
        Assert.Contains("1 data point stored (1 new, 0 replaced) on 1 KPI", good.Stdout);
        Assert.Equal(64.0, (await _temporary.Store.LoadAsync()).Workspace.Metrics.Single(m => m.ImportKey == "csat").Value);
    }

    [Fact]
    public async Task Export_writes_a_TheyDo_format_that_imports_again()
    {
        await CliRun.Of("import", WriteFile("opps.json", TheyDoSamples.Opportunities), "--store", _temporary.Spec);
        var file = Path.Combine(_temporary.Directory, "out.json");

        var export = await CliRun.Of("export", file, "--theydo", "opportunities", "--store", _temporary.Spec);
        var again = await CliRun.Of("import", file, "--store", _temporary.Spec);

        Assert.Equal(CliApp.Success, export.ExitCode);
        Assert.Contains("\"format\": \"THEYDO_OPPORTUNITIES_V1\"", File.ReadAllText(file));
        Assert.Contains(": 0 new, 2 updated", again.Stdout);
    }

    public void Dispose() => _temporary.Dispose();
}
