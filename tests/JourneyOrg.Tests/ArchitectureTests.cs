using System.Text.RegularExpressions;

namespace JourneyOrg.Tests;

/// <summary>
/// The layering docs/architecture.md describes, checked on the sources: no two namespaces of the app use each other,
/// directly or around a loop, so each can be read (and changed) knowing only what is below it.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void No_namespace_depends_on_itself_through_others()
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var project in new[] { "JourneyOrg.Core", "JourneyOrg.Web" })
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", project), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            if (Regex.Match(text, @"^namespace ([\w.]+)", RegexOptions.Multiline) is not { Success: true } ns) continue;
            var from = ns.Groups[1].Value;
            if (!uses.TryGetValue(from, out var set)) uses[from] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match m in Regex.Matches(text, @"^using (JourneyOrg[\w.]*);", RegexOptions.Multiline))
                if (m.Groups[1].Value != from) set.Add(m.Groups[1].Value);
        }

        var loops = new List<string>();
        foreach (var start in uses.Keys.Order(StringComparer.Ordinal))
            if (PathBack(start, start, uses, []) is { } path) loops.Add(string.Join(" → ", path));
        Assert.True(loops.Count == 0, "namespaces that depend on themselves:\n" + string.Join("\n", loops));
    }

    /// <summary>A path of uses from <paramref name="from"/> back to <paramref name="target"/>, or null.</summary>
    private static List<string>? PathBack(string from, string target, Dictionary<string, HashSet<string>> uses, HashSet<string> seen)
    {
        foreach (var next in uses.GetValueOrDefault(from) ?? [])
        {
            if (next == target) return [from, next];
            if (!seen.Add(next)) continue;
            if (PathBack(next, target, uses, seen) is { } rest) return [from, .. rest];
        }
        return null;
    }
}
