using System.Security.Cryptography;
using System.Text;

namespace JourneyOrg.Web.Features.DirectorySync;

/// <summary>
/// Configuration of the Entra directory sync, bound from <c>JourneyOrg:Directory</c> (appsettings, environment
/// variables such as <c>JourneyOrg__Directory__Credential__ClientSecret</c>, or user secrets).
/// </summary>
public sealed record DirectorySyncOptions
{
    public const string Section = "JourneyOrg:Directory";
    public const string DefaultGraphUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>Graph root including the version: national clouds (graph.microsoft.us, microsoftgraph.chinacloudapi.cn) or a local test endpoint.</summary>
    public string GraphUrl { get; init; } = DefaultGraphUrl;

    public DirectoryCredentialOptions Credential { get; init; } = new();

    /// <summary><c>groups</c> (teams are Entra groups) or <c>department</c> (one team per value of the users' department).</summary>
    public string TeamSource { get; init; } = TeamSources.Groups;

    /// <summary>Which groups are teams: <c>prefix</c>, <c>ids</c> or <c>all</c>.</summary>
    public string GroupSelection { get; init; } = GroupSelections.Prefix;

    public string GroupPrefix { get; init; } = "Team -";

    public IReadOnlyList<string> GroupIds { get; init; } = [];

    /// <summary>Whether a team's name drops the selection prefix ("Team - Payments" becomes "Payments").</summary>
    public bool StripPrefix { get; init; } = true;

    public DirectoryScheduleOptions Schedule { get; init; } = new();

    /// <summary>Retries of one Graph request (throttling, 5xx, network) before the run fails.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>First backoff delay when Graph does not say how long to wait; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on one wait, including a server's Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How many runs the history keeps.</summary>
    public int HistoryLength { get; init; } = 50;

    public bool UsesGroups => !string.Equals(TeamSource, TeamSources.Department, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a group is a team. <paramref name="displayName"/> null means "unknown in this page"; then only an
    /// explicit id list or <c>all</c> can decide.
    /// </summary>
    public bool? IsTeamGroup(string id, string? displayName) => GroupSelection.ToLowerInvariant() switch
    {
        GroupSelections.All => true,
        GroupSelections.Ids => GroupIds.Contains(id, StringComparer.OrdinalIgnoreCase),
        _ => displayName is null ? null : displayName.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase),
    };

    public string TeamName(string displayName)
    {
        if (!StripPrefix || !GroupSelection.Equals(GroupSelections.Prefix, StringComparison.OrdinalIgnoreCase)
            || !displayName.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase))
            return displayName;
        var rest = displayName[GroupPrefix.Length..].Trim();
        return rest.Length == 0 ? displayName : rest;
    }

    /// <summary>
    /// What a stored delta link was made for. When the admin changes the team selection, old group delta links would
    /// hide groups that now match, so a changed fingerprint forces a full sync.
    /// </summary>
    public string Fingerprint()
    {
        var text = string.Join("|", new Uri(GraphUrl).Host.ToLowerInvariant(), TeamSource.ToLowerInvariant(), GroupSelection.ToLowerInvariant(),
            GroupPrefix.ToLowerInvariant(), string.Join(",", GroupIds.Select(i => i.ToLowerInvariant()).Order()), StripPrefix, DirectoryGraph.UserSelectVersion);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>Problems an admin must fix before a sync can run; empty when the configuration is usable.</summary>
    public IReadOnlyList<string> Problems(bool tokenGiven)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(GraphUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Add($"GraphUrl '{GraphUrl}' is not an absolute http(s) URL.");
        if (!TeamSources.All.Contains(TeamSource.ToLowerInvariant()))
            problems.Add($"TeamSource '{TeamSource}' is not one of {string.Join(", ", TeamSources.All)}.");
        if (!GroupSelections.AllValues.Contains(GroupSelection.ToLowerInvariant()))
            problems.Add($"GroupSelection '{GroupSelection}' is not one of {string.Join(", ", GroupSelections.AllValues)}.");
        if (GroupSelection.Equals(GroupSelections.Ids, StringComparison.OrdinalIgnoreCase) && GroupIds.Count == 0)
            problems.Add("GroupSelection is 'ids' but GroupIds is empty.");
        if (GroupSelection.Equals(GroupSelections.Prefix, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(GroupPrefix))
            problems.Add("GroupSelection is 'prefix' but GroupPrefix is empty (use 'all' to take every group).");
        if (!tokenGiven) problems.AddRange(Credential.Problems());
        return problems;
    }
}

/// <summary>How the sync signs in to Graph. Secrets are read from configuration and never shown or logged.</summary>
public sealed record DirectoryCredentialOptions
{
    /// <summary><c>clientSecret</c>, <c>certificate</c>, <c>managedIdentity</c>, <c>azureCli</c> or <c>token</c>.</summary>
    public string Kind { get; init; } = "";
    public string? TenantId { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public string? CertificatePath { get; init; }
    public string? CertificatePassword { get; init; }
    /// <summary>For a user-assigned managed identity; empty uses the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; init; }
    /// <summary>A static bearer token (for one-off runs; it expires within about an hour).</summary>
    public string? Token { get; init; }

    public IReadOnlyList<string> Problems()
    {
        var missing = new List<string>();
        void Need(string? value, string name) { if (string.IsNullOrWhiteSpace(value)) missing.Add($"Credential:{name} is required for Credential:Kind '{Kind}'."); }
        switch (Kind.ToLowerInvariant())
        {
            case CredentialKinds.ClientSecret: Need(TenantId, "TenantId"); Need(ClientId, "ClientId"); Need(ClientSecret, "ClientSecret"); break;
            case CredentialKinds.Certificate: Need(TenantId, "TenantId"); Need(ClientId, "ClientId"); Need(CertificatePath, "CertificatePath"); break;
            case CredentialKinds.Token: Need(Token, "Token"); break;
            case CredentialKinds.ManagedIdentity or CredentialKinds.AzureCli: break;
            case "": missing.Add("No Graph credentials: set JourneyOrg:Directory:Credential:Kind (clientSecret, certificate, managedIdentity, azureCli, token) or pass --token."); break;
            default: missing.Add($"Credential:Kind '{Kind}' is not one of {string.Join(", ", CredentialKinds.All)}."); break;
        }
        return missing;
    }

    /// <summary>What the admin page shows: the kind and non-secret identifiers, never a secret or token.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe() =>
    [
        KeyValuePair.Create("Kind", Kind.Length == 0 ? "(not configured)" : Kind),
        KeyValuePair.Create("TenantId", TenantId ?? "—"),
        KeyValuePair.Create("ClientId", ClientId ?? "—"),
        KeyValuePair.Create("ClientSecret", string.IsNullOrEmpty(ClientSecret) ? "not set" : "set (hidden)"),
        KeyValuePair.Create("CertificatePath", CertificatePath ?? "—"),
        KeyValuePair.Create("ManagedIdentityClientId", ManagedIdentityClientId ?? "—"),
        KeyValuePair.Create("Token", string.IsNullOrEmpty(Token) ? "not set" : "set (hidden)"),
    ];
}

/// <summary>When the background service syncs. Off by default: the embedded single-user install syncs on demand.</summary>
public sealed record DirectoryScheduleOptions
{
    public bool Enabled { get; init; }
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);
    /// <summary>Delay after start before the first scheduled run, so the app is up before Graph traffic begins.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMinutes(1);
}

public static class TeamSources
{
    public const string Groups = "groups";
    public const string Department = "department";
    public static readonly IReadOnlyList<string> All = [Groups, Department];
}

public static class GroupSelections
{
    public const string Prefix = "prefix";
    public const string Ids = "ids";
    public const string All = "all";
    public static readonly IReadOnlyList<string> AllValues = [Prefix, Ids, All];
}

public static class CredentialKinds
{
    public const string ClientSecret = "clientsecret";
    public const string Certificate = "certificate";
    public const string ManagedIdentity = "managedidentity";
    public const string AzureCli = "azurecli";
    public const string Token = "token";
    public static readonly IReadOnlyList<string> All = ["clientSecret", "certificate", "managedIdentity", "azureCli", "token"];
}
