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
        var position = cursor.Position;
        cursor.Children(() =>
        {
            switch (cursor.Name)
            {
                case "Tp":
                    cursor.Children(() =>
                    {
                        if (cursor.Name == "CdOrPrtry")
                        {
                            cursor.Children(() => type = cursor.ReadText());
                        }
                    });
                    break;
                case "Amt":
                    currency = cursor.Currency() ?? string.Empty;
                    amount = cursor.ReadAmount();
                    break;
                case "CdtDbtInd":
                    debit = cursor.ReadText() == "DBIT";
                    break;
                case "Dt":
                    cursor.Children(() =>
                    {
                        if (cursor.Name == "Dt")
                        {
                            date = cursor.ReadDate();
                        }
                        else if (cursor.Name == "DtTm")
                        {
                            timestamp = cursor.ReadDateTime();
                            date = DateOnly.FromDateTime(timestamp.Value.DateTime);
                        }
                    });
                    break;
            }
        });

        if (amount is null)
        {
            throw new BankFileFormatException(position, "expected <Amt> in <Bal>");
        }

        return new Balance(debit ? -amount.Value : amount.Value, currency, date, type) { Timestamp = timestamp };
    }
}
