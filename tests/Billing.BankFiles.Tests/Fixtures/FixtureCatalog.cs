using System.Reflection;
using System.Text.Json;

namespace Billing.BankFiles.Tests.Fixtures;

/// <summary>
/// Locates ../shared/fixtures/bank-files next to the repository (the RepoRoot assembly metadata) and lists the
/// files of its manifest.json.
/// </summary>
public static class FixtureCatalog
{
    /// <summary>The fixture directory.</summary>
    public static string Directory { get; } = Locate();

    /// <summary>Every manifest path, as theory data.</summary>
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var path in ManifestPaths())
        {
            data.Add(path);
        }

        return data;
    }

    /// <summary>Every manifest path.</summary>
    public static IReadOnlyList<string> ManifestPaths()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "manifest.json")));
        return [.. manifest.RootElement.EnumerateArray().Select(e => e.GetProperty("path").GetString()!)];
    }

    /// <summary>The bytes of a fixture file.</summary>
    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    private static string Locate()
    {
        var repoRoot = typeof(FixtureCatalog).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepoRoot").Value!;
        return Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "fixtures", "bank-files"));
    }
}
