using Billing.Core.Catalog;
using Billing.Core.Issuing;
using Billing.Core.Storage;
using Billing.Core.Subscriptions;

namespace Billing.Core.Accounts;

/// <summary>
/// Imports plans, accounts, subscriptions and one-off charges. The whole file is held to <see cref="AccountImportRules"/>
/// before anything is written (a bad file changes nothing); then each document is created or replaced, one-off charges
/// are only created (re-importing a file never bills a charge twice), and each account's billing state is reset so the
/// next billing run looks at it. "Today" (for the date rules) comes from the injected clock.
/// </summary>
public sealed class AccountImporter(IDocumentStore store, TimeProvider time)
{
    /// <summary>Reads an import file with bounded memory (<see cref="AccountImportRules.MaxFileBytes"/>); errors name <paramref name="fileName"/> and the element.</summary>
    /// <exception cref="AccountImportException">The file is too large, not JSON, or not in the import format.</exception>
    public static AccountImportFile Parse(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        return AccountImportReader.Read(json, fileName);
    }

    public async Task<(int Plans, int Accounts, int Subscriptions, int Charges)> ImportAsync(AccountImportFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await ValidateAsync(file, cancellationToken);
        foreach (var plan in file.Plans)
        {
            await UpsertAsync(Containers.CatalogPartition, plan.Id, plan, cancellationToken);
        }

        foreach (var imported in file.Accounts)
        {
            var id = imported.Account.Id;
            await UpsertAsync(id, id, imported.Account, cancellationToken);
            foreach (var subscription in imported.Subscriptions)
            {
                await UpsertAsync(id, subscription.Id, subscription, cancellationToken);
            }

            foreach (var charge in imported.Charges)
            {
                await store.TryCreateAsync(id, charge.Id, charge, cancellationToken);
            }

            await UpsertAsync(id, AccountBillingState.DocumentId, new AccountBillingState { AccountId = id, NextChargeDate = DateOnly.MinValue }, cancellationToken);
        }

        return (file.Plans.Count, file.Accounts.Count, file.Accounts.Sum(a => a.Subscriptions.Count), file.Accounts.Sum(a => a.Charges.Count));
    }

    private async Task ValidateAsync(AccountImportFile file, CancellationToken cancellationToken)
    {
        var plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        await foreach (var plan in store.QueryPartitionAsync<Plan>(Containers.CatalogPartition, cancellationToken))
        {
            plans[plan.Value.Id] = plan.Value;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var validator = new AccountImportValidator(today, plans, async (accountId, subscriptionId, ct) =>
            (await store.ReadAsync<Subscription>(accountId, subscriptionId, ct))?.Value.StartDate);
        await validator.ValidateAsync(file, cancellationToken);
    }

    /// <summary>Replaces the document (bounded by <see cref="DocumentUpdate"/>) or creates it; a create lost to another writer is replaced next round.</summary>
    private async Task UpsertAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken) where T : class, IDocument
    {
        for (var attempt = 0; attempt < DocumentUpdate.DefaultMaxAttempts; attempt++)
        {
            if (await store.UpdateAsync<T>(partitionKey, id, _ => value, cancellationToken) is not null
                || await store.TryCreateAsync(partitionKey, id, value, cancellationToken) is not null)
            {
                return;
            }
        }

        throw new ContentionException(DocumentKey.For<T>(partitionKey, id), DocumentUpdate.DefaultMaxAttempts);
    }
}
