using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// A small Microsoft Entra ID stand-in on loopback HTTPS (MSAL insists on https): OpenID discovery, JWKS, the authorize
/// endpoint (redirects back with a code, remembering the PKCE challenge and nonce) and the token endpoint (checks the
/// client secret and the PKCE verifier, answers with an ID token signed by a test RSA key). Knobs let a test break one
/// thing at a time: sign with another key, send another nonce, issue for another tenant.
/// </summary>
public sealed class FakeEntraServer : IAsyncDisposable
{
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string ClientSecret = "test-client-secret";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Challenge, string Nonce, string RedirectUri)> _codes = new();
    private WebApplication _app = null!;

    public X509Certificate2 Certificate { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string Instance => BaseUrl + "/";

    public IReadOnlyList<string> Roles { get; set; } = ["Viewer"];
    public string UserName { get; set; } = "ada@contoso.example";
    public bool SignWithOtherKey { get; set; }
    public string? NonceOverride { get; set; }
    public string? TenantOverride { get; set; }
    public int TokenRequests { get; private set; }
    public IReadOnlyDictionary<string, string>? LastAuthorizeQuery { get; private set; }

    public static async Task<FakeEntraServer> StartAsync()
    {
        var server = new FakeEntraServer();
        await server.RunAsync();
        return server;
    }

    private async Task RunAsync()
    {
        using (var certKey = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", certKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(Certificate)));
        _app = builder.Build();
        _app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"{BaseUrl}/{{tenantid}}/v2.0",
            ["authorization_endpoint"] = $"{BaseUrl}/{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{BaseUrl}/{tenant}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{BaseUrl}/{tenant}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/{tenant}/discovery/v2.0/keys", () =>
        {
            var p = _key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = "test-key", n = B64(p.Modulus!), e = B64(p.Exponent!) } } });
        });
        _app.MapGet("/{tenant}/oauth2/v2.0/authorize", (HttpRequest request) =>
        {
            var q = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
            LastAuthorizeQuery = q;
            if (q.GetValueOrDefault("client_id") != ClientId || q.GetValueOrDefault("code_challenge_method") != "S256")
                return Results.BadRequest("bad authorize request");
            var code = B64(RandomNumberGenerator.GetBytes(16));
            _codes[code] = (q["code_challenge"], q["nonce"], q["redirect_uri"]);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"])}");
        });
        _app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request, string tenant) =>
        {
            TokenRequests++;
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (!_codes.TryRemove(form["code"].ToString(), out var issued) || form["redirect_uri"] != issued.RedirectUri)
                return Results.Json(new { error = "invalid_grant", error_description = "unknown code" }, statusCode: 400);
            var challenge = B64(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != issued.Challenge)
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verifier does not match" }, statusCode: 400);
            var tid = TenantOverride ?? tenant;
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var idToken = Jwt(new Dictionary<string, object>
            {
                ["aud"] = ClientId, ["iss"] = $"{BaseUrl}/{tid}/v2.0", ["tid"] = tid, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600,
                ["oid"] = "00000000-0000-0000-0000-0000000000a1", ["sub"] = "subject-ada", ["preferred_username"] = UserName, ["name"] = "Ada Park",
                ["nonce"] = NonceOverride ?? issued.Nonce, ["roles"] = Roles, ["ver"] = "2.0",
            });
            var clientInfo = B64(JsonSerializer.SerializeToUtf8Bytes(new { uid = "00000000-0000-0000-0000-0000000000a1", utid = tid }));
            return Results.Json(new
            {
                token_type = "Bearer", scope = "openid profile", expires_in = 3600, ext_expires_in = 3600,
                access_token = "not-used", id_token = idToken, client_info = clientInfo,
            });
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().Replace("[::1]", "127.0.0.1");
    }

    private string Jwt(Dictionary<string, object> claims)
    {
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = "test-key" }));
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = (SignWithOtherKey ? _otherKey : _key).SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{B64(signature)}";
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>An HTTP handler that trusts exactly this server's certificate (for the app's MSAL client and the test's "browser").</summary>
    public HttpClientHandler TrustingHandler() => new()
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == Certificate.Thumbprint,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
        Certificate.Dispose();
    }
}
