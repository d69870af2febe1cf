using Billing.Core.Invoicing;

namespace Billing.Core.Documents;

/// <summary>Renders an issued invoice as the documents the customer receives.</summary>
public interface IInvoiceDocumentRenderer
{
    /// <summary>A printable PDF of the invoice.</summary>
    void WritePdf(Invoice invoice, Stream destination);

    /// <summary>The EN 16931 UBL 2.1 e-invoice (an Invoice, or a CreditNote for a negative total).</summary>
    void WriteUbl(Invoice invoice, Stream destination);
}
