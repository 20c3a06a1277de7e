using JourneyOrg.Storage;
using JourneyOrg.Web.Storage;

namespace JourneyOrg.Web.Cli;

/// <summary>Opens the store a verb works on, found the same way as the web app finds it (see <see cref="StoreLocation"/>).</summary>
public static class CliStore
{
    /// <summary>The help text line for <c>--store</c>, shared by every verb.</summary>
    public const string Help = """
          --store SPEC   the store to use: sqlite:PATH (default: $JOURNEYORG_STORE, then JourneyOrg:Store in
                         appsettings.json, then ./data/journeyorg.db or $JOURNEYORG_DATA/journeyorg.db)
        """;

    /// <summary>Resolves, creates and initializes the store; an unusable spec is a usage error.</summary>
    public static async Task<IStore> OpenAsync(string? storeOption, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .Build();
        IStore store;
        try
        {
            store = StoreFactory.Create(StoreLocation.Resolve(storeOption, configuration));
        }
        catch (StoreSpecException ex)
        {
            throw new CliUsageException(ex.Message);
        }
        await store.InitializeAsync(cancellationToken);
        return store;
    }
}
