using Billing.Core.Ingestion;
using Billing.Core.Storage;
using Microsoft.Extensions.Options;

namespace Billing.Core.Dunning;

/// <summary>
/// Refuses to dun while the bank files are stale: when the newest <see cref="BankFileOutcome.Processed"/> bank
/// file was ingested more than <see cref="DunningOptions.MaxBankFileAgeDays"/> calendar days before the run date,
/// a payment may be sitting in a statement nobody uploaded, so no notice goes out. When no bank file was ever
/// processed the guard blocks too, unless <see cref="DunningOptions.RequireBankFile"/> is false. Quarantined files
/// do not count: their payments were not applied.
/// </summary>
public sealed class BankFileFreshnessGuard(IDocumentStore store, IOptions<DunningOptions> options)
{
    /// <summary>Why dunning must not send on <paramref name="runDate"/>, or null when it may.</summary>
    public async Task<string?> BlockingReasonAsync(DateOnly runDate, CancellationToken cancellationToken = default)
    {
        DateTimeOffset? newest = null;
        await foreach (var file in store.QueryAllAsync<BankFileRecord>(cancellationToken))
        {
            if (file.Value.Outcome == BankFileOutcome.Processed && (newest is null || file.Value.IngestedAt > newest))
            {
                newest = file.Value.IngestedAt;
            }
        }

        var settings = options.Value;
        if (newest is null)
        {
            return settings.RequireBankFile
                ? "No bank file was ever ingested, so payments cannot be checked; ingest a statement or set DUNNING_REQUIRE_BANK_FILE=false."
                : null;
        }

        var ingestedOn = DateOnly.FromDateTime(newest.Value.UtcDateTime);
        var age = runDate.DayNumber - ingestedOn.DayNumber;
        return age > settings.MaxBankFileAgeDays
            ? $"The newest bank file was ingested on {ingestedOn:yyyy-MM-dd}, {age} days before {runDate:yyyy-MM-dd} (DUNNING_MAX_BANK_FILE_AGE = {settings.MaxBankFileAgeDays}); ingest the latest statement first."
            : null;
    }
}
