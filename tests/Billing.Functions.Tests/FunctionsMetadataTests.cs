using System.Reflection;
using System.Text.Json;

namespace Billing.Functions.Tests;

/// <summary>The functions.metadata the build writes is what the Functions host indexes: each trigger must be declared as intended.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> s_functions = new(() =>
        JsonDocument.Parse(File.ReadAllText(FindMetadata())).RootElement.EnumerateArray().ToArray());

    [Theory]
    [InlineData("ScheduleBilling", "timerTrigger", "schedule", "%BILLING_SCHEDULE%", "Invoices")]
    [InlineData("ScheduleBillingPage", "queueTrigger", "queueName", "%SCHEDULE_BILLING_PAGE_QUEUE%", "Invoices")]
    [InlineData("BillAccount", "queueTrigger", "queueName", "%BILL_ACCOUNT_QUEUE%", "Invoices")]
    [InlineData("SendInvoice", "queueTrigger", "queueName", "%SEND_INVOICE_QUEUE%", "Invoices")]
    [InlineData("ScheduleDunning", "timerTrigger", "schedule", "%DUNNING_SCHEDULE%", "Dunning")]
    [InlineData("ScheduleDunningPage", "queueTrigger", "queueName", "%SCHEDULE_DUNNING_PAGE_QUEUE%", "Dunning")]
    [InlineData("SendDunningNotice", "queueTrigger", "queueName", "%DUNNING_NOTICE_QUEUE%", "Dunning")]
    [InlineData("SnapshotReports", "timerTrigger", "schedule", "%REPORTS_SCHEDULE%", "Reports")]
    [InlineData("RelayEvents", "timerTrigger", "schedule", "%EVENTS_RELAY_SCHEDULE%", "Events")]
    [InlineData("IngestBankFile", "blobTrigger", "path", "%BANK_FILES_CONTAINER%/incoming/{name}", "Payments")]
    [InlineData("ApplySuspenseDecisions", "blobTrigger", "path", "%BANK_FILES_CONTAINER%/decisions/{name}", "Payments")]
    public void Function_IsDeclaredWithItsTriggerAndSetting(string name, string triggerType, string property, string setting, string area)
    {
        var function = Assert.Single(s_functions.Value, f => f.GetProperty("name").GetString() == name);
        var binding = Assert.Single(function.GetProperty("bindings").EnumerateArray());

        Assert.Equal(triggerType, binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
        Assert.Equal(setting, binding.GetProperty(property).GetString());
        Assert.False(binding.TryGetProperty("connection", out var connection) && connection.GetString() is { Length: > 0 } c && c != "AzureWebJobsStorage",
            "Queue and blob triggers use the default AzureWebJobsStorage connection.");
        Assert.Equal($"Billing.Functions.{area}.{name}.RunAsync", function.GetProperty("entryPoint").GetString());
    }

    [Fact]
    public void Metadata_DeclaresExactlyTheBillingDunningReportPaymentAndEventTriggers()
    {
        Assert.Equal(["ApplySuspenseDecisions", "BillAccount", "IngestBankFile", "RelayEvents", "ScheduleBilling", "ScheduleBillingPage", "ScheduleDunning", "ScheduleDunningPage", "SendDunningNotice", "SendInvoice", "SnapshotReports"], s_functions.Value.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Infra's post-deploy hook subscribes Event Grid to these two: the worker SDK writes <c>"source": "EventGrid"</c> on the
    /// binding itself (without it the host would poll the container with the legacy blob scanner).
    /// </summary>
    [Theory]
    [InlineData("IngestBankFile")]
    [InlineData("ApplySuspenseDecisions")]
    public void BlobFunction_IsTriggeredThroughEventGrid(string name)
    {
        var function = Assert.Single(s_functions.Value, f => f.GetProperty("name").GetString() == name);
        var binding = Assert.Single(function.GetProperty("bindings").EnumerateArray());

        Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
        Assert.False(function.TryGetProperty("retry", out _), "A bank file or decisions file that fails the same way every time must not be retried by a policy.");
    }

    [Fact]
    public void DecisionResults_AreNotWrittenWhereTheDecisionsTriggerListens()
    {
        var decisions = Assert.Single(s_functions.Value, f => f.GetProperty("name").GetString() == "ApplySuspenseDecisions");
        var path = Assert.Single(decisions.GetProperty("bindings").EnumerateArray()).GetProperty("path").GetString()!;

        Assert.DoesNotContain("decisions-results", path, StringComparison.Ordinal);
        var resultPath = "%BANK_FILES_CONTAINER%/" + global::Billing.Functions.Payments.ApplySuspenseDecisions.ResultsFolder + "/x.csv.json";
        Assert.False(resultPath.StartsWith(path.Replace("{name}", "", StringComparison.Ordinal), StringComparison.Ordinal), "The result would trigger the function again.");
    }

    [Theory]
    [InlineData("ScheduleBilling")]
    [InlineData("ScheduleDunning")]
    [InlineData("SnapshotReports")]
    public void TimerFunction_RetriesWithBackoff(string name)
    {
        var function = Assert.Single(s_functions.Value, f => f.GetProperty("name").GetString() == name);

        Assert.Equal("exponentialBackoff", function.GetProperty("retry").GetProperty("strategy").GetString());
    }

    /// <summary>Next to this assembly (copied), else the Functions project's own output: walk up to <c>bin/</c> and look in <c>Billing.Functions/*</c>.</summary>
    private static string FindMetadata()
    {
        var here = Path.GetDirectoryName(typeof(FunctionsMetadataTests).Assembly.Location)!;
        var local = Path.Combine(here, "functions.metadata");
        if (File.Exists(local))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "Billing.Functions");
            if (dir.Name == "bin" && Directory.Exists(project))
            {
                var configuration = new DirectoryInfo(here).Name;
                var candidates = Directory.GetFiles(project, "functions.metadata", SearchOption.AllDirectories)
                    .OrderByDescending(p => p.Contains(Path.DirectorySeparatorChar + configuration + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    .ThenByDescending(File.GetLastWriteTimeUtc);
                if (candidates.FirstOrDefault() is { } found)
                {
                    return found;
                }
            }
        }

        var repo = typeof(FunctionsMetadataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        throw new FileNotFoundException($"functions.metadata not found near {here} (repo {repo}); build functions/Billing.Functions first.");
    }
}
