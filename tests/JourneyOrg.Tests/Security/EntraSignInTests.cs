using System.Net;
using JourneyOrg.Storage;
using JourneyOrg.Web.Features.Security;
using JourneyOrg.Web.Features.SignIn;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Security;

/// <summary>Entra ID sign-in end to end: the app's MSAL code flow with PKCE against <see cref="FakeEntraServer"/> (no mocks of MSAL).</summary>
public sealed class EntraSignInTests : IAsyncLifetime
{
    private FakeEntraServer _entra = null!;
    private SecureApp _app = null!;

    public async Task InitializeAsync()
    {
        _entra = await FakeEntraServer.StartAsync();
        _app = new SecureApp(settings: new Dictionary<string, string?>
        {
            ["JourneyOrg:Auth:Mode"] = "entra",
            ["JourneyOrg:Auth:Entra:Instance"] = _entra.Instance,
            ["JourneyOrg:Auth:Entra:TenantId"] = FakeEntraServer.TenantId,
            ["JourneyOrg:Auth:Entra:ClientId"] = FakeEntraServer.ClientId,
            ["JourneyOrg:Auth:Entra:ClientSecret"] = FakeEntraServer.ClientSecret,
        });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _entra.DisposeAsync();
    }

    private HttpClient Browser() => _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddHttpClient(EntraSignIn.HttpClientName).ConfigurePrimaryHttpMessageHandler(_entra.TrustingHandler)))
        .CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>Browser → app → identity provider → back to the app's callback; returns the callback URL the provider sent the browser to.</summary>
    private async Task<Uri> AuthorizeAsync(HttpClient browser)
    {
        var start = await browser.GetAsync("/account/entra?returnUrl=%2Fteams");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(_entra.BaseUrl + "/" + FakeEntraServer.TenantId + "/oauth2/v2.0/authorize", authorize.ToString());
        using var provider = new HttpClient(_entra.TrustingHandler());
        var back = await provider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return back.Headers.Location!;
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_Entra_is_sent_the_public_https_redirect_URI_and_the_transaction_cookie_is_Secure()
    {
        // What a TLS-terminating proxy in front of the app forwards: plain HTTP, the public host, X-Forwarded-Proto https.
        var browser = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                s.AddHttpClient(EntraSignIn.HttpClientName).ConfigurePrimaryHttpMessageHandler(_entra.TrustingHandler)))
            .CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://journeyorg.example") });
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var start = await browser.GetAsync("/account/entra?returnUrl=%2Fteams");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        Assert.Equal("https://journeyorg.example/signin-oidc", query["redirect_uri"].ToString());
        var transaction = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(EntraSignIn.TransactionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("secure", transaction, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_in_runs_the_code_flow_with_PKCE_and_takes_the_roles_from_the_ID_token()
    {
        _entra.Roles = ["Planner", "Viewer", "NotAnAppRole"];
        var browser = Browser();
        var callback = await AuthorizeAsync(browser);
        var query = _entra.LastAuthorizeQuery!;
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.True(query["state"].Length >= 40 && query["nonce"].Length >= 40);
        Assert.Equal("http://localhost/signin-oidc", query["redirect_uri"]);

        var signedIn = await browser.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/teams", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/teams")).StatusCode);
        Assert.Contains("/account/denied", (await browser.GetAsync("/admin/users")).Headers.Location!.OriginalString);

        var account = await _app.Store.GetAccountAsync("ada@contoso.example");
        Assert.NotNull(account);
        Assert.Equal([AppRoles.Viewer, AppRoles.Planner], account.Roles);
        Assert.Equal(AccountSources.Entra, account.Source);
        Assert.Null(account.PasswordHash);
        var entry = (await _app.Store.ListAuditAsync(new AuditQuery(Action: AuditActions.SignIn))).Single();
        Assert.Equal("ada@contoso.example", entry.Actor);
        Assert.Contains("Entra ID", entry.Summary);
        // In Entra mode no local admin is created at first start.
        Assert.Null(await _app.Store.GetAccountAsync("admin"));
    }

    [Fact]
    public async Task A_callback_whose_state_does_not_match_is_refused_before_the_code_is_redeemed()
    {
        var browser = Browser();
        var callback = await AuthorizeAsync(browser);
        var tampered = System.Text.RegularExpressions.Regex.Replace(callback.PathAndQuery, "state=[^&]+", "state=forged");
        var response = await browser.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _entra.TokenRequests);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".JourneyOrg.Session="));
        Assert.Contains("state", (await _app.Store.ListAuditAsync(new AuditQuery(Action: AuditActions.SignInFailed))).Single().Summary);
    }

    [Fact]
    public async Task A_callback_without_the_browser_that_started_it_is_refused()
    {
        var callback = await AuthorizeAsync(Browser());
        var response = await Browser().GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _entra.TokenRequests);
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("signature")]
    [InlineData("tenant")]
    public async Task An_ID_token_with_a_wrong_nonce_signature_or_tenant_is_refused(string broken)
    {
        switch (broken)
        {
            case "nonce": _entra.NonceOverride = "replayed-nonce"; break;
            case "signature": _entra.SignWithOtherKey = true; break;
            default: _entra.TenantOverride = "ffffffff-ffff-ffff-ffff-ffffffffffff"; break;
        }
        var browser = Browser();
        var callback = await AuthorizeAsync(browser);
        var response = await browser.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, _entra.TokenRequests);
        Assert.Contains("Signing in with Microsoft did not work", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/teams")).StatusCode);
        Assert.Null(await _app.Store.GetAccountAsync("ada@contoso.example"));
        Assert.Contains("ID token was refused", (await _app.Store.ListAuditAsync(new AuditQuery(Action: AuditActions.SignInFailed))).Single().Summary);
    }

    [Fact]
    public async Task A_disabled_account_is_kept_out_even_when_Entra_lets_it_in()
    {
        var browser = Browser();
        await browser.GetAsync((await AuthorizeAsync(browser)).PathAndQuery);
        var account = (await _app.Store.GetAccountAsync("ada@contoso.example"))!;
        await _app.Store.SaveAccountAsync(account with { Disabled = true }, account.Version, AuditEntry.Now(AuditActions.AccountUpdate, account.UserName, "disabled"));
        var again = Browser();
        var response = await again.GetAsync((await AuthorizeAsync(again)).PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Password_sign_in_is_off_in_Entra_mode()
    {
        var browser = Browser();
        var page = await browser.GetStringAsync("/account/signin");
        Assert.Contains("Sign in with Microsoft", page);
        Assert.DoesNotContain("name=\"password\"", page);
        var post = await browser.PostAsync("/account/signin", new FormUrlEncodedContent([new("userName", "admin"), new("password", "whatever it is")]));
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{post.StatusCode}");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/teams")).StatusCode);
    }
}
