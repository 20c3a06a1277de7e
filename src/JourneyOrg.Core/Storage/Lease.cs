using System.Globalization;

namespace JourneyOrg.Storage;

/// <summary>Who holds a named lease and until when, as stored in a state value (<c>holder|expires</c>).</summary>
public sealed record Lease(string Holder, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"{Holder}|{ExpiresAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}";

    /// <summary>Reads a stored lease; null when the value is not one.</summary>
    public static Lease? Parse(string value)
    {
        var bar = value.LastIndexOf('|');
        return bar > 0 && DateTimeOffset.TryParse(value[(bar + 1)..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
            ? new Lease(value[..bar], expires)
            : null;
    }
}
