using System.Text;
using Billing.Core.Events;
using Billing.Testing;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Storage;

namespace Billing.Testing.Simulation;

/// <summary>
/// What must hold after any interleaving, redelivery and crash, once retries have finished (README, Guarantees):
/// <list type="number">
/// <item>Invoice numbers are gapless and unique per series; no draft is left.</item>
/// <item>An invoice's paid amount is the sum of its recorded payments, never above its total, and it is paid exactly when nothing is due.</item>
/// <item>Every issued invoice was emailed exactly once (one delivery of its message id) and records it.</item>
/// <item>Money is conserved per account: applied bank payments = what its invoices record as paid + its credit balance; a balance is never negative.</item>
/// <item>Money is conserved overall: every bank credit is one payment, applied, parked, refunded or returned, exactly once.</item>
/// <item>Every state change's integration event reached Service Bus at least once, even though it was down throughout: nothing waits in the outbox.</item>
/// </list>
/// </summary>
public sealed class SimulationInvariants(IDocumentStore store, SimulatedMailbox mailbox, IReadOnlyList<byte[]> files, FlakyEventSink eventBus)
{
    public async Task<IReadOnlyList<string>> CheckAsync()
    {
        var violations = new List<string>();
        var invoices = await AllAsync<Invoice>();
        var payments = await AllAsync<Payment>();
        var credits = await AllAsync<AccountCredit>();

        foreach (var series in invoices.Where(i => i.Number is not null).GroupBy(i => i.Number![..i.Number!.LastIndexOf('-')]))
        {
            var numbers = series.Select(i => long.Parse(i.Number![(i.Number!.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count).Select(n => (long)n)))
            {
                violations.Add($"series {series.Key} is not gapless and unique: {string.Join(",", numbers)}");
            }
        }

        foreach (var invoice in invoices)
        {
            if (invoice.Status == InvoiceStatus.Draft)
            {
                violations.Add($"{invoice.Id} is still a draft");
                continue;
            }

            var recorded = invoice.Payments.Aggregate(Money.Zero(invoice.Currency), (sum, p) => sum + p.Amount);
            if (recorded != invoice.AmountPaid)
            {
                violations.Add($"{invoice.Number}: paid {invoice.AmountPaid} but its payments add up to {recorded}");
            }

            if (!invoice.IsCreditNote && (invoice.AmountPaid.IsNegative || invoice.AmountPaid > invoice.GrossTotal))
            {
                violations.Add($"{invoice.Number}: paid {invoice.AmountPaid} of a total of {invoice.GrossTotal}");
            }

            if (!invoice.IsCreditNote && (invoice.Status == InvoiceStatus.Paid) != invoice.AmountDue.IsZero && invoice.Status is InvoiceStatus.Open or InvoiceStatus.Paid)
            {
                violations.Add($"{invoice.Number}: {invoice.Status} with {invoice.AmountDue} due");
            }

            var messageId = $"invoice-{invoice.Id}";
            if (invoice.EmailedAt is null || !mailbox.Delivered.ContainsKey(messageId))
            {
                violations.Add($"{invoice.Number} was not emailed (EmailedAt {invoice.EmailedAt?.ToString("O") ?? "null"}, delivered {mailbox.Delivered.ContainsKey(messageId)})");
            }
        }

        foreach (var account in invoices.Select(i => i.AccountId).Distinct())
        {
            var applied = payments.Where(p => p.AccountId == account && p.Status == PaymentStatus.Applied).Aggregate(0m, (s, p) => s + p.Amount.Amount);
            var paid = invoices.Where(i => i.AccountId == account).Aggregate(0m, (s, i) => s + i.AmountPaid.Amount);
            var balance = credits.SingleOrDefault(c => c.AccountId == account)?.Balance.Amount ?? 0m;
            if (applied != paid + balance)
            {
                violations.Add($"account {account}: applied bank payments {applied} != paid on invoices {paid} + credit balance {balance}");
            }

            if (balance < 0m)
            {
                violations.Add($"account {account}: credit balance {balance} is negative");
            }
        }

        foreach (var duplicate in payments.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            violations.Add($"payment {duplicate.Key} exists {duplicate.Count()} times ({string.Join(", ", duplicate.Select(p => $"{p.AccountId}:{p.Status}"))})");
        }

        var published = eventBus.DistinctIds;
        foreach (var invoice in invoices.Where(i => i.Number is not null && !published.Contains($"{EventTypes.InvoiceIssued}:{i.Id}")))
        {
            violations.Add($"{invoice.Number}: no {EventTypes.InvoiceIssued} event was published");
        }

        foreach (var payment in payments.Where(p => p.Status == PaymentStatus.Applied && !published.Contains($"{EventTypes.PaymentApplied}:{p.Id}")))
        {
            violations.Add($"payment {payment.Id}: applied, but no {EventTypes.PaymentApplied} event was published");
        }

        var waiting = await AllAsync<PendingEvent>();
        if (waiting.Count > 0)
        {
            violations.Add($"{waiting.Count} events still wait in the outbox after Service Bus came back ({string.Join(", ", waiting.Take(3).Select(e => e.Event.Id))})");
        }

        var credited = payments.Where(p => !p.IsReturn).Aggregate(0m, (s, p) => s + p.Amount.Amount);
        var expected = DistinctCreditsInFiles();
        if (credited != expected)
        {
            violations.Add($"the bank credited {expected} in distinct entries, but payments add up to {credited}");
        }

        return violations;
    }

    /// <summary>The money state as text: equal before and after a replay.</summary>
    public async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var i in (await AllAsync<Invoice>()).OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            text.AppendLine($"{i.Id} {i.Number} {i.Status} paid {i.AmountPaid} [{string.Join(' ', i.Payments.Select(p => $"{p.PaymentId}={p.Amount.Amount}"))}] emailed {i.EmailedAt is not null}");
        }

        foreach (var p in (await AllAsync<Payment>()).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            text.AppendLine($"{p.Id} {p.AccountId} {p.Status} {p.Amount} [{string.Join(' ', p.Allocations.Select(a => $"{a.InvoiceNumber}={a.Amount.Amount}"))}] rest {p.CreditedToBalance}");
        }

        foreach (var c in (await AllAsync<AccountCredit>()).OrderBy(c => c.AccountId, StringComparer.Ordinal))
        {
            text.AppendLine($"credit {c.AccountId} {c.Balance} ({c.Movements.Count} movements)");
        }

        text.AppendLine($"emails delivered {mailbox.Delivered.Count}");
        return text.ToString();
    }

    private decimal DistinctCreditsInFiles()
    {
        // The files are ours (TestBankFiles camt.053): every credit entry's bank reference and amount, each counted once.
        var entries = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var xml = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(file));
            foreach (var entry in xml.Descendants().Where(e => e.Name.LocalName == "Ntry"))
            {
                string Value(string name) => entry.Elements().First(e => e.Name.LocalName == name).Value;
                if (Value("CdtDbtInd") == "CRDT")
                {
                    entries[Value("AcctSvcrRef")] = decimal.Parse(Value("Amt"), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        return entries.Values.Sum();
    }

    private async Task<List<T>> AllAsync<T>() where T : class, IDocument
    {
        var all = new List<T>();
        await foreach (var item in store.QueryAllAsync<T>())
        {
            all.Add(item.Value);
        }

        return all;
    }
}
