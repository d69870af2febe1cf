using Billing.Core.Accounts;
using Billing.Core.Email;
using Billing.Core.Invoicing;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Billing;

/// <summary>
/// Emails an issued invoice with its PDF and UBL attached (the <c>send-invoice</c> queue's use case). An
/// invoice that carries <see cref="Invoice.EmailedAt"/> is never sent again. Before sending, a worker claims
/// the invoice (<see cref="Invoice.EmailClaimedAt"/>, written with the ETag it read), so two copies of the
/// message handled at the same moment cannot both send: the loser sees a fresh claim and throws, and its
/// message comes back later to find the invoice sent. A claim older than <see cref="ClaimLease"/> is taken
/// to belong to a worker that died, and is taken over. The message id is deterministic
/// (<c>invoice-{id}</c>): the local outbox refuses a second file of that id, and SendGrid receives it in
/// <c>custom_args</c>. The one window left for a duplicate is a worker dying after the provider accepted
/// the mail and before <see cref="Invoice.EmailedAt"/> is written.
/// </summary>
public sealed partial class InvoiceMailer(
    IDocumentStore store, IBlobStore blobs, IEmailSender sender, IOptions<BlobContainerOptions> containers, TimeProvider time, ILogger<InvoiceMailer> logger)
{
    /// <summary>How long a claim to send protects an invoice from other workers.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(60);

    /// <summary>Sends the invoice unless it was sent already; returns false when there was nothing to do.</summary>
    /// <exception cref="SendInProgressException">Another worker is sending it right now; retry later.</exception>
    public async Task<bool> SendAsync(string accountId, string invoiceId, CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(accountId, invoiceId, cancellationToken);
        if (claimed is null)
        {
            return false;
        }

        var invoice = claimed.Value;
        var account = await store.ReadAsync<Account>(accountId, accountId, cancellationToken) ?? throw new AccountNotFoundException(accountId);
        var pdf = await ReadBlobAsync(invoice.PdfPath!, cancellationToken);
        var ubl = await ReadBlobAsync(invoice.UblPath!, cancellationToken);
        var providerId = await sender.SendAsync(InvoiceEmailComposer.Compose(invoice, account.Value.BillingEmails, pdf, ubl), cancellationToken);

        var stored = claimed;
        while (true)
        {
            try
            {
                await store.ReplaceAsync(accountId, invoiceId, stored.Value with { EmailedAt = time.GetUtcNow() }, stored.ETag, cancellationToken);
                break;
            }
            catch (ConcurrencyConflictException)
            {
                stored = await store.ReadAsync<Invoice>(accountId, invoiceId, cancellationToken)
                    ?? throw new InvalidOperationException($"Invoice {invoiceId} vanished while it was being sent.");
                if (stored.Value.EmailedAt is not null)
                {
                    break;
                }
            }
        }

        LogSent(invoice.Number!, accountId, providerId);
        return true;
    }

    /// <summary>Claims the invoice for sending; null when there is nothing to send.</summary>
    private async Task<Stored<Invoice>?> ClaimAsync(string accountId, string invoiceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await store.ReadAsync<Invoice>(accountId, invoiceId, cancellationToken)
                ?? throw new InvalidOperationException($"Invoice {invoiceId} of account {accountId} does not exist.");
            var invoice = stored.Value;
            if (invoice.EmailedAt is not null || invoice.Status == InvoiceStatus.Void)
            {
                return null;
            }

            if (invoice.Number is null || invoice.PdfPath is null || invoice.UblPath is null)
            {
                throw new InvalidOperationException($"Invoice {invoiceId} is not issued yet (no number or documents); it will be retried.");
            }

            var now = time.GetUtcNow();
            if (invoice.EmailClaimedAt is { } claimedAt && now - claimedAt < ClaimLease)
            {
                throw new SendInProgressException(invoiceId);
            }

            try
            {
                return await store.ReplaceAsync(accountId, invoiceId, invoice with { EmailClaimedAt = now }, stored.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone else changed it (perhaps claimed it): look again.
            }
        }
    }

    private async Task<byte[]> ReadBlobAsync(string path, CancellationToken cancellationToken)
    {
        var blob = new BlobRef(containers.Value.Invoices, path);
        return await blobs.ReadAllBytesAsync(blob, cancellationToken) ?? throw new InvalidOperationException($"Invoice document {blob} is missing.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceNumber} of account {AccountId} emailed as {ProviderMessageId}")]
    private partial void LogSent(string invoiceNumber, string accountId, string providerMessageId);
}
