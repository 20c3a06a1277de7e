using System.Security.Claims;
using System.Threading.RateLimiting;
using JourneyOrg.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Features.Security;

/// <summary>
/// Sign-in, roles and hardening in two calls: <see cref="AddJourneyOrgSecurity"/> registers, <see cref="UseJourneyOrgSecurity"/>
/// (first in the pipeline: errors, HTTPS, headers) and <see cref="UseJourneyOrgAccess"/> (after static files: routing,
/// rate limits, authentication, authorization, audit actor) wire the middleware.
/// </summary>
public static class SecuritySetup
{
    public const string SignInRateLimit = "sign-in";
    public const string SignInPath = "/account/signin";

    public static WebApplicationBuilder AddJourneyOrgSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SecurityOptions.Section);
        services.Configure<SecurityOptions>(section);
        var settings = section.Get<SecurityOptions>() ?? new SecurityOptions();

        services.TryAddTimeProvider();
        services.AddHttpContextAccessor();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = ".JourneyOrg.Session";
                options.Cookie.HttpOnly = true;
                // Lax, not Strict: the Entra callback arrives as a cross-site navigation and must see the session it starts.
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS, directly or as a trusted proxy forwards it (TransportSecurity); plain HTTP still works.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(settings.SessionHours);
                options.SlidingExpiration = true;
                options.LoginPath = SignInPath;
                options.LogoutPath = "/account/signout";
                options.AccessDeniedPath = "/account/denied";
                options.Events = new SessionEvents();
            });

        services.AddAuthorization(options =>
        {
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            options.AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser());
            options.AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.All));
            options.AddPolicy(Policies.Plan, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Planner));
            options.AddPolicy(Policies.HR, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.HR));
            options.AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Admin));
            options.AddPolicy(Policies.HrData, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.HR, AppRoles.Admin));
            options.AddPolicy(Policies.Scenarios, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Planner, AppRoles.HR));
            options.AddPolicy(Policies.ScenarioStatus, p => p.RequireAuthenticatedUser().AddRequirements(new ScenarioStatusRequirement()));
        });
        services.AddSingleton<IAuthorizationHandler, ScenarioStatusHandler>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue.SignInPermitsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        // Every unsafe request to a controller needs the antiforgery token (a form field, or the header htmx sends from <body hx-headers>).
        services.Configure<MvcOptions>(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.MaxModelBindingRecursionDepth = Math.Min(options.MaxModelBindingRecursionDepth, settings.MaxJsonDepth);
        });
        services.Configure<JsonOptions>(options => options.JsonSerializerOptions.MaxDepth = settings.MaxJsonDepth);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".JourneyOrg.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SuppressXFrameOptionsHeader = false;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBytes);
        builder.AddTransportSecurity();
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>First in the pipeline: forwarded headers, HSTS and HTTPS (TransportSecurity), errors without stack traces (outside Development), security headers.</summary>
    public static WebApplication UseJourneyOrgSecurity(this WebApplication app)
    {
        app.UseTransportSecurity();
        ErrorPages.Use(app);
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }

    /// <summary>After static files (which need no sign-in): routing, the sign-in rate limit, authentication, authorization.</summary>
    public static WebApplication UseJourneyOrgAccess(this WebApplication app)
    {
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            // Every store write during this request is audited as this user, with the request as the "via" and its correlation id.
            using var actor = AuditContext.Begin(context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "unknown" : "anonymous",
                $"{context.Request.Method} {context.Request.Path}", context.TraceIdentifier);
            await next(context);
        });
        return app;
    }

    /// <summary>htmx and API callers get status codes; browsers navigating get the sign-in and access-denied pages.</summary>
    private sealed class SessionEvents : CookieAuthenticationEvents
    {
        private static bool WantsStatus(HttpRequest request) =>
            request.Path.StartsWithSegments("/api") || request.Headers.ContainsKey("HX-Request");

        public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
        {
            if (!WantsStatus(context.Request)) return base.RedirectToLogin(context);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            if (context.Request.Headers.ContainsKey("HX-Request")) context.Response.Headers["HX-Redirect"] = SignInPath;
            return Task.CompletedTask;
        }

        public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
        {
            if (!WantsStatus(context.Request)) return base.RedirectToAccessDenied(context);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            // An htmx form from a page opened with more rights (the role was taken away since): show why instead of nothing.
            if (context.Request.Headers.ContainsKey("HX-Request") && !context.Request.Path.StartsWithSegments("/api"))
                context.Response.Headers["HX-Redirect"] = "/account/denied";
            return Task.CompletedTask;
        }

        /// <summary>
        /// Re-reads the account on every request (one keyed read; the handler authenticates once per request), so a change
        /// applies on the session's very next request, on every instance sharing the store: a deleted or disabled account,
        /// or a session issued under an older security stamp (password changed, signed out), is signed out; changed roles
        /// apply without signing in again.
        /// </summary>
        public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<IAccountStore>();
            var account = context.Principal?.Identity?.Name is { } name ? await store.GetAccountAsync(name, context.HttpContext.RequestAborted) : null;
            var stamp = context.Principal?.FindFirstValue(AppClaims.SecurityStamp) ?? "";
            if (account is null || account.Disabled || !string.Equals(stamp, account.SecurityStamp, StringComparison.Ordinal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }
            var source = context.Principal!.FindFirstValue(AppClaims.Source) ?? AccountSources.Local;
            var current = SessionPrincipal.For(account, source);
            if (SameClaims(context.Principal!, current)) return;
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }

        private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b) =>
            a.Claims.Select(c => (c.Type, c.Value)).Order().SequenceEqual(b.Claims.Select(c => (c.Type, c.Value)).Order());
    }

}

/// <summary>While an account must change its password, every page but the password page and sign-out sends it there.</summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string PasswordPath = "/account/password";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(c => c.Type == AppClaims.MustChangePassword)
            && !context.Request.Path.StartsWithSegments(PasswordPath) && !context.Request.Path.StartsWithSegments("/account/signout")
            && !context.Request.Path.StartsWithSegments("/healthz"))
        {
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Headers.ContainsKey("HX-Request"))
                context.Response.Redirect(PasswordPath);
            else
            {
                context.Response.Headers["HX-Redirect"] = PasswordPath;
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            return Task.CompletedTask;
        }
        return next(context);
    }
}
