using System.Text.Json;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Shared;

namespace JourneyOrg.Web.Features.Journeys;

/// <summary>
/// What the workspace calls the levels of its journey framework, from the broadest: by default lifecycle › domain ›
/// journey. A journey's level is its depth under the top; deeper journeys take the last name. The journeyorg/v1 format
/// has no field for this (SPEC §1), so it is a workspace setting in the store's state, written through the edit
/// pipeline (audited, one revision) and kept by imports, which replace the workspace and not its settings.
/// </summary>
public sealed record FrameworkLevels(IReadOnlyList<string> Names)
{
    public const string StateKey = "settings.framework.levels";
    public const int MaxLevels = 6;
    public const int MaxNameLength = 40;

    public static FrameworkLevels Default { get; } = new(["lifecycle", "domain", "journey"]);

    /// <summary>The name of the level at <paramref name="depth"/> (0 is the top).</summary>
    public string At(int depth) => Names[Math.Clamp(depth, 0, Names.Count - 1)];

    /// <summary>The level of a journey, from its place in the hierarchy.</summary>
    public string Of(OrgView org, string journeyId) => At(org.JourneyAncestry(journeyId).Count() - 1);

    /// <summary>The names as a person types them: "lifecycle › domain › journey".</summary>
    public override string ToString() => string.Join(" › ", Names);

    public string ToStored() => JsonSerializer.Serialize(Names);

    /// <summary>The stored setting, or the default when there is none or it cannot be read.</summary>
    public static FrameworkLevels FromStored(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return Default;
        try
        {
            var names = JsonSerializer.Deserialize<List<string>>(stored);
            return names is { Count: > 0 and <= MaxLevels } && names.All(n => !string.IsNullOrWhiteSpace(n)) ? new FrameworkLevels(names) : Default;
        }
        catch (JsonException)
        {
            return Default;
        }
    }

    /// <summary>Names typed broadest first, separated by ›, &gt; or commas; null with the reason when they cannot be used.</summary>
    public static FrameworkLevels? FromTyped(string? typed, out string? problem)
    {
        problem = null;
        var names = (typed ?? "").Split(['›', '>', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (names.Count == 0) problem = "Name at least one level, for example: lifecycle › domain › journey.";
        else if (names.Count > MaxLevels) problem = $"At most {MaxLevels} levels; {names.Count} were given.";
        else if (names.FirstOrDefault(n => n.Length > MaxNameLength) is { } tooLong) problem = $"“{tooLong[..20]}…” is longer than {MaxNameLength} characters.";
        else if (names.GroupBy(n => n, StringComparer.CurrentCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice) problem = $"“{twice.Key}” is named twice; each level needs its own name.";
        return problem is null ? new FrameworkLevels(names) : null;
    }

    public static async Task<FrameworkLevels> LoadAsync(IStateStore store, CancellationToken cancellationToken = default) =>
        FromStored(await store.GetStateAsync(StateKey, cancellationToken));
}
