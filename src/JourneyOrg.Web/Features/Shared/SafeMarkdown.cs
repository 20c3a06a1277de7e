using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// Markdown from imported files (insight and opportunity descriptions) rendered for a page. Raw HTML is shown as text,
/// and a link or image whose address is not http, https or mailto keeps only its text: a TheyDo export is not trusted
/// to carry <c>&lt;script&gt;</c> or <c>javascript:</c> into the browser.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IHtmlContent ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlString.Empty;
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsAllowed(link.GetDynamicUrl?.Invoke() ?? link.Url)) continue;
            // Keep what the link says, drop where it goes.
            foreach (var child in link.ToList())
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            if (!IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        return new HtmlString(document.ToHtml(Pipeline));
    }

    /// <summary>Absolute http, https or mailto addresses only (no relative links, no other schemes).</summary>
    public static bool IsAllowed(string? url) =>
        url is not null &&
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
}
