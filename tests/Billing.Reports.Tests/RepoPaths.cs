using System.Reflection;

namespace Billing.Reports.Tests;

/// <summary>Where the repository is (from the build's RepoRoot metadata), wherever the build output goes.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;
}
