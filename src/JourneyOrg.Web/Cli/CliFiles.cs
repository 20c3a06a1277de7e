using System.Text;

namespace JourneyOrg.Web.Cli;

/// <summary>Opening a verb's input file, with <c>-</c> for standard input.</summary>
public static class CliFiles
{
    /// <summary>Opens <paramref name="file"/> for reading; a file that cannot be opened is a usage error.</summary>
    public static Stream OpenInput(string file)
    {
        if (file == "-") return Console.OpenStandardInput();
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {file}: {ex.Message}");
        }
    }
}

/// <summary>
/// A write-only stream over a <see cref="TextWriter"/>, so the UTF-8 workspace writer can stream to the verb's standard
/// output (a console in production, a <see cref="StringWriter"/> in tests) without building the document in memory.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[4096];

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // UTF-8 never gives more chars than bytes, plus what a sequence split at the last write may add.
        if (buffer.Length + 4 > _chars.Length) _chars = new char[buffer.Length + 4];
        var written = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, written);
    }

    public override void Flush() => writer.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
