using System.Text.Json;
using Billing.Core.Billing;
using Billing.Core.Catalog;
using Billing.Core.Serialization;
using Billing.Core.Storage;
using Billing.Core.Subscriptions;

namespace Billing.Core.Accounts;

/// <summary>
/// Imports plans, accounts, subscriptions and one-off charges. The whole file is validated before anything is
/// written (a bad file changes nothing); then each document is created or replaced, one-off charges are only
/// created (re-importing a file never bills a charge twice), and each account's billing state is reset so the
/// next billing run looks at it.
/// </summary>
public sealed class AccountImporter(IDocumentStore store)
{
    public static AccountImportFile Parse(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<AccountImportFile>(json, BillingJson.Options)
                ?? throw new AccountImportException($"{fileName}: the file holds JSON null, expected an object with 'plans' and 'accounts'.");
        }
        catch (JsonException e)
        {
            throw new AccountImportException($"{fileName}: line {(e.LineNumber ?? 0) + 1}, {e.Path}: {FirstSentence(e.Message)}", e);
        }
        catch (ArgumentException e)
        {
            throw new AccountImportException($"{fileName}: {e.Message}", e);
        }
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

            await UpsertAsync(id, AccountBillingState.DocumentId, new AccountBillingState { AccountId = id }, cancellationToken);
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

        for (var i = 0; i < file.Plans.Count; i++)
        {
            Check($"plans[{i}]", () => plans[file.Plans[i].Validated().Id] = file.Plans[i]);
        }

        var accountIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Accounts.Count; i++)
        {
            var imported = file.Accounts[i];
            var where = $"accounts[{i}]";
            var account = Check(where, () => imported.Account.Validated());
            Check($"{where}.account.electronicAddress", () => account.ElectronicAddress?.Validated());
            if (!accountIds.Add(account.Id))
            {
                throw new AccountImportException($"{where}: account id '{account.Id}' appears twice in the file.");
            }

            for (var s = 0; s < imported.Subscriptions.Count; s++)
            {
                var subscription = imported.Subscriptions[s];
                var at = $"{where}.subscriptions[{s}]";
                Check(at, () => subscription.Validated());
                if (subscription.AccountId != account.Id)
                {
                    throw new AccountImportException($"{at}: accountId '{subscription.AccountId}' must be the enclosing account '{account.Id}'.");
                }

                foreach (var planId in subscription.Changes.Select(c => c.PlanId).OfType<string>().Prepend(subscription.PlanId))
                {
                    if (!plans.TryGetValue(planId, out var plan))
                    {
                        throw new AccountImportException($"{at}: plan '{planId}' does not exist.");
                    }

                    if (plan.UnitPrice.Currency != account.Currency)
                    {
                        throw new AccountImportException($"{at}: plan '{planId}' is priced in {plan.UnitPrice.Currency.Code} but the account is billed in {account.Currency.Code}.");
                    }
                }

                Check(at, () => AccountBiller.AllCharges([subscription], [], plans, subscription.StartDate).ToList());
            }

            for (var c = 0; c < imported.Charges.Count; c++)
            {
                var charge = imported.Charges[c];
                if (charge.AccountId != account.Id || charge.UnitPrice.Currency != account.Currency || string.IsNullOrWhiteSpace(charge.Id))
                {
                    throw new AccountImportException($"{where}.charges[{c}]: a charge needs an id, the enclosing account's id and its currency ({account.Currency.Code}).");
                }
            }
        }
    }

    private static T Check<T>(string where, Func<T> validate)
    {
        try
        {
            return validate();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NullReferenceException)
        {
            throw new AccountImportException($"{where}: {e.Message}", e);
        }
    }

    private async Task UpsertAsync<T>(string partitionKey, string id, T value, CancellationToken cancellationToken) where T : class, IDocument
    {
        while (true)
        {
            var existing = await store.ReadAsync<T>(partitionKey, id, cancellationToken);
            try
            {
                if (existing is null)
                {
                    if (await store.TryCreateAsync(partitionKey, id, value, cancellationToken) is not null)
                    {
                        return;
                    }
                }
                else
                {
                    await store.ReplaceAsync(partitionKey, id, value, existing.ETag, cancellationToken);
                    return;
                }
            }
            catch (ConcurrencyConflictException)
            {
                // Changed under us: read again and retry.
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
