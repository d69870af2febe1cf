using Billing.BankFiles;
using Billing.BankFiles.Nacha;
using Billing.Core.Matching;
using Billing.Core.Monetary;

namespace Billing.Core.Ingestion;

/// <summary>
/// Reads a bank file (any format <see cref="BankFileReader"/> detects) into <see cref="BankEntry"/> values, streaming,
/// so a malformed file throws <see cref="BankFileFormatException"/> before anything is applied. It classifies each
/// entry (credit, return, debit, not booked, unknown account…), splits a batch booking whose transaction details
/// carry their own amounts into one payment per transaction, and gives each its <see cref="EntryIdentity"/>.
/// <para>Returns are debits flagged as reversals (camt RvslInd, MT940 RC), carrying a return reason (camt RtrInf,
/// MT940 RTRN), with a BAI2 return type code (<see cref="Bai2ReturnTypeCodes"/>) or a return transaction code (camt
/// …/UPDD or …/RRTN, MT940 NRTI/RTI); NACHA returns are entries with a 99 addenda (R-codes). NACHA files carry no
/// account of ours, so their entries are not filtered by account.</para>
/// </summary>
public sealed class BankEntryReader(OwnAccounts ownAccounts)
{
    // Money is never applied from a file whose stated totals (balances, TxsSummry) disagree with its entries: it is quarantined.
    private static readonly BankFileReaderOptions _requireStatedTotals = new() { RequireStatedTotals = true };

    /// <summary>BAI2 detail type codes that return an item deposited earlier.</summary>
    public static readonly IReadOnlySet<string> Bai2ReturnTypeCodes = new HashSet<string>(StringComparer.Ordinal) { "409", "555", "556", "557", "558", "564" };

    public BankFileContents Read(Stream content) => Read(content, keepEntries: true);

    /// <summary>
    /// Reads the whole file; with <paramref name="keepEntries"/> false the entries are only counted
    /// (<see cref="BankFileContents.EntryCount"/>), so a large file is checked without holding it: read the entries
    /// afterwards with <see cref="ReadEntries"/>.
    /// </summary>
    public BankFileContents Read(Stream content, bool keepEntries)
    {
        ArgumentNullException.ThrowIfNull(content);
        var contents = new BankFileContents();
        foreach (var entry in ReadEntries(content, contents, build: keepEntries))
        {
            contents.Entries.Add(entry);
        }

        return contents;
    }

    /// <summary>The entries of the file, one at a time, exactly as <see cref="Read(Stream)"/> gives them.</summary>
    public IEnumerable<BankEntry> ReadEntries(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ReadEntries(content, new BankFileContents(), build: true);
    }

    /// <summary>The file's entries, counted in <paramref name="contents"/>; only counted (nothing built, hashed or yielded) unless <paramref name="build"/>.</summary>
    private IEnumerable<BankEntry> ReadEntries(Stream content, BankFileContents contents, bool build)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        string? ownAccount = null;
        foreach (var e in BankFileReader.ReadEvents(content, _requireStatedTotals))
        {
            switch (e)
            {
                case BankFileEvent.FileStarted:
                    contents.Format = BankFile.NameOf(e.Format);
                    break;
                case BankFileEvent.StatementStarted { Statement: var statement }:
                    contents.Statements++;
                    occurrences.Clear();
                    ownAccount = ownAccounts.Resolve(statement.Iban, statement.Account);
                    if (ownAccount is null)
                    {
                        contents.Warnings.Add($"statement {statement.StatementId ?? "?"}: account {Ibans.Mask(statement.Iban ?? statement.Account)} is not one of the company's own accounts; its entries were ignored");
                    }

                    break;
                case BankFileEvent.EntryRead read when !build:
                    contents.EntryCount += Splits(KindOf(read.Entry, ownAccount), read.Entry) ? read.Entry.TransactionDetails.Count : 1;
                    break;
                case BankFileEvent.EntryRead read:
                    foreach (var entry in FromStatement(read.Statement, read.Entry, ownAccount, occurrences))
                    {
                        contents.EntryCount++;
                        yield return entry;
                    }

                    break;
                case BankFileEvent.AchEntryRead read:
                    contents.EntryCount++;
                    if (build)
                    {
                        yield return FromAch(read.Entry, occurrences);
                    }

                    break;
                case BankFileEvent.StatementCompleted { Statement: var statement } when ownAccount is not null:
                    if (StatementLink.Of(e.Format, statement, ownAccount, fileId: "", fileName: "") is { } link)
                    {
                        contents.StatementLinks.Add(link);
                    }

                    break;
                case BankFileEvent.FileCompleted completed:
                    contents.Warnings.AddRange(completed.Warnings);
                    break;
            }
        }
    }

    private static IEnumerable<BankEntry> FromStatement(BankStatement statement, StatementEntry entry, string? ownAccount, Dictionary<string, int> occurrences)
    {
        var kind = KindOf(entry, ownAccount);
        var account = ownAccount ?? Ibans.Normalize(statement.Iban ?? statement.Account);
        var date = entry.BookingDate ?? entry.ValueDate ?? DateOnly.FromDateTime((statement.CreationTime ?? DateTimeOffset.UnixEpoch).UtcDateTime);
        var details = entry.TransactionDetails;
        if (!Splits(kind, entry))
        {
            var detail = details.Count > 0 ? details[0] : null;
            var party = detail?.Counterparty(entry.Amount >= 0);
            yield return Build(kind, account, entry, date, Math.Abs(entry.Amount), entry.Amount, party?.Name ?? entry.CounterpartyName, party?.Iban ?? entry.CounterpartyIban,
                Text(entry, detail), entry.EndToEndId ?? detail?.EndToEndId, entry.CreditorReference ?? detail?.CreditorReference,
                entry.AccountServicerReference ?? detail?.AccountServicerReference, detail, occurrences, "");
            yield break;
        }

        for (var i = 0; i < details.Count; i++)
        {
            var detail = details[i];
            var party = detail.Counterparty(true);
            yield return Build(kind, account, entry, date, Math.Abs(detail.Amount!.Value), detail.Amount.Value, party?.Name, party?.Iban, Text(null, detail), detail.EndToEndId,
                detail.CreditorReference, detail.AccountServicerReference ?? (entry.AccountServicerReference is { } asr ? $"{asr}/{i + 1}" : null), detail, occurrences, "");
        }
    }

    private static BankEntryKind KindOf(StatementEntry entry, string? ownAccount) =>
        ownAccount is null ? BankEntryKind.UnknownAccount
            : entry.Status != EntryStatus.Booked ? BankEntryKind.NotBooked
            : !Currency.TryFromCode(entry.Currency, out _) ? BankEntryKind.UnsupportedCurrency
            : entry.Amount >= 0 ? (entry.IsReversal ? BankEntryKind.ReversalCredit : BankEntryKind.Credit)
            : IsReturn(entry) ? BankEntryKind.Return : BankEntryKind.Debit;

    /// <summary>A batch booking whose transaction details carry their own amounts (adding up) is one payment per transaction.</summary>
    private static bool Splits(BankEntryKind kind, StatementEntry entry)
    {
        var details = entry.TransactionDetails;
        return kind == BankEntryKind.Credit && details.Count > 1 && details.All(d => d.Amount is not null && (d.Currency ?? entry.Currency) == entry.Currency)
            && details.Sum(d => d.Amount!.Value) == entry.Amount;
    }

    private static BankEntry Build(
        BankEntryKind kind, string account, StatementEntry entry, DateOnly date, decimal amount, decimal signed, string? payerName, string? payerIban, string? text,
        string? endToEndId, string? creditorReference, string? bankReference, TransactionDetail? detail, Dictionary<string, int> occurrences, string prefix)
    {
        var identity = EntryIdentity.Of(account, bankReference, endToEndId, signed, date, payerIban ?? payerName, text);
        identity = Occurrence(identity, occurrences) + prefix;
        var references = new List<string>(4);
        foreach (var reference in new[] { endToEndId, entry.EntryReference, detail?.TransactionId, detail?.InstructionId, creditorReference })
        {
            if (!string.IsNullOrWhiteSpace(reference) && !references.Contains(reference.Trim()))
            {
                references.Add(reference.Trim());
            }
        }

        return new BankEntry
        {
            Kind = kind,
            Identity = identity,
            PaymentId = EntryIdentity.PaymentIdOf(identity, kind == BankEntryKind.Return ? "ret" : "pay"),
            Amount = amount,
            CurrencyCode = entry.Currency.ToUpperInvariant(),
            BookingDate = date,
            ValueDate = entry.ValueDate,
            ReceivingAccount = account,
            PayerName = payerName,
            PayerIban = payerIban,
            RemittanceInfo = text,
            EndToEndId = endToEndId,
            CreditorReference = creditorReference,
            BankReference = bankReference,
            ReturnReason = entry.ReturnReason ?? detail?.ReturnReason,
            References = references,
        };
    }

    private static BankEntry FromAch(AchEntry ach, Dictionary<string, int> occurrences)
    {
        var kind = ach.Kind switch
        {
            AchEntryKind.Return => BankEntryKind.Return,
            AchEntryKind.NotificationOfChange => BankEntryKind.Notice,
            _ => ach.Amount >= 0 ? BankEntryKind.Credit : BankEntryKind.Debit,
        };
        var date = ach.EffectiveDate ?? DateOnly.MinValue;
        var identity = Occurrence(EntryIdentity.Of($"ach:{ach.RoutingNumber}/{ach.AccountNumber}", ach.TraceNumber, null, ach.Amount, date, ach.IndividualName, ach.IndividualId), occurrences);
        return new BankEntry
        {
            Kind = kind,
            Identity = identity,
            PaymentId = EntryIdentity.PaymentIdOf(identity, kind == BankEntryKind.Return ? "ret" : "pay"),
            Amount = Math.Abs(ach.Amount),
            CurrencyCode = "USD",
            BookingDate = date,
            PayerName = ach.IndividualName,
            RemittanceInfo = ach.AddendaInformation ?? ach.CorrectedData,
            EndToEndId = ach.IndividualId,
            BankReference = ach.TraceNumber,
            ReturnReason = ach.ReturnCode ?? ach.ChangeCode,
            References = new[] { ach.IndividualId, ach.OriginalTraceNumber }.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).ToList(),
        };
    }

    private static string Occurrence(string identity, Dictionary<string, int> occurrences)
    {
        var n = occurrences.TryGetValue(identity, out var seen) ? seen + 1 : 1;
        occurrences[identity] = n;
        return n == 1 ? identity : $"{identity}#{n}";
    }

    private static bool IsReturn(StatementEntry entry) =>
        entry.IsReversal || !string.IsNullOrEmpty(entry.ReturnReason)
        || (entry.BankTransactionCode is { } code && (Bai2ReturnTypeCodes.Contains(code) || code.EndsWith("UPDD", StringComparison.Ordinal)
            || code.EndsWith("RRTN", StringComparison.Ordinal) || code is "NRTI" or "RTI"))
        || entry.TransactionDetails.Any(d => !string.IsNullOrEmpty(d.ReturnReason));

    private static string? Text(StatementEntry? entry, TransactionDetail? detail)
    {
        var parts = new List<string>(4);
        void Add(string? part)
        {
            if (!string.IsNullOrWhiteSpace(part) && !parts.Contains(part.Trim()))
            {
                parts.Add(part.Trim());
            }
        }

        Add(entry?.RemittanceInfo);
        if (detail is not null)
        {
            foreach (var line in detail.RemittanceLines)
            {
                Add(line);
            }

            foreach (var line in detail.AdditionalRemittanceLines)
            {
                Add(line);
            }
        }

        Add(entry?.AdditionalInfo);
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}

/// <summary>A bank file read into entries, with its format and the warnings the parser or the account check raised.</summary>
public sealed class BankFileContents
{
    public string? Format { get; set; }

    public int Statements { get; set; }

    /// <summary>The entries, unless the file was only checked (<see cref="BankEntryReader.Read(Stream, bool)"/>).</summary>
    public List<BankEntry> Entries { get; } = [];

    /// <summary>How many entries the file has (also when they were only counted).</summary>
    public int EntryCount { get; set; }

    public List<string> Warnings { get; } = [];

    /// <summary>The completed statements of own accounts that continuity across files can chain (<see cref="StatementChains"/>), in file order; without file id and name.</summary>
    public List<StatementLink> StatementLinks { get; } = [];
}
