using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Cli;

/// <summary><c>generate</c>: writes a synthetic, realistic workspace of a given size.</summary>
public sealed class GenerateVerb : ICliVerb
{
    public string Name => "generate";

    public string Summary => "Generate a synthetic workspace (journeyorg/v1) of N people, for demos and benchmarks";

    public string Help => """
        usage: journeyorg generate --people N [--seed S] [--out FILE]

        Writes a journeyorg/v1 workspace shaped like a real org: squads of 5–15 in tribes and divisions, a
        journey framework with reusable sub-journeys, spans of 3–10, and (at 100,000 people) about 1,300
        teams, 330 journeys, 2,400 units and 12 reporting layers, with some gaps, overlaps and disabled accounts.
        The same N and S always give the same workspace.

          --people N   number of people (required)
          --seed S     random seed (default 1)
          --out FILE   write to FILE instead of standard output

        Exit codes: 0 done, 1 usage error.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = EngineArgs.Parse(args, ["--people", "--seed", "--out"], []);
        if (options.Error is not null) { stderr.WriteLine($"generate: {options.Error}"); stderr.WriteLine(Help); return CliApp.UsageError; }
        if (options.Help) { stdout.WriteLine(Help); return CliApp.Success; }
        if (!options.Has("--people")) { stderr.WriteLine("generate: --people N is required"); stderr.WriteLine(Help); return CliApp.UsageError; }
        var people = options.Int("--people", 0, out var peopleError);
        var seed = options.Int("--seed", 1, out var seedError);
        if (people is null || seed is null) { stderr.WriteLine($"generate: {peopleError ?? seedError}"); return CliApp.UsageError; }

        var workspace = WorkspaceGenerator.Generate(people.Value, seed.Value);
        if (options.Value("--out") is { } file)
        {
            await using var stream = File.Create(file);
            InterimWorkspaceJson.Write(stream, workspace);
            stderr.WriteLine($"generate: wrote {workspace.People.Count} people, {workspace.Teams.Count} teams, {workspace.Journeys.Count} journeys to {file}");
        }
        else
        {
            using var buffer = new MemoryStream();
            InterimWorkspaceJson.Write(buffer, workspace, indented: true);
            await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        return CliApp.Success;
    }
}
