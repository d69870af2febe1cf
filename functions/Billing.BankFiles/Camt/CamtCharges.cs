namespace Billing.BankFiles.Camt;

/// <summary>Reads Chrgs: TtlChrgsAndTaxAmt when given, else the sum of Rcrd/Amt (.04 and later) or Amt (.02/.03).</summary>
internal static class CamtCharges
{
    public static decimal? Read(XmlCursor cursor)
    {
        decimal? total = null;
        decimal sum = 0;
        var any = false;
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "TtlChrgsAndTaxAmt":
                    total = cursor.ReadAmount();
                    break;
                case "Amt":
                    sum += cursor.ReadAmount();
                    any = true;
                    break;
                case "Rcrd":
                    var record = cursor.Enter();
                    while (cursor.NextChild(record))
                    {
                        if (cursor.Name == "Amt")
                        {
                            sum += cursor.ReadAmount();
                            any = true;
                        }
                    }

                    break;
            }
        }

        return total ?? (any ? sum : null);
    }
}
