using System.Security.Claims;
using System.Text.Encodings.Web;
using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Tests.Security;

/// <summary>
/// A signed-in user for integration tests, without the sign-in pages: a test-only authentication scheme that the cookie
/// scheme forwards to. A request names its user in <see cref="UserHeader"/> (roles in <see cref="RolesHeader"/>); without
/// the header it is the factory's default user, if it has one. The sign-in tests themselves use the real cookie flow.
/// </summary>
public static class TestSignIn
{
    public const string Scheme = "Test";
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";

    /// <summary>Everyone's an admin with every role unless a request says otherwise; null: only requests with the header are signed in.</summary>
    public static IWebHostBuilder WithTestSignIn(this IWebHostBuilder builder, string? defaultUser = "test-admin", params string[] defaultRoles) =>
        builder.ConfigureTestServices(services =>
        {
            var roles = defaultRoles.Length > 0 ? defaultRoles : AppRoles.All.ToArray();
            services.AddAuthentication().AddScheme<TestSignInOptions, TestSignInHandler>(Scheme, o =>
            {
                o.DefaultUser = defaultUser;
                o.DefaultRoles = roles;
            });
            services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
                o.ForwardDefaultSelector = context => defaultUser is not null || context.Request.Headers.ContainsKey(UserHeader) ? Scheme : null);
        });

    /// <summary>Makes <paramref name="client"/> send every request as <paramref name="user"/> with <paramref name="roles"/>.</summary>
    public static HttpClient As(this HttpClient client, string user, params string[] roles)
    {
        client.DefaultRequestHeaders.Remove(UserHeader);
        client.DefaultRequestHeaders.Remove(RolesHeader);
        client.DefaultRequestHeaders.Add(UserHeader, user);
        client.DefaultRequestHeaders.Add(RolesHeader, string.Join(',', roles));
        return client;
    }
}

public sealed class TestSignInOptions : AuthenticationSchemeOptions
{
    public string? DefaultUser { get; set; }
    public string[] DefaultRoles { get; set; } = [];
}

public sealed class TestSignInHandler(IOptionsMonitor<TestSignInOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<TestSignInOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers.TryGetValue(TestSignIn.UserHeader, out var named) ? named.ToString() : Options.DefaultUser;
        if (string.IsNullOrEmpty(user) || user == "anonymous") return Task.FromResult(AuthenticateResult.NoResult());
        var roles = Request.Headers.TryGetValue(TestSignIn.RolesHeader, out var given)
            ? given.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries)
            : Request.Headers.ContainsKey(TestSignIn.UserHeader) ? [] : Options.DefaultRoles;
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, TestSignIn.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, TestSignIn.Scheme)));
    }
}
