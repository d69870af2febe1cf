using Billing.Core.Invoicing;

namespace Billing.Documents;

/// <summary>
/// The period an invoice bills as a whole (EN 16931 BG-14, UBL cac:InvoicePeriod; not a subscription's billing period): from the earliest line start to the latest line end, so every
/// line period lies inside it. An invoice whose lines carry no period has none.
/// </summary>
internal readonly record struct InvoicePeriod(DateOnly? Start, DateOnly? End)
{
    public bool IsEmpty => Start is null && End is null;

    public static InvoicePeriod Of(Invoice invoice)
    {
        DateOnly? start = null;
        DateOnly? end = null;
        foreach (var line in invoice.Lines)
        {
            if (line.PeriodStart is { } s && (start is null || s < start))
            {
                start = s;
            }

            if (line.PeriodEnd is { } e && (end is null || e > end))
            {
                end = e;
            }
        }

        return new InvoicePeriod(start, end);
    }
}
