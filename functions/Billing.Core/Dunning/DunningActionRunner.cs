using Billing.Core.Accounts;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Monetary;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Billing.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Billing.Core.Dunning;

/// <summary>
/// Carries out a stage's action after its email was sent; every step is idempotent, so a retry completes what a
/// crash interrupted. A late fee is a <see cref="OneOffCharge"/> <c>latefee-{invoice}-{stage}</c> dated on the
/// account's next charge date (so it lands on the next regular invoice), or, when configured or when the account
/// has no next charge, a separate invoice <c>{invoice}-fee{stage}</c> issued at once. Suspension sets
/// <see cref="Subscription.SuspendedFrom"/> to the run date on each running subscription (no later period is
/// billed). Collections marks the invoice uncollectible (only if still open) and publishes <c>InvoiceUncollectible</c>.
/// </summary>
public sealed partial class DunningActionRunner(
    IDocumentStore store, InvoiceIssuer issuer, IEventPublisher events, IOptions<SellerOptions> seller, TimeProvider time, ILogger<DunningActionRunner> logger)
{
    /// <summary>The fee stage <paramref name="stage"/> charges on <paramref name="invoice"/>; null when it charges none
    /// (not a late-fee stage, or the invoice is itself a late-fee invoice: fees are not charged on fees).</summary>
    public static Money? LateFeeFor(Invoice invoice, DunningStage stage)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(stage);
        return stage is { Action: DunningAction.LateFee, LateFee: { } fee } && !invoice.Lines.All(l => l.Kind == InvoiceLineKind.LateFee)
            ? fee.For(invoice.AmountDue)
            : null;
    }

    public async Task ApplyAsync(Account account, DunningNotice notice, DunningStage stage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(stage);
        switch (notice.Action)
        {
            case DunningAction.LateFee when notice.LateFee is { } fee:
                await ChargeLateFeeAsync(account, notice, fee, stage.LateFee?.Billing ?? LateFeeBilling.NextInvoice, cancellationToken);
                break;
            case DunningAction.Suspend:
                await SuspendAsync(notice, cancellationToken);
                break;
            case DunningAction.Collections:
                await HandOverAsync(notice, cancellationToken);
                break;
        }
    }

    private async Task ChargeLateFeeAsync(Account account, DunningNotice notice, Money fee, LateFeeBilling billing, CancellationToken cancellationToken)
    {
        var description = $"Late fee for invoice {notice.InvoiceNumber}";
        var state = await store.ReadAsync<AccountBillingState>(account.Id, AccountBillingState.DocumentId, cancellationToken);
        var next = state?.Value.NextChargeDate is { } known && known != DateOnly.MinValue ? known : (DateOnly?)null;
        if (billing == LateFeeBilling.NextInvoice && (state is null || next is not null))
        {
            var date = next is { } d && d > notice.RunDate ? d : notice.RunDate;
            var charge = new OneOffCharge { Id = $"latefee-{notice.InvoiceId}-{notice.Stage}", AccountId = account.Id, Date = date, Description = description, UnitPrice = fee };
            if (await store.TryCreateAsync(account.Id, charge.Id, charge, cancellationToken) is not null)
            {
                LogFeeCharged(notice.InvoiceNumber, fee.ToString(), date);
            }

            return;
        }

        var id = $"{notice.InvoiceId}-fee{notice.Stage}";
        var existing = await store.ReadAsync<Invoice>(account.Id, id, cancellationToken);
        if (existing?.Value.EmailedAt is not null)
        {
            return;
        }

        if (existing is null)
        {
            var line = new Charge
            {
                Key = $"latefee/{notice.Id}", Date = notice.RunDate, Kind = InvoiceLineKind.LateFee, Description = description, Quantity = 1m, UnitPrice = fee,
            };
            await store.TryCreateAsync(account.Id, id, InvoiceCalculator.Draft(id, account, seller.Value, notice.RunDate, notice.RunDate, [line]), cancellationToken);
        }

        var issued = await issuer.IssueAsync(account.Id, id, cancellationToken);
        LogFeeInvoiced(notice.InvoiceNumber, issued.Number ?? id, fee.ToString());
    }

    private async Task SuspendAsync(DunningNotice notice, CancellationToken cancellationToken)
    {
        await foreach (var subscription in store.QueryPartitionAsync<Subscription>(notice.AccountId, cancellationToken))
        {
            var suspended = false;
            await store.UpdateAsync<Subscription>(notice.AccountId, subscription.Value.Id, s =>
            {
                suspended = s.SuspendedFrom is null && (s.EndDate is null || s.EndDate > notice.RunDate);
                return suspended ? s with { SuspendedFrom = notice.RunDate } : null;
            }, cancellationToken);
            if (suspended)
            {
                LogSuspended(subscription.Value.Id, notice.AccountId, notice.RunDate);
            }
        }
    }

    private async Task HandOverAsync(DunningNotice notice, CancellationToken cancellationToken)
    {
        var wroteOff = false;
        var current = await store.UpdateAsync<Invoice>(notice.AccountId, notice.InvoiceId, invoice =>
        {
            wroteOff = invoice.Status == InvoiceStatus.Open;
            return wroteOff ? invoice.WriteOff() : null;
        }, cancellationToken);
        if (wroteOff)
        {
            LogUncollectible(notice.InvoiceNumber, notice.AccountId);
        }

        if (current?.Value.Status == InvoiceStatus.Uncollectible)
        {
            var invoice = current.Value;
            await events.PublishAsync(
                [IntegrationEvent.Create(EventTypes.InvoiceUncollectible, invoice.Id, invoice.AccountId, time.GetUtcNow(),
                    new InvoiceUncollectible(invoice.Id, invoice.Number ?? "", invoice.AccountId, invoice.Currency.Code, invoice.AmountDue.ToDecimalString(), notice.Id))],
                cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Late fee {Fee} for invoice {InvoiceNumber} charged on the invoice of {ChargeDate}")]
    private partial void LogFeeCharged(string invoiceNumber, string fee, DateOnly chargeDate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Late fee {Fee} for invoice {InvoiceNumber} issued as invoice {FeeInvoiceNumber}")]
    private partial void LogFeeInvoiced(string invoiceNumber, string feeInvoiceNumber, string fee);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} of account {AccountId} suspended from {SuspendedFrom}")]
    private partial void LogSuspended(string subscriptionId, string accountId, DateOnly suspendedFrom);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice {InvoiceNumber} of account {AccountId} handed over to collections")]
    private partial void LogUncollectible(string invoiceNumber, string accountId);
}
