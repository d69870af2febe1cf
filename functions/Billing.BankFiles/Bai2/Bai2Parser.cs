using System.Globalization;
using Billing.BankFiles.Text;

namespace Billing.BankFiles.Bai2;

/// <summary>
/// Streams a BAI2 file: one <see cref="BankStatement"/> per 03 account record. Amounts are integers with implied
/// decimals (two, or the currency's minor units); detail amounts are signed by type code (100-399 credit, 400-699
/// debit). Account summaries 010/015/045/040 become opening/closing/available balances. Trailer control totals and
/// record counts (49 account, 98 group, 99 file) are checked: a mismatch is a <see cref="BankFileFormatException"/> naming both figures; a file that ends before its 99 trailer is malformed.
/// </summary>
internal sealed class Bai2Parser
{
    private readonly Bai2RecordReader _records;
    private readonly BankFileReaderOptions _options;
    private readonly Bai2FileInfo _file = new();
    private readonly List<string> _warnings = [];
    private Bai2Group? _group;
    private BankStatement? _account;
    private decimal _accountTotal;
    private int _accountRecords;
    private decimal _groupTotal;
    private int _groupRecords;
    private int _groupAccounts;
    private decimal _fileTotal;
    private int _fileRecords;

    public Bai2Parser(LineReader lines, BankFileReaderOptions options)
    {
        _records = new Bai2RecordReader(lines, options);
        _options = options;
    }

    public IEnumerable<BankFileEvent> Parse()
    {
        var first = _records.Next() ?? throw new BankFileFormatException("line 1", "empty BAI2 file");
        if (first.Code != "01")
        {
            throw new BankFileFormatException($"line {first.Line}", $"unsupported record type {first.Code}: a BAI2 file starts with the 01 file header");
        }

        ReadFileHeader(first);
        yield return new BankFileEvent.FileStarted(BankFileFormat.Bai2, _file.Version?.ToString(CultureInfo.InvariantCulture) ?? "2");
        var ended = false;
        while (_records.Next() is { } record)
        {
            if (ended)
            {
                throw new BankFileFormatException($"line {record.Line}", $"record {record.Code} after the 99 file trailer");
            }

            Count(record.PhysicalCount);
            switch (record.Code)
            {
                case "02":
                    StartGroup(record);
                    break;
                case "03":
                    foreach (var e in StartAccount(record))
                    {
                        yield return e;
                    }

                    break;
                case "16":
                    yield return Detail(record);
                    break;
                case "49":
                    yield return EndAccount(record);
                    break;
                case "98":
                    EndGroup(record);
                    break;
                case "99":
                    EndFile(record);
                    ended = true;
                    break;
                default:
                    throw new BankFileFormatException($"line {record.Line}", $"unsupported record type {record.Code}: expected 02, 03, 16, 88, 49, 98 or 99");
            }
        }

        if (!ended)
        {
            throw new BankFileFormatException("end of file", "expected the 99 file trailer: the file is truncated");
        }

        yield return new BankFileEvent.FileCompleted(BankFileFormat.Bai2, "2", _warnings) { Bai2File = _file };
    }

    private void Count(int physical)
    {
        _fileRecords += physical;
        _groupRecords += physical;
        _accountRecords += physical;
    }

    private void ReadFileHeader(Bai2Record record)
    {
        _fileRecords = record.PhysicalCount;
        _file.Sender = NullIfEmpty(record.Field(0));
        _file.Receiver = NullIfEmpty(record.Field(1));
        _file.CreationDate = Date(record, 2);
        _file.CreationTime = Time(record, 3);
        _file.FileId = NullIfEmpty(record.Field(4));
        _file.PhysicalRecordLength = Integer(record, 5);
        _file.BlockSize = Integer(record, 6);
        _file.Version = Integer(record, 7);
        if (_file.Version is not null and not 2)
        {
            throw new BankFileFormatException($"line {record.Line}", $"unsupported BAI version {_file.Version}: expected 2");
        }
    }

    private void StartGroup(Bai2Record record)
    {
        if (_group is not null)
        {
            _warnings.Add($"line {record.Line}: 02 group header before the 98 trailer of the previous group");
        }

        _group = new Bai2Group
        {
            Receiver = NullIfEmpty(record.Field(0)),
            Originator = NullIfEmpty(record.Field(1)),
            Status = Integer(record, 2),
            AsOfDate = Date(record, 3),
            AsOfTime = Time(record, 4),
            Currency = NullIfEmpty(record.Field(5)) ?? "USD",
        };
        _file._groups.Add(_group);
        _groupTotal = 0;
        _groupRecords = record.PhysicalCount;
        _groupAccounts = 0;
    }

    private IEnumerable<BankFileEvent> StartAccount(Bai2Record record)
    {
        if (_group is null)
        {
            throw new BankFileFormatException($"line {record.Line}", "03 account record outside a group: expected a 02 group header first");
        }

        if (_account is not null)
        {
            _warnings.Add($"line {record.Line}: 03 account record before the 49 trailer of the previous account");
            yield return new BankFileEvent.StatementCompleted(BankFileFormat.Bai2, _account);
        }

        var currency = NullIfEmpty(record.Field(1)) ?? _group.Currency!;
        _account = new BankStatement { Kind = StatementKind.Statement, Account = NullIfEmpty(record.Field(0)), Currency = currency, Bai2Group = _group, CreationTime = Created() };
        _accountTotal = 0;
        _accountRecords = record.PhysicalCount;
        _groupAccounts++;
        ReadSummaries(record, _account);
        yield return new BankFileEvent.StatementStarted(BankFileFormat.Bai2, _account);
    }

    private DateTimeOffset? Created() =>
        _file.CreationDate is { } date ? new DateTimeOffset(date.ToDateTime(_file.CreationTime ?? TimeOnly.MinValue), TimeSpan.Zero) : null;

    private void ReadSummaries(Bai2Record record, BankStatement account)
    {
        var i = 2;
        while (i < record.Fields.Count)
        {
            var code = record.Field(i);
            if (code.Length == 0)
            {
                i++;
                continue;
            }

            if (!AmountText.TryDigits(code, out var typeCode))
            {
                throw new BankFileFormatException($"line {record.Line}", $"03 record: expected a type code, found \"{code}\"");
            }

            var amount = Amount(record, i + 1, account.Currency!);
            var count = Integer(record, i + 2);
            var funds = NullIfEmpty(record.Field(i + 3));
            var fundsDate = funds == "V" ? Date(record, i + 4) : null;
            i += 4 + FundsExtra(record, i + 3);
            _accountTotal += amount ?? 0;
            var balance = new Balance(amount ?? 0, account.Currency!, _group!.AsOfDate, code) { ItemCount = count, FundsType = funds, FundsDate = fundsDate };
            account._balances.Add(balance);
            switch (typeCode)
            {
                case 10:
                    account.OpeningBalance = balance;
                    break;
                case 15:
                    account.ClosingBalance = balance;
                    break;
                case 45:
                    account.AvailableBalance = balance;
                    break;
            }
        }
    }

    private static int FundsExtra(Bai2Record record, int fundsIndex) => record.Field(fundsIndex) switch
    {
        "V" => 2,
        "S" => 3,
        "D" => AmountText.TryDigits(record.Field(fundsIndex + 1), out var n) && n < 100 ? 1 + (2 * n) : 1,
        _ => 0,
    };

    private BankFileEvent Detail(Bai2Record record)
    {
        var account = _account ?? throw new BankFileFormatException($"line {record.Line}", "16 detail record outside an account: expected a 03 record first");
        var code = record.Field(0);
        if (!AmountText.TryDigits(code, out var typeCode))
        {
            throw new BankFileFormatException($"line {record.Line}", $"16 record: expected a type code, found \"{code}\"");
        }

        var amount = Amount(record, 1, account.Currency!) ?? 0;
        _accountTotal += amount;
        var credit = !Bai2TypeCodes.IsDebit(typeCode);
        var funds = NullIfEmpty(record.Field(2));
        var extra = FundsExtra(record, 2);
        var entry = new StatementEntry
        {
            Amount = credit ? amount : -amount,
            IsCredit = credit,
            Currency = account.Currency!,
            BookingDate = _group!.AsOfDate,
            BankTransactionCode = code,
            CreditDebitMark = Bai2TypeCodes.IsCredit(typeCode) ? "credit" : Bai2TypeCodes.IsDebit(typeCode) ? "debit" : null,
            FundsCode = funds,
            FundsDate = funds == "V" ? Date(record, 3) : null,
            AccountServicerReference = NullIfEmpty(record.Field(3 + extra)),
            EntryReference = NullIfEmpty(record.Field(4 + extra)),
            Details = NullIfEmpty(record.Text?.Trim() ?? string.Empty),
        };
        entry.ValueDate = entry.FundsDate;
        entry.RemittanceInfo = entry.Details;
        return new BankFileEvent.EntryRead(BankFileFormat.Bai2, account, entry);
    }

    private BankFileEvent EndAccount(Bai2Record record)
    {
        var account = _account ?? throw new BankFileFormatException($"line {record.Line}", "49 account trailer without a 03 account record");
        var total = Amount(record, 0, account.Currency!);
        var count = Integer(record, 1);
        account.ControlTotal = total;
        account.RecordCount = count;
        if (total is not null && total != _accountTotal)
        {
            throw new BankFileFormatException($"line {record.Line}", string.Create(CultureInfo.InvariantCulture, $"49 account trailer of {account.Account}: control total {total} differs from the sum of the account's amounts {_accountTotal}"));
        }

        if (count is not null && count != _accountRecords)
        {
            throw new BankFileFormatException($"line {record.Line}", string.Create(CultureInfo.InvariantCulture, $"49 account trailer of {account.Account}: counts {count} records, the account has {_accountRecords}"));
        }

        _groupTotal += total ?? _accountTotal;
        _account = null;
        return new BankFileEvent.StatementCompleted(BankFileFormat.Bai2, account);
    }

    private void EndGroup(Bai2Record record)
    {
        var group = _group ?? throw new BankFileFormatException($"line {record.Line}", "98 group trailer without a 02 group header");
        if (_account is not null)
        {
            throw new BankFileFormatException($"line {record.Line}", "98 group trailer before the 49 trailer of the last account");
        }

        group.ControlTotal = Amount(record, 0, group.Currency ?? "USD");
        group.AccountCount = Integer(record, 1);
        group.RecordCount = Integer(record, 2);
        Check(record, "group", group.ControlTotal, _groupTotal, group.AccountCount, _groupAccounts, group.RecordCount, _groupRecords);
        _fileTotal += group.ControlTotal ?? _groupTotal;
        _group = null;
    }

    private void EndFile(Bai2Record record)
    {
        if (_group is not null)
        {
            throw new BankFileFormatException($"line {record.Line}", "99 file trailer before the 98 trailer of the last group");
        }

        _file.ControlTotal = Amount(record, 0, "USD");
        _file.GroupCount = Integer(record, 1);
        _file.RecordCount = Integer(record, 2);
        Check(record, "file", _file.ControlTotal, _fileTotal, _file.GroupCount, _file._groups.Count, _file.RecordCount, _fileRecords);
    }

    private void Check(Bai2Record record, string what, decimal? total, decimal expectedTotal, int? children, int expectedChildren, int? records, int expectedRecords)
    {
        var position = $"line {record.Line}";
        var trailer = record.Code == "98" ? "98 group trailer" : "99 file trailer";
        if (total is not null && total != expectedTotal)
        {
            throw new BankFileFormatException(position, string.Create(CultureInfo.InvariantCulture, $"{trailer}: control total {total} differs from the sum of the {what}'s {(what == "file" ? "group" : "account")} totals {expectedTotal}"));
        }

        if (children is not null && children != expectedChildren)
        {
            throw new BankFileFormatException(position, string.Create(CultureInfo.InvariantCulture, $"{trailer}: counts {children} {(what == "file" ? "groups" : "accounts")}, the {what} has {expectedChildren}"));
        }

        if (records is not null && records != expectedRecords)
        {
            throw new BankFileFormatException(position, string.Create(CultureInfo.InvariantCulture, $"{trailer}: counts {records} records, the {what} has {expectedRecords}"));
        }
    }

    private static decimal? Amount(Bai2Record record, int index, string currency)
    {
        var text = record.Field(index);
        if (text.Length == 0)
        {
            return null;
        }

        if (!AmountText.TryParse(text, '\0', out var value) || text.Length > 20)
        {
            throw new BankFileFormatException($"line {record.Line}", $"record {record.Code}: expected an amount in minor units, found \"{Clip(text)}\"");
        }

        return MinorUnits.ToAmount(value, currency);
    }

    private static int? Integer(Bai2Record record, int index)
    {
        var text = record.Field(index).TrimStart('+');
        if (text.Length == 0)
        {
            return null;
        }

        if (!AmountText.TryDigits(text, out var value))
        {
            throw new BankFileFormatException($"line {record.Line}", $"record {record.Code}: expected a number in field {index + 2}, found \"{Clip(text)}\"");
        }

        return value;
    }

    private static DateOnly? Date(Bai2Record record, int index)
    {
        var text = record.Field(index);
        if (text.Length == 0)
        {
            return null;
        }

        if (!AmountText.TryParseYyMmDd(text, out var date))
        {
            throw new BankFileFormatException($"line {record.Line}", $"record {record.Code}: expected a date YYMMDD, found \"{Clip(text)}\"");
        }

        return date;
    }

    private static TimeOnly? Time(Bai2Record record, int index)
    {
        var text = record.Field(index).Replace(":", string.Empty, StringComparison.Ordinal);
        if (text.Length == 0 || text == "9999")
        {
            return null;
        }

        if (text == "2400")
        {
            return TimeOnly.MaxValue;
        }

        if (text.Length is 4 or 6 && AmountText.TryDigits(text.AsSpan(0, 2), out var h) && AmountText.TryDigits(text.AsSpan(2, 2), out var m) && h < 24 && m < 60)
        {
            var s = 0;
            if (text.Length == 6 && (!AmountText.TryDigits(text.AsSpan(4, 2), out s) || s > 59))
            {
                s = 0;
            }

            return new TimeOnly(h, m, s);
        }

        throw new BankFileFormatException($"line {record.Line}", $"record {record.Code}: expected a time HHMM, found \"{Clip(text)}\"");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Clip(string text) => text.Length > 30 ? text[..30] + "..." : text;
}
