using Billing.Core.Accounts;
using Billing.Core.Email;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Delivery;

/// <summary>
/// Emails an issued invoice with its PDF and UBL attached (the <c>send-invoice</c> queue's use case). An
/// invoice that carries <see cref="Invoice.EmailedAt"/> is never sent again. Before sending, a worker claims
/// the invoice (<see cref="Invoice.EmailClaimedAt"/>, written with the ETag it read), so two copies of the
/// message handled at the same moment cannot both send: the loser is told to come back when the claim's lease
/// (<see cref="ClaimLease"/>) ends (<see cref="InvoiceSendOutcome.Deferred"/>; its message is re-enqueued with that
/// delay, so it never counts as a failure and never poisons). Whoever finds a claim older than the lease takes it
/// over: its worker died. The message id is deterministic (<c>invoice-{id}</c>): the local outbox refuses a second
/// file of that id, and SendGrid receives it in <c>custom_args</c>. The one window left for a duplicate is a worker
/// dying after the provider accepted the mail and before <see cref="Invoice.EmailedAt"/> is written, for longer than
/// the lease.
/// </summary>
public sealed partial class InvoiceMailer(
    IDocumentStore store, IBlobStore blobs, IEmailSender sender, IOptions<BlobContainerOptions> containers, TimeProvider time, ILogger<InvoiceMailer> logger)
{
    /// <summary>How long a claim to send protects an invoice from other workers.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(60);

    /// <summary>Sends the invoice unless it was sent already or another worker holds a live claim on it.</summary>
    public async Task<InvoiceSendOutcome> SendAsync(string accountId, string invoiceId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        InvoiceSendOutcome? outcome = null;
        var claimed = await store.UpdateAsync<Invoice>(accountId, invoiceId, invoice =>
        {
            outcome = Decide(invoice, now);
            return outcome is InvoiceSendOutcome.Claimed ? invoice.ClaimEmail(now) : null;
        }, cancellationToken) ?? throw new InvoiceNotIssuedException(accountId, invoiceId, "it does not exist");
        if (outcome is not InvoiceSendOutcome.Claimed)
        {
            return outcome!;
        }

        // Decide claimed it only with its number and both documents.
        if (claimed.Value is not { Number: { } number, PdfPath: { } pdfPath, UblPath: { } ublPath } invoice)
        {
            throw new InvoiceNotIssuedException(accountId, invoiceId, "it has no number or documents yet; it will be retried");
        }

        var account = await store.ReadAsync<Account>(accountId, accountId, cancellationToken) ?? throw new AccountNotFoundException(accountId);
        var pdf = await ReadBlobAsync(pdfPath, cancellationToken);
        var ubl = await ReadBlobAsync(ublPath, cancellationToken);
        var providerId = await sender.SendAsync(InvoiceEmailComposer.Compose(invoice, account.Value.BillingEmails, pdf, ubl, account.Value.Language), cancellationToken);
        await store.UpdateExistingAsync<Invoice>(accountId, invoiceId, current => current.EmailedAt is null ? current.MarkEmailed(time.GetUtcNow()) : null, cancellationToken);
        LogSent(number, accountId, providerId);
        return InvoiceSendOutcome.Sent.Instance;
    }

    /// <summary>What to do with the invoice as it is now.</summary>
    private static InvoiceSendOutcome Decide(Invoice invoice, DateTimeOffset now)
    {
        if (invoice.EmailedAt is not null || invoice.Status == InvoiceStatus.Void)
        {
            return InvoiceSendOutcome.NothingToDo.Instance;
        }

        if (invoice.Number is null || invoice.PdfPath is null || invoice.UblPath is null)
        {
            throw new InvoiceNotIssuedException(invoice.AccountId, invoice.Id, "it has no number or documents yet; it will be retried");
        }

        return invoice.EmailClaimedAt is { } claimedAt && now - claimedAt < ClaimLease
            ? new InvoiceSendOutcome.Deferred(claimedAt + ClaimLease)
            : InvoiceSendOutcome.Claimed.Instance;
    }

    private async Task<byte[]> ReadBlobAsync(string path, CancellationToken cancellationToken)
    {
        var blob = new BlobRef(containers.Value.Invoices, path);
        return await blobs.ReadAllBytesAsync(blob, cancellationToken) ?? throw new InvalidOperationException($"Invoice document {blob} is missing.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceNumber} of account {AccountId} emailed as {ProviderMessageId}")]
    private partial void LogSent(string invoiceNumber, string accountId, string providerMessageId);
}
