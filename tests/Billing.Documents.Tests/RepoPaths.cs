using System.Reflection;

namespace Billing.Documents.Tests;

/// <summary>Paths into the repository and the shared folder beside it, found through the RepoRoot assembly metadata.</summary>
internal static class RepoPaths
{
    public static string RepoRoot { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepoRoot")
        .Value ?? throw new InvalidOperationException("RepoRoot metadata has no value.");

    public static string UblSchemas => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "schemas", "ubl-2.1", "maindoc"));
}
