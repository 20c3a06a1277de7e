using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// One thing wrong with a workspace document or an edited workspace: where (<see cref="Path"/>, a JSON path such as
/// <c>$.teams[3].members[2].allocation</c>) and why. <see cref="Line"/> and <see cref="Column"/> are set only for
/// malformed JSON, where no path into the document exists yet.
/// </summary>
public sealed record WorkspaceError(string Path, string Message)
{
    /// <summary>1-based line of a JSON syntax error.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column (byte offset in the line) of a JSON syntax error.</summary>
    public int? Column { get; init; }

    /// <summary>Where, as a person counts and names it ("person 2, Ada Park's manager"; "line 3, column 5"); null when not worked out.</summary>
    public string? Where { get; init; }

    /// <summary>The message with any paths in it put in words; null when not worked out.</summary>
    public string? Reason { get; init; }

    /// <summary>The error as one line for tools: <c>path: message</c> (SPEC §2: path and reason).</summary>
    public override string ToString() => $"{Path}: {Message}";

    /// <summary>The error as one line for people: <c>where: reason</c>, falling back to the path.</summary>
    public string ToText() => $"{Where ?? Path}: {Reason ?? Message}";
}

/// <summary>The result of reading or importing a workspace: the workspace when it is valid, else every error found.</summary>
public sealed record WorkspaceReadResult(Workspace? Workspace, IReadOnlyList<WorkspaceError> Errors)
{
    /// <summary>Whether the document was read without errors (then <see cref="Workspace"/> is set).</summary>
    public bool IsValid => Errors.Count == 0 && Workspace is not null;
}
