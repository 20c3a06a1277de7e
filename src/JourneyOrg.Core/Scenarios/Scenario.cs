using JourneyOrg.Domain;

namespace JourneyOrg.Scenarios;

/// <summary>A reorg scenario (SPEC §4): a named, ordered list of operations over the baseline org.</summary>
public sealed record Scenario(string Name, string? Description, IReadOnlyList<ScenarioOperation> Operations);

/// <summary>One operation of a scenario. <see cref="Op"/> is its name in the scenario document.</summary>
public abstract record ScenarioOperation
{
    /// <summary>The operation's name as written in the document, e.g. <c>mergeTeams</c>.</summary>
    public abstract string Op { get; }

    /// <summary>
    /// Why the operation is there, in a sentence for the leader reviewing it (a drafted scenario gives one per
    /// change); optional, written as <c>reason</c> in the document and never affecting what the operation does.
    /// </summary>
    public string? Reason { get; init; }
}

/// <summary>Creates an empty team; its id must not be used anywhere in the workspace.</summary>
public sealed record CreateTeam(string TeamId, string Name, string? ParentId, string? Type) : ScenarioOperation
{
    public override string Op => "createTeam";
}

public sealed record RenameTeam(string TeamId, string Name) : ScenarioOperation
{
    public override string Op => "renameTeam";
}

/// <summary>Moves a team under another unit (<see cref="ParentId"/> null: to the top). A cycle is invalid.</summary>
public sealed record MoveTeam(string TeamId, string? ParentId) : ScenarioOperation
{
    public override string Op => "moveTeam";
}

/// <summary>Merges the source team into the target team: members, ownership and child teams move; the source goes.</summary>
public sealed record MergeTeams(string SourceTeamId, string TargetTeamId) : ScenarioOperation
{
    public override string Op => "mergeTeams";
}

/// <summary>Splits listed members and listed owned targets off into a new sibling team of the same type.</summary>
public sealed record SplitTeam(string TeamId, string NewTeamId, string Name, IReadOnlyList<string> MemberIds, IReadOnlyList<string> TargetIds) : ScenarioOperation
{
    public override string Op => "splitTeam";
}

/// <summary>Deletes a team: memberships and ownership go, child teams move up to its parent.</summary>
public sealed record DeleteTeam(string TeamId) : ScenarioOperation
{
    public override string Op => "deleteTeam";
}

/// <summary>
/// Moves a person out of <see cref="FromTeamId"/> (or out of every team when null) into <see cref="ToTeamId"/>
/// with <see cref="Allocation"/> (default: the allocation they had in the team they left, else 1.0).
/// </summary>
public sealed record MovePerson(string PersonId, string? FromTeamId, string ToTeamId, double? Allocation) : ScenarioOperation
{
    public override string Op => "movePerson";
}

/// <summary>Sets (or clears, with null) a person's line manager. A reporting cycle is invalid.</summary>
public sealed record SetManager(string PersonId, string? ManagerId) : ScenarioOperation
{
    public override string Op => "setManager";
}

public sealed record SetTeamLead(string TeamId, string PersonId) : ScenarioOperation
{
    public override string Op => "setTeamLead";
}

/// <summary>Adds an OWNS edge, or changes the kind of the existing one.</summary>
public sealed record AssignOwnership(string TeamId, string TargetId, OwnershipKind Kind) : ScenarioOperation
{
    public override string Op => "assignOwnership";
}

public sealed record RemoveOwnership(string TeamId, string TargetId) : ScenarioOperation
{
    public override string Op => "removeOwnership";
}

/// <summary>Moves an OWNS edge from one team to another, keeping its kind.</summary>
public sealed record TransferOwnership(string FromTeamId, string ToTeamId, string TargetId) : ScenarioOperation
{
    public override string Op => "transferOwnership";
}

public sealed record CreateRole(string RoleId, string Title, string? Family, string? Level) : ScenarioOperation
{
    /// <summary>What one full-time opening of the role costs a year (SPEC §5); null when unknown.</summary>
    public double? AnnualCost { get; init; }

    public override string Op => "createRole";
}

/// <summary>Plans <see cref="Count"/> unfilled positions of a role in a team; they count in planned FTE only.</summary>
public sealed record AddOpening(string TeamId, string RoleId, int Count, double? Allocation) : ScenarioOperation
{
    public override string Op => "addOpening";
}

public sealed record AssignRole(string PersonId, string RoleId) : ScenarioOperation
{
    public override string Op => "assignRole";
}

/// <summary>
/// Why a scenario is invalid. <see cref="Index"/> is the operation's 0-based position (null for the document
/// itself), <see cref="Field"/> the field at fault when there is one.
/// </summary>
public sealed record ScenarioError(int? Index, string? Op, string? Field, string Reason)
{
    /// <summary>One line for people, e.g. <c>operation 1 (mergeTeams), targetTeamId: a team cannot be merged into itself</c>.</summary>
    public string Message
    {
        get
        {
            var where = Index is { } i ? $"operation {i}{(Op is null ? "" : $" ({Op})")}" : null;
            where = (where, Field) switch
            {
                (null, null) => null,
                (null, { } f) => f,
                ({ } w, null) => w,
                ({ } w, { } f) => $"{w}, {f}",
            };
            return where is null ? Reason : $"{where}: {Reason}";
        }
    }
}
