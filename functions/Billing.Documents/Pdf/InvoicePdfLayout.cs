using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;

namespace Billing.Documents.Pdf;

/// <summary>
/// Draws the sections of one invoice, top to bottom: parties and key dates, what it credits, lines, VAT breakdown,
/// totals and payment instructions. An invoice prints its amounts with their sign (a credit line is negative); a
/// credit note prints them negated, so what is credited reads positive (as in its UBL CreditNote), says which
/// invoice it credits ("Credit note for invoice INV-…") and that the credit is to be refunded or set against the
/// next invoice.
/// </summary>
internal sealed class InvoicePdfLayout(Invoice invoice, PdfPageFlow flow, PdfFonts fonts)
{
    private const double MetaLeft = 330;

    private readonly decimal _sign = invoice.IsCreditNote ? -1m : 1m;

    public string Title => invoice.IsCreditNote ? "Credit note" : "Invoice";

    public void Draw()
    {
        DrawHeader();
        DrawCredited();
        DrawLines();
        DrawVatBreakdown();
        DrawTotals();
        DrawPayment();
    }

    private void DrawHeader()
    {
        var top = flow.Y;
        flow.Text(Title, fonts.Title, MetaLeft, top, PdfPageFlow.Right - MetaLeft, alignRight: true);
        var sellerBottom = DrawParty(invoice.Seller, null, PdfPageFlow.Left, top);

        var period = InvoicePeriod.Of(invoice);
        var meta = new List<(string Label, string Value)>
        {
            ($"{Title} number", invoice.Number ?? "(draft)"),
            ("Issue date", InvoiceText.Date(invoice.IssueDate)),
            ("Due date", InvoiceText.Date(invoice.DueDate)),
            ("Billing period", period.IsEmpty ? InvoiceText.Date(invoice.BillingDate) : InvoiceText.Period(period.Start, period.End)),
            ("Customer account", invoice.AccountId),
        };
        var y = top + 34;
        foreach (var (label, value) in meta)
        {
            flow.Text(label, fonts.Body, MetaLeft, y, 80);
            flow.Text(value, fonts.Bold, MetaLeft + 80, y, PdfPageFlow.Right - MetaLeft - 80, alignRight: true);
            y += fonts.LineHeight;
        }

        var buyerTop = Math.Max(sellerBottom, y) + 18;
        flow.Y = DrawParty(invoice.Buyer, "Bill to", PdfPageFlow.Left, buyerTop) + 22;
    }

    private void DrawCredited()
    {
        var credited = CreditedInvoiceText.Of(invoice);
        if (credited.Note is null)
        {
            return;
        }

        var width = PdfPageFlow.Right - PdfPageFlow.Left;
        if (credited.Heading is { } heading)
        {
            flow.Text(heading, fonts.Heading, PdfPageFlow.Left, flow.Y, width);
            flow.Y += fonts.LineHeight + 4;
        }

        foreach (var line in flow.Wrap(credited.Note, fonts.Body, width))
        {
            flow.Text(line, fonts.Body, PdfPageFlow.Left, flow.Y, width);
            flow.Y += fonts.LineHeight;
        }

        flow.Y += 14;
    }

    private Money Shown(Money amount) => amount * _sign;

    private double DrawParty(Party party, string? caption, double x, double y)
    {
        const double width = 260;
        if (caption is not null)
        {
            flow.Text(caption, fonts.Small, x, y, width);
            y += fonts.LineHeight - 2;
        }

        flow.Text(party.LegalName, fonts.Heading, x, y, width);
        y += fonts.LineHeight + 3;
        foreach (var line in AddressLines(party.Address))
        {
            flow.Text(line, fonts.Body, x, y, width);
            y += fonts.LineHeight;
        }

        if (party.VatId is not null)
        {
            flow.Text($"VAT ID: {party.VatId}", fonts.Body, x, y, width);
            y += fonts.LineHeight;
        }

        if (party.Email is not null && caption is null)
        {
            flow.Text(party.Email, fonts.Body, x, y, width);
            y += fonts.LineHeight;
        }

        return y;
    }

    private static IEnumerable<string> AddressLines(PostalAddress address)
    {
        yield return address.Street;
        if (!string.IsNullOrWhiteSpace(address.AdditionalLine))
        {
            yield return address.AdditionalLine;
        }

        yield return $"{address.PostalCode} {address.City}";
        yield return address.CountryCode;
    }

    private void DrawLines()
    {
        var table = new PdfTable(flow, fonts,
        [
            new("Description", PdfPageFlow.Left, 150),
            new("Period", 200, 128),
            new("Quantity", 328, 37, AlignRight: true),
            new("Unit price", 365, 85, AlignRight: true),
            new("Net amount", 450, 95, AlignRight: true),
        ]);
        table.DrawHeader();
        foreach (var line in invoice.Lines)
        {
            // The quantity carries the sign of the amount shown; the unit price never has one.
            var net = Shown(line.NetAmount);
            table.DrawRow(
            [
                line.Description,
                InvoiceText.Period(line.PeriodStart, line.PeriodEnd),
                InvoiceText.Quantity(net.IsNegative ? -Math.Abs(line.Quantity) : Math.Abs(line.Quantity)),
                InvoiceText.UnitPrice(line.UnitPrice.Abs()),
                InvoiceText.Amount(net),
            ]);
        }

        flow.Y += 16;
    }

    private void DrawVatBreakdown()
    {
        var table = new PdfTable(flow, fonts,
        [
            new("VAT category", PdfPageFlow.Left, 110),
            new("Rate", 160, 40, AlignRight: true),
            new("Taxable amount", 200, 90, AlignRight: true),
            new("VAT", 290, 85, AlignRight: true),
            new("Exemption reason", 385, 160),
        ]);
        table.DrawHeader();
        foreach (var subtotal in invoice.VatBreakdown)
        {
            table.DrawRow(
            [
                InvoiceText.Category(subtotal.Category),
                InvoiceText.Rate(subtotal.Rate),
                InvoiceText.Amount(Shown(subtotal.TaxableAmount)),
                InvoiceText.Amount(Shown(subtotal.TaxAmount)),
                subtotal.Category == VatCategory.Standard ? "" : subtotal.ExemptionReason ?? subtotal.ExemptionReasonCode ?? "",
            ]);
        }

        flow.Y += 16;
    }

    private void DrawTotals()
    {
        var rows = new List<(string Label, string Value, bool Strong)>
        {
            ("Net total", InvoiceText.Amount(Shown(invoice.NetTotal)), false),
            ("VAT", InvoiceText.Amount(Shown(invoice.VatTotal)), false),
            (invoice.IsCreditNote ? "Total credit" : "Total", InvoiceText.Amount(Shown(invoice.GrossTotal)), true),
        };
        if (!invoice.AmountPaid.IsZero)
        {
            rows.Add((invoice.IsCreditNote ? "Settled" : "Paid", InvoiceText.Amount(Shown(invoice.AmountPaid)), false));
        }

        rows.Add((invoice.IsCreditNote ? "Credit due to you" : "Amount due", InvoiceText.Amount(Shown(invoice.AmountDue)), true));

        flow.EnsureSpace((rows.Count + 1) * fonts.LineHeight);
        foreach (var (label, value, strong) in rows)
        {
            var font = strong ? fonts.Bold : fonts.Body;
            flow.Text(label, font, MetaLeft, flow.Y, 100);
            flow.Text(value, font, MetaLeft + 100, flow.Y, PdfPageFlow.Right - MetaLeft - 100, alignRight: true);
            flow.Y += fonts.LineHeight + 1;
        }

        flow.Y += 18;
    }

    private void DrawPayment()
    {
        var lines = new List<string> { PaymentSentence() };
        if (!invoice.IsCreditNote)
        {
            lines.Add($"IBAN: {InvoiceText.Iban(invoice.PayeeIban)}");
            if (invoice.PayeeBic is not null)
            {
                lines.Add($"BIC: {invoice.PayeeBic}");
            }
        }

        if (invoice.CreditorReference is not null)
        {
            lines.Add($"Reference: {invoice.CreditorReference}");
        }

        var width = PdfPageFlow.Right - PdfPageFlow.Left;
        var wrapped = lines.SelectMany(line => flow.Wrap(line, fonts.Body, width)).ToList();
        flow.EnsureSpace(((wrapped.Count + 1) * fonts.LineHeight) + 4);
        flow.Text(invoice.IsCreditNote ? "Settlement" : "Payment", fonts.Heading, PdfPageFlow.Left, flow.Y, width);
        flow.Y += fonts.LineHeight + 4;
        foreach (var line in wrapped)
        {
            flow.Text(line, fonts.Body, PdfPageFlow.Left, flow.Y, width);
            flow.Y += fonts.LineHeight;
        }
    }

    private string PaymentSentence()
    {
        if (invoice.IsSettledCreditNote)
        {
            return CreditNoteSettlementText.Describe(invoice);
        }

        var due = invoice.AmountDue;
        if (due.IsPositive)
        {
            var reference = invoice.CreditorReference is null ? "" : $", quoting the reference {invoice.CreditorReference}";
            return $"Please transfer {InvoiceText.Amount(due)} by {InvoiceText.Date(invoice.DueDate)} to the account below{reference}.";
        }

        return due.IsNegative
            ? $"The credit of {InvoiceText.Amount(due.Abs())} is to be refunded to you or set against your next invoice."
            : "Nothing is due: this document has been settled in full.";
    }
}
