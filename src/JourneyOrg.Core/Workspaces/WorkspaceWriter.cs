using System.Text.Encodings.Web;
using System.Text.Json;
using JourneyOrg.Domain;

namespace JourneyOrg.Workspaces;

/// <summary>
/// Writes a workspace as a <c>journeyorg/v1</c> document: every field (nulls included, so the file shows the whole
/// format), indented with two spaces and <c>\n</c> line ends, top-level records sorted by id, memberships by person,
/// ownership by team then target; phases and steps keep their order, which means something. The same workspace
/// always gives the same bytes, whichever store it came from, so exports can be diffed and kept in version control.
/// </summary>
public static class WorkspaceWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Names with accents stay readable in the file; the document is never embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const int FlushThreshold = 1 << 16;

    /// <summary>Writes <paramref name="workspace"/> to <paramref name="stream"/>, flushing as it goes so large workspaces are never held twice.</summary>
    public static void Write(Workspace workspace, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        foreach (var _ in WriteInParts(workspace, json)) json.Flush();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Writes <paramref name="workspace"/> to <paramref name="stream"/> with asynchronous flushes, for streams that refuse
    /// synchronous writes (an HTTP response body).
    /// </summary>
    public static async Task WriteAsync(Workspace workspace, Stream stream, CancellationToken cancellationToken = default)
    {
        await using var json = new Utf8JsonWriter(stream, Options);
        foreach (var _ in WriteInParts(workspace, json)) await json.FlushAsync(cancellationToken);
        await json.FlushAsync(cancellationToken);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    // Yields whenever enough is buffered to be worth flushing, so one body serves the synchronous and asynchronous writers.
    private static IEnumerable<bool> WriteInParts(Workspace workspace, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("format", WorkspaceFormat.Name);

        json.WriteStartArray("journeys");
        foreach (var journey in workspace.Journeys.OrderBy(j => j.Id, StringComparer.Ordinal))
        {
            WriteJourney(json, journey);
            if (json.BytesPending > FlushThreshold) yield return true;
        }
        json.WriteEndArray();

        json.WriteStartArray("people");
        foreach (var person in workspace.People.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            WritePerson(json, person);
            if (json.BytesPending > FlushThreshold) yield return true;
        }
        json.WriteEndArray();

        json.WriteStartArray("teams");
        foreach (var team in workspace.Teams.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            WriteTeam(json, team);
            if (json.BytesPending > FlushThreshold) yield return true;
        }
        json.WriteEndArray();

        json.WriteStartArray("roles");
        foreach (var role in workspace.Roles.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", role.Id);
            json.WriteString("title", role.Title);
            json.WriteString("family", role.Family);
            json.WriteString("level", role.Level);
            // HR-only and optional: written only when known, so a workspace without cost data exports as before.
            if (role.AnnualCost is { } roleCost) json.WriteNumber("annualCost", roleCost);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("ownership");
        foreach (var edge in workspace.Ownership.OrderBy(o => o.TeamId, StringComparer.Ordinal).ThenBy(o => o.TargetId, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("teamId", edge.TeamId);
            json.WriteString("targetId", edge.TargetId);
            json.WriteString("kind", edge.Kind.ToText());
            json.WriteEndObject();
            if (json.BytesPending > FlushThreshold) yield return true;
        }
        json.WriteEndArray();

        json.WriteStartArray("metrics");
        foreach (var metric in workspace.Metrics.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", metric.Id);
            json.WriteString("targetId", metric.IsLinked ? metric.TargetId : null);
            json.WriteString("name", metric.Name);
            json.WriteString("unit", metric.Unit);
            json.WriteNumberOrNull("value", metric.Value);
            json.WriteNumberOrNull("target", metric.Target);
            json.WriteString("direction", metric.Direction);
            JourneyManagementWriter.WriteMetricDetails(json, metric);
            json.WriteEndObject();
            if (json.BytesPending > FlushThreshold) yield return true;
        }
        json.WriteEndArray();

        JourneyManagementWriter.WriteSections(json, workspace);

        // SPEC §5: absent means "no cost data"; a workspace without it exports byte for byte as before.
        if (workspace.HasCosts || workspace.Currency != CostCurrency.Default)
        {
            json.WriteString("currency", workspace.Currency);
            json.WriteStartArray("costs");
            foreach (var cost in workspace.Costs.OrderBy(c => c.PersonId, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("personId", cost.PersonId);
                json.WriteNumber("annualCost", cost.AnnualCost);
                json.WriteEndObject();
                if (json.BytesPending > FlushThreshold) yield return true;
            }
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>Writes <paramref name="workspace"/> to a file, replacing it only once the whole document is written.</summary>
    public static void WriteFile(Workspace workspace, string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            Write(workspace, stream);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The document as a string (tests, small workspaces).</summary>
    public static string ToJson(Workspace workspace)
    {
        using var stream = new MemoryStream();
        Write(workspace, stream);
        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteJourney(Utf8JsonWriter json, Journey journey)
    {
        json.WriteStartObject();
        json.WriteString("id", journey.Id);
        json.WriteString("name", journey.Name);
        json.WriteString("parentId", journey.ParentId);
        json.WriteString("description", journey.Description);
        json.WriteStartArray("phases");
        foreach (var phase in journey.Phases)
        {
            json.WriteStartObject();
            json.WriteString("id", phase.Id);
            json.WriteString("name", phase.Name);
            json.WriteStartArray("steps");
            foreach (var step in phase.Steps)
            {
                json.WriteStartObject();
                json.WriteString("id", step.Id);
                json.WriteString("name", step.Name);
                json.WriteString("subjourneyId", step.SubjourneyId);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePerson(Utf8JsonWriter json, Person person)
    {
        json.WriteStartObject();
        json.WriteString("id", person.Id);
        json.WriteString("displayName", person.DisplayName);
        json.WriteString("mail", person.Mail);
        json.WriteString("jobTitle", person.JobTitle);
        json.WriteString("department", person.Department);
        json.WriteString("managerId", person.ManagerId);
        json.WriteString("roleId", person.RoleId);
        json.WriteBoolean("accountEnabled", person.AccountEnabled);
        json.WriteString("userPrincipalName", person.UserPrincipalName);
        json.WriteString("employeeId", person.EmployeeId);
        json.WriteString("employeeType", person.EmployeeType);
        json.WriteString("officeLocation", person.OfficeLocation);
        json.WriteString("source", person.Source);
        json.WriteEndObject();
    }

    private static void WriteTeam(Utf8JsonWriter json, Team team)
    {
        json.WriteStartObject();
        json.WriteString("id", team.Id);
        json.WriteString("name", team.Name);
        json.WriteString("parentId", team.ParentId);
        json.WriteString("leadId", team.LeadId);
        json.WriteString("type", team.Type);
        json.WriteString("description", team.Description);
        json.WriteString("source", team.Source);
        json.WriteStartArray("members");
        foreach (var member in team.Members.OrderBy(m => m.PersonId, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("personId", member.PersonId);
            json.WriteNumber("allocation", member.Allocation);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
