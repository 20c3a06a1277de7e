using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyOrg.Scenarios;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// A scenario error as the planner's list shows the changes: numbered from 1, the change described as the list
/// describes it ("Change 3 (move Ada Park to Claims)"), records named as the user knows them, and no JSON field names.
/// The CLI and API keep <see cref="ScenarioError.Message"/> (the SPEC's form, with ids).
/// </summary>
public static partial class ScenarioErrorText
{
    /// <summary>Without the organisation (a document that does not parse): the change's number and kind only.</summary>
    public static string For(ScenarioError error) => error.Index is { } i
        ? $"Change {i + 1}{(error.Op is null ? "" : $" ({Words(error.Op)})")}: {error.Reason}"
        : error.Reason;

    /// <summary>
    /// With the organisation and the scenario's changes: the change as the list describes it, and every id in the reason
    /// that names a team, person, role or journey part replaced by its name. An id that names nothing stays, quoted.
    /// </summary>
    public static string For(ScenarioError error, OrgView org, ScenarioPlan plan)
    {
        var reason = Reason(error, org, plan);
        if (error.Index is not { } i) return reason;
        var change = i < plan.Operations.Count && plan.Operations[i] is JsonObject op
            ? Lower(OperationForms.Describe(org, op, plan.NewTeams))
            : error.Op is null ? null : Words(error.Op);
        return $"Change {i + 1}{(change is null ? "" : $" ({change})")}: {reason}";
    }

    /// <summary>The reason alone, with names for ids (next to the change in the list, which already says which one).</summary>
    public static string Reason(ScenarioError error, OrgView org, ScenarioPlan plan) =>
        QuotedId().Replace(error.Reason, m =>
        {
            var id = m.Groups["id"].Value;
            var name = org.Teams.ContainsKey(id) ? org.TeamName(id)
                : plan.NewTeams.TryGetValue(id, out var created) ? created
                : org.People.ContainsKey(id) ? org.PersonName(id)
                : org.Roles.TryGetValue(id, out var role) ? role.Title
                : org.TargetName(id) is var target && target != id ? target
                : null;
            return name is null ? m.Value : $"“{name}”";
        }) is var named && error.Field is "fromTeamId" or "toTeamId" or "targetTeamId" && named.StartsWith("is the same team as ", StringComparison.Ordinal)
            ? "the two teams are the same"
            : named;

    private static string Words(string op) => CamelHump().Replace(op, m => " " + m.Value.ToLowerInvariant());

    /// <summary>"Move Ada Park…" reads "move Ada Park…" inside the sentence; a description that starts with a name keeps it.</summary>
    private static string Lower(string text) => Verbs().IsMatch(text) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    [GeneratedRegex("^(Create|Rename|Move|Merge|Split|Delete|New) ")]
    private static partial Regex Verbs();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex CamelHump();

    [GeneratedRegex("'(?<id>[^']{1,200})'")]
    private static partial Regex QuotedId();
}
