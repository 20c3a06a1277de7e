using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyOrg.Tests.DirectorySync;

/// <summary>
/// A Microsoft Graph stand-in on loopback (Kestrel, port 0) that serves users and groups delta in the documented
/// JSON shapes: <c>@odata.nextLink</c> paging, a final <c>@odata.deltaLink</c>, <c>manager@delta</c>,
/// <c>members@delta</c> with <c>@removed</c>, a big group's members split over several pages, changed properties only
/// on delta rounds. Tokens are stateless (they encode the change sequence and offset), so a tenant of 100,000 users
/// is paged without holding any response in memory. Faults (429, 503, 500, 410) are injected per page.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public FakeTenant Tenant { get; } = new();
    public int UserPageSize { get; set; } = 200;
    /// <summary>Member references per groups page; a group with more members is split over pages.</summary>
    public int GroupPageMembers { get; set; } = 200;
    public int GroupPageSize { get; set; } = 50;
    public string BaseUrl { get; }
    public List<Fault> Faults { get; } = [];
    /// <summary>Delta tokens below this are answered 410 Gone (syncStateNotFound).</summary>
    public long ExpireTokensBefore { get; set; }
    public int Requests;
    /// <summary>Every request waits for this before it is answered: a test holds a run in the middle with it.</summary>
    public Task Release { get; set; } = Task.CompletedTask;
    public List<string> Log { get; } = [];

    private FakeGraphServer(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeGraphServer? server = null;
        app.Map("/v1.0/{**path}", (HttpContext context) => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Urls.First();
        server = new FakeGraphServer(app, address + "/v1.0");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record Fault(string Resource, int Page, int Status, int? RetryAfterSeconds = null, int Times = 1);

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref Requests);
        await Release;
        var path = context.Request.Path.Value!["/v1.0/".Length..];
        var query = context.Request.Query;
        if (context.Request.Headers.Authorization.ToString() != "Bearer test-token")
        {
            await Error(context, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
            return;
        }
        string resource = path.StartsWith("users/delta", StringComparison.Ordinal) ? "users"
            : path.StartsWith("groups/delta", StringComparison.Ordinal) ? "groups"
            : path.StartsWith("groups/", StringComparison.Ordinal) && path.EndsWith("/members", StringComparison.Ordinal) ? "members"
            : path.StartsWith("groups/", StringComparison.Ordinal) && path.EndsWith("/memberOf", StringComparison.Ordinal) ? "memberOf"
            : "";
        long from = -1, to, offset = 0;
        if (query["$skiptoken"].FirstOrDefault() is { } skip)
        {
            var parts = skip.Split('.');
            (from, to, offset) = (long.Parse(parts[0]), long.Parse(parts[1]), long.Parse(parts[2]));
        }
        else if (query["$deltatoken"].FirstOrDefault() is { } delta)
        {
            from = long.Parse(delta);
            to = Tenant.Sequence;
            if (from < ExpireTokensBefore)
            {
                await Error(context, 410, "syncStateNotFound", "The sync state is no longer available; restart with a full sync.");
                return;
            }
        }
        else to = Tenant.Sequence;

        var page = resource == "users" ? (int)(offset / UserPageSize) : (int)offset;
        lock (Log) Log.Add($"{resource} from={from} page={page}");
        foreach (var fault in Faults.Where(f => f.Resource == resource && f.Page == page && f.Times != 0).Take(1).ToList())
        {
            lock (Faults) if (fault.Times > 0) Faults[Faults.IndexOf(fault)] = fault with { Times = fault.Times - 1 };
            if (fault.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
            await Error(context, fault.Status, fault.Status == 429 ? "TooManyRequests" : "ServiceError", "Injected fault.");
            return;
        }

        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        switch (resource)
        {
            case "users": WriteUsers(json, from, to, offset); break;
            case "groups": WriteGroups(json, from, to, offset); break;
            case "members": WriteMembers(json, path.Split('/')[1]); break;
            case "memberOf": WriteMemberOf(json, path.Split('/')[1]); break;
            default: context.Response.StatusCode = 404; break;
        }
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static async Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    private void WriteUsers(Utf8JsonWriter json, long from, long to, long offset)
    {
        List<FakeUser> items;
        lock (Tenant)
            items = from < 0
                ? Tenant.Users.Skip((int)offset).Where(u => !u.Deleted).Take(UserPageSize).ToList()
                : Tenant.Users.Where(u => u.ChangedAt > from).Skip((int)offset).Take(UserPageSize).ToList();
        json.WritePropertyName("value");
        json.WriteStartArray();
        foreach (var u in items)
        {
            json.WriteStartObject();
            json.WriteString("id", u.Id);
            if (u.Deleted)
            {
                json.WriteStartObject("@removed");
                json.WriteString("reason", u.RemovedReason);
                json.WriteEndObject();
                json.WriteEndObject();
                continue;
            }
            void Field(string name, string? value) { if (from < 0 || u.CreatedAt > from || u.FieldChangedAt.GetValueOrDefault(name) > from) json.WriteString(name, value); }
            Field("displayName", u.DisplayName);
            Field("mail", u.Mail);
            Field("userPrincipalName", u.UserPrincipalName);
            Field("jobTitle", u.JobTitle);
            Field("department", u.Department);
            Field("employeeId", u.EmployeeId);
            Field("employeeType", u.EmployeeType);
            Field("officeLocation", u.OfficeLocation);
            if (from < 0 || u.CreatedAt > from || u.FieldChangedAt.GetValueOrDefault("accountEnabled") > from) json.WriteBoolean("accountEnabled", u.AccountEnabled);
            if ((from < 0 || u.CreatedAt > from) && u.ManagerId is not null || from >= 0 && u.CreatedAt <= from && u.FieldChangedAt.GetValueOrDefault("manager") > from)
            {
                json.WriteStartArray("manager@delta");
                json.WriteStartObject();
                json.WriteString("@odata.type", "#microsoft.graph.user");
                json.WriteString("id", u.ManagerId ?? u.PreviousManagerId);
                if (u.ManagerId is null)
                {
                    json.WriteStartObject("@removed");
                    json.WriteString("reason", "deleted");
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        var total = from < 0 ? Tenant.Users.Count : Tenant.Users.Count(u => u.ChangedAt > from);
        var next = offset + UserPageSize;
        WriteLink(json, "users", from, to, next, next < total);
    }

    private void WriteLink(Utf8JsonWriter json, string resource, long from, long to, long next, bool more)
    {
        if (more) json.WriteString("@odata.nextLink", $"{BaseUrl}/{resource}/delta()?$skiptoken={from}.{to}.{next}");
        else json.WriteString("@odata.deltaLink", $"{BaseUrl}/{resource}/delta()?$deltatoken={to}");
    }

    /// <summary>
    /// Groups pages are cut by member references: the offset is the number of group "chunks" already sent, where a
    /// group with many members is several chunks. The first chunk of a group carries its properties.
    /// </summary>
    private void WriteGroups(Utf8JsonWriter json, long from, long to, long offset)
    {
        List<(FakeGroup Group, bool First, List<(string Id, bool Group, bool Removed)> Members)> chunks = [];
        lock (Tenant)
        {
            var groups = from < 0 ? Tenant.Groups.Where(g => !g.Deleted) : Tenant.Groups.Where(g => g.ChangedAt > from);
            foreach (var g in groups)
            {
                var members = g.Deleted ? [] : from < 0 || g.CreatedAt > from
                    ? g.Members.Select(m => (m.Key, m.Value, false)).ToList()
                    : g.MemberLog.Where(e => e.At > from).GroupBy(e => e.Id).Select(e => e.Last()).Select(e => (e.Id, e.IsGroup, !e.Added)).ToList();
                var count = Math.Max(1, (members.Count + GroupPageMembers - 1) / GroupPageMembers);
                for (var c = 0; c < count; c++)
                    chunks.Add((g, c == 0, members.Skip(c * GroupPageMembers).Take(GroupPageMembers).ToList()));
            }
        }
        json.WritePropertyName("value");
        json.WriteStartArray();
        var refs = 0;
        var index = (int)offset;
        for (; index < chunks.Count; index++)
        {
            var (g, first, members) = chunks[index];
            if (index > offset && (index - offset >= GroupPageSize || refs + members.Count > GroupPageMembers)) break;
            refs += members.Count;
            json.WriteStartObject();
            json.WriteString("id", g.Id);
            if (g.Deleted)
            {
                json.WriteStartObject("@removed");
                json.WriteString("reason", g.RemovedReason);
                json.WriteEndObject();
                json.WriteEndObject();
                continue;
            }
            if (first && (from < 0 || g.CreatedAt > from || g.NameChangedAt > from))
            {
                json.WriteString("displayName", g.DisplayName);
                json.WriteString("description", g.Description);
            }
            if (members.Count > 0)
            {
                json.WriteStartArray("members@delta");
                foreach (var (id, isGroup, removed) in members)
                {
                    json.WriteStartObject();
                    json.WriteString("@odata.type", isGroup ? "#microsoft.graph.group" : "#microsoft.graph.user");
                    json.WriteString("id", id);
                    if (removed)
                    {
                        json.WriteStartObject("@removed");
                        json.WriteString("reason", "deleted");
                        json.WriteEndObject();
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteLink(json, "groups", from, to, index, index < chunks.Count);
    }

    private void WriteMembers(Utf8JsonWriter json, string groupId)
    {
        json.WriteStartArray("value");
        lock (Tenant)
            foreach (var (id, isGroup) in Tenant.Group(groupId).Members)
            {
                json.WriteStartObject();
                json.WriteString("@odata.type", isGroup ? "#microsoft.graph.group" : "#microsoft.graph.user");
                json.WriteString("id", id);
                json.WriteEndObject();
            }
        json.WriteEndArray();
    }

    private void WriteMemberOf(Utf8JsonWriter json, string groupId)
    {
        json.WriteStartArray("value");
        lock (Tenant)
            foreach (var g in Tenant.Groups.Where(g => !g.Deleted && g.Members.ContainsKey(groupId)))
            {
                json.WriteStartObject();
                json.WriteString("@odata.type", "#microsoft.graph.group");
                json.WriteString("id", g.Id);
                json.WriteEndObject();
            }
        json.WriteEndArray();
    }
}

/// <summary>The directory the fake serves. Every change takes the next sequence number, which delta tokens refer to.</summary>
public sealed class FakeTenant
{
    public long Sequence { get; private set; }
    public List<FakeUser> Users { get; } = [];
    public List<FakeGroup> Groups { get; } = [];
    private readonly Dictionary<string, FakeUser> _users = [];
    private readonly Dictionary<string, FakeGroup> _groups = [];

    private long Next() => ++Sequence;

    public FakeUser User(string id) => _users[id];
    public FakeGroup Group(string id) => _groups[id];

    public FakeUser AddUser(string id, string name, string? department = null, string? managerId = null, string? jobTitle = null, bool enabled = true)
    {
        var now = Next();
        var user = new FakeUser
        {
            Id = id, DisplayName = name, Mail = $"{id}@example.com", UserPrincipalName = $"{id}@example.com", JobTitle = jobTitle,
            Department = department, ManagerId = managerId, AccountEnabled = enabled, EmployeeId = "E" + id, EmployeeType = "Employee",
            OfficeLocation = "HQ", CreatedAt = now, ChangedAt = now,
        };
        Users.Add(user);
        _users[id] = user;
        return user;
    }

    public void SetUser(string id, string field, string? value)
    {
        var user = _users[id];
        var now = Next();
        switch (field)
        {
            case "displayName": user.DisplayName = value!; break;
            case "jobTitle": user.JobTitle = value; break;
            case "department": user.Department = value; break;
            case "accountEnabled": user.AccountEnabled = value == "true"; break;
            case "manager": user.PreviousManagerId = user.ManagerId; user.ManagerId = value; break;
            default: throw new ArgumentException(field);
        }
        user.FieldChangedAt[field] = now;
        user.ChangedAt = now;
    }

    public void DeleteUser(string id, string reason = "deleted")
    {
        var user = _users[id];
        user.Deleted = true;
        user.RemovedReason = reason;
        user.ChangedAt = Next();
        // As in Entra: a deleted user leaves its groups without a members@delta entry on the group.
        foreach (var g in Groups) g.Members.Remove(id);
    }

    public FakeGroup AddGroup(string id, string name, string? description = null)
    {
        var now = Next();
        var group = new FakeGroup { Id = id, DisplayName = name, Description = description, CreatedAt = now, ChangedAt = now };
        Groups.Add(group);
        _groups[id] = group;
        return group;
    }

    public void RenameGroup(string id, string name)
    {
        var group = _groups[id];
        group.DisplayName = name;
        group.NameChangedAt = group.ChangedAt = Next();
    }

    public void DeleteGroup(string id, string reason = "deleted")
    {
        var group = _groups[id];
        group.Deleted = true;
        group.RemovedReason = reason;
        group.ChangedAt = Next();
    }

    public void AddMember(string groupId, string memberId, bool isGroup = false)
    {
        var group = _groups[groupId];
        var now = Next();
        group.Members[memberId] = isGroup;
        group.MemberLog.Add((memberId, isGroup, true, now));
        group.ChangedAt = now;
    }

    public void RemoveMember(string groupId, string memberId)
    {
        var group = _groups[groupId];
        var now = Next();
        var isGroup = group.Members.GetValueOrDefault(memberId);
        group.Members.Remove(memberId);
        group.MemberLog.Add((memberId, isGroup, false, now));
        group.ChangedAt = now;
    }
}

public sealed class FakeUser
{
    public required string Id;
    public required string DisplayName;
    public string? Mail, UserPrincipalName, JobTitle, Department, EmployeeId, EmployeeType, OfficeLocation, ManagerId, PreviousManagerId;
    public bool AccountEnabled = true;
    public bool Deleted;
    public string RemovedReason = "deleted";
    public long CreatedAt, ChangedAt;
    public Dictionary<string, long> FieldChangedAt { get; } = [];
}

public sealed class FakeGroup
{
    public required string Id;
    public required string DisplayName;
    public string? Description;
    public bool Deleted;
    public string RemovedReason = "deleted";
    public long CreatedAt, ChangedAt, NameChangedAt;
    /// <summary>Member id → whether the member is a group.</summary>
    public Dictionary<string, bool> Members { get; } = [];
    public List<(string Id, bool IsGroup, bool Added, long At)> MemberLog { get; } = [];
}
