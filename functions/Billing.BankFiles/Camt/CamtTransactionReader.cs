namespace Billing.BankFiles.Camt;

/// <summary>
/// Reads one TxDtls: Refs, Amt / AmtDtls, BkTxCd, RltdPties (with or without the .08+ Pty wrapper), RltdAgts,
/// RmtInf (Ustrd lines, Strd/CdtrRefInf and AddtlRmtInf), RtrInf, AddtlTxInf and Chrgs.
/// </summary>
internal sealed class CamtTransactionReader
{
    private readonly XmlCursor _cursor;

    public CamtTransactionReader(XmlCursor cursor)
    {
        _cursor = cursor;
    }

    public TransactionDetail Read()
    {
        var detail = new TransactionDetail();
        var parties = new PartyDrafts();
        decimal? transactionAmount = null;
        string? transactionCurrency = null;
        _cursor.Children(() =>
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
                    _cursor.Children(() =>
                    {
                        var name = _cursor.Name;
                        if (name is "TxAmt" or "InstdAmt")
                        {
                            _cursor.Children(() =>
                            {
                                if (_cursor.Name == "CcyXchg")
                                {
                                    ReadExchange(detail);
                                    return;
                                }

                                if (_cursor.Name != "Amt")
                                {
                                    return;
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
                            });
                        }
                    });
                    break;
                case "BkTxCd":
                    detail.BankTransactionCode = CamtBankTransactionCode.Read(_cursor, out var proprietary);
                    detail.ProprietaryBankTransactionCode = proprietary;
                    break;
                case "RltdPties":
                    _cursor.Children(() => parties.ReadParty(_cursor));
                    break;
                case "RltdAgts":
                    _cursor.Children(() => parties.ReadAgent(_cursor));
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
        });

        if (detail.Amount is null)
        {
            detail.Amount = transactionAmount ?? detail.InstructedAmount;
            detail.Currency = transactionAmount is null ? detail.InstructedCurrency : transactionCurrency;
        }

        detail._relatedParties.AddRange(parties.Build());
        return detail;
    }

    private void ReadExchange(TransactionDetail detail)
    {
        _cursor.Children(() =>
        {
            switch (_cursor.Name)
            {
                case "SrcCcy":
                    detail.SourceCurrency = _cursor.ReadText();
                    break;
                case "XchgRate":
                    var text = _cursor.ReadText();
                    detail.ExchangeRate = decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var rate)
                        ? rate
                        : throw new BankFileFormatException(_cursor.Position, $"expected an exchange rate, found \"{text}\"");
                    break;
            }
        });
    }

    private void ReadReferences(TransactionDetail detail)
    {
        _cursor.Children(() =>
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
        });
    }

    private void ReadRemittance(TransactionDetail detail)
    {
        _cursor.Children(() =>
        {
            if (_cursor.Name == "Ustrd")
            {
                detail._remittanceLines.Add(_cursor.ReadText());
            }
            else if (_cursor.Name == "Strd")
            {
                _cursor.Children(() =>
                {
                    if (_cursor.Name == "AddtlRmtInf")
                    {
                        detail._additionalRemittanceLines.Add(_cursor.ReadText());
                    }
                    else if (_cursor.Name == "CdtrRefInf")
                    {
                        ReadCreditorReference(detail);
                    }
                });
            }
        });
    }

    private void ReadCreditorReference(TransactionDetail detail)
    {
        string? type = null, reference = null;
        _cursor.Children(() =>
        {
            if (_cursor.Name == "Ref")
            {
                reference = _cursor.ReadText();
            }
            else if (_cursor.Name == "Tp")
            {
                _cursor.Children(() =>
                {
                    if (_cursor.Name == "CdOrPrtry")
                    {
                        _cursor.Children(() => type = _cursor.ReadText());
                    }
                });
            }
        });

        if (detail.CreditorReference is null && reference is not null)
        {
            detail.CreditorReference = reference;
            detail.CreditorReferenceType = type;
        }
    }

    private void ReadReturn(TransactionDetail detail)
    {
        _cursor.Children(() =>
        {
            if (_cursor.Name == "Rsn")
            {
                _cursor.Children(() => detail.ReturnReason ??= _cursor.ReadText());
            }
            else if (_cursor.Name == "AddtlInf")
            {
                var text = _cursor.ReadText();
                detail.ReturnAdditionalInfo = detail.ReturnAdditionalInfo is null ? text : detail.ReturnAdditionalInfo + " " + text;
            }
        });
    }
}
