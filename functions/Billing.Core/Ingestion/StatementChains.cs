using System.Globalization;
using Billing.BankFiles;
using Billing.Core.Matching;
using Billing.Core.Storage;

namespace Billing.Core.Ingestion;

/// <summary>
/// Continuity of an own account's statements across files, so finance learns that a statement is missing even when
/// every file is whole on its own (<c>StatementContinuity</c> in <c>Billing.BankFiles</c> checks the statements within
/// one file). Per account and currency the <see cref="StatementChain"/> remembers the statements ingested lately; the
/// first statement of the account in a new file must continue the latest one before it: its opening balance is that
/// statement's closing balance, and its numbers follow (<see cref="StatementSequence.Follows"/>; an MT940 statement
/// number that starts again at 1 in a new year follows too). A statement older than one already ingested is named as
/// arriving out of order, and its closing balance must then be the newer statement's opening balance; a statement
/// with the date and numbers of one ingested from another file is named as sent twice. Each finding is a warning on
/// the ingestion report, never a refusal: the statements that arrived are still right.
/// <para>The chain is changed with the bounded ETag-conditional <see cref="DocumentUpdate"/>, and the findings are made
/// against the version written, so two files of one account ingested at once are each checked against the other. The
/// links of the file being ingested are left out of its own check, so a replay finds the same and changes nothing.</para>
/// </summary>
public sealed class StatementChains(IDocumentStore store)
{
    private const int CreateAttempts = 3;

    /// <summary>
    /// Checks <paramref name="links"/> (the statements of file <paramref name="fileId"/>, in file order) against the
    /// chains and, unless <paramref name="dryRun"/>, records them. Returns the warnings.
    /// </summary>
    public async Task<IReadOnlyList<string>> RecordAsync(
        string fileId, string fileName, IEnumerable<StatementLink> links, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var warnings = new List<string>();
        foreach (var group in links.Select(l => l with { FileId = fileId, FileName = fileName }).GroupBy(l => (l.Account, l.Currency)))
        {
            var file = group.ToList();
            var id = StatementChain.IdOf(group.Key.Account, group.Key.Currency);
            warnings.AddRange(dryRun
                ? Check((await store.ReadAsync<StatementChain>(id, id, cancellationToken))?.Value.Links ?? [], file)
                : await RecordAsync(id, file, cancellationToken));
        }

        return warnings;
    }

    private async Task<IReadOnlyList<string>> RecordAsync(string id, List<StatementLink> file, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CreateAttempts; attempt++)
        {
            IReadOnlyList<string> found = [];
            var updated = await store.UpdateAsync<StatementChain>(id, id, chain =>
            {
                found = Check(chain.Links, file);
                return Extend(chain, file);
            }, cancellationToken);
            if (updated is not null)
            {
                return found;
            }

            var first = new StatementChain { Id = id, Account = file[0].Account, Currency = file[0].Currency };
            if (await store.TryCreateAsync(id, id, Extend(first, file)!, cancellationToken) is not null)
            {
                return [];
            }

            // Another file of the account created the chain meanwhile: check against what it wrote.
        }

        throw new ContentionException(DocumentKey.For<StatementChain>(id, id), CreateAttempts);
    }

    /// <summary>The chain with the file's links in their place (the oldest dropped beyond the limit), or null when they are all there already.</summary>
    private static StatementChain? Extend(StatementChain chain, List<StatementLink> file)
    {
        if (file.TrueForAll(chain.Links.Contains))
        {
            return null;
        }

        var links = chain.Links.Where(l => l.FileId != file[0].FileId).ToList();
        foreach (var link in file)
        {
            var at = links.FindLastIndex(l => l.CompareTo(link) <= 0) + 1;
            links.Insert(at, link);
        }

        return chain with { Links = links.Skip(Math.Max(0, links.Count - StatementChain.MaxLinks)).ToList() };
    }

    private static List<string> Check(IReadOnlyList<StatementLink> chain, List<StatementLink> file)
    {
        var warnings = new List<string>();
        var others = chain.Where(l => l.FileId != file[0].FileId).ToList();
        var (first, last) = (file[0], file[^1]);
        var previous = others.LastOrDefault(l => l.CompareTo(first) < 0);
        var newest = others.LastOrDefault(l => l.CompareTo(first) > 0);
        var account = Ibans.Mask(first.Account);
        foreach (var link in file)
        {
            if (others.FirstOrDefault(l => l.CompareTo(link) == 0) is { } same)
            {
                warnings.Add($"account {account}: {link.Describe()} has the date and numbers of {same.Describe()}, ingested before: the bank may have sent it twice (entries already ingested are not applied again)");
            }
        }

        if (previous is not null)
        {
            CheckFollows(account, previous, first, warnings);
        }

        if (newest is not null)
        {
            warnings.Add($"account {account}: {first.Describe()} arrived after the newer {newest.Describe()}: statements were ingested out of order");
            if (others.FirstOrDefault(l => l.CompareTo(last) > 0) is { } next)
            {
                CheckFollows(account, last, next, warnings);
            }
        }

        return warnings;
    }

    private static void CheckFollows(string account, StatementLink before, StatementLink after, List<string> warnings)
    {
        if (Amount(before.Closing) is { } closed && Amount(after.Opening) is { } opened && closed != opened)
        {
            warnings.Add($"account {account}: {after.Describe()} opens with {after.Opening} {after.Currency}, but the previous {before.Describe()} closed with {before.Closing} {before.Currency}: a statement may be missing");
        }

        if (before.Format == after.Format && !StatementSequence.Follows(after.Format, before.StatementNumber, before.SequenceNumber, after.StatementNumber, after.SequenceNumber)
            && !StartsNewYear(before, after))
        {
            warnings.Add($"account {account}: {after.Describe()} follows {StatementSequence.Describe(before.Format, before.StatementNumber, before.SequenceNumber)} of the previous {before.Describe()}: a statement may be missing");
        }
    }

    /// <summary>Banks that number statements per year start again at 1 with the first statement of a year.</summary>
    private static bool StartsNewYear(StatementLink before, StatementLink after) =>
        before.Format is BankFileFormat.Mt940 && StatementSequence.Number(after.StatementNumber) == 1
        && before.Date is { } then && after.Date is { } now && now.Year > then.Year;

    private static decimal? Amount(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
}
