using System.Diagnostics;
using Billing.Infra.Tests.Bicep;

namespace Billing.Infra.Tests.Hooks;

/// <summary>
/// infra/hooks/postdeploy.sh run against a stand-in `az` that records its arguments: each Event Grid subscription
/// dead-letters what it cannot deliver to the container the template creates, with the system topic's identity.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class PostDeployHookTests(CompiledTemplate template) : IDisposable
{
    private const string StorageId = "/subscriptions/s/resourceGroups/rg-ci/providers/Microsoft.Storage/storageAccounts/stci";

    private readonly string _bin = Directory.CreateTempSubdirectory("postdeploy-").FullName;

    [Fact]
    public void PostDeploy_EverySubscription_DeadLettersToTheDeadLetterContainerWithTheTopicIdentity()
    {
        var deadLetterContainer = template.RootScope.Evaluate(template.Root["outputs"]!["AZURE_EVENTGRID_DEADLETTER_CONTAINER"]!["value"]).Text;

        var subscriptions = RunHook(new Dictionary<string, string> { ["AZURE_EVENTGRID_DEADLETTER_CONTAINER"] = deadLetterContainer });

        Assert.Equal(["apply-suspense-decisions", "ingest-bank-file"], subscriptions.Select(s => s["--name"]).Order(StringComparer.Ordinal));
        Assert.All(subscriptions, s =>
        {
            Assert.Equal("systemassigned", s["--deadletter-identity"]);
            Assert.Equal($"{StorageId}/blobServices/default/containers/deadletter", s["--deadletter-identity-endpoint"]);
            Assert.Equal("30", s["--max-delivery-attempts"]);
            Assert.Equal("1440", s["--event-ttl"]);
        });
        Assert.Contains(
            template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => c.Value("name").Text.TrimEnd('}', ')', '\'').EndsWith("/default/" + deadLetterContainer, StringComparison.Ordinal));
    }

    [Fact]
    public void PostDeploy_WithoutTheStorageAccountId_StopsBeforeSubscribing()
    {
        var (exitCode, error, calls) = Run(new Dictionary<string, string>(), includeStorageId: false);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("AZURE_STORAGE_ACCOUNT_ID", error, StringComparison.Ordinal);
        Assert.DoesNotContain(calls, c => c[0] == "eventgrid");
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private List<Dictionary<string, string>> RunHook(Dictionary<string, string> environment)
    {
        var (exitCode, error, calls) = Run(environment, includeStorageId: true);
        Assert.True(exitCode == 0, error);
        return calls
            .Where(c => c.Take(4).SequenceEqual(["eventgrid", "system-topic", "event-subscription", "create"]))
            .Select(Options)
            .ToList();
    }

    private (int ExitCode, string Error, List<string[]> Calls) Run(Dictionary<string, string> environment, bool includeStorageId)
    {
        var log = Path.Combine(_bin, "az.log");
        var az = Path.Combine(_bin, "az");
        // One call per line, its arguments separated by a unit separator (arguments may hold spaces).
        File.WriteAllText(az, """
            #!/bin/sh
            printf '%s\037' "$@" >> "$AZ_LOG"; printf '\n' >> "$AZ_LOG"
            case "$1 $2" in
              "functionapp show") echo func-ci.azurewebsites.net ;;
              "functionapp keys") echo secret-key ;;
            esac
            """.Replace("            ", string.Empty, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo("sh", [Path.Combine(RepoPaths.Infra, "hooks", "postdeploy.sh")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = _bin + ":/usr/bin:/bin";
        start.Environment["AZ_LOG"] = log;
        start.Environment["AZURE_RESOURCE_GROUP"] = "rg-ci";
        start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-ci";
        start.Environment["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = "evgt-ci";
        if (includeStorageId)
        {
            start.Environment["AZURE_STORAGE_ACCOUNT_ID"] = StorageId;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        var calls = File.Exists(log)
            ? File.ReadAllLines(log).Select(l => l.TrimEnd('\u001f').Split('\u001f')).ToList()
            : [];
        return (process.ExitCode, error, calls);
    }

    private static Dictionary<string, string> Options(string[] words)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length - 1; i++)
        {
            if (words[i].StartsWith("--", StringComparison.Ordinal) && !words[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[words[i]] = words[i + 1];
            }
        }

        return options;
    }
}
