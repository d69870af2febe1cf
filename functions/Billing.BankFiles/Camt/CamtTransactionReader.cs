namespace Billing.BankFiles.Camt;

/// <summary>
/// Reads one TxDtls: Refs, Amt / AmtDtls, BkTxCd, RltdPties (with or without the .08+ Pty wrapper), RltdAgts,
/// RmtInf (Ustrd lines, Strd/CdtrRefInf and AddtlRmtInf), RtrInf, AddtlTxInf and Chrgs. Without its own Amt a
/// transaction takes AmtDtls/TxAmt, else AmtDtls/InstdAmt.
/// </summary>
internal sealed class CamtTransactionReader
{
    private readonly XmlCursor _cursor;
    private readonly PartyDrafts _parties = new();

    public CamtTransactionReader(XmlCursor cursor)
    {
        _cursor = cursor;
    }

    public TransactionDetail Read()
    {
        var detail = new TransactionDetail();
        _parties.Clear();
        decimal? transactionAmount = null;
        string? transactionCurrency = null;
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            switch (_cursor.Name)
            {
                case "Refs":
                    ReadReferences(detail);
                    break;
                case "Amt":
                    detail.Currency = _cursor.Currency();
                    detail.Amount = _cursor.ReadAmount();
                    break;
                case "AmtDtls":
                    ReadAmountDetails(detail, ref transactionAmount, ref transactionCurrency);
                    break;
                case "BkTxCd":
                    detail.BankTransactionCode = CamtBankTransactionCode.Read(_cursor, out var proprietary);
                    detail.ProprietaryBankTransactionCode = proprietary;
                    break;
                case "RltdPties":
                    ReadEach(static (parties, cursor) => parties.ReadParty(cursor));
                    break;
                case "RltdAgts":
                    ReadEach(static (parties, cursor) => parties.ReadAgent(cursor));
                    break;
                case "RmtInf":
                    ReadRemittance(detail);
                    break;
                case "RtrInf":
                    ReadReturn(detail);
                    break;
                case "AddtlTxInf":
                    detail.AdditionalInfo = _cursor.ReadText();
                    break;
                case "Chrgs":
                    detail.Charges = CamtCharges.Read(_cursor);
                    break;
            }
        }

        if (detail.Amount is null)
        {
            detail.Amount = transactionAmount ?? detail.InstructedAmount;
            detail.Currency = transactionAmount is null ? detail.InstructedCurrency : transactionCurrency;
        }

        _parties.BuildInto(detail._relatedParties);
        return detail;
    }

    private void ReadEach(Action<PartyDrafts, XmlCursor> readChild)
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            readChild(_parties, _cursor);
        }
    }

    private void ReadAmountDetails(TransactionDetail detail, ref decimal? transactionAmount, ref string? transactionCurrency)
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            var name = _cursor.Name;
            if (name is not ("TxAmt" or "InstdAmt"))
            {
                continue;
            }

            var amountParent = _cursor.Enter();
            while (_cursor.NextChild(amountParent))
            {
                if (_cursor.Name == "CcyXchg")
                {
                    ReadExchange(detail);
                    continue;
                }

                if (_cursor.Name != "Amt")
                {
                    continue;
                }

                var currency = _cursor.Currency();
                var amount = _cursor.ReadAmount();
                if (name == "TxAmt")
                {
                    transactionAmount = amount;
                    transactionCurrency = currency;
                }
                else
                {
                    detail.InstructedAmount = amount;
                    detail.InstructedCurrency = currency;
                }
            }
        }
    }

    private void ReadExchange(TransactionDetail detail)
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            switch (_cursor.Name)
            {
                case "SrcCcy":
                    detail.SourceCurrency = _cursor.ReadText();
                    break;
                case "XchgRate":
                    var start = _cursor.Mark();
                    var text = _cursor.ReadText();
                    detail.ExchangeRate = decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var rate)
                        ? rate
                        : throw new BankFileFormatException(_cursor.Format(start), $"expected an exchange rate, found \"{text}\"");
                    break;
            }
        }
    }

    private void ReadReferences(TransactionDetail detail)
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            switch (_cursor.Name)
            {
                case "EndToEndId":
                    detail.EndToEndId = _cursor.ReadText();
                    break;
                case "TxId":
                    detail.TransactionId = _cursor.ReadText();
                    break;
                case "InstrId":
                    detail.InstructionId = _cursor.ReadText();
                    break;
                case "PmtInfId":
                    detail.PaymentInformationId = _cursor.ReadText();
                    break;
                case "MndtId":
                    detail.MandateId = _cursor.ReadText();
                    break;
                case "AcctSvcrRef":
                    detail.AccountServicerReference = _cursor.ReadText();
                    break;
                case "UETR":
                    detail.Uetr = _cursor.ReadText();
                    break;
            }
        }
    }

    private void ReadRemittance(TransactionDetail detail)
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            if (_cursor.Name == "Ustrd")
            {
                detail._remittanceLines.Add(_cursor.ReadText());
            }
            else if (_cursor.Name == "Strd")
            {
                var structured = _cursor.Enter();
                while (_cursor.NextChild(structured))
                {
                    if (_cursor.Name == "AddtlRmtInf")
                    {
                        detail._additionalRemittanceLines.Add(_cursor.ReadText());
                    }
                    else if (_cursor.Name == "CdtrRefInf")
                    {
                        ReadCreditorReference(detail);
                    }
                }
            }
        }
    }

    private void ReadCreditorReference(TransactionDetail detail)
    {
        string? type = null, reference = null;
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            if (_cursor.Name == "Ref")
            {
                reference = _cursor.ReadText();
            }
            else if (_cursor.Name == "Tp")
            {
                var typeParent = _cursor.Enter();
                while (_cursor.NextChild(typeParent))
                {
                    if (_cursor.Name == "CdOrPrtry")
                    {
                        var code = _cursor.Enter();
                        while (_cursor.NextChild(code))
                        {
                            type = _cursor.ReadText();
                        }
                    }
                }
            }
        }

        if (detail.CreditorReference is null && reference is not null)
        {
            detail.CreditorReference = reference;
            detail.CreditorReferenceType = type;
        }
    }

    private void ReadReturn(TransactionDetail detail)
    {
        var parent = _cursor.Enter();
        while (_cursor.NextChild(parent))
        {
            if (_cursor.Name == "Rsn")
            {
                var reason = _cursor.Enter();
                while (_cursor.NextChild(reason))
                {
                    var text = _cursor.ReadText();
                    detail.ReturnReason ??= text;
                }
            }
            else if (_cursor.Name == "AddtlInf")
            {
                var text = _cursor.ReadText();
                detail.ReturnAdditionalInfo = detail.ReturnAdditionalInfo is null ? text : detail.ReturnAdditionalInfo + " " + text;
            }
        }
    }
}
