using System.Text.Json;
using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

internal static partial class WorkspaceFastReader
{
    /// <summary>
    /// Reads the people array, nearly all of a large file, on every core. The file is cut into equal shares; in each
    /// share after the first a helper guesses where a person ends (a <c>}</c> followed by <c>,</c> and <c>{</c>) and
    /// reads people from there. A guess can fall inside a string or another array, so the main reader takes a helper's
    /// people only when it arrives exactly where that guess said a person of the people array ends; a helper that
    /// reached the next guess the same way vouches for it in turn. A wrong guess or a helper that gave up costs only
    /// the helper's work: the main reader reads on itself. So the model is always the one a single pass builds.
    /// </summary>
    private sealed class PeopleSplit : IDisposable
    {
        // A person sits two levels down (the workspace object, the people array).
        private static readonly JsonReaderOptions PersonOptions = new() { MaxDepth = 62 };

        private readonly ReadOnlyMemory<byte> utf8;
        private readonly int[] guesses;
        private readonly Task<Share?>[] shares;
        private volatile bool abandoned;

        public int PeopleFromHelpers { get; private set; }

        /// <summary>People read by a helper from its guess up to <see cref="End"/>: the next guess, or the array's last person.</summary>
        private sealed record Share(List<Person> People, int End);

        public PeopleSplit(ReadOnlyMemory<byte> utf8, int parts)
        {
            this.utf8 = utf8;
            var found = new List<int>();
            for (var part = 1; part < parts; part++)
                if (NextElementEnd(utf8.Span, (int)((long)utf8.Length * part / parts)) is var end and > 0 && (found.Count == 0 || end > found[^1]))
                    found.Add(end);
            guesses = [.. found];
            shares = new Task<Share?>[guesses.Length];
            for (var i = 0; i < guesses.Length; i++)
            {
                var index = i;
                shares[i] = Task.Factory.StartNew(() => ReadShare(index), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }

        /// <summary>The people array at the reader (on its value), with every share the guesses got right.</summary>
        public IReadOnlyList<Person> ReadPeople(ref Utf8JsonReader r)
        {
            if (r.TokenType == JsonTokenType.Null) return [];
            if (r.TokenType != JsonTokenType.StartArray) throw Stop;
            // The reader's positions are relative to the span it was made on; after taking shares it is made anew.
            var offset = 0;
            var next = 0;
            var items = new List<Person>();
            while (true)
            {
                if (!r.Read()) throw Stop;
                if (r.TokenType == JsonTokenType.EndArray) return items;
                if (r.TokenType != JsonTokenType.StartObject) throw Stop;
                items.Add(ReadPerson(ref r));

                var at = offset + (int)r.BytesConsumed;
                while (next < guesses.Length && guesses[next] < at) next++;
                if (next == guesses.Length || guesses[next] != at) continue;
                // A person of the people array ends where guess `next` said: its helper read on from a true place.
                var resumeAt = at;
                while (next < guesses.Length && guesses[next] == resumeAt && shares[next].Result is { } share)
                {
                    items.AddRange(share.People);
                    PeopleFromHelpers += share.People.Count;
                    resumeAt = share.End;
                    next++;
                    while (next < guesses.Length && guesses[next] < resumeAt) next++;
                }
                if (resumeAt == at) continue;
                // The state after a person's closing brace is the same wherever in the array that person is.
                r = new Utf8JsonReader(utf8.Span[resumeAt..], isFinalBlock: true, r.CurrentState);
                offset = resumeAt;
            }
        }

        /// <summary>Helpers still reading past the people array (guesses that fell elsewhere) stop early.</summary>
        public void Dispose() => abandoned = true;

        private Share? ReadShare(int index)
        {
            try
            {
                var span = utf8.Span;
                var position = guesses[index];
                var people = new List<Person>();
                var nextGuess = index + 1;
                while (!abandoned)
                {
                    var personEnd = position;
                    position = SkipWhitespace(span, position);
                    if (position >= span.Length) return null;
                    if (span[position] == (byte)']') return new Share(people, personEnd);
                    if (span[position] != (byte)',') return null;
                    position = SkipWhitespace(span, position + 1);
                    var reader = new Utf8JsonReader(span[position..], PersonOptions);
                    if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
                    people.Add(ReadPerson(ref reader));
                    position += (int)reader.BytesConsumed;
                    while (nextGuess < guesses.Length && guesses[nextGuess] < position) nextGuess++;
                    if (nextGuess < guesses.Length && guesses[nextGuess] == position) return new Share(people, position);
                }
                return null;
            }
            catch (Exception e) when (e is GiveUp or JsonException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }

        /// <summary>The position just after the first <c>}</c> at or after <paramref name="from"/> that is followed by <c>,</c> and <c>{</c>; -1 if none.</summary>
        private static int NextElementEnd(ReadOnlySpan<byte> span, int from)
        {
            for (var i = span[from..].IndexOf((byte)'}'); i >= 0; )
            {
                var brace = from + i;
                var comma = SkipWhitespace(span, brace + 1);
                if (comma < span.Length && span[comma] == (byte)',')
                {
                    var open = SkipWhitespace(span, comma + 1);
                    if (open < span.Length && span[open] == (byte)'{') return brace + 1;
                }
                from = brace + 1;
                i = span[from..].IndexOf((byte)'}');
            }
            return -1;
        }

        private static int SkipWhitespace(ReadOnlySpan<byte> span, int position)
        {
            while (position < span.Length && span[position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') position++;
            return position;
        }
    }
}
