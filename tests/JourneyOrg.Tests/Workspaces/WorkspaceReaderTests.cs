using System.Text.Json.Nodes;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;
using static JourneyOrg.Tests.Workspaces.SampleDocuments;

namespace JourneyOrg.Tests.Workspaces;

public sealed class WorkspaceReaderTests
{
    [Fact]
    public void A_valid_document_imports_without_errors()
    {
        var result = WorkspaceReader.Read(Valid);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        var workspace = result.Workspace!;
        Assert.Equal(["j-life", "j-id", "j-claim"], workspace.Journeys.Select(j => j.Id));
        Assert.Equal("j-id", workspace.Journeys[2].Phases[0].Steps[1].SubjourneyId);
        Assert.Equal(3, workspace.People.Count);
        Assert.Equal(0.5, workspace.Teams[1].Members[0].Allocation);
        Assert.Equal(OwnershipKind.Contributing, workspace.Ownership[1].Kind);
        Assert.Equal(new Metric("m-1", "p-claim-report", "Drop-off", "%", 31, 20, "lower"), workspace.Metrics[0]);
    }

    [Fact]
    public void Import_fills_in_the_documented_defaults()
    {
        var workspace = WorkspaceReader.Read(Valid).Workspace!;

        var lifecycle = workspace.Journeys[0];
        Assert.Null(lifecycle.ParentId);
        Assert.Equal("", lifecycle.Description);
        Assert.Empty(workspace.Journeys[2].Phases[1].Steps);
        Assert.Null(workspace.Journeys[2].Phases[0].Steps[0].SubjourneyId);
        Assert.Equal(1.0, workspace.Teams[0].Members[0].Allocation);
        Assert.True(workspace.People[0].AccountEnabled);
        Assert.False(workspace.People[2].AccountEnabled);
        Assert.Equal(RecordSource.Local, workspace.People[0].Source);
        Assert.Null(workspace.People[0].UserPrincipalName);
        Assert.Null(workspace.Teams[1].Type);
        Assert.Null(workspace.Teams[1].Description);
        Assert.Equal(RecordSource.Local, workspace.Teams[1].Source);
        Assert.Equal(OwnershipKind.Accountable, workspace.Ownership[0].Kind);
    }

    [Fact]
    public void Import_treats_missing_sections_as_empty()
    {
        var result = WorkspaceReader.Read("""{ "format": "journeyorg/v1" }""");

        Assert.True(result.IsValid);
        Assert.Empty(result.Workspace!.Journeys);
        Assert.Empty(result.Workspace.Metrics);
    }

    [Fact]
    public void Import_ignores_unknown_fields()
    {
        var json = With(d =>
        {
            d["generatedBy"] = "HR export 2026-11";
            d["people"]![0]!["favouriteColour"] = new JsonArray(1, 2);
        });

        Assert.Empty(ErrorsOf(json));
    }

    [Fact]
    public void Import_reads_the_directory_fields_of_people_and_teams()
    {
        var json = With(d =>
        {
            d["people"]![1]!["userPrincipalName"] = "bo@harbour.example";
            d["people"]![1]!["employeeId"] = "E-1002";
            d["people"]![1]!["employeeType"] = "Employee";
            d["people"]![1]!["officeLocation"] = "Bristol";
            d["people"]![1]!["source"] = "entra";
            d["teams"]![1]!["description"] = "Handles motor claims";
            d["teams"]![1]!["source"] = "entra";
        });

        var workspace = WorkspaceReader.Read(json).Workspace!;

        Assert.Equal(new Person("u-2", "Bo Chen", null, null, null, "u-1", null, true, "bo@harbour.example", "E-1002", "Employee", "Bristol", "entra"),
            workspace.People[1]);
        Assert.Equal("Handles motor claims", workspace.Teams[1].Description);
        Assert.Equal("entra", workspace.Teams[1].Source);
    }

    [Fact]
    public void Import_reports_malformed_JSON_with_line_and_column()
    {
        var json = "{\n  \"format\": \"journeyorg/v1\",\n  \"people\": [ { \"id\": \"u-1\" \"displayName\": \"Ada\" } ]\n}";

        var error = Assert.Single(ErrorsOf(json));

        Assert.Equal("$", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Equal(29, error.Column);
        Assert.StartsWith("malformed JSON at line 3, column 29: ", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void Import_reports_an_empty_file_as_malformed_JSON()
    {
        var error = Assert.Single(ErrorsOf(""));

        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Import_reports_a_document_that_is_not_an_object()
    {
        var error = Assert.Single(ErrorsOf("[1, 2]"));

        Assert.Equal("$: expected a workspace object, found an array", error.ToString());
    }

    [Fact]
    public void Import_reports_a_wrong_format_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["format"] = "journeyorg/v2")));

        Assert.Equal("$.format", error.Path);
        Assert.Contains("'journeyorg/v2'", error.Message);
    }

    [Fact]
    public void Import_reports_a_missing_format()
    {
        var error = Assert.Single(ErrorsOf(With(d => d.Remove("format"))));

        Assert.Equal("$.format", error.Path);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Import_reports_a_missing_required_field_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["people"]![1]!.AsObject().Remove("displayName"))));

        Assert.Equal("$.people[1].displayName: required field is missing", error.ToString());
    }

    [Fact]
    public void Import_reports_an_empty_required_field_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["journeys"]![2]!["phases"]![1]!["name"] = " ")));

        Assert.Equal("$.journeys[2].phases[1].name: required field is empty", error.ToString());
    }

    [Fact]
    public void Import_reports_a_wrong_type_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["teams"]![1]!["members"]![0]!["allocation"] = "half")));

        Assert.Equal("$.teams[1].members[0].allocation: expected a number, found the string \"half\"", error.ToString());
    }

    [Theory]
    [InlineData("accountEnabled", "\"yes\"", "expected true or false, found the string \"yes\"")]
    [InlineData("managerId", "42", "expected a string, found the number 42")]
    [InlineData("displayName", "{}", "expected a string, found an object")]
    public void Import_reports_each_wrong_type_once(string field, string value, string message)
    {
        var error = Assert.Single(ErrorsOf(With(d => d["people"]![1]![field] = JsonNode.Parse(value))));

        Assert.Equal($"$.people[1].{field}: {message}", error.ToString());
    }

    [Fact]
    public void Import_reports_a_section_that_is_not_an_array()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["metrics"] = new JsonObject())));

        Assert.Equal("$.metrics: expected an array, found an object", error.ToString());
    }

    [Fact]
    public void Import_reports_a_record_that_is_not_an_object_and_keeps_the_positions_after_it()
    {
        var json = With(d =>
        {
            d["people"]!.AsArray().Insert(0, "u-0");
            d["people"]![3]!["managerId"] = "u-404";
        });

        var errors = ErrorsOf(json).Select(e => e.ToString());

        Assert.Equal(["$.people[0]: expected an object, found the string \"u-0\"", "$.people[3].managerId: no person with id 'u-404'"], errors);
    }

    [Fact]
    public void Import_reports_a_duplicate_id_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["metrics"]![0]!["id"] = "s-claim-form")));

        Assert.Equal("$.metrics[0].id", error.Path);
        Assert.Equal("duplicate id 's-claim-form': already used by the step at $.journeys[2].phases[0].steps[0]; ids must be unique across the whole workspace",
            error.Message);
    }

    [Fact]
    public void Import_reports_a_dangling_manager_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["people"]![2]!["managerId"] = "u-9")));

        Assert.Equal("$.people[2].managerId: no person with id 'u-9'", error.ToString());
    }

    [Theory]
    [InlineData("journeys", 2, "parentId", "$.journeys[2].parentId: no journey with id 'x-1'")]
    [InlineData("people", 0, "roleId", "$.people[0].roleId: no role with id 'x-1'")]
    [InlineData("teams", 1, "parentId", "$.teams[1].parentId: no team with id 'x-1'")]
    [InlineData("teams", 0, "leadId", "$.teams[0].leadId: no person with id 'x-1'")]
    [InlineData("ownership", 0, "teamId", "$.ownership[0].teamId: no team with id 'x-1'")]
    [InlineData("ownership", 1, "targetId", "$.ownership[1].targetId: no journey, phase or step with id 'x-1'")]
    [InlineData("metrics", 0, "targetId", "$.metrics[0].targetId: no journey, phase or step with id 'x-1'")]
    public void Import_reports_a_dangling_reference_with_its_path(string section, int index, string field, string expected)
    {
        var error = Assert.Single(ErrorsOf(With(d => d[section]![index]![field] = "x-1")));

        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Import_reports_a_dangling_subjourney_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["journeys"]![2]!["phases"]![0]!["steps"]![1]!["subjourneyId"] = "j-gone")));

        Assert.Equal("$.journeys[2].phases[0].steps[1].subjourneyId: no journey with id 'j-gone'", error.ToString());
    }

    [Fact]
    public void Import_reports_a_dangling_member_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["teams"]![1]!["members"]![1]!["personId"] = "u-gone")));

        Assert.Equal("$.teams[1].members[1].personId: no person with id 'u-gone'", error.ToString());
    }

    [Fact]
    public void Import_reports_a_reference_to_the_wrong_kind_of_record()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["people"]![1]!["managerId"] = "t-claims")));

        Assert.Equal("$.people[1].managerId: 't-claims' is a team (at $.teams[0]), not a person", error.ToString());
    }

    [Theory]
    [InlineData("ownership", "ownership can only target a journey, phase or step")]
    [InlineData("metrics", "a metric can only target a journey, phase or step")]
    public void Import_reports_an_ownership_or_metric_target_that_is_not_part_of_a_journey(string section, string reason)
    {
        var error = Assert.Single(ErrorsOf(With(d => d[section]![0]!["targetId"] = "u-2")));

        Assert.Equal($"$.{section}[0].targetId: 'u-2' is a person (at $.people[1]); {reason}", error.ToString());
    }

    [Fact]
    public void Import_reports_a_cycle_in_the_team_hierarchy()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["teams"]![0]!["parentId"] = "t-motor")));

        Assert.Equal("$.teams[0].parentId: cycle in the team hierarchy: 't-claims' → 't-motor' → 't-claims'", error.ToString());
    }

    [Fact]
    public void Import_reports_a_cycle_in_the_journey_framework()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["journeys"]![0]!["parentId"] = "j-claim")));

        Assert.Equal("$.journeys[0].parentId: cycle in the journey framework: 'j-life' → 'j-claim' → 'j-life'", error.ToString());
    }

    [Fact]
    public void Import_reports_a_cycle_in_the_reporting_lines()
    {
        var json = With(d =>
        {
            d["people"]![0]!["managerId"] = "u-3";
            d["people"]![2]!["managerId"] = "u-2";
        });

        var error = Assert.Single(ErrorsOf(json));

        Assert.Equal("$.people[0].managerId: cycle in the reporting lines: 'u-1' → 'u-3' → 'u-2' → 'u-1'", error.ToString());
    }

    [Fact]
    public void Import_reports_a_person_who_manages_themselves_as_a_cycle()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["people"]![0]!["managerId"] = "u-1")));

        Assert.Equal("$.people[0].managerId: cycle in the reporting lines: 'u-1' → 'u-1'", error.ToString());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.25)]
    [InlineData(1.5)]
    public void Import_reports_an_allocation_out_of_range_with_its_path(double allocation)
    {
        var error = Assert.Single(ErrorsOf(With(d => d["teams"]![1]!["members"]![1]!["allocation"] = allocation)));

        Assert.Equal("$.teams[1].members[1].allocation", error.Path);
        Assert.Contains("out of range", error.Message);
    }

    [Fact]
    public void Import_accepts_a_full_allocation()
    {
        Assert.Empty(ErrorsOf(With(d => d["teams"]![1]!["members"]![0]!["allocation"] = 1)));
    }

    [Fact]
    public void Import_reports_an_unknown_ownership_kind_with_its_path()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["ownership"]![1]!["kind"] = "responsible")));

        Assert.Equal("$.ownership[1].kind: unknown ownership kind 'responsible'; use 'accountable' or 'contributing'", error.ToString());
    }

    [Fact]
    public void Import_reports_a_person_listed_twice_in_one_team()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["teams"]![1]!["members"]![1]!["personId"] = "u-2")));

        Assert.Equal("$.teams[1].members[1].personId", error.Path);
        Assert.StartsWith("'u-2' is listed twice in this team (first at $.teams[1].members[0])", error.Message);
    }

    [Fact]
    public void Import_accepts_a_person_in_two_teams()
    {
        Assert.Empty(ErrorsOf(With(d => d["teams"]![1]!["members"]![1]!["personId"] = "u-1")));
    }

    [Fact]
    public void Import_reports_a_team_that_owns_the_same_target_twice()
    {
        var json = With(d =>
        {
            d["ownership"]![1]!["teamId"] = "t-claims";
            d["ownership"]![1]!["targetId"] = "j-claim";
        });

        var error = Assert.Single(ErrorsOf(json));

        Assert.Equal("$.ownership[1]", error.Path);
        Assert.Contains("already owns", error.Message);
    }

    [Fact]
    public void Import_reports_an_unknown_metric_direction()
    {
        var error = Assert.Single(ErrorsOf(With(d => d["metrics"]![0]!["direction"] = "down")));

        Assert.Equal("$.metrics[0].direction: unknown value 'down'; use 'higher' or 'lower'", error.ToString());
    }

    [Fact]
    public void Import_reports_every_error_of_a_document_with_many()
    {
        var json = With(d =>
        {
            d["format"] = "journeyorg/v0";
            d["journeys"]![1]!["id"] = "j-claim";
            d["journeys"]![2]!["phases"]![0]!["steps"]![1]!["subjourneyId"] = "j-nowhere";
            d["people"]![0]!["managerId"] = "u-2";
            d["people"]![1]!["managerId"] = "u-1";
            d["people"]![2]!.AsObject().Remove("displayName");
            d["teams"]![0]!["parentId"] = "t-motor";
            d["teams"]![1]!["members"]![0]!["allocation"] = 2;
            d["teams"]![1]!["members"]![1]!["personId"] = "u-2";
            d["teams"]![1]!["members"]!.AsArray().Add(new JsonObject { ["personId"] = "u-7", ["allocation"] = "all" });
            d["ownership"]![0]!["kind"] = "owner";
            d["ownership"]![1]!["targetId"] = "r-lead";
            d["metrics"]![0]!["targetId"] = "p-nowhere";
        });

        var paths = ErrorsOf(json).Select(e => e.Path).Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "$.format",
            "$.journeys[2].id",
            "$.journeys[2].phases[0].steps[1].subjourneyId",
            "$.metrics[0].targetId",
            "$.ownership[0].kind",
            "$.ownership[1].targetId",
            "$.people[0].managerId",
            "$.people[2].displayName",
            "$.teams[0].parentId",
            "$.teams[1].members[0].allocation",
            "$.teams[1].members[1].personId",
            "$.teams[1].members[2].allocation",
            "$.teams[1].members[2].personId",
        ], paths);
    }
}
