using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Billing.Core.Dunning;

/// <summary>
/// Holds dunning off: a disputed invoice (<see cref="Invoice.DisputeReason"/>) and a paused account
/// (<see cref="DunningPause"/>) get no notice until the dispute is resolved or the account resumed. The scheduler
/// and the sender both check, so a dispute or pause recorded after a run but before its messages are handled still
/// stops them. Invoices are found by number with a cross-partition scan (numbers are not keys).
/// </summary>
public sealed partial class DunningHolds(IDocumentStore store, TimeProvider time, ILogger<DunningHolds> logger)
{
    /// <summary>Marks the invoice numbered <paramref name="number"/> disputed; returns it as stored.</summary>
    public async Task<Invoice> DisputeInvoiceAsync(string number, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var invoice = await SetDisputeAsync(number, reason.Trim(), cancellationToken);
        LogDisputed(number, invoice.AccountId);
        return invoice;
    }

    /// <summary>Clears the dispute of the invoice numbered <paramref name="number"/>; dunning resumes at the stage it has reached by then.</summary>
    public async Task<Invoice> ResolveDisputeAsync(string number, CancellationToken cancellationToken = default)
    {
        var invoice = await SetDisputeAsync(number, null, cancellationToken);
        LogResolved(number, invoice.AccountId);
        return invoice;
    }

    /// <summary>Pauses dunning of the account through <paramref name="until"/> (inclusive), or until resumed when null. Pausing again replaces the pause.</summary>
    public async Task<DunningPause> PauseAccountAsync(string accountId, DateOnly? until = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _ = await store.ReadAsync<Account>(accountId, accountId, cancellationToken) ?? throw new AccountNotFoundException(accountId);
        var pause = new DunningPause { AccountId = accountId, PausedAt = time.GetUtcNow(), Until = until };
        // Create the pause, or replace the one there (keeping when it began); bounded like every read-modify-replace.
        for (var attempt = 0; await store.TryCreateAsync(accountId, DunningPause.DocumentId, pause, cancellationToken) is null; attempt++)
        {
            if (attempt >= DocumentUpdate.DefaultMaxAttempts)
            {
                throw new ContentionException(DocumentKey.For<DunningPause>(accountId, DunningPause.DocumentId), attempt);
            }

            if (await store.UpdateAsync<DunningPause>(accountId, DunningPause.DocumentId, existing => pause with { PausedAt = existing.PausedAt }, cancellationToken) is not null)
            {
                break;
            }
        }

        LogPaused(accountId, until);
        return pause;
    }

    /// <summary>Lifts the account's pause; false when it was not paused.</summary>
    public async Task<bool> ResumeAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var removed = await store.DeleteAsync<DunningPause>(accountId, DunningPause.DocumentId, cancellationToken: cancellationToken);
        LogResumed(accountId, removed);
        return removed;
    }

    private async Task<Invoice> SetDisputeAsync(string number, string? reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var stored = await FindByNumberAsync(number, cancellationToken) ?? throw new InvoiceNotFoundException(number);
        var changed = await store.UpdateAsync<Invoice>(stored.Key.PartitionKey, stored.Key.Id, invoice =>
            invoice.DisputeReason == reason ? null : reason is null ? invoice.Undispute() : invoice.Dispute(reason), cancellationToken)
            ?? throw new InvoiceNotFoundException(number);
        return changed.Value;
    }

    /// <summary>The invoice with this number (as typed, or upper-cased as numbers are issued), from the number index.</summary>
    private async Task<Stored<Invoice>?> FindByNumberAsync(string number, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim();
        await foreach (var invoice in store.QueryAsync<Invoice>(InvoiceQueries.Numbered([trimmed, trimmed.ToUpperInvariant()]), cancellationToken))
        {
            return invoice;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceNumber} of account {AccountId} disputed; dunning holds off")]
    private partial void LogDisputed(string invoiceNumber, string accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispute of invoice {InvoiceNumber} of account {AccountId} resolved")]
    private partial void LogResolved(string invoiceNumber, string accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning of account {AccountId} paused until {Until}")]
    private partial void LogPaused(string accountId, DateOnly? until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning of account {AccountId} resumed (was paused: {WasPaused})")]
    private partial void LogResumed(string accountId, bool wasPaused);
}
