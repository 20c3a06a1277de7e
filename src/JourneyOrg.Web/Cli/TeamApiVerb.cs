using JourneyOrg.Analysis;
using JourneyOrg.Teams;

namespace JourneyOrg.Web.Cli;

/// <summary><c>team-api [--team ID]</c>: the Team API documents, one team's or every team's as a JSON array.</summary>
public sealed class TeamApiVerb : ICliVerb
{
    public string Name => "team-api";

    public string Summary => "Team API as JSON: a team's members, the units and journeys it answers for, neighbours, KPIs, load";

    public string Help => $"""
        usage: journeyorg team-api [--team ID] [--workspace FILE | --store SPEC]

        Prints the Team API of one team (--team), or of every team as a JSON array, as GET /teams/ID/team-api.json
        serves it: id, name, type, lead, members, units, journeys, upstream, downstream, kpis, contributing and the
        cognitive-load signals. See docs/teams.md.

          --team ID         only this team (by id)
          --workspace FILE  read this journeyorg/v1 file instead of the store
        {CliStore.Help}

        exit codes: 0 done, 1 usage error, 2 the workspace could not be read or has no such team
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, ["--team", WorkspaceSource.Option, CliArguments.Store], [], maxPositionals: 0);
        var workspace = await WorkspaceSource.LoadAsync(options, stderr, Name, cancellationToken);
        if (workspace is null) return CliApp.InvalidInput;
        var documents = TeamApi.Build(workspace, AlignmentAnalysis.Analyze(workspace));
        if (options.Value("--team") is not { } teamId)
        {
            await stdout.WriteLineAsync(TeamApiJson.Serialize(documents));
            return CliApp.Success;
        }
        if (documents.FirstOrDefault(d => d.Id == teamId) is not { } document)
        {
            await stderr.WriteLineAsync($"{Name}: no team has the id '{teamId}'");
            return CliApp.InvalidInput;
        }
        await stdout.WriteLineAsync(TeamApiJson.Serialize(document));
        return CliApp.Success;
    }
}
