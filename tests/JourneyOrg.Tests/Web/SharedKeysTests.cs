using JourneyOrg.Tests.Workspaces;
using JourneyOrg.Web.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyOrg.Tests.Web;

/// <summary>Several app instances behind a load balancer share only the store; a cookie one signs, another must accept.</summary>
public sealed class SharedKeysTests : IDisposable
{
    private readonly TemporaryStore _store = new();

    private WebApplicationFactory<Program> Instance() => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting(StoreLocation.ConfigurationKey, _store.Spec);
        b.UseSetting("JourneyOrg:DemoData", "false");
        b.UseEnvironment("Development");
    });

    [Fact]
    public async Task What_one_instance_protects_another_instance_on_the_same_store_can_read()
    {
        await using var first = Instance();
        await using var second = Instance();
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("signed-in as ada");

        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(secret);

        Assert.Equal("signed-in as ada", read);
        Assert.NotEmpty(await _store.Store.ListStateAsync("dataprotection.key."));
    }

    public void Dispose() => _store.Dispose();
}
