using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Billing.Infra.Tests.Bicep;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, which this project pulls
/// into the NuGet cache with a PackageDownload, so `dotnet test` on a fresh clone has it offline.
/// </summary>
public static partial class BicepCli
{
    /// <summary>Runs `bicep build infra/main.bicep --stdout`.</summary>
    public static BicepRun Build() => Run("build", RepoPaths.MainBicep, "--stdout");

    /// <summary>Runs `bicep lint infra/main.bicep` (lints the modules it references too).</summary>
    public static BicepRun Lint() => Run("lint", RepoPaths.MainBicep);

    /// <summary>The bicep binary; throws (so tests fail rather than skip) when the package is absent.</summary>
    public static string Locate()
    {
        var version = RepoPaths.Metadata("BicepVersion");
        var roots = new[]
            {
                RepoPaths.Metadata("NuGetPackageRoot"),
                Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
                Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            }
            .Where(root => !string.IsNullOrWhiteSpace(root))
            .Select(root => Path.Combine(root!, "azure.bicep.commandline.linux-x64", version, "tools", "bicep"))
            .ToList();
        var binary = roots.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The Bicep CLI {version} is not in the NuGet cache (looked at: {string.Join(", ", roots)}). " +
                "Run `dotnet restore tests/Billing.Infra.Tests`.");

        // Some extractions drop the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(binary);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(binary, mode | execute);
            }
        }

        return binary;
    }

    private static BicepRun Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Locate())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Bicep keeps settings under HOME: give it a writable one of its own.
        var home = Path.Combine(Path.GetTempPath(), "billing-infra-tests-bicep-home");
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return new BicepRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@"^.*: (Warning|Error) [A-Za-z0-9-]+: .*$", RegexOptions.Multiline)]
    internal static partial Regex DiagnosticPattern();
}

/// <summary>One run of the Bicep CLI. Bicep prints diagnostics on stderr and exits 0 on warnings.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Every warning and error line Bicep reported.</summary>
    public IReadOnlyList<string> Diagnostics =>
        BicepCli.DiagnosticPattern().Matches(StandardError).Select(m => m.Value.Trim()).ToList();
}
