using Billing.Core.Documents;
using Billing.Core.Invoicing;
using Billing.Documents.Pdf;
using Billing.Documents.Ubl;

namespace Billing.Documents;

/// <summary>
/// The documents a customer receives for an issued invoice: a printable PDF (<see cref="InvoicePdfRenderer"/>)
/// and an EN 16931 UBL 2.1 e-invoice (<see cref="UblInvoiceWriter"/>). Stateless and safe to share.
/// </summary>
public sealed class InvoiceDocumentRenderer(InvoicePdfRenderer pdf, UblInvoiceWriter ubl) : IInvoiceDocumentRenderer
{
    public void WritePdf(Invoice invoice, Stream destination) => pdf.Write(invoice, destination);

    public void WriteUbl(Invoice invoice, Stream destination) => ubl.Write(invoice, destination);
}
