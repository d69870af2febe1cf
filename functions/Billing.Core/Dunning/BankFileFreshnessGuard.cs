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
    /// <summary>How much further back each look for a processed file reaches (-1: to the first file ever).</summary>
    private static readonly int[] s_lookBackDays = [0, 31, 366, -1];

    /// <summary>Why dunning must not send on <paramref name="runDate"/>, or null when it may.</summary>
    public async Task<string?> BlockingReasonAsync(DateOnly runDate, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var newest = await NewestProcessedAsync(runDate.AddDays(-settings.MaxBankFileAgeDays - 1), cancellationToken);
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

    /// <summary>
    /// When the newest processed file was ingested, from the <c>ingestedAt</c> index: first among the files ingested
    /// since the day before the allowed age began (the normal case: a fresh file, a page of records at most), and only
    /// when none of those was processed, looking further back in widening steps, so a healthy run never reads old
    /// records. Times are stored in UTC (ISO 8601), so ordinal order is time order.
    /// </summary>
    private async Task<DateTimeOffset?> NewestProcessedAsync(DateOnly since, CancellationToken cancellationToken)
    {
        foreach (var stepDays in s_lookBackDays)
        {
            var from = stepDays < 0 ? "0" : Invoicing.InvoiceQueries.Wire(since.AddDays(-stepDays));
            var query = DocumentQuery.Across(DocumentFilter.AtLeast("ingestedAt", from));
            DateTimeOffset? newest = null;
            await foreach (var file in store.QueryAsync<BankFileRecord>(query, cancellationToken))
            {
                if (file.Value.Outcome == BankFileOutcome.Processed && (newest is null || file.Value.IngestedAt > newest))
                {
                    newest = file.Value.IngestedAt;
                }
            }

            if (newest is not null)
            {
                return newest;
            }
        }

        return null;
    }
}
