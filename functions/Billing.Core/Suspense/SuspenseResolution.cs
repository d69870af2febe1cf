using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Core.Payments;
using Billing.Core.Storage;

namespace Billing.Core.Suspense;

/// <summary>
/// Applies a finance user's decisions on parked payments (<c>bank-files/decisions/</c> blob trigger and
/// <c>billing suspense resolve FILE</c>). The CSV has the header <c>payment_id,decision,target,note</c>; decision is
/// <c>invoice</c> (target: invoice numbers separated by spaces, paid oldest first, the rest to the account's credit
/// balance), <c>account</c> (target: an account id; its open invoices are paid oldest first, the rest to its credit
/// balance) or <c>refund</c> (target empty; the money goes back to the payer outside this system). Each line is
/// validated on its own: a bad line is reported with its number and what was expected, and applies nothing; good
/// lines apply. A decision moves the payment out of suspense: the claim is re-pointed first (ETag), then the payment
/// is created in the account's partition and applied, then the suspense copy is removed, so a replay of the same
/// file finishes an interrupted line and reports the others as already resolved.
/// </summary>
public sealed class SuspenseResolution(IDocumentStore store, PaymentRecorderPort recorder, TimeProvider time)
{
    private const string Header = "payment_id,decision,target,note";

    public async Task<SuspenseResolutionReport> ApplyAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StreamReader(content, leaveOpen: true);
        var lines = new List<DecisionLineResult>();
        var header = await reader.ReadLineAsync(cancellationToken);
        if (header is null || !string.Equals(header.Trim().TrimStart('\uFEFF'), Header, StringComparison.OrdinalIgnoreCase))
        {
            lines.Add(new DecisionLineResult(1, null, DecisionStatus.Rejected, $"expected the header '{Header}'"));
            return new SuspenseResolutionReport(fileName, lines);
        }

        Dictionary<string, Invoice>? byNumber = null;
        var number = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = DecisionCsv.Split(line);
            if (fields is null || fields.Count is < 3 or > 4)
            {
                lines.Add(new DecisionLineResult(number, null, DecisionStatus.Rejected, "expected 4 comma-separated fields: payment_id,decision,target,note"));
                continue;
            }

            byNumber ??= new Dictionary<string, Invoice>(StringComparer.Ordinal);
            lines.Add(await ApplyLineAsync(number, fields[0].Trim(), fields[1].Trim().ToLowerInvariant(), fields[2].Trim(), fields.Count > 3 ? fields[3].Trim() : null, byNumber, cancellationToken));
        }

        return new SuspenseResolutionReport(fileName, lines);
    }

    private async Task<DecisionLineResult> ApplyLineAsync(
        int line, string paymentId, string decision, string target, string? note, Dictionary<string, Invoice> byNumber, CancellationToken cancellationToken)
    {
        if (paymentId.Length == 0)
        {
            return new(line, null, DecisionStatus.Rejected, "expected a payment id in column 1");
        }

        var claim = await store.ReadAsync<PaymentClaim>(paymentId, paymentId, cancellationToken);
        if (claim is null)
        {
            return new(line, paymentId, DecisionStatus.Rejected, $"no payment {paymentId} was ever ingested");
        }

        if (claim.Value.Partition != Payment.SuspensePartition)
        {
            await recorder.FinishMoveAsync(claim, cancellationToken);
            return new(line, paymentId, DecisionStatus.AlreadyResolved, $"already resolved to account {claim.Value.Partition}");
        }

        var parked = await store.ReadAsync<Payment>(Payment.SuspensePartition, paymentId, cancellationToken);
        if (parked is null || parked.Value.Status != PaymentStatus.Parked)
        {
            return new(line, paymentId, DecisionStatus.AlreadyResolved, $"payment {paymentId} is {parked?.Value.Status.ToString() ?? "gone"}, not parked");
        }

        var payment = parked.Value;
        if (payment.IsReturn && decision != "refund")
        {
            return new(line, paymentId, DecisionStatus.Rejected, "a parked return can only be closed with decision 'refund' (acknowledged)");
        }

        List<Invoice> invoices;
        string accountId;
        switch (decision)
        {
            case "refund":
                try
                {
                    await store.ReplaceAsync(Payment.SuspensePartition, paymentId, payment with
                    {
                        Status = PaymentStatus.Refunded, Rule = MatchRule.Manual, ResolvedAt = time.GetUtcNow(), ResolutionNote = note,
                    }, parked.ETag, cancellationToken);
                }
                catch (ConcurrencyConflictException)
                {
                    return new(line, paymentId, DecisionStatus.AlreadyResolved, $"payment {paymentId} was decided by someone else meanwhile");
                }

                return new(line, paymentId, DecisionStatus.Applied, "marked for refund");
            case "invoice":
                var numbers = target.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (numbers.Length == 0)
                {
                    return new(line, paymentId, DecisionStatus.Rejected, "expected invoice numbers separated by spaces in column 3");
                }

                await LoadNumberedAsync(byNumber, numbers, cancellationToken);
                invoices = [];
                foreach (var n in numbers)
                {
                    if ((InvoiceNumberKey.Of(n) is { } key && byNumber.TryGetValue(key, out var invoice)) is false)
                    {
                        return new(line, paymentId, DecisionStatus.Rejected, $"expected an existing invoice number, found '{n}'");
                    }

                    invoices.Add(byNumber[InvoiceNumberKey.Of(n)!]);
                }

                accountId = invoices[0].AccountId;
                if (invoices.Any(i => i.AccountId != accountId))
                {
                    return new(line, paymentId, DecisionStatus.Rejected, "expected invoices of one account");
                }

                break;
            case "account":
                if (target.Length == 0 || await store.ReadAsync<Account>(target, target, cancellationToken) is not { } account)
                {
                    return new(line, paymentId, DecisionStatus.Rejected, $"expected an existing account id in column 3, found '{target}'");
                }

                if (account.Value.Currency != payment.Amount.Currency)
                {
                    return new(line, paymentId, DecisionStatus.Rejected,
                        $"account {target} is billed in {account.Value.Currency.Code} but the payment is in {payment.Amount.Currency.Code}; expected an account in {payment.Amount.Currency.Code} (or decision refund)");
                }

                accountId = target;
                await LoadOpenAsync(byNumber, accountId, cancellationToken);
                invoices = byNumber.Values.Where(i => i.AccountId == accountId && i.Status == InvoiceStatus.Open && i.AmountDue.IsPositive && !i.IsCreditNote).ToList();
                break;
            default:
                return new(line, paymentId, DecisionStatus.Rejected, $"expected decision invoice, account or refund, found '{decision}'");
        }

        if (invoices.Find(i => i.Currency != payment.Amount.Currency) is { } other)
        {
            return new(line, paymentId, DecisionStatus.Rejected, $"invoice {other.Number} is in {other.Currency.Code} but the payment is in {payment.Amount.Currency.Code}");
        }

        var planned = Allocate(payment, accountId, invoices, note);
        if (await recorder.MoveAsync(claim, planned, cancellationToken) is not { } resolved)
        {
            return new(line, paymentId, DecisionStatus.AlreadyResolved, $"payment {paymentId} was decided by someone else meanwhile");
        }

        foreach (var allocation in resolved.Allocations)
        {
            // The later lines of the file see what this one paid: the invoice as it is now, not the earlier snapshot.
            if (await store.ReadAsync<Invoice>(accountId, allocation.InvoiceId, cancellationToken) is { Value.Number: { } n } now && InvoiceNumberKey.Of(n) is { } key)
            {
                byNumber[key] = now.Value;
            }
        }

        return new(line, paymentId, DecisionStatus.Applied,
            $"applied to {accountId}: {string.Join(' ', resolved.Allocations.Select(a => $"{a.InvoiceNumber}={a.Amount.ToDecimalString()}"))}{(resolved.CreditedToBalance is { } rest ? $", credit balance +{rest.ToDecimalString()}" : "")}");
    }

    private Payment Allocate(Payment payment, string accountId, List<Invoice> invoices, string? note)
    {
        var left = payment.Amount;
        var allocations = new List<PaymentAllocation>();
        foreach (var invoice in invoices.OrderBy(i => i.IssueDate).ThenBy(i => i.Number, StringComparer.Ordinal))
        {
            var share = Money.Min(left, Money.Max(invoice.AmountDue, Money.Zero(left.Currency)));
            if (share.IsPositive && invoice.IsIssued)
            {
                allocations.Add(new PaymentAllocation(invoice.Id, invoice.Number, share));
                left -= share;
            }
        }

        return payment with
        {
            AccountId = accountId, Status = PaymentStatus.Applied, Rule = MatchRule.Manual, Confidence = 1m, Allocations = allocations,
            CreditedToBalance = left.IsPositive ? left : null, ParkReason = null, ResolvedAt = time.GetUtcNow(), ResolutionNote = note,
        };
    }

    /// <summary>Adds to <paramref name="byNumber"/> the invoices that <paramref name="numbers"/> name (as typed, or
    /// written in full: <c>INV-2026-7</c> is <c>INV-2026-000007</c>), from the number index; invoices already there
    /// (changed by an earlier line of this file) are kept.</summary>
    private async Task LoadNumberedAsync(Dictionary<string, Invoice> byNumber, IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        var wanted = new List<string>();
        foreach (var n in numbers)
        {
            if (InvoiceNumberKey.Of(n) is { } key && !byNumber.ContainsKey(key))
            {
                var parts = key.Split('|');
                wanted.AddRange([n.Trim(), n.Trim().ToUpperInvariant(), $"{parts[0]}-{parts[1]}-{parts[2].PadLeft(6, '0')}"]);
            }
        }

        if (wanted.Count > 0)
        {
            await AddAsync(byNumber, InvoiceQueries.Numbered(wanted), cancellationToken);
        }
    }

    /// <summary>Adds to <paramref name="byNumber"/> the open invoices of one account (one single-partition query).</summary>
    private Task LoadOpenAsync(Dictionary<string, Invoice> byNumber, string accountId, CancellationToken cancellationToken) =>
        AddAsync(byNumber, InvoiceQueries.OpenOf(accountId), cancellationToken);

    private async Task AddAsync(Dictionary<string, Invoice> byNumber, DocumentQuery query, CancellationToken cancellationToken)
    {
        await foreach (var invoice in store.QueryAsync<Invoice>(query, cancellationToken))
        {
            if (invoice.Value.Number is { } n && InvoiceNumberKey.Of(n) is { } key)
            {
                byNumber.TryAdd(key, invoice.Value);
            }
        }
    }
}

/// <summary>
/// How the payment moves out of suspense, step by idempotent step: the claim is re-pointed to the account (ETag; of two
/// people deciding at once, one wins and the other is told it is already resolved), then the recorder settles and records
/// it there (<see cref="PaymentRecorder.FinishAsync(Stored{PaymentClaim}, CancellationToken)"/>), then the suspense copy is removed.
/// </summary>
public sealed class PaymentRecorderPort(IDocumentStore store, Ingestion.PaymentRecorder recorder)
{
    /// <summary>Re-points the claim to the account, then finishes the move; null when someone else resolved it first.</summary>
    public async Task<Payment?> MoveAsync(Stored<PaymentClaim> claim, Payment resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(resolved);
        Stored<PaymentClaim> moved;
        try
        {
            moved = await store.ReplaceAsync(claim.Value.Id, claim.Value.Id,
                claim.Value with { Partition = resolved.AccountId, Planned = resolved, Settled = false }, claim.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        return await FinishMoveAsync(moved, cancellationToken);
    }

    /// <summary>Settles and records the payment in its account, then removes the suspense copy.</summary>
    public async Task<Payment> FinishMoveAsync(Stored<PaymentClaim> claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var payment = await recorder.FinishAsync(claim, cancellationToken);
        await store.DeleteAsync<Payment>(Payment.SuspensePartition, claim.Value.Id, null, cancellationToken);
        return payment;
    }
}

public sealed record SuspenseResolutionReport(string FileName, IReadOnlyList<DecisionLineResult> Lines)
{
    public int Applied => Lines.Count(l => l.Status == DecisionStatus.Applied);

    public int Rejected => Lines.Count(l => l.Status == DecisionStatus.Rejected);
}

/// <summary>The outcome of one decision line; <see cref="Line"/> is the 1-based line number in the file.</summary>
public sealed record DecisionLineResult(int Line, string? PaymentId, DecisionStatus Status, string Message);

public enum DecisionStatus
{
    Applied,
    AlreadyResolved,
    Rejected,
}
