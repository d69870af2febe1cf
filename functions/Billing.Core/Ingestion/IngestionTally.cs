using System.Globalization;
using Billing.Core.Payments;

namespace Billing.Core.Ingestion;

/// <summary>Counts and sums an ingestion's entries by outcome and by rule, per currency, and keeps the report lines.</summary>
internal sealed class IngestionTally
{
    private readonly Dictionary<(string Name, string Currency), (int Count, decimal Amount)> _byOutcome = [];
    private readonly Dictionary<(string Name, string Currency), (int Count, decimal Amount)> _byRule = [];

    public List<IngestedEntry> Lines { get; } = [];

    public List<string> Warnings { get; } = [];

    public bool Truncated { get; private set; }

    public void Add(BankEntry entry, EntryOutcome outcome, Payment? payment = null, string? reason = null)
    {
        Bump(_byOutcome, outcome.ToString(), entry.CurrencyCode, entry.Amount);
        if (outcome == EntryOutcome.Applied && payment?.Rule is { } rule)
        {
            Bump(_byRule, rule.ToString(), entry.CurrencyCode, entry.Amount);
        }

        if (payment?.CreditedToBalance is { IsPositive: true } rest && outcome == EntryOutcome.Applied)
        {
            Bump(_byOutcome, "CreditedToBalance", entry.CurrencyCode, rest.Amount);
        }

        if (Lines.Count >= BankFileIngestion.MaxReportLines)
        {
            Truncated = true;
            return;
        }

        Lines.Add(new IngestedEntry(entry.PaymentId, outcome, Format(entry.Amount), entry.CurrencyCode, entry.BookingDate,
            payment is null || payment.AccountId == Payment.SuspensePartition ? null : payment.AccountId, payment?.Rule?.ToString(), payment?.Confidence ?? 0m,
            payment?.Allocations.Select(a => a.InvoiceNumber).ToList() ?? [], payment?.CreditedToBalance?.ToDecimalString(), reason ?? payment?.ParkReason ?? payment?.SettlementNote));
    }

    public IReadOnlyList<OutcomeTotal> ByOutcome() => Totals(_byOutcome);

    public IReadOnlyList<OutcomeTotal> ByRule() => Totals(_byRule);

    private static IReadOnlyList<OutcomeTotal> Totals(Dictionary<(string Name, string Currency), (int Count, decimal Amount)> map) =>
        map.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal).ThenBy(kv => kv.Key.Currency, StringComparer.Ordinal)
            .Select(kv => new OutcomeTotal(kv.Key.Name, kv.Key.Currency, kv.Value.Count, Format(kv.Value.Amount))).ToList();

    private static void Bump(Dictionary<(string, string), (int Count, decimal Amount)> map, string name, string currency, decimal amount)
    {
        var current = map.GetValueOrDefault((name, currency));
        map[(name, currency)] = (current.Count + 1, current.Amount + amount);
    }

    private static string Format(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
