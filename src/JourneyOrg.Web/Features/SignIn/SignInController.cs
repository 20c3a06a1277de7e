using JourneyOrg.Web.Features.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Features.SignIn;

/// <summary>The sign-in pages: local accounts (user name and password) or Microsoft Entra ID, sign-out, password change.</summary>
public sealed class SignInController(LocalAccounts local, EntraSignIn entra, IOptionsMonitor<SecurityOptions> options) : Controller
{
    private bool Entra => options.CurrentValue.IsEntra;

    [HttpGet(SecuritySetup.SignInPath)]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View("SignIn", new SignInModel(Entra, Safe(returnUrl), null, null));

    [HttpPost(SecuritySetup.SignInPath)]
    [AllowAnonymous]
    [EnableRateLimiting(SecuritySetup.SignInRateLimit)]
    public async Task<IActionResult> SignIn(string? userName, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        if (Entra) return NotFound();
        var outcome = await local.SignInAsync(userName ?? "", password ?? "", cancellationToken);
        if (!outcome.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return View("SignIn", new SignInModel(false, Safe(returnUrl), userName, outcome.Message));
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.For(outcome.Account!, SignInModes.Local));
        return LocalRedirect(outcome.Account!.MustChangePassword ? PasswordChangeGate.PasswordPath : Safe(returnUrl));
    }

    [HttpGet("/account/entra")]
    [AllowAnonymous]
    public async Task<IActionResult> StartEntra(string? returnUrl)
    {
        if (!Entra) return NotFound();
        return Redirect(await entra.StartAsync(HttpContext, Safe(returnUrl)));
    }

    [HttpGet(EntraSignIn.CallbackPath)]
    [AllowAnonymous]
    public async Task<IActionResult> EntraCallback()
    {
        if (!Entra) return NotFound();
        var (account, returnUrl, error) = await entra.CompleteAsync(HttpContext);
        if (account is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("SignIn", new SignInModel(true, "/", null, error));
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.For(account, SignInModes.Entra));
        return LocalRedirect(returnUrl ?? "/");
    }

    [HttpPost("/account/signout")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> SignOut(CancellationToken cancellationToken)
    {
        await local.EndSessionsAsync(User.Identity!.Name!, "signed out (every session of the account ended)", cancellationToken);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(SecuritySetup.SignInPath);
    }

    [HttpGet(PasswordChangeGate.PasswordPath)]
    [Authorize(Policy = Policies.SignedIn)]
    public IActionResult Password() => View("Password", new PasswordModel(User.HasClaim(c => c.Type == AppClaims.MustChangePassword), []));

    [HttpPost(PasswordChangeGate.PasswordPath)]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Password(string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken cancellationToken)
    {
        var mustChange = User.HasClaim(c => c.Type == AppClaims.MustChangePassword);
        IReadOnlyList<string> problems = newPassword != confirmPassword
            ? ["The two new passwords differ."]
            : await local.ChangePasswordAsync(User.Identity!.Name!, currentPassword, newPassword, cancellationToken);
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Password", new PasswordModel(mustChange, problems));
        }
        // A fresh session without the must-change flag.
        var account = await HttpContext.RequestServices.GetRequiredService<JourneyOrg.Storage.IAccountStore>().GetAccountAsync(User.Identity!.Name!, cancellationToken);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.For(account!, SignInModes.Local));
        return LocalRedirect("/");
    }

    [HttpGet("/account/denied")]
    [Authorize(Policy = Policies.SignedIn)]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Denied");
    }

    private static string Safe(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}

public sealed record SignInModel(bool Entra, string ReturnUrl, string? UserName, string? Error);
public sealed record PasswordModel(bool MustChange, IReadOnlyList<string> Problems);
