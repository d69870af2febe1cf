using System.Reflection;

namespace Billing.Infra.Tests;

/// <summary>Where the repository is, from the RepoRoot metadata Directory.Build.props stamps into every test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Metadata("RepoRoot");

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string FunctionsProject => Path.Combine(Root, "functions", "Billing.Functions");

    /// <summary>A value of an [AssemblyMetadata] attribute of this assembly.</summary>
    public static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see the .csproj.");
}
