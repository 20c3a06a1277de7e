using System.Buffers;
using System.Text.Json;

namespace JourneyOrg.Web.Storage.Neo4j;

/// <summary>Receives the rows of an answer as they are read; the reader stands on a row's <c>[</c> and must leave it on its <c>]</c>.</summary>
public interface INeo4jRowSink
{
    void Columns(int statement, IReadOnlyList<string> columns);

    void Row(int statement, ref Utf8JsonReader row);
}

/// <summary>
/// Reads the transactional endpoint's answer (<c>{"results": [{"columns": […], "data": [{"row": […]}, …]}, …], "errors": […]}</c>)
/// from the response stream as it arrives, handing each row to a sink: no document of the whole answer, no copies of
/// its values. A full load of 100,000 people is about 25 MB of rows; this holds one network buffer and one row at a time.
/// </summary>
internal sealed class Neo4jResponseReader(INeo4jRowSink sink)
{
    private enum Pending { None, Columns, Row, Errors }

    private JsonReaderState _state;
    private Pending _pending;
    private bool _inResults;
    private int _statement = -1;
    private bool _complete;

    /// <summary>Statements that have a result in the answer (those that ran before an error).</summary>
    public int Results => _statement + 1;

    /// <summary>Neo4j's first error, if any: (code, message).</summary>
    public (string Code, string Message)? Error { get; private set; }

    public async Task ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var end = 0;
            while (true)
            {
                if (end == buffer.Length)
                {
                    // One row longer than the buffer: grow it, keeping what is there.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                if (read == 0)
                {
                    // A connection that closes before the answer's last brace is a lost connection, not a bad answer.
                    if (!_complete) throw new IOException("Neo4j's answer ended in the middle (the connection closed).");
                    return;
                }
                end += read;
                var consumed = Consume(buffer.AsSpan(0, end));
                buffer.AsSpan(consumed, end - consumed).CopyTo(buffer);
                end -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads every complete token (and every complete row) in <paramref name="data"/>; returns the bytes used.</summary>
    private int Consume(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, _state);
        while (true)
        {
            if (_pending != Pending.None)
            {
                // A row (or the column list, or the errors) is handed over whole, so it must all be in the buffer.
                var probe = reader;
                if (!probe.Read() || !probe.TrySkip()) break;
                reader.Read();
                switch (_pending)
                {
                    case Pending.Row: sink.Row(_statement, ref reader); break;
                    case Pending.Columns: sink.Columns(_statement, ReadStrings(ref reader)); break;
                    default: ReadErrors(ref reader); break;
                }
                _pending = Pending.None;
                continue;
            }
            if (!reader.Read()) break;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (reader.CurrentDepth)
                {
                    case 1:
                        _inResults = reader.ValueTextEquals("results"u8);
                        if (reader.ValueTextEquals("errors"u8)) _pending = Pending.Errors;
                        break;
                    case 3 when _inResults && reader.ValueTextEquals("columns"u8):
                        _pending = Pending.Columns;
                        break;
                    case 5 when _inResults && reader.ValueTextEquals("row"u8):
                        _pending = Pending.Row;
                        break;
                }
            }
            else if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2 && _inResults)
            {
                _statement++;
            }
            else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
            {
                _complete = true;
            }
        }
        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader)
    {
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) values.Add(reader.GetString() ?? "");
        return values;
    }

    private void ReadErrors(ref Utf8JsonReader reader)
    {
        using var errors = JsonDocument.ParseValue(ref reader);
        if (Error is not null || errors.RootElement.GetArrayLength() == 0) return;
        var first = errors.RootElement[0];
        Error = (first.GetProperty("code").GetString() ?? "Neo.Unknown", first.GetProperty("message").GetString() ?? "");
    }
}

/// <summary>The sink for small answers: every row as a list of <see cref="JsonElement"/>s, per statement.</summary>
internal sealed class Neo4jResultSink : INeo4jRowSink
{
    private readonly List<(IReadOnlyList<string> Columns, List<IReadOnlyList<JsonElement>> Rows)> _results = [];

    public IReadOnlyList<Neo4jResult> Results => _results.Select(r => new Neo4jResult(r.Columns, r.Rows)).ToList();

    public void Columns(int statement, IReadOnlyList<string> columns)
    {
        while (_results.Count <= statement) _results.Add(([], []));
        _results[statement] = (columns, _results[statement].Rows);
    }

    public void Row(int statement, ref Utf8JsonReader row)
    {
        while (_results.Count <= statement) _results.Add(([], []));
        var values = new List<JsonElement>();
        while (row.Read() && row.TokenType != JsonTokenType.EndArray) values.Add(JsonElement.ParseValue(ref row));
        _results[statement].Rows.Add(values);
    }
}
