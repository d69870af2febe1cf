using Billing.Core.Invoicing;

namespace Billing.Documents.Ubl;

/// <summary>
/// The amounts an e-invoice states, signed as the invoice holds them. EN 16931 allows at most two decimals in an
/// amount (BR-DEC-*). For a currency with up to two minor digits these are the invoice's own figures. A currency
/// with three (KWD, BHD, …) is rounded at document level: each line net amount to two decimals (half away from
/// zero), the VAT of each category computed again on the sum of those (BR-CO-17), the totals summed from them, the
/// prepaid amount rounded, and the payable amount (BT-115) is the invoice's amount due rounded to two decimals;
/// the difference between it and total-with-VAT less prepaid is the rounding amount (BT-114, BR-CO-16). The PDF and
/// the ledger keep the exact three-decimal amounts, so the e-invoice's payable amount differs from the ledger's
/// amount due by at most half a hundredth.
/// </summary>
internal sealed class UblTotals
{
    private const int MaxDecimals = 2;

    private UblTotals(Invoice invoice)
    {
        var decimals = Math.Min(invoice.Currency.MinorUnits, MaxDecimals);
        LineNets = [.. invoice.Lines.Select(line => Round(line.NetAmount.Amount, decimals))];
        Breakdown = [.. invoice.VatBreakdown.Select(subtotal =>
        {
            var taxable = invoice.Lines.Select((line, i) => (line, net: LineNets[i]))
                .Where(x => x.line.VatCategory == subtotal.Category && x.line.VatRate == subtotal.Rate)
                .Sum(x => x.net);
            return (subtotal, taxable, Round(taxable * subtotal.Rate / 100m, decimals));
        })];
        Net = LineNets.Sum();
        Vat = Breakdown.Sum(b => b.Tax);
        Gross = Net + Vat;
        // A credit note states its whole credit as payable to the buyer; how the seller settled it (set against invoices,
        // kept as credit) is the seller's bookkeeping, told in the payment terms note, not a prepayment on the credit note.
        Prepaid = invoice.IsCreditNote ? 0m : Round(invoice.AmountPaid.Amount, decimals);
        Payable = invoice.IsCreditNote ? Round(invoice.GrossTotal.Amount, decimals) : Round(invoice.AmountDue.Amount, decimals);
        Rounding = Payable - (Gross - Prepaid);
    }

    public IReadOnlyList<decimal> LineNets { get; }

    public IReadOnlyList<(VatSubtotal Subtotal, decimal Taxable, decimal Tax)> Breakdown { get; }

    public decimal Net { get; }

    public decimal Vat { get; }

    public decimal Gross { get; }

    public decimal Prepaid { get; }

    public decimal Payable { get; }

    /// <summary>BT-114: zero unless the currency has more than two minor digits.</summary>
    public decimal Rounding { get; }

    public static UblTotals Of(Invoice invoice) => new(invoice);

    private static decimal Round(decimal amount, int decimals) => Math.Round(amount, decimals, MidpointRounding.AwayFromZero);
}
