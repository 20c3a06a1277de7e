using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JourneyOrg.Web.Features.Shared;

/// <summary>
/// A field that picks a team or a journey by name on an edit form: a text box with server-side active search, and a
/// hidden field with the chosen id. The search is the scenario forms' (<see cref="NameSearch"/>), over today's
/// organisation, so it works the same with ten teams or thousands and never sends the whole list to the browser.
/// <see cref="Key"/> tells several pickers on one page apart (one per phase on a journey map).
/// </summary>
public sealed record NamePick(string Kind, string Key, string Name, string Label)
{
    /// <summary>The text box is posted as the hidden field's name with this suffix, as on the scenario forms.</summary>
    public const string TextSuffix = "__name";

    public string? ChosenId { get; init; }
    public string? Text { get; init; }
    /// <summary>Why the last post was refused at this field.</summary>
    public string? Problem { get; init; }
    /// <summary>Empty is a choice too (a journey at the top level); then this says what empty means.</summary>
    public string? EmptyMeans { get; init; }
    /// <summary>The label is read by screen readers only (the form around it says what the field is for).</summary>
    public bool QuietLabel { get; init; }

    public string DomId => DomIds.PickField(Key);
    public string ResultsId => DomIds.PickResults(Key);
    public string InputId => "pick-input-" + DomIds.Safe(Key);
    public string TextName => Name + TextSuffix;

    /// <summary>The query that describes this field to the search and choose actions, so they can render it again.</summary>
    public string Query =>
        $"key={Uri.EscapeDataString(Key)}&name={Uri.EscapeDataString(Name)}&label={Uri.EscapeDataString(Label)}" +
        (EmptyMeans is null ? "" : $"&empty={Uri.EscapeDataString(EmptyMeans)}") + (QuietLabel ? "&quiet=true" : "");

    /// <summary>A picker showing <paramref name="chosenId"/> as chosen (or empty).</summary>
    public NamePick Chosen(OrgView org, string? chosenId) =>
        chosenId is not null && NameSearch.Exists(org, Kind, chosenId)
            ? this with { ChosenId = chosenId, Text = NameSearch.LabelOf(org, Kind, chosenId) }
            : this;

    /// <summary>The same picker after a refused post: what was typed stays, with the reason.</summary>
    public NamePick Refused(string? chosenId, string? typed, string? problem) => this with { ChosenId = chosenId, Text = typed, Problem = problem };

    /// <summary>
    /// A picker that may be left empty (a parent: empty is the top level): null without a problem when its text box was
    /// emptied (even while the hidden field still holds the old choice) or nothing was given; else as <see cref="Resolve"/>.
    /// </summary>
    public static string? ResolveOptional(OrgView org, string kind, string label, string? chosenId, string? typed, out string? problem)
    {
        problem = null;
        if (typed is not null && typed.Trim().Length == 0) return null;
        if (string.IsNullOrWhiteSpace(chosenId) && string.IsNullOrWhiteSpace(typed)) return null;
        return Resolve(org, kind, label, chosenId, typed, out problem);
    }

    /// <summary>
    /// The record a posted picker names: the chosen id while the text still reads as that choice, else the one record with
    /// exactly the typed name, else an id typed as it is. Null with the reason otherwise (and when nothing was given but
    /// something is needed).
    /// </summary>
    public static string? Resolve(OrgView org, string kind, string label, string? chosenId, string? typed, out string? problem)
    {
        // A form without the picker (an older page, a script) may send the name in the id field itself.
        if (string.IsNullOrWhiteSpace(typed) && !string.IsNullOrWhiteSpace(chosenId) && !NameSearch.Exists(org, kind, chosenId))
            (typed, chosenId) = (chosenId, null);
        if (!string.IsNullOrWhiteSpace(typed) && chosenId is null or "" && NameSearch.Exists(org, kind, typed.Trim()))
        {
            problem = null;
            return typed.Trim();
        }
        var found = NameSearch.Resolve(org, kind, label, chosenId, typed, out problem);
        if (found is null && problem is null) problem = $"{label}: type a name and pick it from the list.";
        return found;
    }
}

/// <summary>The matches of one picker's search. Rendered by _NamePickResults.</summary>
public sealed record NamePickResults(NamePick Field, string Typed, IReadOnlyList<PickOption> Options, int Total);

/// <summary>The active search behind <see cref="NamePick"/> fields, for the people who edit (the only ones shown such fields).</summary>
[Authorize(Policy = Policies.Plan)]
public sealed class NamePickController(OrgReader reader) : Controller
{
    private static readonly HashSet<string> Kinds = ["team", "journey", "target"];

    [HttpGet("/pick/{kind}")]
    public async Task<IActionResult> Search(string kind, string? key, string? name, string? label, string? empty, bool quiet, CancellationToken cancellationToken)
    {
        if (Field(kind, key, name, label, empty, quiet) is not { } field) return NotFound();
        var org = await reader.LoadAsync(cancellationToken);
        var typed = Request.Query[field.TextName].ToString();
        var (options, total) = NameSearch.Search(org, kind, typed);
        return PartialView("~/Features/Shared/_NamePickResults.cshtml", new NamePickResults(field, typed, options, total));
    }

    [HttpGet("/pick/{kind}/choose")]
    public async Task<IActionResult> Choose(string kind, string? key, string? name, string? label, string? empty, bool quiet, string? value, CancellationToken cancellationToken)
    {
        if (Field(kind, key, name, label, empty, quiet) is not { } field) return NotFound();
        var org = await reader.LoadAsync(cancellationToken);
        if (value is null || !NameSearch.Exists(org, kind, value)) return NotFound();
        return PartialView("~/Features/Shared/_NamePick.cshtml", field.Chosen(org, value));
    }

    private static NamePick? Field(string kind, string? key, string? name, string? label, string? empty, bool quiet) =>
        Kinds.Contains(kind) && !string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(name)
            ? new NamePick(kind, key, name, string.IsNullOrWhiteSpace(label) ? NameSearch.Noun(kind) : label) { EmptyMeans = empty, QuietLabel = quiet }
            : null;
}
