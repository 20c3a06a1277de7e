using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// Names the path of a top-level element of a workspace, given its section (<c>journeys</c>, <c>people</c>, <c>teams</c>,
/// <c>roles</c>, <c>ownership</c>, <c>metrics</c>) and its index there. The default is <c>$.section[index]</c>; a merge
/// names the records that came from the store differently, since they are not in the file.
/// </summary>
public delegate string WorkspaceElementPath(string section, int index);

/// <summary>
/// The rules a workspace must keep whatever produced it (an imported file, the web editor, a scenario, a directory
/// sync): required fields, ids unique across the whole workspace, references that resolve to the right kind of
/// record, no cycles in the journey framework, the team hierarchy or the reporting lines, allocations in (0, 1],
/// no person twice in one team, one OWNS edge per team and target, ids and names of at most <see cref="MaxNameLength"/>
/// characters without control characters. Every broken rule is reported with its path.
/// </summary>
public static partial class WorkspaceValidator
{
    /// <summary>The longest id or name (journey, phase, step, person, team, role title, metric) a workspace may hold.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Every error in <paramref name="workspace"/>, in document order per rule; empty when it is valid.</summary>
    public static IReadOnlyList<WorkspaceError> Validate(Workspace workspace, WorkspaceElementPath? elementPath = null)
    {
        var check = new Check(workspace, elementPath ?? DefaultPath, strictLinks: false);
        check.Run(sideBySide: workspace.People.Count >= SideBySideFromPeople);
        return check.Errors;
    }

    /// <summary>
    /// <see cref="Validate"/> for a document being imported: on top, every link of an insight, opportunity, solution or
    /// metric owner must name something that exists. Elsewhere such a link may outlive what it named (a person who left
    /// through directory sync, a step deleted in the editor) and then simply counts as absent.
    /// </summary>
    public static IReadOnlyList<WorkspaceError> ValidateDocument(Workspace workspace, WorkspaceElementPath? elementPath = null) =>
        ValidateDocument(workspace, elementPath, SideBySideFromPeople);

    /// <summary>People from which their checks run beside the others (about a tenth of a large check's time each side).</summary>
    private const int SideBySideFromPeople = 20_000;

    /// <summary><see cref="ValidateDocument(Workspace, WorkspaceElementPath?)"/>, with the people checked beside the rest from <paramref name="sideBySideFromPeople"/> people on (tests force both ways).</summary>
    internal static IReadOnlyList<WorkspaceError> ValidateDocument(Workspace workspace, WorkspaceElementPath? elementPath, int sideBySideFromPeople)
    {
        var check = new Check(workspace, elementPath ?? DefaultPath, strictLinks: true);
        check.Run(sideBySide: workspace.People.Count >= sideBySideFromPeople);
        return check.Errors;
    }

    private static string DefaultPath(string section, int index) => JsonPath.Index(JsonPath.Property(JsonPath.Root, section), index);

    private enum Kind { Journey, Phase, Step, Person, Team, Role, Metric, Insight, Opportunity, Solution }

    /// <summary>
    /// Where an id was first seen: the path of a journey, phase or step, or the section and index of a top-level record,
    /// whose path is only spelt out when a message needs it (100,000 people would otherwise each cost a path string).
    /// </summary>
    private readonly record struct Node(Kind Kind, string? FixedPath, string? Section = null, int Index = 0);

    private sealed partial class Check(Workspace workspace, WorkspaceElementPath elementPath, bool strictLinks, Dictionary<string, Node>? registered = null)
    {
        // Sized for every id up front: growing a dictionary of 100,000 people rehashes it a dozen times.
        private readonly Dictionary<string, Node> _ids = registered ?? new(IdCount(workspace), StringComparer.Ordinal);
        // Every id valid and used once: then a person's or team's node says where it is, and the cycle check needs no index.
        private bool _idsUnique;

        public List<WorkspaceError> Errors { get; } = [];

        /// <param name="sideBySide">
        /// Check the people's references and reporting lines on another core while this one checks the rest: with many
        /// people that is most of the work, and it only reads the registered ids. Their errors go back to their place,
        /// so the order is the same either way.
        /// </param>
        public void Run(bool sideBySide = false)
        {
            RegisterIds();
            _idsUnique = Errors.Count == 0;
            if (!sideBySide)
            {
                CheckJourneys();
                CheckPeople();
                CheckRest();
                CheckReportingLines();
                return;
            }
            var people = new Check(workspace, elementPath, strictLinks, _ids) { _idsUnique = _idsUnique };
            var references = 0;
            var afterJourneys = 0;
            // Parallel.Invoke runs the second part itself when no pool thread is free, so a busy server never waits on it.
            Parallel.Invoke(
                () =>
                {
                    CheckJourneys();
                    afterJourneys = Errors.Count;
                    CheckRest();
                },
                () =>
                {
                    people.CheckPeople();
                    references = people.Errors.Count;
                    people.CheckReportingLines();
                });
            Errors.InsertRange(afterJourneys, people.Errors.Take(references));
            Errors.AddRange(people.Errors.Skip(references));
        }

        /// <summary>Everything between the people's references and their reporting lines, in the order errors are reported.</summary>
        private void CheckRest()
        {
            CheckTeams();
            CheckOwnership();
            CheckMetrics();
            CheckJourneyManagement();
            CheckCosts();
            CheckCycles("journeys", "journey framework", workspace.Journeys, j => j.Id, j => j.ParentId, Kind.Journey, "parentId");
            CheckCycles("teams", "team hierarchy", workspace.Teams, t => t.Id, t => t.ParentId, Kind.Team, "parentId");
        }

        private void CheckReportingLines() =>
            CheckCycles("people", "reporting lines", workspace.People, p => p.Id, p => p.ManagerId, Kind.Person, "managerId");

        private static int IdCount(Workspace workspace) =>
            workspace.Journeys.Sum(j => 1 + j.Phases.Sum(p => 1 + p.Steps.Count)) + workspace.People.Count + workspace.Teams.Count +
            workspace.Roles.Count + workspace.Metrics.Count + workspace.Insights.Count + workspace.Opportunities.Count + workspace.Solutions.Count;

        private void RegisterIds()
        {
            for (var j = 0; j < workspace.Journeys.Count; j++)
            {
                var journey = workspace.Journeys[j];
                var path = elementPath("journeys", j);
                Register(journey.Id, Kind.Journey, path);
                RequireText(journey.Name, path, "name");
                for (var p = 0; p < journey.Phases.Count; p++)
                {
                    var phase = journey.Phases[p];
                    var phasePath = JsonPath.Index(JsonPath.Property(path, "phases"), p);
                    Register(phase.Id, Kind.Phase, phasePath);
                    RequireText(phase.Name, phasePath, "name");
                    for (var s = 0; s < phase.Steps.Count; s++)
                    {
                        var step = phase.Steps[s];
                        var stepPath = JsonPath.Index(JsonPath.Property(phasePath, "steps"), s);
                        Register(step.Id, Kind.Step, stepPath);
                        RequireText(step.Name, stepPath, "name");
                    }
                }
            }
            RegisterAll(workspace.People, "people", Kind.Person, x => x.Id, x => x.DisplayName, "displayName");
            RegisterAll(workspace.Teams, "teams", Kind.Team, x => x.Id, x => x.Name, "name");
            RegisterAll(workspace.Roles, "roles", Kind.Role, x => x.Id, x => x.Title, "title");
            RegisterAll(workspace.Metrics, "metrics", Kind.Metric, x => x.Id, x => x.Name, "name");
            RegisterJourneyManagementIds();
        }

        /// <summary>Registers each record's id (unique across the workspace) and requires its name or title.</summary>
        private void RegisterAll<T>(IReadOnlyList<T> records, string array, Kind kind, Func<T, string> id, Func<T, string> text, string textField)
        {
            for (var i = 0; i < records.Count; i++)
            {
                // The common case without a path string; anything wrong goes the long way below, which says what.
                var recordId = id(records[i]);
                if (IsText(recordId) && IsText(text(records[i])) && _ids.TryAdd(recordId, new Node(kind, null, array, i))) continue;
                var path = elementPath(array, i);
                Register(recordId, kind, path);
                RequireText(text(records[i]), path, textField);
            }
        }

        /// <summary>What <see cref="RequireText"/> accepts without a word.</summary>
        private static bool IsText(string? value) =>
            !string.IsNullOrWhiteSpace(value) && value.Length <= MaxNameLength && IndexOfControl(value) < 0;

        private string PathOf(Node node) => node.FixedPath ?? elementPath(node.Section!, node.Index);

        /// <summary>Whether <paramref name="id"/> is null or names a record of the expected kind (then <see cref="Reference"/> says nothing).</summary>
        private bool Resolves(string? id, Kind expected) => id is null || (_ids.TryGetValue(id, out var node) && node.Kind == expected);

        private void Register(string id, Kind kind, string elementPath)
        {
            var path = JsonPath.Property(elementPath, "id");
            if (!RequireText(id, elementPath, "id")) return;
            if (_ids.TryGetValue(id, out var first))
                Error(path, $"duplicate id '{id}': already used by the {Describe(first.Kind)} at {PathOf(first)}; ids must be unique across the whole workspace");
            else
                _ids.Add(id, new Node(kind, elementPath));
        }

        private void CheckJourneys()
        {
            for (var j = 0; j < workspace.Journeys.Count; j++)
            {
                var journey = workspace.Journeys[j];
                var path = elementPath("journeys", j);
                Reference(journey.ParentId, path, "parentId", Kind.Journey);
                for (var p = 0; p < journey.Phases.Count; p++)
                {
                    var phasePath = JsonPath.Index(JsonPath.Property(path, "phases"), p);
                    var steps = journey.Phases[p].Steps;
                    for (var s = 0; s < steps.Count; s++)
                        Reference(steps[s].SubjourneyId, JsonPath.Index(JsonPath.Property(phasePath, "steps"), s), "subjourneyId", Kind.Journey);
                }
            }
        }

        private void CheckPeople()
        {
            for (var i = 0; i < workspace.People.Count; i++)
            {
                var person = workspace.People[i];
                if (Resolves(person.ManagerId, Kind.Person) && Resolves(person.RoleId, Kind.Role) && IsSource(person.Source)) continue;
                var path = elementPath("people", i);
                Reference(person.ManagerId, path, "managerId", Kind.Person);
                Reference(person.RoleId, path, "roleId", Kind.Role);
                OneOf(person.Source, path, "source", WorkspaceFormat.Sources);
            }
        }

        private void CheckTeams()
        {
            var members = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < workspace.Teams.Count; i++)
            {
                var team = workspace.Teams[i];
                var path = elementPath("teams", i);
                Reference(team.ParentId, path, "parentId", Kind.Team);
                Reference(team.LeadId, path, "leadId", Kind.Person);
                OneOf(team.Source, path, "source", WorkspaceFormat.Sources);

                members.Clear();
                for (var m = 0; m < team.Members.Count; m++)
                {
                    var member = team.Members[m];
                    if (IsText(member.PersonId) && Resolves(member.PersonId, Kind.Person) && member.Allocation > 0 && member.Allocation <= 1
                        && members.TryAdd(member.PersonId, m)) continue;
                    var memberPath = JsonPath.Index(JsonPath.Property(path, "members"), m);
                    if (RequireText(member.PersonId, memberPath, "personId"))
                    {
                        Reference(member.PersonId, memberPath, "personId", Kind.Person);
                        if (members.TryGetValue(member.PersonId, out var first))
                            Error(JsonPath.Property(memberPath, "personId"),
                                $"'{member.PersonId}' is listed twice in this team (first at {JsonPath.Index(JsonPath.Property(path, "members"), first)}); give one membership with the summed allocation");
                        else
                            members.Add(member.PersonId, m);
                    }
                    // Written as a negation so that NaN is out of range too.
                    if (!(member.Allocation > 0 && member.Allocation <= 1))
                        Error(JsonPath.Property(memberPath, "allocation"),
                            $"allocation {member.Allocation.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range; it is a share of one person's time, more than 0 and at most 1");
                }
            }
        }

        private void CheckOwnership()
        {
            var edges = new Dictionary<(string, string), int>();
            for (var i = 0; i < workspace.Ownership.Count; i++)
            {
                var edge = workspace.Ownership[i];
                var path = elementPath("ownership", i);
                var teamKnown = RequireText(edge.TeamId, path, "teamId") && Reference(edge.TeamId, path, "teamId", Kind.Team);
                var targetKnown = RequireText(edge.TargetId, path, "targetId") && JourneyPart(edge.TargetId, path, "targetId", "ownership");
                if (!teamKnown || !targetKnown) continue;
                if (edges.TryGetValue((edge.TeamId, edge.TargetId), out var first))
                    Error(path, $"team '{edge.TeamId}' already owns '{edge.TargetId}' at {elementPath("ownership", first)}; a team has one ownership kind per target");
                else
                    edges.Add((edge.TeamId, edge.TargetId), i);
            }
        }

        private void CheckMetrics()
        {
            for (var i = 0; i < workspace.Metrics.Count; i++)
            {
                var metric = workspace.Metrics[i];
                var path = elementPath("metrics", i);
                // An empty target is a metric not linked yet (imported from TheyDo).
                if (metric.IsLinked) JourneyPart(metric.TargetId, path, "targetId", "a metric");
                if (metric.Direction is not null) OneOf(metric.Direction, path, "direction", WorkspaceFormat.Directions);
            }
        }

        /// <summary>Reports each cycle once, at the member that comes first in the workspace, naming the whole loop.</summary>
        private void CheckCycles<T>(string section, string hierarchy, IReadOnlyList<T> items, Func<T, string> id, Func<T, string?> parent, Kind kind, string field)
        {
            var positioned = _idsUnique && kind is Kind.Person or Kind.Team;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            if (!positioned)
                for (var i = 0; i < items.Count; i++) index.TryAdd(id(items[i]), i);
            // The record a parent id names, if it is of this hierarchy's kind.
            bool Parent(string parentId, out int next)
            {
                if (positioned)
                {
                    var found = _ids.TryGetValue(parentId, out var node) && node.Kind == kind;
                    next = found ? node.Index : -1;
                    return found;
                }
                return index.TryGetValue(parentId, out next) && _ids.TryGetValue(parentId, out var named) && named.Kind == kind;
            }

            // 0 = not visited, 1 = on the walk in progress, 2 = known to end at a root or in an already reported cycle.
            var state = new byte[items.Count];
            var walk = new List<int>();
            for (var start = 0; start < items.Count; start++)
            {
                if (state[start] != 0 || (!positioned && index[id(items[start])] != start)) continue;
                walk.Clear();
                var current = start;
                while (true)
                {
                    state[current] = 1;
                    walk.Add(current);
                    var parentId = parent(items[current]);
                    if (parentId is null || !Parent(parentId, out var next) || state[next] == 2)
                        break;
                    if (state[next] == 1)
                    {
                        var loop = walk[walk.IndexOf(next)..];
                        var first = loop.Min();
                        var from = loop.IndexOf(first);
                        var names = loop[from..].Concat(loop[..from]).Append(first).Select(i => $"'{id(items[i])}'");
                        Error(JsonPath.Property(elementPath(section, first), field), $"cycle in the {hierarchy}: {string.Join(" → ", names)}");
                        break;
                    }
                    current = next;
                }
                foreach (var visited in walk) state[visited] = 2;
            }
        }

        private bool RequireText(string? value, string elementPath, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(JsonPath.Property(elementPath, field), value is null ? "required field is missing" : "required field is empty");
                return false;
            }
            // Names and ids come from files and directories nobody here controls: bounded, and printable.
            if (value.Length > MaxNameLength)
            {
                Error(JsonPath.Property(elementPath, field), $"is {value.Length} characters long; at most {MaxNameLength} are allowed");
                return false;
            }
            var control = IndexOfControl(value);
            if (control >= 0)
            {
                Error(JsonPath.Property(elementPath, field),
                    $"contains a control character (U+{(int)value[control]:X4}) at position {control + 1}; names and ids must be printable text");
                return false;
            }
            return true;
        }

        /// <summary>The first control character's index, or -1 (without copying the string: it runs on every name and id).</summary>
        private static int IndexOfControl(string value)
        {
            for (var i = 0; i < value.Length; i++)
                if (char.IsControl(value[i])) return i;
            return -1;
        }

        private bool Reference(string? id, string elementPath, string field, Kind expected) =>
            id is null || ReferenceAt(id, JsonPath.Property(elementPath, field), expected);

        /// <summary>Whether <paramref name="id"/>, at <paramref name="path"/>, names a record of the expected kind; says why not.</summary>
        private bool ReferenceAt(string id, string path, Kind expected)
        {
            if (!_ids.TryGetValue(id, out var node))
            {
                Error(path, $"no {Describe(expected)} with id '{id}'");
                return false;
            }
            if (node.Kind == expected) return true;
            Error(path, $"'{id}' is a {Describe(node.Kind)} (at {PathOf(node)}), not a {Describe(expected)}");
            return false;
        }

        private bool JourneyPart(string id, string elementPath, string field, string what)
        {
            var path = JsonPath.Property(elementPath, field);
            if (!_ids.TryGetValue(id, out var node))
            {
                Error(path, $"no journey, phase or step with id '{id}'");
                return false;
            }
            if (node.Kind is Kind.Journey or Kind.Phase or Kind.Step) return true;
            Error(path, $"'{id}' is a {Describe(node.Kind)} (at {PathOf(node)}); {what} can only target a journey, phase or step");
            return false;
        }

        private static bool IsSource(string value) => WorkspaceFormat.Sources.Contains(value);

        private void OneOf(string value, string elementPath, string field, IReadOnlyList<string> allowed)
        {
            if (!allowed.Contains(value, StringComparer.Ordinal))
                Error(JsonPath.Property(elementPath, field), $"unknown value '{value}'; use {string.Join(" or ", allowed.Select(a => $"'{a}'"))}");
        }

        private void Error(string path, string message) => Errors.Add(new WorkspaceError(path, message));

        private static string Describe(Kind kind) => kind switch
        {
            Kind.Journey => "journey",
            Kind.Phase => "phase",
            Kind.Step => "step",
            Kind.Person => "person",
            Kind.Team => "team",
            Kind.Role => "role",
            Kind.Insight => "insight",
            Kind.Opportunity => "opportunity",
            Kind.Solution => "solution",
            _ => "metric",
        };
    }
}
