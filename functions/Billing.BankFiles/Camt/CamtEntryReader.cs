namespace Billing.BankFiles.Camt;

/// <summary>
/// Reads one Ntry: amount and CdtDbtInd (debit negative), RvslInd, Sts (plain or Sts/Cd), BookgDt/ValDt (Dt or
/// DtTm), NtryRef, AcctSvcrRef, BkTxCd, Chrgs, AddtlNtryInf and every NtryDtls/TxDtls. The entry-level end-to-end
/// id, remittance text, creditor reference, counterparty and return reason come from the first transaction detail
/// that has them. A reversal keeps the bank's CdtDbtInd: the reversing booking's direction is what hits the account.
/// </summary>
internal sealed class CamtEntryReader
{
    private readonly XmlCursor _cursor;
    private readonly CamtTransactionReader _transactions;

    public CamtEntryReader(XmlCursor cursor)
    {
        _cursor = cursor;
        _transactions = new CamtTransactionReader(cursor);
    }

    public StatementEntry Read()
    {
        var entry = new StatementEntry();
        var start = _cursor.Mark();
        decimal? amount = null;
        var indicator = string.Empty;
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            switch (_cursor.Name)
            {
                case "Amt":
                    entry.Currency = _cursor.Currency() ?? string.Empty;
                    amount = _cursor.ReadAmount();
                    break;
                case "CdtDbtInd":
                    indicator = _cursor.ReadText();
                    break;
                case "RvslInd":
                    entry.IsReversal = _cursor.ReadText() is "true" or "1";
                    break;
                case "Sts":
                    entry.Status = Status(StatusText());
                    break;
                case "BookgDt":
                    ReadDate(out var bookingDate, out var bookingTime);
                    entry.BookingDate = bookingDate;
                    entry.BookingTime = bookingTime;
                    break;
                case "ValDt":
                    ReadDate(out var valueDate, out var valueTime);
                    entry.ValueDate = valueDate;
                    entry.ValueTime = valueTime;
                    break;
                case "NtryRef":
                    entry.EntryReference = _cursor.ReadText();
                    break;
                case "AcctSvcrRef":
                    entry.AccountServicerReference = _cursor.ReadText();
                    break;
                case "BkTxCd":
                    entry.BankTransactionCode = CamtBankTransactionCode.Read(_cursor, out _);
                    break;
                case "Chrgs":
                    entry.Charges = CamtCharges.Read(_cursor);
                    break;
                case "AddtlNtryInf":
                    entry.AdditionalInfo = _cursor.ReadText();
                    break;
                case "NtryDtls":
                    ReadDetails(entry);
                    break;
            }
        }

        if (amount is null)
        {
            throw new BankFileFormatException(_cursor.Format(start), "expected <Amt> in <Ntry>");
        }

        entry.IsCredit = indicator switch
        {
            "CRDT" => true,
            "DBIT" => false,
            _ => throw new BankFileFormatException(_cursor.Format(start), $"expected <CdtDbtInd> CRDT or DBIT in <Ntry>, found \"{indicator}\""),
        };
        entry.Amount = entry.IsCredit ? amount.Value : -amount.Value;
        entry.CreditDebitMark = indicator;
        Summarise(entry);
        return entry;
    }

    private void ReadDetails(StatementEntry entry)
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            if (_cursor.Name == "TxDtls")
            {
                entry._transactionDetails.Add(_transactions.Read());
            }
        }
    }

    private string StatusText()
    {
        // camt .02-.07: <Sts>BOOK</Sts>; .08 and later: <Sts><Cd>BOOK</Cd></Sts> (or Prtry): the last text inside.
        var text = string.Empty;
        var reader = _cursor.Reader;
        if (reader.IsEmptyElement)
        {
            return text;
        }

        var depth = reader.Depth;
        while (_cursor.Read())
        {
            if (reader.NodeType is System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA)
            {
                text = reader.Value.Trim();
            }
            else if (reader.NodeType == System.Xml.XmlNodeType.EndElement && reader.Depth == depth)
            {
                return text;
            }
        }

        throw new BankFileFormatException(_cursor.Position, "unexpected end of document");
    }

    private static EntryStatus Status(string code) => code switch
    {
        "PDNG" or "FUTR" => EntryStatus.Pending,
        "INFO" => EntryStatus.Information,
        _ => EntryStatus.Booked,
    };

    private void ReadDate(out DateOnly? date, out DateTimeOffset? timestamp)
    {
        date = null;
        timestamp = null;
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            if (_cursor.Name == "Dt")
            {
                date = _cursor.ReadDate();
            }
            else if (_cursor.Name == "DtTm")
            {
                var time = _cursor.ReadDateTime();
                timestamp = time;
                date = DateOnly.FromDateTime(time.DateTime);
            }
        }
    }

    private static void Summarise(StatementEntry entry)
    {
        var details = entry._transactionDetails;
        if (details.Count == 1 && details[0] is { Amount: null } only)
        {
            // A single transaction without its own amount is the whole entry.
            only.Amount = entry.Amount;
            only.Currency = entry.Currency;
        }

        for (var k = 0; k < details.Count; k++)
        {
            var detail = details[k];
            entry.EndToEndId ??= detail.EndToEndId;
            entry.RemittanceInfo ??= detail.RemittanceInfo;
            entry.CreditorReference ??= detail.CreditorReference;
            entry.ReturnReason ??= detail.ReturnReason;
            if (detail.Amount is { } amount)
            {
                detail.Amount = entry.IsCredit ? Math.Abs(amount) : -Math.Abs(amount);
            }

            if (detail.Counterparty(entry.IsCredit) is { } party)
            {
                entry.CounterpartyName ??= party.Name;
                entry.CounterpartyIban ??= party.Account;
                entry.CounterpartyBic ??= party.Bic;
            }
        }

        if (entry.BankTransactionCode is null && details.Count > 0)
        {
            entry.BankTransactionCode = details[0].BankTransactionCode;
        }
    }
}
