using System.Text.RegularExpressions;

namespace JourneyOrg.Tests.Web;

/// <summary>
/// The contract between views and the fragments htmx swaps: targets are named through DomIds, every target
/// a view aims at is rendered by some partial, and every partial says what it is for.
/// </summary>
public sealed class HtmxContractTests
{
    private static readonly string Features = Path.Combine(RepositoryFiles.Root, "src", "JourneyOrg.Web", "Features");

    private static IEnumerable<(string Path, string Text)> Views() =>
        Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/Api/") && !p.Contains("/DirectorySync/"))
            .Select(p => (p, File.ReadAllText(p)));

    [Fact]
    public void Every_partial_starts_with_a_comment_saying_what_it_is_for()
    {
        var silent = Views().Where(v => Path.GetFileName(v.Path).StartsWith('_') && !Path.GetFileName(v.Path).StartsWith("_View"))
            .Where(v => !v.Text.TrimStart().StartsWith("@*")).Select(v => v.Path).ToList();
        Assert.Empty(silent);
    }

    [Fact]
    public void Targets_are_named_through_DomIds_or_relative_to_the_trigger()
    {
        var literal = Views()
            .SelectMany(v => Regex.Matches(v.Text, "hx-target=\"([^\"]+)\"").Select(m => (v.Path, v.Text, Target: m.Groups[1].Value)))
            .Where(x => !x.Target.StartsWith("#@DomIds.") && x.Target is not ("this" or "closest li"))
            // A per-node id held in a local: var listId = DomIds.OrgReports(p.Id); ... hx-target="#@listId"
            .Where(x => !(x.Target.StartsWith("#@") && x.Text.Contains($"var {x.Target[2..]} = DomIds.")))
            .Select(x => (x.Path, x.Target))
            .ToList();
        Assert.Empty(literal);
    }

    [Fact]
    public void Every_posting_form_carries_the_antiforgery_field()
    {
        // With an explicit action attribute the form tag helper leaves the token out unless asked: without htmx the post would fail.
        var missing = Views()
            .SelectMany(v => Regex.Matches(v.Text, "<form[^>]*method=\"post\"[^>]*>").Select(m => (v.Path, Form: m.Value)))
            .Where(x => !x.Form.Contains("asp-antiforgery=\"true\""))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_targeted_id_is_rendered_by_a_view()
    {
        var views = Views().ToList();
        var targeted = views.SelectMany(v => Regex.Matches(v.Text, "hx-target=\"#@DomIds\\.(\\w+)").Select(m => m.Groups[1].Value)).Distinct();
        var rendered = views.SelectMany(v => Regex.Matches(v.Text, "id=\"@DomIds\\.(\\w+)").Select(m => m.Groups[1].Value)).ToHashSet();
        // Ids computed per node (OrgReports(personId), ...) are rendered through a local variable in the same partial.
        var computed = views.SelectMany(v => Regex.Matches(v.Text, "= DomIds\\.(\\w+)\\(").Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.All(targeted.Select(t => t.Split('(')[0]), t => Assert.True(rendered.Contains(t) || computed.Contains(t), $"DomIds.{t} is targeted but never rendered"));
    }

}
