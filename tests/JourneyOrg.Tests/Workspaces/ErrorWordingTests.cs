using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Workspaces;

/// <summary>Import errors say where as a person counts and names things, and why in words, never in .NET's.</summary>
public sealed class ErrorWordingTests
{
    private static IReadOnlyList<WorkspaceError> ErrorsOf(string json) => WorkspaceReader.Read(json).Errors;

    private const string Head = "{ \"format\": \"journeyorg/v1\", ";

    [Theory]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ { \"id\": \"u-1\", \"displayName\": \"Ada\" }, ] }", "a comma before a closing bracket ]")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [], }", "a comma before a closing brace }")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ { \"id\": \"u-1\" \"displayName\": \"Ada\" } ] }", "a comma is missing before")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ { id: \"u-1\" } ] }", "a field's name must be in double quotes")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ { \"id\": u-1 } ] }", "cannot start a value: text needs double quotes")]
    [InlineData("{ \"format\": \"journeyorg/v1\", \"people\": [ ", "the file ends too early")]
    [InlineData("", "the file is empty")]
    [InlineData("{ \"format\": \"journeyorg/v1\" // the format\n }", "JSON files cannot contain comments")]
    [InlineData("{ \"format\" \"journeyorg/v1\" }", "a colon : is missing")]
    public void Malformed_JSON_is_explained_in_words_with_line_and_column(string json, string reason)
    {
        var error = Assert.Single(ErrorsOf(json));
        Assert.Contains(reason, error.Message);
        Assert.Equal($"line {error.Line}, column {error.Column}", error.Where);
        Assert.DoesNotContain("reader options", error.ToText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("JsonReader", error.ToText());
        Assert.DoesNotContain("isFinalBlock", error.ToText());
        Assert.DoesNotContain("token", error.ToText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_trailing_comma_is_found_where_it_is()
    {
        var error = Assert.Single(ErrorsOf("{\n  \"format\": \"journeyorg/v1\",\n  \"teams\": [\n    { \"id\": \"t-1\", \"name\": \"Lending\" },\n  ]\n}"));
        Assert.Equal(5, error.Line);
        Assert.Equal("line 5, column 3: malformed JSON at line 5, column 3: a comma before a closing bracket ]; remove the comma after the last item of the list",
            $"{error.Where}: {error.Message}");
    }

    [Fact]
    public void A_dangling_manager_names_the_person_as_a_person_counts()
    {
        var errors = ErrorsOf(Head + """
            "people": [ { "id": "u-1", "displayName": "Bo Chen" }, { "id": "u-2", "displayName": "Ada Park", "managerId": "u-9" } ] }
            """);
        var error = Assert.Single(errors);
        Assert.Equal("$.people[1].managerId", error.Path);
        Assert.Equal("person 2, Ada Park's manager: no person with id 'u-9'", error.ToText());
    }

    [Fact]
    public void A_bad_allocation_names_the_team_and_the_member()
    {
        var errors = ErrorsOf(Head + """
            "people": [ { "id": "u-1", "displayName": "Ada Park" } ],
            "teams": [ { "id": "t-1", "name": "Lending", "members": [ { "personId": "u-1", "allocation": 1.5 } ] } ] }
            """);
        Assert.Equal("team 1 “Lending”, member 1 (Ada Park): allocation", Assert.Single(errors).Where);
    }

    [Fact]
    public void A_duplicate_id_names_both_records_in_words()
    {
        var errors = ErrorsOf(Head + """
            "people": [ { "id": "x-1", "displayName": "Ada Park" } ],
            "teams": [ { "id": "x-1", "name": "Lending" } ] }
            """);
        var error = Assert.Single(errors);
        Assert.Equal("team 1 “Lending”: id", error.Where);
        Assert.Contains("already used by the person at person 1, Ada Park", error.ToText());
        Assert.DoesNotContain("$.", error.ToText());
    }

    [Fact]
    public void Ownership_rows_and_steps_are_named_by_what_they_are()
    {
        var errors = ErrorsOf(Head + """
            "journeys": [ { "id": "j-1", "name": "Get a mortgage", "phases": [ { "id": "p-1", "name": "Apply", "steps": [ { "id": "s-1", "name": "Fill in", "subjourneyId": "j-9" } ] } ] } ],
            "teams": [ { "id": "t-1", "name": "Lending" } ],
            "ownership": [ { "teamId": "t-1", "targetId": "p-1", "kind": "accountable" }, { "teamId": "t-1", "targetId": "p-404", "kind": "accountable" } ] }
            """);
        Assert.Contains(errors, e => e.Where == "journey 1 “Get a mortgage” › phase 1 “Apply” › step 1 “Fill in”: the sub-journey it uses");
        Assert.Contains(errors, e => e.Where == "ownership row 2 (Lending → p-404): what it owns");
    }

    [Fact]
    public void An_edit_that_would_not_validate_is_refused_in_the_same_words()
    {
        var sample = JourneyOrg.Tests.Web.SampleWorkspace.Create();
        var edited = sample with { People = [.. sample.People.Select(p => p.Id == "u-ben" ? p with { ManagerId = "u-nobody" } : p)] };
        var error = Assert.Single(JourneyOrg.Web.Features.Editing.WorkspaceRules.Check(edited));
        Assert.Equal("Person 2, Ben Ortiz's manager: no person with id 'u-nobody'.", error);
    }
}
