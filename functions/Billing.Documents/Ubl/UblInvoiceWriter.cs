using System.Globalization;
using System.Text;
using System.Xml;
using Billing.Core.Invoicing;

namespace Billing.Documents.Ubl;

/// <summary>
/// Writes an issued invoice as an EN 16931 UBL 2.1 e-invoice (CustomizationID <c>urn:cen.eu:en16931:2017</c>),
/// streaming through an <see cref="XmlWriter"/> in the element order of the OASIS schema. An invoice with a
/// negative gross total becomes a CreditNote (type 381) whose amounts are the invoice's amounts negated, so
/// they read positive; otherwise an Invoice (type 380). Totals are written as the invoice carries them
/// (BT-106 = BT-109 since there are no document-level allowances or charges); the writer adds no arithmetic
/// of its own beyond the credit-note sign. The account id is the buyer reference (BT-10).
/// </summary>
public sealed class UblInvoiceWriter
{
    private const string CustomizationId = "urn:cen.eu:en16931:2017";

    /// <summary>UNCL 4461 58: SEPA credit transfer.</summary>
    private const string SepaCreditTransfer = "58";

    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
    };

    public void Write(Invoice invoice, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(destination);
        if (string.IsNullOrWhiteSpace(invoice.Number))
        {
            throw new ArgumentException($"Invoice '{invoice.Id}' is a draft without a number; only an issued invoice becomes an e-invoice (BR-02).", nameof(invoice));
        }

        var creditNote = invoice.IsCreditNote;
        using var writer = XmlWriter.Create(destination, s_settings);
        var ubl = new UblXml(writer, invoice.Currency, creditNote ? -1m : 1m);

        writer.WriteStartDocument();
        writer.WriteStartElement(creditNote ? "CreditNote" : "Invoice", creditNote ? UblNamespaces.CreditNote : UblNamespaces.Invoice);
        writer.WriteAttributeString("xmlns", UblNamespaces.CacPrefix, null, UblNamespaces.Cac);
        writer.WriteAttributeString("xmlns", UblNamespaces.CbcPrefix, null, UblNamespaces.Cbc);

        WriteHeader(ubl, invoice, creditNote);
        UblPartyWriter.Write(ubl, "AccountingSupplierParty", invoice.Seller);
        UblPartyWriter.Write(ubl, "AccountingCustomerParty", invoice.Buyer);
        WritePayment(ubl, invoice, creditNote);
        WriteTaxTotal(ubl, invoice);
        WriteMonetaryTotal(ubl, invoice);
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            UblLineWriter.Write(ubl, invoice.Lines[i], i + 1, creditNote);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteHeader(UblXml ubl, Invoice invoice, bool creditNote)
    {
        ubl.Text("CustomizationID", CustomizationId);
        ubl.Text("ID", invoice.Number!);
        ubl.Date("IssueDate", invoice.IssueDate);
        if (!creditNote)
        {
            // A UBL 2.1 CreditNote has no DueDate: there the due date goes to PaymentMeans/PaymentDueDate.
            ubl.Date("DueDate", invoice.DueDate);
        }

        ubl.Text(creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", creditNote ? "381" : "380");
        ubl.Text("DocumentCurrencyCode", invoice.Currency.Code);
        ubl.Text("BuyerReference", invoice.AccountId);

        var period = BillingPeriod.Of(invoice);
        if (!period.IsEmpty)
        {
            ubl.Start("InvoicePeriod");
            if (period.Start is { } start)
            {
                ubl.Date("StartDate", start);
            }

            if (period.End is { } end)
            {
                ubl.Date("EndDate", end);
            }

            ubl.End();
        }
    }

    private static void WritePayment(UblXml ubl, Invoice invoice, bool creditNote)
    {
        ubl.Start("PaymentMeans");
        ubl.Text("PaymentMeansCode", SepaCreditTransfer);
        if (creditNote)
        {
            ubl.Date("PaymentDueDate", invoice.DueDate);
        }

        if (!string.IsNullOrWhiteSpace(invoice.CreditorReference))
        {
            ubl.Text("PaymentID", invoice.CreditorReference);
        }

        ubl.Start("PayeeFinancialAccount");
        ubl.Text("ID", invoice.PayeeIban.Replace(" ", "", StringComparison.Ordinal));
        if (!string.IsNullOrWhiteSpace(invoice.PayeeBic))
        {
            ubl.Identified("FinancialInstitutionBranch", invoice.PayeeBic);
        }

        ubl.End();
        ubl.End();

        // BR-CO-25: an amount due needs a due date or payment terms. The terms restate the due date so the rule
        // also holds for a credit note, whose due date sits in PaymentMeans.
        if (invoice.AmountDue.Amount * ubl.Sign > 0)
        {
            ubl.Start("PaymentTerms");
            var due = invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ubl.Text("Note", creditNote ? $"Credit to be settled by {due}." : $"Payment due by {due}.");
            ubl.End();
        }
    }

    private static void WriteTaxTotal(UblXml ubl, Invoice invoice)
    {
        ubl.Start("TaxTotal");
        ubl.Amount("TaxAmount", invoice.VatTotal);
        foreach (var subtotal in invoice.VatBreakdown)
        {
            ubl.Start("TaxSubtotal");
            ubl.Amount("TaxableAmount", subtotal.TaxableAmount);
            ubl.Amount("TaxAmount", subtotal.TaxAmount);
            ubl.Start("TaxCategory");
            ubl.Text("ID", subtotal.Category.ToCode());
            ubl.Decimal("Percent", subtotal.Rate);
            WriteExemption(ubl, subtotal);
            ubl.Identified("TaxScheme", "VAT");
            ubl.End();
            ubl.End();
        }

        ubl.End();
    }

    /// <summary>BT-121/BT-120: required for AE and E (BR-AE-10, BR-E-10), forbidden for S (BR-S-10).</summary>
    private static void WriteExemption(UblXml ubl, VatSubtotal subtotal)
    {
        if (subtotal.Category == VatCategory.Standard)
        {
            return;
        }

        var code = subtotal.ExemptionReasonCode;
        var reason = subtotal.ExemptionReason;
        if (subtotal.Category == VatCategory.ReverseCharge && string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(reason))
        {
            code = "VATEX-EU-AE";
            reason = "Reverse charge";
        }

        if (!string.IsNullOrWhiteSpace(code))
        {
            ubl.Text("TaxExemptionReasonCode", code);
        }

        if (!string.IsNullOrWhiteSpace(reason))
        {
            ubl.Text("TaxExemptionReason", reason);
        }
    }

    private static void WriteMonetaryTotal(UblXml ubl, Invoice invoice)
    {
        ubl.Start("LegalMonetaryTotal");
        ubl.Amount("LineExtensionAmount", invoice.NetTotal);
        ubl.Amount("TaxExclusiveAmount", invoice.NetTotal);
        ubl.Amount("TaxInclusiveAmount", invoice.GrossTotal);
        if (!invoice.AmountPaid.IsZero)
        {
            ubl.Amount("PrepaidAmount", invoice.AmountPaid);
        }

        ubl.Amount("PayableAmount", invoice.AmountDue);
        ubl.End();
    }
}
