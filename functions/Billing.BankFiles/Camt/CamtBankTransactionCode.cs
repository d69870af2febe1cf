namespace Billing.BankFiles.Camt;

/// <summary>
/// Reads BkTxCd: the ISO code as "Domain/Family/SubFamily" (e.g. PMNT/ICDT/DMCT); when only a proprietary code is
/// given (Prtry/Cd, e.g. "NTRF+020"), that code.
/// </summary>
internal static class CamtBankTransactionCode
{
    public static string? Read(XmlCursor cursor, out string? proprietary)
    {
        string? domain = null, family = null, subFamily = null, prtry = null;
        cursor.Children(() =>
        {
            if (cursor.Name == "Domn")
            {
                cursor.Children(() =>
                {
                    if (cursor.Name == "Cd")
                    {
                        domain = cursor.ReadText();
                    }
                    else if (cursor.Name == "Fmly")
                    {
                        cursor.Children(() =>
                        {
                            if (cursor.Name == "Cd")
                            {
                                family = cursor.ReadText();
                            }
                            else if (cursor.Name == "SubFmlyCd")
                            {
                                subFamily = cursor.ReadText();
                            }
                        });
                    }
                });
            }
            else if (cursor.Name == "Prtry")
            {
                cursor.Children(() =>
                {
                    if (cursor.Name == "Cd")
                    {
                        prtry = cursor.ReadText();
                    }
                });
            }
        });

        proprietary = prtry;
        return domain is null ? prtry : $"{domain}/{family}/{subFamily}";
    }
}
