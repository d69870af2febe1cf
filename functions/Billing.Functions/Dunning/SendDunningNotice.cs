using Billing.Core.Dunning;
using Billing.Core.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Billing.Functions.Dunning;

/// <summary>
/// Sends the dunning notices of one <see cref="DunningNoticeMessage"/> from the dunning-notice queue, in one email.
/// A message that <see cref="QueueMessageParser"/> rejects throws (→ poison queue); so does every failure of the sender
/// (email provider, store), so the host retries the message: notices are claimed per (invoice, stage), so a retry
/// never sends a notice twice. Items another message is sending right now come back as skipped
/// (<see cref="DunningSkipReason.InFlight"/>), not as an error: that message finishes them.
/// </summary>
public sealed partial class SendDunningNotice(DunningNoticeSender sender, ILogger<SendDunningNotice> logger)
{
    [Function(nameof(SendDunningNotice))]
    public async Task RunAsync([QueueTrigger("%DUNNING_NOTICE_QUEUE%")] string message, CancellationToken cancellationToken)
    {
        var request = QueueMessageParser.DunningNotice(message);
        LogSending(request.AccountId, request.RunDate, request.Items.Count);
        var result = await sender.SendAsync(request, cancellationToken);
        LogOutcome(request.AccountId, request.RunDate, result.SentNoticeIds.Count, result.MessageId, result.Skipped.Count);
        foreach (var skip in result.Skipped)
        {
            LogSkipped(skip.InvoiceId, skip.Stage, request.AccountId, skip.Reason, skip.Detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning account {AccountId} for the run of {RunDate}: {ItemCount} notices requested")]
    private partial void LogSending(string accountId, DateOnly runDate, int itemCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning account {AccountId} for the run of {RunDate}: {SentCount} notices sent in email {MessageId}, {SkippedCount} skipped")]
    private partial void LogOutcome(string accountId, DateOnly runDate, int sentCount, string? messageId, int skippedCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning notice for invoice {InvoiceId} stage {Stage} of account {AccountId} skipped: {Reason} {Detail}")]
    private partial void LogSkipped(string invoiceId, int? stage, string accountId, DunningSkipReason reason, string? detail);
}
