using System.Text.RegularExpressions;
using JourneyOrg.Domain;
using JourneyOrg.Web.Features.Shared;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Web.Features.Editing;

/// <summary>
/// The checks an edit must pass before it is stored. The common mistakes are explained in the editor's words first;
/// then the import validator runs on the whole resulting workspace, so an edit can never store what an import would refuse.
/// Every message names records as the screens show them: by name, by the name they had before the edit when the edit
/// blanked it, or by their place in the list when they never had one. An id appears only when it names nothing.
/// </summary>
public static partial class WorkspaceRules
{
    /// <param name="workspace">The workspace the edit would produce.</param>
    /// <param name="before">The workspace the editor saw; names a record whose name the edit removed.</param>
    public static IReadOnlyList<string> Check(Workspace workspace, Workspace? before = null)
    {
        var names = new Names(workspace, before);
        var explained = Explain(workspace, names);
        return explained.Count > 0
            ? explained
            : WorkspaceValidator.Validate(workspace).Select(names.Describe).ToList();
    }

    private static List<string> Explain(Workspace workspace, Names names)
    {
        var errors = new List<string>();
        var teams = workspace.Teams.Select(t => t.Id).ToHashSet();
        var targets = workspace.Journeys.Select(j => j.Id)
            .Concat(workspace.Journeys.SelectMany(j => j.Phases.Select(p => p.Id)))
            .Concat(workspace.Journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps.Select(s => s.Id))))
            .ToHashSet();
        foreach (var o in workspace.Ownership)
        {
            if (!teams.Contains(o.TeamId)) errors.Add($"The ownership of {names.Target(o.TargetId)} names a team that does not exist ('{o.TeamId}').");
            else if (!targets.Contains(o.TargetId)) errors.Add($"Team {names.Team(o.TeamId)} owns something that is not a journey, phase or step ('{o.TargetId}').");
        }
        var people = workspace.People.Select(p => p.Id).ToHashSet();
        var parents = workspace.Teams.ToDictionary(t => t.Id, t => t.ParentId);
        for (var i = 0; i < workspace.Teams.Count; i++)
        {
            var team = workspace.Teams[i];
            var index = i;
            string called() => names.Team(team.Id, index);
            if (string.IsNullOrWhiteSpace(team.Name)) errors.Add($"Team {called()} needs a name.");
            if (team.ParentId is not null && !teams.Contains(team.ParentId)) errors.Add($"Team {called()} is placed under a unit that does not exist.");
            if (team.LeadId is not null && !people.Contains(team.LeadId)) errors.Add($"The lead of team {called()} is not a person in the workspace.");
            var seen = new HashSet<string> { team.Id };
            for (var p = team.ParentId; p is not null && parents.TryGetValue(p, out var next); p = next)
                if (!seen.Add(p)) { errors.Add($"Team {called()} would end up inside itself."); break; }
            foreach (var m in team.Members)
            {
                if (!people.Contains(m.PersonId)) errors.Add($"A member of team {called()} is not a person in the workspace ('{m.PersonId}').");
                if (m.Allocation is <= 0 or > 1) errors.Add($"An allocation must be more than 0% and at most 100% ({names.Person(m.PersonId)} in team {called()}).");
            }
            foreach (var twice in team.Members.GroupBy(m => m.PersonId).Where(g => g.Count() > 1))
                errors.Add($"{names.Person(twice.Key)} is listed twice in team {called()}.");
        }
        var journeyParents = workspace.Journeys.ToDictionary(j => j.Id, j => j.ParentId);
        for (var j = 0; j < workspace.Journeys.Count; j++)
        {
            var journey = workspace.Journeys[j];
            var index = j;
            string called() => names.Journey(journey.Id, index);
            if (string.IsNullOrWhiteSpace(journey.Name)) errors.Add($"Journey {called()} needs a name.");
            if (journey.ParentId is not null && !journeyParents.ContainsKey(journey.ParentId)) errors.Add($"Journey {called()} is placed under a journey that does not exist.");
            var seen = new HashSet<string> { journey.Id };
            for (var p = journey.ParentId; p is not null && journeyParents.TryGetValue(p, out var next); p = next)
                if (!seen.Add(p)) { errors.Add($"Journey {called()} would end up inside itself."); break; }
            for (var p = 0; p < journey.Phases.Count; p++)
            {
                var phase = journey.Phases[p];
                if (string.IsNullOrWhiteSpace(phase.Name)) errors.Add($"Phase {p + 1} of journey {called()} needs a name.");
                for (var s = 0; s < phase.Steps.Count; s++)
                {
                    var step = phase.Steps[s];
                    if (string.IsNullOrWhiteSpace(step.Name)) errors.Add($"Step {s + 1} of {names.Target(phase.Id)} needs a name.");
                    if (step.SubjourneyId is not null && !journeyParents.ContainsKey(step.SubjourneyId))
                        errors.Add($"Step {names.Target(step.Id)} uses a sub-journey that does not exist.");
                }
            }
        }
        var ids = workspace.Journeys.Select(j => j.Id)
            .Concat(workspace.Journeys.SelectMany(j => j.Phases.Select(p => p.Id)))
            .Concat(workspace.Journeys.SelectMany(j => j.Phases.SelectMany(p => p.Steps.Select(s => s.Id))))
            .Concat(workspace.Teams.Select(t => t.Id)).Concat(workspace.People.Select(p => p.Id)).Concat(workspace.Roles.Select(r => r.Id));
        foreach (var duplicate in ids.GroupBy(i => i).Where(g => g.Count() > 1))
            errors.Add($"The id '{duplicate.Key}' is already used by {names.Any(duplicate.Key)}; ids must be unique across the workspace.");
        foreach (var metric in workspace.Metrics.Where(m => m.IsLinked && !targets.Contains(m.TargetId)))
            errors.Add($"Metric “{metric.Name}” measures something that does not exist.");
        return errors.Distinct().ToList();
    }

    /// <summary>How the messages call records: by name, by the name before this edit, or by their place in the list.</summary>
    private sealed partial class Names(Workspace workspace, Workspace? before)
    {
        private Dictionary<string, string>? _targets;

        public string Team(string id, int? index = null) =>
            Called(workspace.Teams.FirstOrDefault(t => t.Id == id)?.Name, before?.Teams.FirstOrDefault(t => t.Id == id)?.Name,
                index ?? IndexOf(workspace.Teams, t => t.Id == id), "teams", id);

        public string Journey(string id, int? index = null) =>
            Called(workspace.Journeys.FirstOrDefault(j => j.Id == id)?.Name, before?.Journeys.FirstOrDefault(j => j.Id == id)?.Name,
                index ?? IndexOf(workspace.Journeys, j => j.Id == id), "journeys", id);

        public string Person(string id) =>
            workspace.People.FirstOrDefault(p => p.Id == id) is { DisplayName: { Length: > 0 } name } ? $"“{name}”" : $"'{id}'";

        /// <summary>A journey, phase or step as the journey map shows it: “Journey › Phase › Step”.</summary>
        public string Target(string id)
        {
            _targets ??= BuildTargets();
            return _targets.TryGetValue(id, out var name) ? $"“{name}”" : $"'{id}'";
        }

        /// <summary>Any record by id, with its kind: "team “Claims”".</summary>
        public string Any(string id)
        {
            _targets ??= BuildTargets();
            if (workspace.Teams.Any(t => t.Id == id)) return "team " + Team(id);
            if (workspace.People.Any(p => p.Id == id)) return "person " + Person(id);
            if (workspace.Roles.FirstOrDefault(r => r.Id == id) is { } role) return $"role “{role.Title}”";
            if (workspace.Journeys.Any(j => j.Id == id)) return "journey " + Journey(id);
            return _targets.ContainsKey(id) ? Target(id) : "another record";
        }

        /// <summary>
        /// A validator error in these words: its path becomes the place as a person counts it
        /// (<see cref="WorkspacePlaces"/>, as imports say it), and quoted ids in its message become names where they name something.
        /// </summary>
        public string Describe(WorkspaceError error)
        {
            var message = QuotedId().Replace(WorkspacePlaces.InWords(error.Message, workspace), m =>
            {
                var id = m.Groups["id"].Value;
                var any = Any(id);
                return any == "another record" ? m.Value : any;
            });
            if (error.Path == JsonPath.Root) return Sentence(message);
            var where = WorkspacePlaces.Describe(error.Path, workspace);
            return $"{char.ToUpperInvariant(where[0])}{where[1..]}: {message}.";
        }

        private static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + ".";

        private static string Called(string? name, string? nameBefore, int index, string list, string id) =>
            !string.IsNullOrWhiteSpace(name) ? $"“{name}”"
            : !string.IsNullOrWhiteSpace(nameBefore) ? $"“{nameBefore}” (its name was removed)"
            : index >= 0 ? $"number {index + 1} in the list of {list}"
            : $"'{id}'";

        private static int IndexOf<T>(IReadOnlyList<T> items, Func<T, bool> match)
        {
            for (var i = 0; i < items.Count; i++) if (match(items[i])) return i;
            return -1;
        }

        private Dictionary<string, string> BuildTargets()
        {
            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var journey in workspace.Journeys)
            {
                targets.TryAdd(journey.Id, journey.Name);
                foreach (var phase in journey.Phases)
                {
                    targets.TryAdd(phase.Id, $"{journey.Name} › {phase.Name}");
                    foreach (var step in phase.Steps) targets.TryAdd(step.Id, $"{journey.Name} › {phase.Name} › {step.Name}");
                }
            }
            return targets;
        }

        [GeneratedRegex("'(?<id>[^']{1,200})'")]
        private static partial Regex QuotedId();
    }
}
