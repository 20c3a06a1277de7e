using JourneyOrg.Workspaces;
using JourneyOrg.Web.Infrastructure;
using static JourneyOrg.Tests.Workspaces.SampleDocuments;

namespace JourneyOrg.Tests.Workspaces;

public sealed class DemoWorkspaceTests
{
    [Fact]
    public async Task The_demo_workspace_is_valid_and_realistically_sized()
    {
        var demo = await DemoData.LoadAsync();

        Assert.InRange(demo.People.Count, 200, 400);
        Assert.InRange(demo.Teams.Count, 20, 30);
        Assert.InRange(demo.Journeys.Count(j => j.Phases.Count > 0), 10, 16);
        Assert.Contains(demo.People, p => !p.AccountEnabled);
        Assert.Contains(demo.Teams, t => t.Type == "platform");
        Assert.Contains(demo.Teams, t => t.Type == "enabling");
        Assert.Contains(demo.Teams, t => t.Type == "complicated-subsystem");
        Assert.NotEmpty(demo.Metrics);
        Assert.NotEmpty(demo.Roles);
    }

    [Fact]
    public async Task The_demo_reuses_sub_journeys_in_several_journeys()
    {
        var demo = await DemoData.LoadAsync();

        var usedBy = demo.Journeys
            .SelectMany(j => j.Phases.SelectMany(p => p.Steps).Where(s => s.SubjourneyId is not null).Select(s => (s.SubjourneyId, j.Id)))
            .Distinct()
            .GroupBy(u => u.SubjourneyId);

        Assert.True(usedBy.Count(g => g.Count() >= 2) >= 3);
    }

    [Fact]
    public async Task The_demo_owns_journeys_phases_and_steps()
    {
        var demo = await DemoData.LoadAsync();
        var journeys = demo.Journeys.Select(j => j.Id).ToHashSet();
        var phases = demo.Journeys.SelectMany(j => j.Phases).Select(p => p.Id).ToHashSet();

        Assert.Contains(demo.Ownership, o => journeys.Contains(o.TargetId));
        Assert.Contains(demo.Ownership, o => phases.Contains(o.TargetId));
        Assert.Contains(demo.Ownership, o => o.TargetId.StartsWith("s-", StringComparison.Ordinal));
        Assert.Contains(demo.Ownership, o => o.Kind == Domain.OwnershipKind.Contributing);
    }

    [Fact]
    public void The_demo_file_in_the_repository_is_the_one_the_app_ships()
    {
        Assert.Equal(File.ReadAllBytes(DemoWorkspacePath), File.ReadAllBytes(DemoData.FilePath));
    }

    [Fact]
    public async Task Seeding_fills_an_empty_store_once()
    {
        using var temporary = new TemporaryStore();

        Assert.True(await DemoData.SeedIfEmptyAsync(temporary.Store));
        var seeded = await temporary.ExportAsync();
        Assert.False(await DemoData.SeedIfEmptyAsync(temporary.Store));

        Assert.Equal(WorkspaceWriter.ToJson(await DemoData.LoadAsync()), seeded);
        Assert.Equal(seeded, await temporary.ExportAsync());
    }
}
