namespace JourneyOrg.Tests;

/// <summary>The checkout the tests run from, for tests that read the sources themselves.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "JourneyOrg.sln"))) return dir.FullName;
        throw new InvalidOperationException("JourneyOrg.sln not found above " + AppContext.BaseDirectory);
    }
}
