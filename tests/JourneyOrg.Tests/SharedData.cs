using JourneyOrg.Tests.Workspaces;

namespace JourneyOrg.Tests;

/// <summary>
/// Where the product contract's golden files are read from. The contract lives in <c>../shared/data</c> beside the
/// checkout; the repository keeps a copy in <c>tests/JourneyOrg.Tests/SharedData</c> so that a clone anywhere (a fresh
/// CI machine, <c>git clone . /tmp/x</c>) runs the same tests. With both present the contract is used, and
/// <see cref="SharedDataTests"/> fails if the copy has drifted from it.
/// </summary>
public static class SharedData
{
    /// <summary><c>../shared/data</c> beside the checkout, or null when this checkout has none.</summary>
    public static string? Contract { get; } = FindContract();

    /// <summary>The repository's copy of the contract's data.</summary>
    public static string Copy { get; } = Path.Combine(RepositoryFiles.Root, "tests", "JourneyOrg.Tests", "SharedData");

    /// <summary>The folder the golden tests read.</summary>
    public static string Directory => Contract ?? Copy;

    public static string PathOf(string file) => Path.Combine(Directory, file);

    private static string? FindContract()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "data"));
        return File.Exists(Path.Combine(candidate, "bank-workspace.json")) ? candidate : null;
    }
}

/// <summary>A test that compares the repository's copy with the contract; skipped where the contract is not beside the checkout.</summary>
public sealed class SharedContractFactAttribute : FactAttribute
{
    public SharedContractFactAttribute()
    {
        if (SharedData.Contract is null) Skip = "../shared/data is not beside this checkout; the golden tests read the repository's copy";
    }
}

public sealed class SharedDataTests
{
    [SharedContractFact]
    public void The_repository_copy_of_the_golden_files_is_the_contract_byte_for_byte()
    {
        var contract = System.IO.Directory.GetFiles(SharedData.Contract!).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var copy = System.IO.Directory.GetFiles(SharedData.Copy).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(contract, copy);
        foreach (var file in contract)
            Assert.True(File.ReadAllBytes(Path.Combine(SharedData.Contract!, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(SharedData.Copy, file!))),
                $"{file} differs from ../shared/data/{file}: copy the contract's version into tests/JourneyOrg.Tests/SharedData");
    }
}
