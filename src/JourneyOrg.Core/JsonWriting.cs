using System.Text.Json;

namespace JourneyOrg;

/// <summary>
/// The two field shapes every JSON writer here needs (workspace, TheyDo, analysis, scenario): an optional number written
/// as null when absent, and a list of strings in the order given (order can mean something, so it is never sorted here).
/// </summary>
internal static class JsonWriting
{
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    public static void WriteStringArray(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
