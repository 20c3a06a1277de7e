using JourneyOrg.Domain;
using Microsoft.Data.Sqlite;

namespace JourneyOrg.Web.Storage.Sqlite;

/// <summary>
/// Bulk writes inside one transaction. Each statement is prepared once and re-executed with new parameter
/// values, which keeps a 100,000-person import to seconds rather than minutes. Upserts use
/// <c>ON CONFLICT DO UPDATE</c>, which keeps a row's rowid and so its place in exports.
/// </summary>
internal sealed class RowWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    public void Delete(string sql, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return;
        // Microsoft.Data.Sqlite runs multi-statement command text statement by statement with the same parameters.
        using var command = Prepare(sql, "$id");
        foreach (var id in ids) Run(command, id);
    }

    public void InsertJourneys(IReadOnlyList<Journey> journeys, bool replaceExisting = false)
    {
        if (journeys.Count == 0) return;
        using var clear = replaceExisting
            ? Prepare("DELETE FROM steps WHERE phase_id IN (SELECT id FROM phases WHERE journey_id = $id); DELETE FROM phases WHERE journey_id = $id;", "$id")
            : null;
        using var journey = Prepare("""
            INSERT INTO journeys (id, name, parent_id, description) VALUES ($id, $name, $parent, $description)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, description = excluded.description
            """, "$id", "$name", "$parent", "$description");
        using var phase = Prepare("INSERT INTO phases (id, journey_id, name, ord) VALUES ($id, $journey, $name, $ord)",
            "$id", "$journey", "$name", "$ord");
        using var step = Prepare("INSERT INTO steps (id, phase_id, name, subjourney_id, ord) VALUES ($id, $phase, $name, $sub, $ord)",
            "$id", "$phase", "$name", "$sub", "$ord");
        foreach (var j in journeys)
        {
            if (clear is not null) Run(clear, j.Id);
            Run(journey, j.Id, j.Name, j.ParentId, j.Description);
            for (var p = 0; p < j.Phases.Count; p++)
            {
                var ph = j.Phases[p];
                Run(phase, ph.Id, j.Id, ph.Name, p);
                for (var s = 0; s < ph.Steps.Count; s++)
                    Run(step, ph.Steps[s].Id, ph.Id, ph.Steps[s].Name, ph.Steps[s].SubjourneyId, s);
            }
        }
    }

    public void UpsertPeople(IReadOnlyList<Person> people)
    {
        if (people.Count == 0) return;
        using var command = Prepare("""
            INSERT INTO people (id, display_name, mail, job_title, department, manager_id, role_id, account_enabled,
                                user_principal_name, employee_id, employee_type, office_location, source)
            VALUES ($id, $name, $mail, $title, $department, $manager, $role, $enabled, $upn, $employeeId, $employeeType, $office, $source)
            ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, mail = excluded.mail, job_title = excluded.job_title,
                department = excluded.department, manager_id = excluded.manager_id, role_id = excluded.role_id,
                account_enabled = excluded.account_enabled, user_principal_name = excluded.user_principal_name,
                employee_id = excluded.employee_id, employee_type = excluded.employee_type,
                office_location = excluded.office_location, source = excluded.source
            """, "$id", "$name", "$mail", "$title", "$department", "$manager", "$role", "$enabled", "$upn", "$employeeId",
            "$employeeType", "$office", "$source");
        foreach (var p in people)
            Run(command, p.Id, p.DisplayName, p.Mail, p.JobTitle, p.Department, p.ManagerId, p.RoleId, p.AccountEnabled ? 1 : 0,
                p.UserPrincipalName, p.EmployeeId, p.EmployeeType, p.OfficeLocation, p.Source);
    }

    public void UpsertTeams(IReadOnlyList<Team> teams)
    {
        if (teams.Count == 0) return;
        using var team = Prepare("""
            INSERT INTO teams (id, name, parent_id, lead_id, type, description, source)
            VALUES ($id, $name, $parent, $lead, $type, $description, $source)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, lead_id = excluded.lead_id,
                type = excluded.type, description = excluded.description, source = excluded.source
            """, "$id", "$name", "$parent", "$lead", "$type", "$description", "$source");
        using var clear = Prepare("DELETE FROM memberships WHERE team_id = $id", "$id");
        using var member = Prepare("INSERT INTO memberships (team_id, person_id, allocation, ord) VALUES ($team, $person, $allocation, $ord)",
            "$team", "$person", "$allocation", "$ord");
        foreach (var t in teams)
        {
            Run(team, t.Id, t.Name, t.ParentId, t.LeadId, t.Type, t.Description, t.Source);
            Run(clear, t.Id);
            for (var i = 0; i < t.Members.Count; i++)
                Run(member, t.Id, t.Members[i].PersonId, t.Members[i].Allocation, i);
        }
    }

    public void UpsertRoles(IReadOnlyList<Role> roles)
    {
        if (roles.Count == 0) return;
        using var command = Prepare("""
            INSERT INTO roles (id, title, family, level) VALUES ($id, $title, $family, $level)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, family = excluded.family, level = excluded.level
            """, "$id", "$title", "$family", "$level");
        foreach (var r in roles) Run(command, r.Id, r.Title, r.Family, r.Level);
    }

    public void UpsertOwnership(IReadOnlyList<Ownership> ownership)
    {
        if (ownership.Count == 0) return;
        using var command = Prepare("""
            INSERT INTO ownership (team_id, target_id, kind) VALUES ($team, $target, $kind)
            ON CONFLICT (team_id, target_id) DO UPDATE SET kind = excluded.kind
            """, "$team", "$target", "$kind");
        foreach (var o in ownership) Run(command, o.TeamId, o.TargetId, o.Kind.ToText());
    }

    public void UpsertMetrics(IReadOnlyList<Metric> metrics)
    {
        if (metrics.Count == 0) return;
        using var command = Prepare("""
            INSERT INTO metrics (id, target_id, name, unit, value, target, direction)
            VALUES ($id, $target, $name, $unit, $value, $goal, $direction)
            ON CONFLICT (id) DO UPDATE SET target_id = excluded.target_id, name = excluded.name, unit = excluded.unit,
                value = excluded.value, target = excluded.target, direction = excluded.direction
            """, "$id", "$target", "$name", "$unit", "$value", "$goal", "$direction");
        foreach (var m in metrics) Run(command, m.Id, m.TargetId, m.Name, m.Unit, m.Value, m.Target, m.Direction);
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
