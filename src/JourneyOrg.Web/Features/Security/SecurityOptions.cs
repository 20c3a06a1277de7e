namespace JourneyOrg.Web.Features.Security;

/// <summary>Sign-in and hardening settings, section <c>JourneyOrg:Auth</c> (see docs/security.md).</summary>
public sealed class SecurityOptions
{
    public const string Section = "JourneyOrg:Auth";

    /// <summary><c>local</c> (accounts in the store; the default) or <c>entra</c> (Microsoft Entra ID through OpenID Connect).</summary>
    public string Mode { get; set; } = SignInModes.Local;

    public bool IsEntra => string.Equals(Mode, SignInModes.Entra, StringComparison.OrdinalIgnoreCase);

    /// <summary>Failed sign-ins in a row after which a local account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts per client address and minute; more are answered 429.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>How long a session lasts without activity.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>Largest workspace file an import accepts.</summary>
    public long MaxImportBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest body any other request may send (forms, scenario documents).</summary>
    public long MaxRequestBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Deepest JSON nesting the API accepts in a request body.</summary>
    public int MaxJsonDepth { get; set; } = 32;

    public EntraOptions Entra { get; set; } = new();
}

public static class SignInModes
{
    public const string Local = "local";
    public const string Entra = "entra";
}

/// <summary>The app registration in Microsoft Entra ID (section <c>JourneyOrg:Auth:Entra</c>).</summary>
public sealed class EntraOptions
{
    /// <summary>The cloud's sign-in host: <c>https://login.microsoftonline.com/</c>, or a national cloud's (<c>https://login.microsoftonline.us/</c>, <c>https://login.chinacloudapi.cn/</c>).</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The directory (tenant) id or a verified domain; only its users can sign in.</summary>
    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>A client secret, or leave empty and give <see cref="CertificatePath"/>.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>A PFX file with the app's certificate and private key (preferred over a secret).</summary>
    public string CertificatePath { get; set; } = "";

    public string CertificatePassword { get; set; } = "";

    /// <summary>The redirect URI registered for the app; empty means <c>{scheme}://{host}/signin-oidc</c> of the request.</summary>
    public string RedirectUri { get; set; } = "";

    /// <summary>The authority: instance + tenant, e.g. <c>https://login.microsoftonline.com/{tenant}/</c>.</summary>
    public string Authority => Instance.TrimEnd('/') + "/" + TenantId.Trim('/') + "/";

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(TenantId)) problems.Add("JourneyOrg:Auth:Entra:TenantId is not set.");
        if (string.IsNullOrWhiteSpace(ClientId)) problems.Add("JourneyOrg:Auth:Entra:ClientId is not set.");
        if (string.IsNullOrWhiteSpace(ClientSecret) && string.IsNullOrWhiteSpace(CertificatePath))
            problems.Add("Set JourneyOrg:Auth:Entra:ClientSecret or JourneyOrg:Auth:Entra:CertificatePath.");
        if (!Uri.TryCreate(Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
            problems.Add("JourneyOrg:Auth:Entra:Instance must be an https URL.");
        return problems;
    }
}
