using System.Diagnostics;
using System.Text;
using JourneyOrg.Domain;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Tests.Workspaces;

public sealed class WorkspaceValidatorTests
{
    private static readonly Workspace Edited = WorkspaceReader.Read(SampleDocuments.Valid).Workspace!;

    [Fact]
    public void A_valid_workspace_has_no_errors()
    {
        Assert.Empty(WorkspaceValidator.Validate(Edited));
        Assert.Empty(WorkspaceValidator.Validate(Workspace.Empty));
    }

    /// <summary>
    /// Large workspaces have their people checked on another core beside the rest (issue #17). The errors must be the
    /// same, in the same order, as one core finds them, with errors of every kind before, among and after the people's.
    /// </summary>
    [Fact]
    public void Checking_the_people_beside_the_rest_reports_the_same_errors_in_the_same_order()
    {
        var generated = WorkspaceGenerator.Generate(2000, seed: 5);
        var people = generated.People.ToList();
        people[10] = people[10] with { ManagerId = "nobody" };
        people[11] = people[11] with { RoleId = people[12].Id };
        people[20] = people[20] with { ManagerId = people[21].Id };
        people[21] = people[21] with { ManagerId = people[20].Id };
        people[30] = people[30] with { DisplayName = "" };
        people[40] = people[40] with { Id = people[41].Id };
        var journeys = generated.Journeys.ToList();
        journeys[1] = journeys[1] with { ParentId = "no-such-journey" };
        var teams = generated.Teams.ToList();
        teams[2] = teams[2] with { LeadId = "nobody", ParentId = teams[2].Id };
        var broken = generated with { People = people, Journeys = journeys, Teams = teams, Ownership = [.. generated.Ownership, new Ownership(teams[0].Id, "nothing", OwnershipKind.Accountable)] };

        foreach (var workspace in new[] { generated, broken, broken with { People = [.. people.Where((_, i) => i != 41)] } })
        {
            var oneCore = WorkspaceValidator.ValidateDocument(workspace, null, sideBySideFromPeople: int.MaxValue);
            var sideBySide = WorkspaceValidator.ValidateDocument(workspace, null, sideBySideFromPeople: 0);
            Assert.Equal(oneCore.Select(e => e.ToString()), sideBySide.Select(e => e.ToString()));
        }
        var errors = WorkspaceValidator.ValidateDocument(broken, null, sideBySideFromPeople: 0).Select(e => e.ToString()).ToList();
        Assert.True(errors.Count >= 8, string.Join("\n", errors));
        // Journeys before the people, the people's references before the teams, the reporting lines last.
        Assert.True(errors.FindIndex(e => e.Contains("no-such-journey")) < errors.FindIndex(e => e.Contains("'nobody'") && e.Contains("people")));
        Assert.True(errors.FindIndex(e => e.Contains("$.people[10]")) < errors.FindIndex(e => e.Contains("$.teams[2]")));
        Assert.Contains("cycle in the reporting lines", errors[^1]);
    }

    [Fact]
    public void An_edited_workspace_with_a_blank_team_name_is_reported_at_that_team()
    {
        var teams = Edited.Teams.ToList();
        teams[1] = teams[1] with { Name = "" };

        var error = Assert.Single(WorkspaceValidator.Validate(Edited with { Teams = teams }));

        Assert.Equal("$.teams[1].name: required field is empty", error.ToString());
    }

    [Fact]
    public void Moving_a_team_under_its_own_child_is_reported_as_a_cycle()
    {
        var teams = Edited.Teams.ToList();
        teams[0] = teams[0] with { ParentId = "t-motor" };

        var error = Assert.Single(WorkspaceValidator.Validate(Edited with { Teams = teams }));

        Assert.Contains("cycle in the team hierarchy", error.Message);
    }

    [Fact]
    public void An_allocation_that_is_not_a_number_is_out_of_range()
    {
        var teams = Edited.Teams.ToList();
        teams[0] = teams[0] with { Members = [new Membership("u-1", double.NaN)] };

        var error = Assert.Single(WorkspaceValidator.Validate(Edited with { Teams = teams }));

        Assert.Equal("$.teams[0].members[0].allocation", error.Path);
    }

    [Fact]
    public void An_unknown_record_source_is_reported()
    {
        var people = Edited.People.ToList();
        people[0] = people[0] with { Source = "ldap" };

        var error = Assert.Single(WorkspaceValidator.Validate(Edited with { People = people }));

        Assert.Equal("$.people[0].source: unknown value 'ldap'; use 'local' or 'entra'", error.ToString());
    }

    [Fact]
    public void The_caller_names_the_paths_of_the_records()
    {
        var people = Edited.People.ToList();
        people[2] = people[2] with { ManagerId = "u-404" };

        var error = Assert.Single(WorkspaceValidator.Validate(Edited with { People = people }, (section, index) => $"{section}/{index}"));

        Assert.Equal("people/2.managerId", error.Path);
    }

    [Fact]
    public async Task A_file_with_a_byte_order_mark_reads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SampleDocuments.Valid)).ToArray();

        var result = await WorkspaceReader.ReadAsync(new MemoryStream(bytes));

        Assert.True(result.IsValid);
    }

    [Fact]
    public async Task A_workspace_of_100000_people_in_a_deep_hierarchy_reads_and_validates_in_seconds()
    {
        // Every person reports to the one before: a 100,000-long chain that a recursive walk would overflow on.
        var people = Enumerable.Range(0, 100_000)
            .Select(i => new Person($"u-{i}", $"Person {i}", null, null, null, i == 0 ? null : $"u-{i - 1}", null, true))
            .ToList();
        var teams = Enumerable.Range(0, 10_000)
            .Select(t => new Team($"t-{t}", $"Team {t}", t == 0 ? null : $"t-{t - 1}", null, null,
                Enumerable.Range(0, 10).Select(k => new Membership($"u-{t * 10 + k}", 1.0)).ToList()))
            .ToList();
        var large = Workspace.Empty with { People = people, Teams = teams };
        using var file = new MemoryStream();
        WorkspaceWriter.Write(large, file);
        file.Position = 0;

        var clock = Stopwatch.StartNew();
        var result = await WorkspaceReader.ReadAsync(file);

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Take(5)));
        Assert.Equal(100_000, result.Workspace!.People.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
