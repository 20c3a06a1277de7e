using System.Text.Json;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>
/// Everything one run read from Graph, kept compact: per object only the fields the mirror needs, keyed by id, so
/// a repeated item (delta may send one twice) simply overwrites, and memory grows with the number of objects, not
/// with the JSON. Nothing here touches the store; the plan is made only after the last page arrived.
/// </summary>
public sealed class DirectoryStage
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public Dictionary<string, StagedUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, StagedGroup> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool UsersFull { get; set; }
    public bool GroupsFull { get; set; }
    /// <summary>Parents found by asking a group that became a team during a delta run which team groups it belongs to.</summary>
    public Dictionary<string, List<string>> ExtraParents { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void ClearUsers() => Users.Clear();

    public void ClearGroups() { Groups.Clear(); ExtraParents.Clear(); }

    /// <summary>Departments, titles and offices repeat across thousands of people; one string instance each.</summary>
    private string? Pool(string? value)
    {
        if (value is null) return null;
        if (_strings.TryGetValue(value, out var pooled)) return pooled;
        if (_strings.Count < 200_000) _strings[value] = value;
        return value;
    }

    public void Add(User user)
    {
        if (user.Id is not { Length: > 0 } id) return;
        if (!Users.TryGetValue(id, out var staged)) Users[id] = staged = new StagedUser(id);

        if (RemovedReason(user.AdditionalData) is { } reason)
        {
            staged.Removed = true;
            staged.RemovedReason = reason;
            return;
        }
        // Restored after a soft delete: the object comes back whole.
        staged.Removed = false;
        foreach (var (key, _) in Present(user))
        {
            switch (key)
            {
                case "displayName": staged.Set(UserField.DisplayName); staged.DisplayName = user.DisplayName; break;
                case "mail": staged.Set(UserField.Mail); staged.Mail = user.Mail; break;
                case "userPrincipalName": staged.Set(UserField.UserPrincipalName); staged.UserPrincipalName = user.UserPrincipalName; break;
                case "jobTitle": staged.Set(UserField.JobTitle); staged.JobTitle = Pool(user.JobTitle); break;
                case "department": staged.Set(UserField.Department); staged.Department = Pool(user.Department); break;
                case "employeeId": staged.Set(UserField.EmployeeId); staged.EmployeeId = user.EmployeeId; break;
                case "employeeType": staged.Set(UserField.EmployeeType); staged.EmployeeType = Pool(user.EmployeeType); break;
                case "officeLocation": staged.Set(UserField.OfficeLocation); staged.OfficeLocation = Pool(user.OfficeLocation); break;
                case "accountEnabled": staged.Set(UserField.AccountEnabled); staged.AccountEnabled = user.AccountEnabled; break;
            }
        }
        if (user.AdditionalData.TryGetValue("manager@delta", out var managerDelta))
        {
            // Graph sends the current manager, or the previous one marked @removed when the manager was taken away.
            string? current = null;
            foreach (var item in Items(managerDelta))
                if (Text(item, "id") is { } managerId && RemovedReason(item) is null) current = managerId;
            staged.ManagerChange = current is null ? ManagerChange.Cleared : ManagerChange.Set;
            staged.ManagerId = current;
        }
    }

    /// <summary>Stages one group appearance. <paramref name="isTeam"/> returns null when it cannot tell yet.</summary>
    public void Add(Group group, Func<string, string?, bool> isTeam)
    {
        if (group.Id is not { Length: > 0 } id) return;
        if (!Groups.TryGetValue(id, out var staged)) Groups[id] = staged = new StagedGroup(id);

        if (RemovedReason(group.AdditionalData) is { } reason)
        {
            staged.Removed = true;
            staged.RemovedReason = reason;
            staged.Ignored = false;
            staged.UserMembers = null;
            staged.GroupMembers = null;
            return;
        }
        staged.Removed = false;
        var present = Present(group).Select(p => p.Key).ToHashSet();
        if (present.Contains("displayName")) { staged.HasDisplayName = true; staged.DisplayName = group.DisplayName; }
        if (present.Contains("description")) { staged.HasDescription = true; staged.Description = group.Description; }
        // Groups that are not teams are remembered by id only, so a big tenant's other groups cost no member lists.
        staged.Ignored = !isTeam(id, staged.HasDisplayName ? staged.DisplayName ?? "" : null);
        if (staged.Ignored) { staged.UserMembers = null; staged.GroupMembers = null; return; }

        if (group.AdditionalData.TryGetValue("members@delta", out var membersDelta))
            foreach (var item in Items(membersDelta))
                AddMember(staged, Text(item, "@odata.type"), Text(item, "id"), RemovedReason(item) is null);
    }

    public static void AddMember(StagedGroup staged, string? odataType, string? memberId, bool present)
    {
        if (memberId is null) return;
        // Devices, service principals and contacts can be group members; they are not people or teams.
        if (odataType is null or "#microsoft.graph.user")
            (staged.UserMembers ??= new(StringComparer.OrdinalIgnoreCase))[memberId] = present;
        else if (odataType == "#microsoft.graph.group")
            (staged.GroupMembers ??= new(StringComparer.OrdinalIgnoreCase))[memberId] = present;
    }

    private static IEnumerable<KeyValuePair<string, object?>> Present(IBackedModel model) => model.BackingStore.Enumerate();

    private static string? RemovedReason(IDictionary<string, object>? additionalData) =>
        additionalData is not null && additionalData.TryGetValue("@removed", out var removed) ? Text(removed, "reason") ?? "deleted" : null;

    private static string? RemovedReason(object item) =>
        Child(item, "@removed") is { } removed ? Text(removed, "reason") ?? "deleted" : null;

    // Additional data arrives as Kiota untyped nodes; older serializers gave JsonElement. Both are read here.
    private static IEnumerable<object> Items(object? value) => value switch
    {
        UntypedArray array => array.GetValue(),
        JsonElement { ValueKind: JsonValueKind.Array } json => json.EnumerateArray().Select(e => (object)e),
        IEnumerable<object> list when value is not string => list,
        _ => [],
    };

    private static object? Child(object? value, string name) => value switch
    {
        UntypedObject obj => obj.GetValue().TryGetValue(name, out var child) ? child : null,
        JsonElement { ValueKind: JsonValueKind.Object } json => json.TryGetProperty(name, out var child) ? child : null,
        IDictionary<string, object> dictionary => dictionary.TryGetValue(name, out var child) ? child : null,
        _ => null,
    };

    private static string? Text(object? value, string name) => Child(value, name) switch
    {
        UntypedString s => s.GetValue(),
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
        string s => s,
        _ => null,
    };
}

[Flags]
public enum UserField
{
    None = 0,
    DisplayName = 1,
    Mail = 2,
    UserPrincipalName = 4,
    JobTitle = 8,
    Department = 16,
    EmployeeId = 32,
    EmployeeType = 64,
    OfficeLocation = 128,
    AccountEnabled = 256,
}

public enum ManagerChange { Unchanged, Set, Cleared }

/// <summary>A user as read in this run: which fields Graph sent and their values (a delta sends only what changed).</summary>
public sealed class StagedUser(string id)
{
    public string Id { get; } = id;
    public bool Removed { get; set; }
    public string? RemovedReason { get; set; }
    public UserField Present { get; private set; }
    public string? DisplayName { get; set; }
    public string? Mail { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? JobTitle { get; set; }
    public string? Department { get; set; }
    public string? EmployeeId { get; set; }
    public string? EmployeeType { get; set; }
    public string? OfficeLocation { get; set; }
    public bool? AccountEnabled { get; set; }
    public ManagerChange ManagerChange { get; set; }
    public string? ManagerId { get; set; }

    public void Set(UserField field) => Present |= field;
    public bool Has(UserField field) => (Present & field) != 0;
}

/// <summary>A group as read in this run. Member maps hold id → present (false: an <c>@removed</c> member).</summary>
public sealed class StagedGroup(string id)
{
    public string Id { get; } = id;
    public bool Removed { get; set; }
    public string? RemovedReason { get; set; }
    public bool Ignored { get; set; }
    public bool HasDisplayName { get; set; }
    public string? DisplayName { get; set; }
    public bool HasDescription { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, bool>? UserMembers { get; set; }
    public Dictionary<string, bool>? GroupMembers { get; set; }
    /// <summary>True when the member maps list every member (a full read, or members fetched for a new team).</summary>
    public bool MembersComplete { get; set; }
}
