using System.Text.Json;
using System.Text.RegularExpressions;

namespace JourneyOrg.Workspaces;

/// <summary>
/// What is wrong with a file that is not well-formed JSON, in words for the person who wrote it rather than in the JSON
/// library's (whose messages name reader options and tokens: "Change the reader options" is advice for programmers).
/// </summary>
public static partial class JsonSyntaxText
{
    /// <summary>"line L, column C: reason", counting from 1 as an editor does.</summary>
    public static string Explain(JsonException ex, out int line, out int column)
    {
        line = (int)(ex.LineNumber ?? 0) + 1;
        column = (int)(ex.BytePositionInLine ?? 0) + 1;
        return $"line {line}, column {column}: {Reason(ex.Message)}";
    }

    /// <summary>The reason in words, from the library's message.</summary>
    public static string Reason(string message)
    {
        var m = message;
        if (m.Contains("trailing comma", StringComparison.OrdinalIgnoreCase))
            return m.Contains("array", StringComparison.OrdinalIgnoreCase)
                ? "a comma before a closing bracket ]; remove the comma after the last item of the list"
                : "a comma before a closing brace }; remove the comma after the last field";
        if (m.Contains("does not contain any JSON tokens", StringComparison.OrdinalIgnoreCase))
            return "the file is empty; a workspace file starts with {";
        if (m.Contains("Expected depth to be zero", StringComparison.OrdinalIgnoreCase) || m.Contains("end of data", StringComparison.OrdinalIgnoreCase))
            return "the file ends too early: a { or [ is never closed";
        if (m.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
            return "lists and objects are nested too deeply: more than 64 levels, the most a workspace file may have (depth)";
        if (m.Contains("Comments", StringComparison.OrdinalIgnoreCase) && m.Contains("not allowed", StringComparison.OrdinalIgnoreCase) || m.StartsWith("'/'", StringComparison.Ordinal))
            return "a comment (// or /* */); JSON files cannot contain comments";
        if (m.Contains("is invalid within a JSON string", StringComparison.OrdinalIgnoreCase))
            return "a line break or control character inside a text value; write it as \\n or keep the text on one line";
        if (m.Contains("is an invalid escapable character", StringComparison.OrdinalIgnoreCase))
            return "a backslash \\ in a text value that starts no known escape; write a backslash as \\\\";
        if (m.Contains("Expected a ':'", StringComparison.OrdinalIgnoreCase) || m.Contains("after a property name", StringComparison.OrdinalIgnoreCase))
            return "a colon : is missing between a field's name and its value";
        if (m.Contains("is invalid after a value", StringComparison.OrdinalIgnoreCase) || m.Contains("after a property value", StringComparison.OrdinalIgnoreCase))
            return $"a comma is missing before {Found(m) ?? "this"}, or a closing bracket or brace is missing before it";
        if (m.Contains("is invalid after a single JSON value", StringComparison.OrdinalIgnoreCase))
            return "there is more after the end of the workspace; a file holds one { … }";
        if (m.Contains("Expected either", StringComparison.OrdinalIgnoreCase) && m.Contains("start of a property name", StringComparison.OrdinalIgnoreCase)
            || m.Contains("start of a property name", StringComparison.OrdinalIgnoreCase))
            return $"a field's name must be in double quotes, as \"name\"; found {Found(m) ?? "something else"}";
        if (m.Contains("invalid JSON literal", StringComparison.OrdinalIgnoreCase) || m.Contains("is an invalid start of a value", StringComparison.OrdinalIgnoreCase))
            return $"{Found(m) ?? "this"} cannot start a value: text needs double quotes; other values are numbers, true, false, null, a list [ … ] or an object {{ … }}";
        if (m.Contains("within a number", StringComparison.OrdinalIgnoreCase) || m.Contains("end of a number", StringComparison.OrdinalIgnoreCase))
            return "a number is written wrongly; use digits with a point for decimals, as 0.5";
        if (m.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || m.Contains("UTF8", StringComparison.OrdinalIgnoreCase))
            return "the file is not text in UTF-8; save it as UTF-8";
        return "the file is not well-formed JSON here";
    }

    /// <summary>The character the library quotes as found ('x' or '0x0A'), as a person would write it.</summary>
    private static string? Found(string message)
    {
        var m = Quoted().Match(message);
        if (!m.Success) return null;
        var token = m.Groups[1].Value;
        return token.StartsWith("0x", StringComparison.Ordinal) ? "a control character" : $"‘{token}’";
    }

    [GeneratedRegex("'([^']{1,12})'")]
    private static partial Regex Quoted();
}
