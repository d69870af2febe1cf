using Billing.Core.Dunning;
using Billing.Core.Invoicing;

namespace Billing.Core.Reporting;

/// <summary>
/// The dunning funnel, gathered in two streamed passes: first the notices sent in the window from
/// <paramref name="windowStart"/> (the trend's first month) to the as-of date (a notice counts on the day it was sent;
/// a funnel of everything ever sent would only grow and read all history), kept per dunned invoice (memory grows with invoices that were dunned, not with all
/// invoices); then the invoices, of which only the dunned ones are looked at. An invoice is "paid after stage n" when
/// nothing is open of it on the as-of date and n is the highest stage sent on or before the day it was settled; a
/// payment is "recovered" at the highest stage sent on or before its date (payments before the first notice are not).
/// </summary>
internal sealed class DunningFigures(DateOnly asOf, DateOnly windowStart)
{
    private readonly Dictionary<string, List<(int Stage, DateOnly Sent)>> _notices = new(StringComparer.Ordinal);

    public Dictionary<int, long> Sent { get; } = [];

    public Dictionary<int, long> PaidAfter { get; } = [];

    public Dictionary<int, long> StillOpen { get; } = [];

    public Dictionary<(string Currency, int Stage), decimal> Recovered { get; } = [];

    /// <summary>Counts <paramref name="notice"/> when it was sent in the window; true when it counted.</summary>
    public bool Add(DunningNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Status != DunningNoticeStatus.Sent)
        {
            return false;
        }

        var sent = notice.SentAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : notice.RunDate;
        if (sent > asOf || sent < windowStart)
        {
            return false;
        }

        Sent.AddTo(notice.Stage, 1);
        if (!_notices.TryGetValue(notice.InvoiceId, out var stages))
        {
            stages = [];
            _notices[notice.InvoiceId] = stages;
        }

        stages.Add((notice.Stage, sent));
        return true;
    }

    public void Add(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!_notices.TryGetValue(invoice.Id, out var stages))
        {
            return;
        }

        var currency = invoice.Currency.Code;
        var settledOn = (DateOnly?)null;
        foreach (var payment in invoice.Payments.Where(p => p.Date <= asOf).OrderBy(p => p.Date))
        {
            if (StageAt(stages, payment.Date) is { } stage)
            {
                Recovered.AddTo((currency, stage), payment.Amount.Amount);
            }

            settledOn = payment.Date;
        }

        if (InvoiceFigures.OpenAt(invoice, asOf) == 0m && invoice.Status != InvoiceStatus.Uncollectible && settledOn is { } day)
        {
            PaidAfter.AddTo(StageAt(stages, day) ?? stages.Min(s => s.Stage), 1);
        }
        else
        {
            StillOpen.AddTo(stages.Max(s => s.Stage), 1);
        }
    }

    private static int? StageAt(List<(int Stage, DateOnly Sent)> stages, DateOnly date)
    {
        int? highest = null;
        foreach (var (stage, sent) in stages)
        {
            if (sent <= date && (highest is null || stage > highest))
            {
                highest = stage;
            }
        }

        return highest;
    }
}
