using System.Text.Json;
using JourneyOrg.Domain;
using JourneyOrg.Storage;
using JourneyOrg.Workspaces;

namespace JourneyOrg.Templates;

/// <summary>
/// A starter journey framework for one industry: a <c>journeyorg/v1</c> document with journeys only (a lifecycle &gt;
/// domain &gt; journey hierarchy and reusable sub-journeys), plus a <c>template</c> object that the workspace reader
/// ignores and that names and describes it.
/// </summary>
public sealed record JourneyTemplate(string Name, string Title, string Description, string ResourceName)
{
    /// <summary>The document as stored in the assembly.</summary>
    public Stream Open() =>
        typeof(JourneyTemplate).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"template resource {ResourceName} is missing from the build");

    /// <summary>The template's journeys as a workspace (read and validated as any import would be).</summary>
    public WorkspaceReadResult Read()
    {
        using var stream = Open();
        return WorkspaceReader.ReadAsync(stream).GetAwaiter().GetResult();
    }
}

/// <summary>What adding a template did: applied at a revision, or refused for id clashes or validation errors.</summary>
public sealed record TemplateApplication(long? Revision, int Added, IReadOnlyList<string> Clashes, IReadOnlyList<WorkspaceError> Errors)
{
    public bool Applied => Revision is not null;
}

/// <summary>The starter journey frameworks built into JourneyOrg, and adding one to a workspace.</summary>
public static class JourneyTemplates
{
    private const string Prefix = "JourneyOrg.Templates.";

    /// <summary>Every template, by name.</summary>
    public static IReadOnlyList<JourneyTemplate> All { get; } = Load();

    public static JourneyTemplate? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Merges the template's journeys into the stored workspace through the import's merge (<see cref="WorkspaceMerge"/>,
    /// then the whole result validated, then one store transaction at the revision read). Unlike a file merge, an id that
    /// the workspace already uses is never overwritten: any clash refuses the whole template and lists the ids.
    /// </summary>
    public static async Task<TemplateApplication> ApplyAsync(IWorkspaceStore store, JourneyTemplate template, CancellationToken cancellationToken = default)
    {
        var read = template.Read();
        if (read.Workspace is not { } incoming) return new TemplateApplication(null, 0, [], read.Errors);
        var snapshot = await store.LoadAsync(cancellationToken);
        var taken = new WorkspaceIds(snapshot.Workspace);
        var clashes = IdsOf(incoming).Where(taken.IsTaken).ToList();
        if (clashes.Count > 0) return new TemplateApplication(null, 0, clashes, []);
        var merge = WorkspaceMerge.Of(snapshot.Workspace, incoming);
        var errors = WorkspaceValidator.ValidateDocument(merge.Workspace, merge.Paths);
        if (errors.Count > 0) return new TemplateApplication(null, 0, [], errors);
        var revision = await store.ApplyAsync(merge.Changes, snapshot.Revision, cancellationToken);
        return new TemplateApplication(revision, incoming.Journeys.Count, [], []);
    }

    /// <summary>Every journey, phase and step id of a template, in document order.</summary>
    public static IEnumerable<string> IdsOf(Workspace template) =>
        template.Journeys.SelectMany(j => new[] { j.Id }.Concat(j.Phases.SelectMany(p => new[] { p.Id }.Concat(p.Steps.Select(s => s.Id)))));

    private static IReadOnlyList<JourneyTemplate> Load()
    {
        var assembly = typeof(JourneyTemplate).Assembly;
        var templates = new List<JourneyTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var document = JsonDocument.Parse(stream);
            var meta = document.RootElement.GetProperty("template");
            templates.Add(new JourneyTemplate(meta.GetProperty("name").GetString()!, meta.GetProperty("title").GetString()!,
                meta.GetProperty("description").GetString()!, resource));
        }
        return templates.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }
}
