using Billing.Core.Documents;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Messaging;
using Billing.Core.Payments;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Issuing;

/// <summary>
/// Takes a stored invoice from draft to issued, one idempotent step at a time: number it
/// (<see cref="InvoiceNumberSequence"/>), use the account's credit balance
/// (<see cref="CreditBalanceApplication"/>), render the PDF and the UBL e-invoice to the invoices container
/// (create-if-absent), record their paths, publish <c>InvoiceIssued</c> (deterministic id) and enqueue
/// <c>send-invoice</c>. Every step checks what is already done, so a retry after a crash at any point
/// finishes the job without doing anything twice.
/// </summary>
public sealed partial class InvoiceIssuer(
    IDocumentStore store,
    IBlobStore blobs,
    IInvoiceDocumentRenderer renderer,
    IEventPublisher events,
    IWorkQueue queue,
    InvoiceNumberSequence numbers,
    CreditBalanceApplication credit,
    CreditNoteSettler creditNotes,
    IOptions<SellerOptions> seller,
    IOptions<QueueOptions> queues,
    IOptions<BlobContainerOptions> containers,
    TimeProvider time,
    ILogger<InvoiceIssuer> logger)
{
    public async Task<Invoice> IssueAsync(string accountId, string invoiceId, CancellationToken cancellationToken = default)
    {
        var draft = await store.ReadAsync<Invoice>(accountId, invoiceId, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice {invoiceId} of account {accountId} does not exist.");
        var numbered = await numbers.FinalizeAsync(accountId, invoiceId, SeriesOf(draft.Value), cancellationToken);
        var number = numbered.Value.Number ?? throw new InvoiceNotIssuedException(accountId, invoiceId, "numbering returned it without a number");
        if (numbered.Value.IsCreditNote)
        {
            // Before rendering, so the credit note says where its credit went (set against which invoices, kept as credit).
            numbered = await creditNotes.SettleAsync(numbered, cancellationToken);
        }
        else if (numbered.Value.PdfPath is null || numbered.Value.UblPath is null)
        {
            // Before rendering, so the documents show the credit balance used as prepaid (BT-113).
            if (await credit.ApplyAsync(numbered.Value, cancellationToken) is { } applied)
            {
                numbered = applied.Invoice;
            }
        }

        var invoice = numbered.Value.PdfPath is null || numbered.Value.UblPath is null
            ? await RenderAsync(numbered, number, cancellationToken)
            : numbered.Value;

        await events.PublishAsync(
            [IntegrationEvent.Create(EventTypes.InvoiceIssued, invoice.Id, invoice.AccountId, invoice.FinalizedAt ?? time.GetUtcNow(), InvoiceIssued.From(invoice))],
            cancellationToken);
        if (invoice.EmailedAt is null)
        {
            await queue.EnqueueAsync(queues.Value.SendInvoice, new SendInvoiceMessage(invoice.AccountId, invoice.Id), cancellationToken);
        }

        LogIssued(number, invoice.AccountId, invoice.GrossTotal.ToString());
        return invoice;
    }

    /// <summary>The number series of an invoice: prefix (credit notes have their own) and the issue year.</summary>
    public string SeriesOf(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var prefix = invoice.IsCreditNote ? seller.Value.CreditNoteSeriesPrefix : seller.Value.InvoiceSeriesPrefix;
        return $"{prefix}-{invoice.IssueDate.Year}";
    }

    /// <summary>Where an invoice's documents are stored in the invoices container.</summary>
    public static (string Pdf, string Ubl) PathsOf(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var stem = $"{invoice.AccountId}/{invoice.Number ?? invoice.Id}";
        return ($"{stem}.pdf", $"{stem}.xml");
    }

    private async Task<Invoice> RenderAsync(Stored<Invoice> numbered, string number, CancellationToken cancellationToken)
    {
        var invoice = await CreditedInvoices.ResolveAsync(store, numbered.Value, cancellationToken);
        var (pdfPath, ublPath) = PathsOf(invoice);
        var container = containers.Value.Invoices;
        var metadata = new Dictionary<string, string> { ["invoiceNumber"] = number, ["accountId"] = invoice.AccountId };
        using (var pdf = new MemoryStream())
        {
            renderer.WritePdf(invoice, pdf);
            pdf.Position = 0;
            await blobs.TryCreateAsync(new BlobRef(container, pdfPath), pdf, "application/pdf", metadata, cancellationToken);
        }

        using (var ubl = new MemoryStream())
        {
            renderer.WriteUbl(invoice, ubl);
            ubl.Position = 0;
            await blobs.TryCreateAsync(new BlobRef(container, ublPath), ubl, "application/xml", metadata, cancellationToken);
        }

        var updated = await store.UpdateExistingAsync<Invoice>(invoice.AccountId, invoice.Id, current =>
            current.PdfPath is not null && current.UblPath is not null ? null : current.WithDocuments(pdfPath, ublPath), cancellationToken);
        return updated.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceNumber} issued to account {AccountId}, total {Total}")]
    private partial void LogIssued(string invoiceNumber, string accountId, string total);
}
