namespace JourneyOrg.JourneyManagement;

/// <summary>The only links the product stores and renders: absolute http and https URLs (no <c>javascript:</c>, no <c>data:</c>).</summary>
public static class JourneyLinks
{
    /// <summary>Whether <paramref name="url"/> is an absolute http or https URL with a host.</summary>
    public static bool IsWebLink(string? url) =>
        url is not null &&
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.Host.Length > 0 &&
        url.Trim() == url;
}
