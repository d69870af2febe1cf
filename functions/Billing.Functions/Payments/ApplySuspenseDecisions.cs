using System.Text.Json;
using Azure.Storage.Blobs;
using Billing.Core.Serialization;
using Billing.Core.Storage;
using Billing.Core.Suspense;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Functions.Payments;

/// <summary>
/// A decisions CSV dropped under <c>decisions/</c> of the bank-files container (Event Grid source): applies it with
/// <see cref="SuspenseResolution"/> and writes the per-line result to <c>decisions-results/{name}.json</c> — outside
/// <c>decisions/</c>, so the result never triggers this function again. A rejected line is reported, not thrown: a
/// retry would reject it again (and the resolution is idempotent, so a retry after a crash is safe).
/// </summary>
public sealed partial class ApplySuspenseDecisions(
    SuspenseResolution resolution, IBlobStore blobs, IOptions<BlobContainerOptions> containers, ILogger<ApplySuspenseDecisions> logger)
{
    public const string DecisionsFolder = "decisions";
    public const string ResultsFolder = "decisions-results";

    [Function(nameof(ApplySuspenseDecisions))]
    public async Task RunAsync(
        [BlobTrigger("%BANK_FILES_CONTAINER%/" + DecisionsFolder + "/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var container = containers.Value.BankFiles;
        var decisions = new BlobRef(container, $"{DecisionsFolder}/{name}");
        LogStarting(decisions.ToString(), blob?.Name);
        SuspenseResolutionReport report;
        await using (var content = await blobs.OpenReadAsync(decisions, cancellationToken))
        {
            if (content is null)
            {
                LogMissing(decisions.ToString());
                return;
            }

            report = await resolution.ApplyAsync(name, content, cancellationToken);
        }

        var result = new BlobRef(container, $"{ResultsFolder}/{name}.json");
        using (var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(report, BillingJson.Indented)))
        {
            await blobs.WriteAsync(result, json, "application/json", null, cancellationToken);
        }

        foreach (var line in report.Lines)
        {
            if (line.Status == DecisionStatus.Rejected)
            {
                LogRejected(name, line.Line, line.PaymentId, line.Message);
            }
            else
            {
                LogLine(name, line.Line, line.PaymentId, line.Status, line.Message);
            }
        }

        LogFinished(name, report.Applied, report.Lines.Count(l => l.Status == DecisionStatus.AlreadyResolved), report.Rejected, result.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying suspense decisions {Blob} (trigger blob {TriggerBlob})")]
    private partial void LogStarting(string blob, string? triggerBlob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decisions {FileName} line {Line} ({PaymentId}): {Status}, {Detail}")]
    private partial void LogLine(string fileName, int line, string? paymentId, DecisionStatus status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decisions {FileName} line {Line} ({PaymentId}) rejected: {Reason}")]
    private partial void LogRejected(string fileName, int line, string? paymentId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decisions {FileName} applied: {AppliedCount} applied, {AlreadyResolvedCount} already resolved, {RejectedCount} rejected; result {Result}")]
    private partial void LogFinished(string fileName, int appliedCount, int alreadyResolvedCount, int rejectedCount, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decisions blob {Blob} is gone; nothing applied")]
    private partial void LogMissing(string blob);
}
