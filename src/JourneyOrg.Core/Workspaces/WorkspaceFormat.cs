using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>Names shared by the reader, the writer and the validator of the <c>journeyorg/v1</c> interchange format.</summary>
public static class WorkspaceFormat
{
    /// <summary>The value of the document's <c>format</c> field.</summary>
    public const string Name = "journeyorg/v1";

    /// <summary>Metric directions: which way is better.</summary>
    public static readonly IReadOnlyList<string> Directions = ["higher", "lower"];

    /// <summary>Where a person or team record may come from.</summary>
    public static readonly IReadOnlyList<string> Sources = [RecordSource.Local, RecordSource.Entra];
}

/// <summary>How an error message names a JSON value that is not what was expected.</summary>
public static class JsonValueText
{
    /// <summary>"an object", "the string \"…\"", "the number 1.5", …; long values are cut at 40 characters.</summary>
    public static string Describe(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => "an object",
        System.Text.Json.JsonValueKind.Array => "an array",
        System.Text.Json.JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        System.Text.Json.JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>Builds the JSON paths that errors carry, e.g. <c>$.teams[3].members[2].allocation</c>.</summary>
public static class JsonPath
{
    /// <summary>The document root.</summary>
    public const string Root = "$";

    /// <summary><paramref name="path"/> followed by a property.</summary>
    public static string Property(string path, string name) => $"{path}.{name}";

    /// <summary><paramref name="path"/> followed by an array index.</summary>
    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>Whether <paramref name="path"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        path.StartsWith(ancestor, StringComparison.Ordinal) &&
        (path.Length == ancestor.Length || path[ancestor.Length] is '.' or '[');

    /// <summary>Whether <paramref name="path"/> is one of <paramref name="ancestors"/> or lies inside one of them.</summary>
    public static bool IsWithinAny(string path, IReadOnlySet<string> ancestors)
    {
        if (ancestors.Count == 0) return false;
        if (ancestors.Contains(path)) return true;
        for (var i = 1; i < path.Length; i++)
            if (path[i] is '.' or '[' && ancestors.Contains(path[..i])) return true;
        return false;
    }
}
