using JourneyOrg.Domain;
using JourneyOrg.JourneyManagement;
using JourneyOrg.JourneyManagement.Import;

namespace JourneyOrg.Tests.JourneyManagement;

public sealed class MetricCsvImportTests
{
    private static Workspace Workspace() => TheyDoSamples.Org() with
    {
        Metrics =
        [
            new Metric("m-drop", "s-1", "Drop-off", "%", 31, 20, "lower"),
            new Metric("m-nps", "s-2", "NPS", null, null, 30, "higher") { ImportKey = "nps-app", Type = MetricTypes.Nps },
        ],
    };

    private static CsvImportResult Plan(string csv) => MetricCsvImport.Plan(Workspace(), new StringReader(csv));

    [Fact]
    public void Rows_upsert_points_by_metric_date_and_dimensions_and_set_the_current_value()
    {
        var result = Plan("""
            date,metric,value,dimensions
            2024-01-31,m-drop,30,
            2024-02-29,Drop-off,25.5,
            2024-02-29,nps-app,12,region=EU
            "2024-02-29","nps-app","14","channel=web; region=US"
            """);

        Assert.Empty(result.Errors);
        var metrics = result.Plan!.Result.Metrics.ToDictionary(m => m.Id);
        Assert.Equal([30.0, 25.5], metrics["m-drop"].DataPoints.Select(p => p.Value));
        Assert.Equal(25.5, metrics["m-drop"].Value);
        Assert.Equal("channel=web;region=US", metrics["m-nps"].DataPoints[0].DimensionKey);
        Assert.Equal(13.0, metrics["m-nps"].Value);   // no counts behind them: the mean of the two
        Assert.Equal(2, result.Plan.Changes.UpsertMetrics.Count);
    }

    [Fact]
    public void Every_error_names_its_line_and_column_and_nothing_is_planned()
    {
        var result = Plan("""
            metric,date,value,dimensions
            m-drop,2024-13-01,1,
            m-nope,2024-01-31,x,
            m-drop,2024-01-31,2,region
            m-drop,2024-01-31,3,
            m-drop,2024-01-31,4,
            """);

        Assert.Null(result.Plan);
        Assert.Equal(
        [
            "line 2, column 2: '2024-13-01' is not a date; write YYYY-MM-DD",
            "line 3, column 1: no metric with id, import key or name 'm-nope'",
            "line 3, column 3: 'x' is not a number (use a decimal point)",
            "line 4, column 4: 'region' is not key=value; write e.g. region=EU;channel=web",
            "line 6: metric 'm-drop' already has a point for 2024-01-31 with no dimensions on line 5",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_header_must_name_date_metric_and_value()
    {
        var result = Plan("when,metric,value\n2024-01-31,m-drop,1\n");
        Assert.Equal(["line 1, column 1: unknown column 'when'; the columns are date, metric, value, dimensions", "line 1: the header has no 'date' column"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_later_lines_keep_their_numbers()
    {
        var result = Plan("date,metric,value,dimensions\n2024-01-31,m-drop,1,\"region=EU;\nchannel=web\"\n2024-01-31,bad,1,\n");
        Assert.Equal("line 4, column 2: no metric with id, import key or name 'bad'", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void An_ambiguous_name_asks_for_the_id()
    {
        var workspace = Workspace() with { Metrics = [.. Workspace().Metrics, new Metric("m-drop-2", "s-2", "Drop-off", "%", 1, 1, "lower")] };
        var result = MetricCsvImport.Plan(workspace, new StringReader("date,metric,value\n2024-01-31,Drop-off,1\n"));
        Assert.Contains("2 metrics are named 'Drop-off'", Assert.Single(result.Errors).Message);
    }
}
