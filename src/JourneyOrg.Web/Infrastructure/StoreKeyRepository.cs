using System.Xml.Linq;
using JourneyOrg.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace JourneyOrg.Web.Infrastructure;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys (which sign session cookies and antiforgery tokens) in the workspace
/// store, so every app instance that shares the store accepts the others' cookies: instances behind a load balancer
/// need nothing else in common. A key is one state entry; the framework only ever adds keys.
/// </summary>
public sealed class StoreKeyRepository(IStateStore store) : IXmlRepository
{
    private const string Prefix = "dataprotection.key.";

    // IXmlRepository is synchronous; the framework calls it rarely (start-up and key rotation), never per request.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ListStateAsync(Prefix).GetAwaiter().GetResult().Select(entry => XElement.Parse(entry.Value)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.SetStateAsync(Prefix + friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}

public static class StoreKeyRepositoryExtensions
{
    /// <summary>Data protection with its keys in the store (see <see cref="StoreKeyRepository"/>).</summary>
    public static IServiceCollection AddDataProtectionInStore(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("JourneyOrg");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new StoreKeyRepository(provider.GetRequiredService<IStateStore>())));
        return services;
    }
}
