using Billing.BankFiles.Text;

namespace Billing.BankFiles.Nacha;

/// <summary>
/// Streams a NACHA ACH file (94-character records; shorter lines are padded, as some generators trim them):
/// 1 file header, 5 batch header, 6 entry, 7 addenda, 8 batch control, 9 file control and 9-filler lines. Returns
/// (addenda 99) and notifications of change (addenda 98) are reported as such. Every batch control and the file
/// control are checked against the records they close (<see cref="NachaControlTotals"/>).
/// </summary>
internal sealed class NachaParser
{
    private readonly LineReader _lines;

    public NachaParser(LineReader lines)
    {
        _lines = lines;
    }

    public IEnumerable<BankFileEvent> Parse()
    {
        yield return new BankFileEvent.FileStarted(BankFileFormat.Nacha, null);
        var batches = 0;
        var sawHeader = false;
        var sawControl = false;
        string? sec = null, company = null;
        DateOnly? effective = null;
        var inBatch = false;
        AchEntry? pending = null;
        var batch = new NachaControlTotals();
        var file = new NachaControlTotals();
        while (_lines.ReadLine() is { } raw)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length > 94)
            {
                throw new BankFileFormatException($"line {_lines.LineNumber}", "NACHA record longer than 94 characters");
            }

            var record = line.PadRight(94);
            var position = $"line {_lines.LineNumber}";
            if (!sawHeader && record[0] != '1')
            {
                throw new BankFileFormatException(position, "expected the 1 file header record");
            }

            switch (record[0])
            {
                case '1':
                    if (sawHeader)
                    {
                        throw new BankFileFormatException(position, "second 1 file header record");
                    }

                    sawHeader = true;
                    break;
                case '5':
                    if (inBatch)
                    {
                        throw new BankFileFormatException(position, "5 batch header before the 8 control of the previous batch");
                    }

                    inBatch = true;
                    batches++;
                    batch = new NachaControlTotals();
                    company = Field(record, 5, 16);
                    sec = Field(record, 51, 3);
                    effective = AmountText.TryParseYyMmDd(record.AsSpan(69, 6), out var date) ? date : null;
                    break;
                case '6':
                    if (!inBatch)
                    {
                        throw new BankFileFormatException(position, "6 entry record outside a batch");
                    }

                    if (pending is not null)
                    {
                        yield return Event(pending);
                    }

                    pending = Entry(record, position, sec, company, effective, batch);
                    break;
                case '7':
                    if (pending is null)
                    {
                        throw new BankFileFormatException(position, "7 addenda record without a 6 entry");
                    }

                    batch.AddAddenda();
                    Addenda(record, pending);
                    break;
                case '8':
                    if (!inBatch)
                    {
                        throw new BankFileFormatException(position, "8 batch control without a 5 batch header");
                    }

                    inBatch = false;
                    batch.Check(record, position, "8 batch control", (4, 6), 10, 20);
                    file.Add(batch);
                    break;
                case '9':
                    if (line.AsSpan().IndexOfAnyExcept('9') < 0)
                    {
                        break;
                    }

                    if (inBatch)
                    {
                        throw new BankFileFormatException(position, "9 file control before the 8 batch control");
                    }

                    sawControl = true;
                    CheckBatchCount(record, position, batches);
                    file.Check(record, position, "9 file control", (13, 8), 21, 31);
                    break;
                default:
                    throw new BankFileFormatException(position, $"unsupported record type '{record[0]}': expected 1, 5, 6, 7, 8 or 9");
            }
        }

        if (pending is not null)
        {
            yield return Event(pending);
        }

        if (!sawHeader || !sawControl)
        {
            throw new BankFileFormatException($"line {_lines.LineNumber}", "expected the 9 file control record: the file is truncated");
        }

        yield return new BankFileEvent.FileCompleted(BankFileFormat.Nacha, null, []) { AchBatchCount = batches };
    }

    private static BankFileEvent Event(AchEntry entry) => new BankFileEvent.AchEntryRead(entry);

    private static void CheckBatchCount(string record, string position, int batches)
    {
        if (!int.TryParse(record.AsSpan(1, 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var stated) || stated != batches)
        {
            throw new BankFileFormatException(position, $"9 file control states batch count \"{record.AsSpan(1, 6)}\", the file has {batches} batches: the file is not whole");
        }
    }

    private static AchEntry Entry(string record, string position, string? sec, string? company, DateOnly? effective, NachaControlTotals batch)
    {
        var code = record.Substring(1, 2);
        // The amount field is ten digits, one more than an int holds: read it as a long.
        if (!AmountText.TryDigits(code, out var transactionCode)
            || !long.TryParse(record.AsSpan(29, 10), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cents))
        {
            throw new BankFileFormatException(position, "6 entry: expected a numeric transaction code (positions 2-3) and amount (positions 30-39)");
        }

        if (!AmountText.TryDigits(record.AsSpan(3, 8), out _))
        {
            throw new BankFileFormatException(position, "6 entry: expected the 8-digit receiving DFI routing number at positions 4-11");
        }

        batch.AddEntry(record, cents, transactionCode);
        var amount = cents / 100m;
        return new AchEntry
        {
            TransactionCode = code,
            RoutingNumber = record.Substring(3, 9),
            AccountNumber = record.Substring(12, 17).Trim(),
            Amount = transactionCode % 10 is >= 1 and <= 4 ? amount : -amount,
            IndividualId = Field(record, 40, 15),
            IndividualName = Field(record, 55, 22),
            TraceNumber = record.Substring(79, 15),
            SecCode = sec,
            CompanyName = company,
            EffectiveDate = effective,
        };
    }

    private static void Addenda(string record, AchEntry entry)
    {
        switch (record.AsSpan(1, 2))
        {
            case "99":
                entry.Kind = AchEntryKind.Return;
                entry.ReturnCode = Field(record, 4, 3);
                entry.OriginalTraceNumber = Field(record, 7, 15);
                entry.OriginalReceivingDfi = Field(record, 28, 8);
                entry.AddendaInformation = Field(record, 36, 44);
                break;
            case "98":
                entry.Kind = AchEntryKind.NotificationOfChange;
                entry.ChangeCode = Field(record, 4, 3);
                entry.OriginalTraceNumber = Field(record, 7, 15);
                entry.OriginalReceivingDfi = Field(record, 28, 8);
                entry.CorrectedData = Field(record, 36, 29);
                break;
            default:
                entry.AddendaInformation = Field(record, 4, 80);
                break;
        }
    }

    /// <summary>Field at 1-based <paramref name="position"/>, trimmed; null when blank.</summary>
    private static string? Field(string record, int position, int length)
    {
        var value = record.Substring(position - 1, length).Trim();
        return value.Length == 0 ? null : value;
    }
}
