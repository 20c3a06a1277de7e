using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// Why one form was not saved: each problem at the field it concerns (keyed by the form field's name, as posted), and
/// what only the whole-workspace rules found in <see cref="Whole"/>. The view marks the fields with
/// <see cref="FieldProblemTagHelper"/> and sums up at the top with _FormProblems, whose links lead to the fields.
/// A field's element id is "{Form}-{field in kebab case}" unless the view says otherwise.
/// </summary>
public sealed class FormProblems(string form)
{
    /// <summary>No form was refused: every field renders plain.</summary>
    public static readonly FormProblems None = new("");

    private readonly List<(string Field, List<string> Messages)> _fields = [];
    private readonly Dictionary<string, string> _inputIds = new(StringComparer.Ordinal);

    /// <summary>The DOM prefix of the form's fields, which also tells the forms of one page apart.</summary>
    public string Form { get; } = form;

    /// <summary>Problems the form cannot pin on one of its fields (the workspace rules, a stale revision).</summary>
    public List<string> Whole { get; } = [];

    /// <summary>The problems of one field, to add to (the form-reading helpers take a list).</summary>
    public List<string> At(string field)
    {
        foreach (var (f, messages) in _fields) if (f == field) return messages;
        var added = new List<string>();
        _fields.Add((field, added));
        return added;
    }

    public FormProblems Add(string field, string message)
    {
        At(field).Add(message);
        return this;
    }

    public bool Any => Whole.Count > 0 || _fields.Any(f => f.Messages.Count > 0);

    public IReadOnlyList<string> Of(string field) => _fields.FirstOrDefault(f => f.Field == field).Messages ?? [];

    /// <summary>Each problem found at a field, in the order the form checked them.</summary>
    public IEnumerable<(string Field, string Message)> Placed => _fields.SelectMany(f => f.Messages.Select(m => (f.Field, m)));

    /// <summary>Every problem as one list, fields first.</summary>
    public IReadOnlyList<string> All => [.. Placed.Select(p => p.Message), .. Whole];

    /// <summary>The field that gets the focus when the page comes back.</summary>
    public string? FirstField => _fields.FirstOrDefault(f => f.Messages.Count > 0).Field;

    /// <summary>
    /// These problems if they are <paramref name="form"/>'s, else none (a page with several forms). Either way the
    /// result carries <paramref name="form"/>, so its fields get their conventional ids on a page nobody posted yet.
    /// </summary>
    public FormProblems For(string form) => Form == form ? this : new FormProblems(form);

    public string InputId(string field) => _inputIds.GetValueOrDefault(field) ?? $"{Form}-{Kebab(field)}";

    /// <summary>Where the view renders a field whose id does not follow the convention (a name picker).</summary>
    public FormProblems Placing(string field, string inputId)
    {
        if (!ReferenceEquals(this, None)) _inputIds[field] = inputId;
        return this;
    }

    /// <summary>The message beside a field, which the field names in aria-describedby.</summary>
    public static string ProblemIdOf(string inputId) => inputId + "-problem";

    private static string Kebab(string field)
    {
        var s = new StringBuilder();
        foreach (var c in field)
        {
            if (char.IsUpper(c) && s.Length > 0) s.Append('-');
            s.Append(char.ToLowerInvariant(c));
        }
        return s.ToString();
    }
}

/// <summary>
/// Marks a refused field where it is: <c>&lt;input problems="@p" problem-of="Name" …&gt;</c> gets aria-invalid, an
/// aria-describedby naming the message, and the message right after it. The one mechanism for every edit form, so that
/// screen readers hear the reason with the field's name and sighted users see it beside the field.
/// </summary>
[HtmlTargetElement("input", Attributes = ProblemsAttribute + "," + FieldAttribute)]
[HtmlTargetElement("select", Attributes = ProblemsAttribute + "," + FieldAttribute)]
[HtmlTargetElement("textarea", Attributes = ProblemsAttribute + "," + FieldAttribute)]
public sealed class FieldProblemTagHelper : TagHelper
{
    private const string ProblemsAttribute = "problems";
    private const string FieldAttribute = "problem-of";

    [HtmlAttributeName(ProblemsAttribute)]
    public FormProblems? Problems { get; set; }

    [HtmlAttributeName(FieldAttribute)]
    public string Field { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var problems = Problems ?? FormProblems.None;
        var inputId = Text(output, "id");
        if (inputId is null)
        {
            inputId = problems.InputId(Field);
            output.Attributes.SetAttribute("id", inputId);
        }
        var messages = problems.Of(Field);
        if (messages.Count == 0) return;
        var problemId = FormProblems.ProblemIdOf(inputId);
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", Text(output, "aria-describedby") is { } hint ? hint + " " + problemId : problemId);
        // A page rendered whole after a refused post starts at the first field to change (htmx focuses it too).
        if (problems.FirstField == Field) output.Attributes.SetAttribute("autofocus", "autofocus");
        var message = new TagBuilder("p");
        message.Attributes["id"] = problemId;
        message.AddCssClass("notice error field-error");
        message.InnerHtml.Append(string.Join(" ", messages));
        output.PostElement.AppendHtml(message);
    }

    private static string? Text(TagHelperOutput output, string attribute)
    {
        if (!output.Attributes.TryGetAttribute(attribute, out var a) || a.Value is null) return null;
        if (a.Value is not IHtmlContent html) return a.Value.ToString();
        using var writer = new StringWriter();
        html.WriteTo(writer, NullHtmlEncoder.Default);
        return writer.ToString();
    }
}

/// <summary>
/// A form whose refusal comes back in place: <c>&lt;form answer-in-place action="…"&gt;</c> posts with htmx and swaps
/// the page's main region from the 422 answer, so the address stays the page's and the typed values stay on screen.
/// Without JavaScript the same post renders the same page.
/// </summary>
[HtmlTargetElement("form", Attributes = "answer-in-place")]
public sealed class AnswerInPlaceTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("answer-in-place");
        if (output.Attributes.TryGetAttribute("action", out var action)) output.Attributes.SetAttribute("hx-post", action.Value);
        output.Attributes.SetAttribute("hx-target", "#" + DomIds.Main);
        output.Attributes.SetAttribute("hx-select", "#" + DomIds.Main);
        output.Attributes.SetAttribute("hx-swap", "outerHTML");
    }
}

/// <summary>How an edit form's post is answered, the same on every form.</summary>
public static class FormAnswers
{
    /// <summary>The TempData key of the "saved" message the next page shows (role=status, in the layout).</summary>
    public const string Done = "Done";

    /// <summary>
    /// Saved: to the page that shows the result, which says so. htmx follows the header with a full page load, so the
    /// address becomes that page's.
    /// </summary>
    public static IActionResult Saved(this Controller controller, string url, string message)
    {
        controller.TempData[Done] = message;
        if (!controller.Request.IsHtmx()) return controller.Redirect(url);
        controller.Response.Headers["HX-Redirect"] = url;
        return controller.NoContent();
    }

    /// <summary>Refused: the form's page again with the problems and what was typed (422), at the same address.</summary>
    public static ViewResult Refused(this Controller controller, string view, object model)
    {
        controller.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return controller.View(view, model);
    }
}
