using System.Runtime.CompilerServices;

namespace JourneyOrg.Tests;

internal static class TestHostSettings
{
    /// <summary>
    /// Every app host the tests start would watch appsettings.json for changes with one inotify instance each, and Linux
    /// allows 128 per user: past that, hosts fail to start with an IOException. The tests never edit configuration files.
    /// </summary>
    [ModuleInitializer]
    internal static void NoConfigurationFileWatchers() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
