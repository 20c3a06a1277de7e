using System.Text;

namespace JourneyOrg.JourneyManagement;

/// <summary>One thing wrong in a CSV file: 1-based line and column (0 when it concerns the whole file or row).</summary>
public sealed record CsvError(int Line, int Column, string Message)
{
    public override string ToString() => Column > 0 ? $"line {Line}, column {Column}: {Message}" : $"line {Line}: {Message}";
}

/// <summary>
/// Splits RFC 4180 CSV (comma-separated, fields optionally in double quotes, <c>""</c> for a quote, line breaks allowed
/// inside quotes) into rows, each with the 1-based line it starts on, so every error can name its line and column.
/// </summary>
/// <remarks>
/// Written here rather than taken from CsvHelper: version 34, the one available, is a rewrite with a new API, and all
/// this import needs is the fields and where they start.
/// </remarks>
internal static class CsvRows
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    public static IEnumerable<Row> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString().Trim());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString().Trim());
                    yield return new Row(rowLine, fields.ToList());
                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    rowLine = line;
                    break;
                default:
                    if (!char.IsWhiteSpace((char)c)) fieldStarted = true;
                    field.Append((char)c);
                    break;
            }
        }
        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString().Trim());
            yield return new Row(rowLine, fields.ToList());
        }
    }
}
