using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace JourneyOrg.Web.Features.SignIn;

/// <summary>
/// Sign-in with Microsoft Entra ID: the OpenID Connect authorization code flow with PKCE, built with MSAL.NET
/// (<see cref="IConfidentialClientApplication.GetAuthorizationRequestUrl"/> with PKCE, then
/// <see cref="IConfidentialClientApplication.AcquireTokenByAuthorizationCode"/>). MSAL does not check the ID token, so this
/// class does: signature against the tenant's published keys, issuer, audience, lifetime, and the nonce it sent; the
/// <c>state</c> it sent must come back. The app roles come from the token's <c>roles</c> claim.
/// </summary>
public sealed class EntraSignIn(
    IOptionsMonitor<SecurityOptions> options,
    IHttpClientFactory httpClients,
    IDataProtectionProvider dataProtection,
    IAccountStore accounts,
    TimeProvider time,
    ILogger<EntraSignIn> logger)
{
    public const string HttpClientName = "entra";
    public const string CallbackPath = "/signin-oidc";
    public const string TransactionCookie = ".JourneyOrg.Oidc";
    private static readonly string[] Scopes = ["openid", "profile"];
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("JourneyOrg.EntraSignIn.v1");
    private readonly SemaphoreSlim _keysLock = new(1, 1);
    private (string Authority, OpenIdMetadata Metadata, DateTimeOffset FetchedAt)? _metadata;

    private EntraOptions Settings => options.CurrentValue.Entra;

    /// <summary>Starts a sign-in: remembers state, nonce and PKCE verifier in a protected cookie, returns the URL to send the browser to.</summary>
    public async Task<string> StartAsync(HttpContext context, string? returnUrl)
    {
        var redirectUri = RedirectUri(context);
        var state = RandomToken();
        var nonce = RandomToken();
        var app = BuildApp(redirectUri);
        var url = await app.GetAuthorizationRequestUrl(Scopes)
            .WithRedirectUri(redirectUri)
            .WithPkce(out var verifier)
            .WithExtraQueryParameters(new Dictionary<string, (string, bool)> { ["state"] = (state, false), ["nonce"] = (nonce, false) })
            .ExecuteAsync(context.RequestAborted);
        var transaction = new Transaction(state, nonce, verifier, redirectUri, SafeReturnUrl(returnUrl), time.GetUtcNow().AddMinutes(10));
        context.Response.Cookies.Append(TransactionCookie, _protector.Protect(JsonSerializer.Serialize(transaction)), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            // The identity provider sends the browser back with a top-level GET from another site: Lax cookies come along.
            SameSite = SameSiteMode.Lax,
            Path = CallbackPath,
            MaxAge = TimeSpan.FromMinutes(10),
        });
        return url.ToString();
    }

    /// <summary>Completes a sign-in at the callback: the account, or why it failed (already audited).</summary>
    public async Task<(Account? Account, string? ReturnUrl, string? Error)> CompleteAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var cookie = context.Request.Cookies[TransactionCookie];
        context.Response.Cookies.Delete(TransactionCookie, new CookieOptions { Path = CallbackPath });
        Transaction? transaction = null;
        try
        {
            if (cookie is not null) transaction = JsonSerializer.Deserialize<Transaction>(_protector.Unprotect(cookie));
        }
        catch (CryptographicException)
        {
            transaction = null;
        }
        if (transaction is null || transaction.ExpiresAt < time.GetUtcNow())
            return await FailAsync("unknown", "no sign-in was started from this browser, or it took longer than 10 minutes");
        if (!FixedTimeEquals(query["state"].ToString(), transaction.State))
            return await FailAsync("unknown", "the state returned by the identity provider does not match the one sent");
        if (query["error"].ToString() is { Length: > 0 } error)
            return await FailAsync("unknown", $"the identity provider answered {error}");
        var code = query["code"].ToString();
        if (code.Length == 0) return await FailAsync("unknown", "no authorization code came back");

        string idToken;
        try
        {
            var result = await BuildApp(transaction.RedirectUri)
                .AcquireTokenByAuthorizationCode(Scopes, code)
                .WithPkceCodeVerifier(transaction.Verifier)
                .ExecuteAsync(context.RequestAborted);
            idToken = result.IdToken ?? throw new MsalServiceException("no_id_token", "The token response carries no ID token.");
        }
        catch (MsalException e)
        {
            logger.LogWarning(e, "Entra token redemption failed");
            return await FailAsync("unknown", $"the code could not be redeemed ({e.ErrorCode})");
        }

        IdTokenClaims claims;
        try
        {
            claims = await ValidateAsync(idToken, transaction.Nonce, context.RequestAborted);
        }
        catch (SecurityTokenException e)
        {
            return await FailAsync("unknown", "the ID token was refused: " + e.Message);
        }
        return await RecordAsync(claims, transaction.ReturnUrl, context.RequestAborted);
    }

    private async Task<(Account?, string?, string?)> RecordAsync(IdTokenClaims claims, string returnUrl, CancellationToken cancellationToken)
    {
        var roles = AppRoles.Known(claims.Roles);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await accounts.GetAccountAsync(claims.UserName, cancellationToken);
            if (existing is { Disabled: true })
                return await FailAsync(existing.UserName, "the account is disabled in JourneyOrg");
            var now = time.GetUtcNow();
            var account = (existing ?? new Account(claims.UserName, claims.DisplayName, roles, null, false, false, 0, null, now, null, 0))
                with { DisplayName = claims.DisplayName, Roles = roles, LastSignInAt = now, Source = AccountSources.Entra };
            var summary = $"signed in (Entra ID) as {(roles.Count == 0 ? "no app role" : string.Join(", ", roles))}";
            if (existing is not null && !existing.Roles.SequenceEqual(roles))
                summary += $"; roles {string.Join(", ", existing.Roles)} → {string.Join(", ", roles)}";
            try
            {
                using var actor = AuditContext.Begin(Account.Normalize(claims.UserName), AuditContext.Current.Action, AuditContext.Current.CorrelationId);
                var saved = await accounts.SaveAccountAsync(account, existing?.Version, AuditEntry.Now(AuditActions.SignIn, Account.Normalize(claims.UserName), summary),
                    cancellationToken);
                return (saved, returnUrl, null);
            }
            catch (ConcurrentChangeException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<(Account?, string?, string?)> FailAsync(string userName, string reason)
    {
        logger.LogWarning("Entra sign-in refused: {Reason}", reason);
        await accounts.AppendAuditAsync(AuditEntry.Now(AuditActions.SignInFailed, userName, "Entra ID: " + reason));
        return (null, null, "Signing in with Microsoft did not work. Please try again; if it keeps failing, tell your administrator.");
    }

    private IConfidentialClientApplication BuildApp(string redirectUri)
    {
        var settings = Settings;
        var builder = ConfidentialClientApplicationBuilder.Create(settings.ClientId)
            .WithAuthority(settings.Authority)
            // The authority is configured exactly (national clouds included); no discovery call to the public cloud.
            .WithInstanceDiscovery(false)
            .WithRedirectUri(redirectUri)
            .WithHttpClientFactory(new MsalHttpClients(httpClients));
        builder = string.IsNullOrEmpty(settings.CertificatePath)
            ? builder.WithClientSecret(settings.ClientSecret)
            : builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath,
                string.IsNullOrEmpty(settings.CertificatePassword) ? null : settings.CertificatePassword), sendX5C: true);
        return builder.Build();
    }

    private string RedirectUri(HttpContext context) =>
        Settings.RedirectUri is { Length: > 0 } configured ? configured : $"{context.Request.Scheme}://{context.Request.Host}{CallbackPath}";

    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : "/";

    private static string RandomToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    // --- ID token validation ----------------------------------------------------------------------------------------

    /// <summary>Checks the ID token's signature (RS256, a key from the tenant's JWKS), issuer, audience, lifetime and nonce.</summary>
    public async Task<IdTokenClaims> ValidateAsync(string jwt, string expectedNonce, CancellationToken cancellationToken)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3) throw new SecurityTokenException("not a signed JWT");
        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
        var alg = header.RootElement.TryGetProperty("alg", out var a) ? a.GetString() : null;
        if (alg != "RS256") throw new SecurityTokenException($"unexpected signing algorithm '{alg}'");
        var kid = header.RootElement.TryGetProperty("kid", out var k) ? k.GetString() : null;

        var metadata = await MetadataAsync(refresh: false, cancellationToken);
        var key = metadata.Keys.FirstOrDefault(x => x.Kid == kid);
        if (key is null)
        {
            // Keys roll over: fetch them again once before giving up.
            metadata = await MetadataAsync(refresh: true, cancellationToken);
            key = metadata.Keys.FirstOrDefault(x => x.Kid == kid) ?? throw new SecurityTokenException($"no published key with id '{kid}'");
        }
        using (var rsa = RSA.Create(new RSAParameters { Modulus = FromBase64Url(key.N), Exponent = FromBase64Url(key.E) }))
        {
            if (!rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                throw new SecurityTokenException("the signature does not verify");
        }

        var claims = payload.RootElement;
        string? Text(string name) => claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var tenant = Text("tid");
        var settings = Settings;
        if (Guid.TryParse(settings.TenantId, out var configuredTenant) && !Guid.TryParse(tenant, out var tokenTenant) | tokenTenant != configuredTenant)
            throw new SecurityTokenException("the token is from another tenant");
        var issuer = metadata.Issuer.Replace("{tenantid}", tenant ?? "", StringComparison.OrdinalIgnoreCase);
        if (Text("iss") != issuer) throw new SecurityTokenException("unexpected issuer");
        var audienceOk = claims.TryGetProperty("aud", out var aud) && (aud.ValueKind == JsonValueKind.String
            ? aud.GetString() == settings.ClientId
            : aud.ValueKind == JsonValueKind.Array && aud.EnumerateArray().Any(x => x.GetString() == settings.ClientId));
        if (!audienceOk) throw new SecurityTokenException("the token is for another application");
        var now = time.GetUtcNow();
        if (!claims.TryGetProperty("exp", out var exp) || DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) < now - ClockSkew)
            throw new SecurityTokenException("the token has expired");
        if (claims.TryGetProperty("nbf", out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf.GetInt64()) > now + ClockSkew)
            throw new SecurityTokenException("the token is not valid yet");
        if (Text("nonce") is not { } nonce || !FixedTimeEquals(nonce, expectedNonce))
            throw new SecurityTokenException("the nonce does not match the one sent");

        var userName = Text("preferred_username") ?? Text("upn") ?? Text("email") ?? Text("oid") ?? Text("sub")
            ?? throw new SecurityTokenException("the token names no user");
        var roles = claims.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        return new IdTokenClaims(userName, Text("name") ?? userName, roles, tenant);
    }

    private async Task<OpenIdMetadata> MetadataAsync(bool refresh, CancellationToken cancellationToken)
    {
        var authority = Settings.Authority;
        if (!refresh && _metadata is { } cached && cached.Authority == authority && time.GetUtcNow() - cached.FetchedAt < TimeSpan.FromHours(1))
            return cached.Metadata;
        await _keysLock.WaitAsync(cancellationToken);
        try
        {
            var http = httpClients.CreateClient(HttpClientName);
            using var discovery = JsonDocument.Parse(await http.GetStringAsync(authority + "v2.0/.well-known/openid-configuration", cancellationToken));
            var issuer = discovery.RootElement.GetProperty("issuer").GetString()!;
            var jwksUri = discovery.RootElement.GetProperty("jwks_uri").GetString()!;
            using var jwks = JsonDocument.Parse(await http.GetStringAsync(jwksUri, cancellationToken));
            var keys = jwks.RootElement.GetProperty("keys").EnumerateArray()
                .Where(x => x.TryGetProperty("kty", out var kty) && kty.GetString() == "RSA")
                .Select(x => new JsonWebKey(x.TryGetProperty("kid", out var kid) ? kid.GetString() : null, x.GetProperty("n").GetString()!, x.GetProperty("e").GetString()!))
                .ToList();
            var metadata = new OpenIdMetadata(issuer, keys);
            _metadata = (authority, metadata, time.GetUtcNow());
            return metadata;
        }
        finally
        {
            _keysLock.Release();
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    private sealed record Transaction(string State, string Nonce, string Verifier, string RedirectUri, string ReturnUrl, DateTimeOffset ExpiresAt);

    private sealed record OpenIdMetadata(string Issuer, IReadOnlyList<JsonWebKey> Keys);

    private sealed record JsonWebKey(string? Kid, string N, string E);

    /// <summary>MSAL's HTTP through the app's <see cref="IHttpClientFactory"/> (proxies, and the test's trust of its fake server).</summary>
    private sealed class MsalHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}

/// <summary>What the app takes from a valid ID token.</summary>
public sealed record IdTokenClaims(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? TenantId);

/// <summary>An ID token that must not be accepted; the message says why (for the log and the audit entry, not the user).</summary>
public sealed class SecurityTokenException(string message) : Exception(message);
