namespace Billing.BankFiles.Camt;

/// <summary>Reads Bal: Tp/CdOrPrtry/Cd (or Prtry), Amt with Ccy, CdtDbtInd (DBIT makes it negative), Dt/Dt or Dt/DtTm.</summary>
internal static class CamtBalance
{
    public static Balance Read(XmlCursor cursor)
    {
        var type = string.Empty;
        decimal? amount = null;
        var currency = string.Empty;
        var debit = false;
        DateOnly? date = null;
        DateTimeOffset? timestamp = null;
        var start = cursor.Mark();
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "Tp":
                    type = ReadType(cursor) ?? type;
                    break;
                case "Amt":
                    currency = cursor.Currency() ?? string.Empty;
                    amount = cursor.ReadAmount();
                    break;
                case "CdtDbtInd":
                    debit = cursor.ReadText() == "DBIT";
                    break;
                case "Dt":
                    var dates = cursor.Enter();
                    while (cursor.NextChild(dates))
                    {
                        if (cursor.Name == "Dt")
                        {
                            date = cursor.ReadDate();
                        }
                        else if (cursor.Name == "DtTm")
                        {
                            var time = cursor.ReadDateTime();
                            timestamp = time;
                            date = DateOnly.FromDateTime(time.DateTime);
                        }
                    }

                    break;
            }
        }

        if (amount is null)
        {
            throw new BankFileFormatException(cursor.Format(start), "expected <Amt> in <Bal>");
        }

        return new Balance(debit ? -amount.Value : amount.Value, currency, date, type) { Timestamp = timestamp };
    }

    private static string? ReadType(XmlCursor cursor)
    {
        string? type = null;
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            if (cursor.Name == "CdOrPrtry")
            {
                var code = cursor.Enter();
                while (cursor.NextChild(code))
                {
                    type = cursor.ReadText();
                }
            }
            else if (cursor.Name is "Cd" or "Prtry")
            {
                // camt.05x.001.01 writes the code directly under Tp.
                type = cursor.ReadText();
            }
        }

        return type;
    }
}
