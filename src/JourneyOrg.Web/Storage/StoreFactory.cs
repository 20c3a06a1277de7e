using JourneyOrg.Storage;
using JourneyOrg.Web.Storage.Neo4j;
using JourneyOrg.Web.Storage.Sqlite;

namespace JourneyOrg.Web.Storage;

/// <summary>Turns a store specification (<c>sqlite:PATH</c> or <c>neo4j:http://user:pass@host:7474[/database]</c>) into a store.</summary>
public static class StoreFactory
{
    public static IStore Create(string spec)
    {
        var colon = spec.IndexOf(':');
        var kind = colon < 0 ? "" : spec[..colon];
        var target = colon < 0 ? "" : spec[(colon + 1)..];
        return kind switch
        {
            "sqlite" when target.Length > 0 => new SqliteWorkspaceStore(target),
            "neo4j" when Uri.TryCreate(target, UriKind.Absolute, out var server) && server.Scheme is "http" or "https" =>
                new Neo4jWorkspaceStore(server),
            _ => throw new StoreSpecException(
                $"Unknown store '{StoreLocation.Redact(spec)}'. Use sqlite:PATH (for example sqlite:./data/journeyorg.db) or neo4j:http://user:pass@host:7474[/database]."),
        };
    }

    /// <summary>
    /// Registers the one store the app opens under each of its parts, so a class asks only for the part it uses. A test
    /// that swaps the store registers its own <see cref="IStore"/>; the parts follow it.
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services, Func<IServiceProvider, IStore> open)
    {
        services.AddSingleton(open);
        services.AddSingleton<IWorkspaceStore>(sp => sp.GetRequiredService<IStore>());
        services.AddSingleton<IScenarioStore>(sp => sp.GetRequiredService<IStore>());
        services.AddSingleton<IStateStore>(sp => sp.GetRequiredService<IStore>());
        services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<IStore>());
        return services;
    }
}

/// <summary>Where the store is, by precedence: the <c>--store</c> option, <c>JOURNEYORG_STORE</c>, configuration, the default data directory.</summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "JOURNEYORG_STORE";
    public const string DataDirectoryVariable = "JOURNEYORG_DATA";
    public const string ConfigurationKey = "JourneyOrg:Store";

    /// <summary>The default data directory: <c>JOURNEYORG_DATA</c>, else <c>./data</c> under the working directory.</summary>
    public static string DefaultDataDirectory =>
        Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } dir ? dir : Path.Combine(Environment.CurrentDirectory, "data");

    public static string Resolve(string? cliValue, IConfiguration? configuration)
    {
        if (!string.IsNullOrWhiteSpace(cliValue)) return cliValue;
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (configuration?[ConfigurationKey] is { Length: > 0 } fromConfiguration) return fromConfiguration;
        return "sqlite:" + Path.Combine(DefaultDataDirectory, "journeyorg.db");
    }

    /// <summary>The spec with any password replaced, for logs and pages.</summary>
    public static string Redact(string spec)
    {
        var at = spec.IndexOf('@');
        var scheme = spec.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return spec;
        var credentials = spec[(scheme + 3)..at];
        var colon = credentials.IndexOf(':');
        return colon < 0 ? spec : spec[..(scheme + 3)] + credentials[..colon] + ":***" + spec[at..];
    }
}

/// <summary>A store specification that cannot be used; the message says what to write instead.</summary>
public sealed class StoreSpecException(string message) : Exception(message);
