using System.Text.RegularExpressions;
using JourneyOrg.Scenarios;

namespace JourneyOrg.Web.Features.Scenarios;

/// <summary>
/// A scenario error as the planner's list shows the changes: numbered from 1, the operation in words ("Change 2 (merge
/// teams): …"), without the JSON field name. The CLI and API keep <see cref="ScenarioError.Message"/> (the SPEC's form).
/// </summary>
public static partial class ScenarioErrorText
{
    public static string For(ScenarioError error) => error.Index is { } i
        ? $"Change {i + 1}{(error.Op is null ? "" : $" ({Words(error.Op)})")}: {error.Reason}"
        : error.Reason;

    private static string Words(string op) => CamelHump().Replace(op, m => " " + m.Value.ToLowerInvariant());

    [GeneratedRegex("[A-Z]")]
    private static partial Regex CamelHump();
}
