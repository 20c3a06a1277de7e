namespace JourneyOrg.Web.Features.Shared;

/// <summary>The few htmx conventions the screens rely on.</summary>
public static class Htmx
{
    public const string RequestHeader = "HX-Request";
    /// <summary>Sent by every htmx request through <c>hx-headers</c> on &lt;body&gt;; forms also carry the hidden field.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>True for requests made by htmx (answer with the fragment), false for full page loads.</summary>
    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers.TryGetValue(RequestHeader, out var value) && value == "true";
}
