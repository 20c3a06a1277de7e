using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// A stand-in reader and writer for the <c>journeyorg/v1</c> workspace format, so the engine verbs and the
/// benchmark work before the real one (with full validation) is merged. It applies the format's defaults and
/// checks the <c>format</c> tag, nothing more. Replace its callers with the real reader/writer at merge.
/// </summary>
public static class InterimWorkspaceJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a workspace document; throws <see cref="FormatException"/> when it is not one.</summary>
    public static Workspace Read(Stream utf8Json)
    {
        Document? doc;
        try { doc = JsonSerializer.Deserialize<Document>(utf8Json, Options); }
        catch (JsonException e) { throw new FormatException($"not a workspace document: {e.Message}", e); }
        return ToModel(doc);
    }

    /// <summary>Reads a workspace document from text.</summary>
    public static Workspace Read(string json)
    {
        Document? doc;
        try { doc = JsonSerializer.Deserialize<Document>(json, Options); }
        catch (JsonException e) { throw new FormatException($"not a workspace document: {e.Message}", e); }
        return ToModel(doc);
    }

    /// <summary>Reads a workspace file.</summary>
    public static Workspace ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Writes a workspace document.</summary>
    public static void Write(Stream utf8Json, Workspace workspace, bool indented = false) =>
        JsonSerializer.Serialize(utf8Json, FromModel(workspace), new JsonSerializerOptions(Options) { WriteIndented = indented });

    private static Workspace ToModel(Document? doc)
    {
        if (doc is null || doc.Format != "journeyorg/v1") throw new FormatException("not a journeyorg/v1 workspace document (format must be \"journeyorg/v1\")");
        return new Workspace(
            (doc.Journeys ?? []).Select(j => new Journey(j.Id, j.Name ?? j.Id, j.ParentId, j.Description ?? "",
                (j.Phases ?? []).Select(p => new Phase(p.Id, p.Name ?? p.Id,
                    (p.Steps ?? []).Select(s => new Step(s.Id, s.Name ?? s.Id, s.SubjourneyId)).ToArray())).ToArray())).ToArray(),
            (doc.People ?? []).Select(p => new Person(p.Id, p.DisplayName ?? p.Id, p.Mail, p.JobTitle, p.Department, p.ManagerId, p.RoleId, p.AccountEnabled ?? true)).ToArray(),
            (doc.Teams ?? []).Select(t => new Team(t.Id, t.Name ?? t.Id, t.ParentId, t.LeadId, t.Type,
                (t.Members ?? []).Select(m => new Membership(m.PersonId, m.Allocation ?? 1.0)).ToArray())).ToArray(),
            (doc.Roles ?? []).Select(r => new Role(r.Id, r.Title ?? r.Id, r.Family, r.Level)).ToArray(),
            (doc.Ownership ?? []).Select(o => new Ownership(o.TeamId, o.TargetId,
                OwnershipKinds.TryParse(o.Kind ?? OwnershipKinds.Accountable, out var kind) ? kind
                : throw new FormatException($"ownership of '{o.TargetId}' by '{o.TeamId}': kind must be accountable or contributing"))).ToArray(),
            (doc.Metrics ?? []).Select(m => new Metric(m.Id, m.TargetId, m.Name ?? m.Id, m.Unit, m.Value, m.Target, m.Direction)).ToArray());
    }

    private static Document FromModel(Workspace ws) => new(
        "journeyorg/v1",
        ws.Journeys.Select(j => new JourneyDoc(j.Id, j.Name, j.ParentId, j.Description,
            j.Phases.Select(p => new PhaseDoc(p.Id, p.Name, p.Steps.Select(s => new StepDoc(s.Id, s.Name, s.SubjourneyId)).ToList())).ToList())).ToList(),
        ws.People.Select(p => new PersonDoc(p.Id, p.DisplayName, p.Mail, p.JobTitle, p.Department, p.ManagerId, p.RoleId, p.AccountEnabled)).ToList(),
        ws.Teams.Select(t => new TeamDoc(t.Id, t.Name, t.ParentId, t.LeadId, t.Type,
            t.Members.Select(m => new MemberDoc(m.PersonId, m.Allocation)).ToList())).ToList(),
        ws.Roles.Select(r => new RoleDoc(r.Id, r.Title, r.Family, r.Level)).ToList(),
        ws.Ownership.Select(o => new OwnershipDoc(o.TeamId, o.TargetId, o.Kind.ToText())).ToList(),
        ws.Metrics.Select(m => new MetricDoc(m.Id, m.TargetId, m.Name, m.Unit, m.Value, m.Target, m.Direction)).ToList());

    private sealed record Document(string? Format, List<JourneyDoc>? Journeys, List<PersonDoc>? People, List<TeamDoc>? Teams,
        List<RoleDoc>? Roles, List<OwnershipDoc>? Ownership, List<MetricDoc>? Metrics);
    private sealed record JourneyDoc(string Id, string? Name, string? ParentId, string? Description, List<PhaseDoc>? Phases);
    private sealed record PhaseDoc(string Id, string? Name, List<StepDoc>? Steps);
    private sealed record StepDoc(string Id, string? Name, string? SubjourneyId);
    private sealed record PersonDoc(string Id, string? DisplayName, string? Mail, string? JobTitle, string? Department, string? ManagerId, string? RoleId, bool? AccountEnabled);
    private sealed record TeamDoc(string Id, string? Name, string? ParentId, string? LeadId, string? Type, List<MemberDoc>? Members);
    private sealed record MemberDoc(string PersonId, double? Allocation);
    private sealed record RoleDoc(string Id, string? Title, string? Family, string? Level);
    private sealed record OwnershipDoc(string TeamId, string TargetId, string? Kind);
    private sealed record MetricDoc(string Id, string TargetId, string? Name, string? Unit, double? Value, double? Target, string? Direction);
}
