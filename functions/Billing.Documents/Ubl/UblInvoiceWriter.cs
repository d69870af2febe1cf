using System.Globalization;
using System.Text;
using System.Xml;
using Billing.Core.Invoicing;
using Billing.Documents.Pdf;

namespace Billing.Documents.Ubl;

/// <summary>
/// Writes an issued invoice as a UBL 2.1 e-invoice in the profile its buyer can receive (<see cref="EInvoiceProfile"/>:
/// plain EN 16931, Peppol BIS Billing 3.0, or XRechnung 3.0), streaming through an <see cref="XmlWriter"/> in the
/// element order of the OASIS schema. An invoice with a negative gross total becomes a CreditNote (type 381) whose
/// amounts are the invoice's amounts negated, so they read positive; otherwise an Invoice (type 380). Every invoice
/// its credit lines refer to is a preceding invoice reference (BG-3: number BT-25, issue date BT-26), and the one
/// document note (BT-22, PEPPOL-EN16931-R002) says what is credited and why. Totals are the invoice's own
/// (BT-106 = BT-109: no document-level allowances or charges) except for three-decimal currencies, which are
/// rounded at document level (<see cref="UblTotals"/>). The buyer reference (BT-10) is the account id, or the
/// Leitweg-ID for XRechnung; payment is a SEPA credit transfer with the RF creditor reference (BT-83).
/// </summary>
public sealed class UblInvoiceWriter
{
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
        if (invoice.Number is not { } number || string.IsNullOrWhiteSpace(number))
        {
            throw new ArgumentException($"Invoice '{invoice.Id}' is a draft without a number; only an issued invoice becomes an e-invoice (BR-02).", nameof(invoice));
        }

        var credited = CreditedInvoiceText.Of(invoice);
        var creditNote = invoice.IsCreditNote;
        var profile = EInvoiceProfile.For(invoice);
        var totals = UblTotals.Of(invoice);
        using var writer = XmlWriter.Create(destination, s_settings);
        var ubl = new UblXml(writer, invoice.Currency, creditNote ? -1m : 1m);

        writer.WriteStartDocument();
        writer.WriteStartElement(creditNote ? "CreditNote" : "Invoice", creditNote ? UblNamespaces.CreditNote : UblNamespaces.Invoice);
        writer.WriteAttributeString("xmlns", UblNamespaces.CacPrefix, null, UblNamespaces.Cac);
        writer.WriteAttributeString("xmlns", UblNamespaces.CbcPrefix, null, UblNamespaces.Cbc);

        WriteHeader(ubl, invoice, number, profile, creditNote, credited);
        UblPartyWriter.Write(ubl, "AccountingSupplierParty", invoice.Seller);
        UblPartyWriter.Write(ubl, "AccountingCustomerParty", invoice.Buyer);
        WritePayment(ubl, invoice, totals, creditNote);
        WriteTaxTotal(ubl, totals);
        WriteMonetaryTotal(ubl, totals);
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            UblLineWriter.Write(ubl, invoice.Lines[i], totals.LineNets[i], i + 1, creditNote);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteHeader(UblXml ubl, Invoice invoice, string number, EInvoiceProfile profile, bool creditNote, CreditedInvoiceText credited)
    {
        ubl.Text("CustomizationID", profile.CustomizationId);
        if (profile.ProfileId is not null)
        {
            ubl.Text("ProfileID", profile.ProfileId);
        }

        ubl.Text("ID", number);
        ubl.Date("IssueDate", invoice.IssueDate);
        if (!creditNote)
        {
            // A UBL 2.1 CreditNote has no DueDate: there the due date goes to PaymentMeans/PaymentDueDate.
            ubl.Date("DueDate", invoice.DueDate);
        }

        ubl.Text(creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", creditNote ? "381" : "380");
        if (credited.Note is { } note)
        {
            ubl.Text("Note", note);
        }

        ubl.Text("DocumentCurrencyCode", invoice.Currency.Code);
        ubl.Text("BuyerReference", profile.BuyerReferenceOf(invoice));

        var period = InvoicePeriod.Of(invoice);
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

        foreach (var reference in credited.Invoices)
        {
            ubl.Start("BillingReference");
            ubl.Start("InvoiceDocumentReference");
            ubl.Text("ID", reference.Number);
            ubl.Date("IssueDate", reference.IssueDate);
            ubl.End();
            ubl.End();
        }
    }

    private static void WritePayment(UblXml ubl, Invoice invoice, UblTotals totals, bool creditNote)
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
        if (totals.Payable * ubl.Sign > 0)
        {
            ubl.Start("PaymentTerms");
            var due = invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ubl.Text("Note", creditNote
                ? invoice.IsSettledCreditNote ? CreditNoteSettlementText.Describe(invoice) : $"Credit to be refunded or set against your next invoice; settled by {due}."
                : $"Payment due by {due}.");
            ubl.End();
        }
    }

    private static void WriteTaxTotal(UblXml ubl, UblTotals totals)
    {
        ubl.Start("TaxTotal");
        ubl.Amount("TaxAmount", totals.Vat);
        foreach (var (subtotal, taxable, tax) in totals.Breakdown)
        {
            ubl.Start("TaxSubtotal");
            ubl.Amount("TaxableAmount", taxable);
            ubl.Amount("TaxAmount", tax);
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

    private static void WriteMonetaryTotal(UblXml ubl, UblTotals totals)
    {
        ubl.Start("LegalMonetaryTotal");
        ubl.Amount("LineExtensionAmount", totals.Net);
        ubl.Amount("TaxExclusiveAmount", totals.Net);
        ubl.Amount("TaxInclusiveAmount", totals.Gross);
        if (totals.Prepaid != 0m)
        {
            ubl.Amount("PrepaidAmount", totals.Prepaid);
        }

        if (totals.Rounding != 0m)
        {
            ubl.Amount("PayableRoundingAmount", totals.Rounding);
        }

        ubl.Amount("PayableAmount", totals.Payable);
        ubl.End();
    }
}
