namespace Billing.BankFiles.Camt;

/// <summary>
/// Reads BkTxCd: the ISO code as "Domain/Family/SubFamily" (e.g. PMNT/ICDT/DMCT); when only a proprietary code is
/// given (Prtry/Cd, e.g. "NTRF+020"), that code.
/// </summary>
internal static class CamtBankTransactionCode
{
    public static string? Read(XmlCursor cursor, out string? proprietary)
    {
        string? domain = null, family = null, subFamily = null;
        proprietary = null;
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            if (cursor.Name == "Domn")
            {
                ReadDomain(cursor, ref domain, ref family, ref subFamily);
            }
            else if (cursor.Name == "Prtry")
            {
                var prtry = cursor.Enter();
                while (cursor.NextChild(prtry))
                {
                    if (cursor.Name == "Cd")
                    {
                        proprietary = cursor.ReadText();
                    }
                }
            }
        }

        return domain is null ? proprietary : string.Concat(domain, "/", family, "/", subFamily);
    }

    private static void ReadDomain(XmlCursor cursor, ref string? domain, ref string? family, ref string? subFamily)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            if (cursor.Name == "Cd")
            {
                domain = cursor.ReadText();
            }
            else if (cursor.Name == "Fmly")
            {
                var fmly = cursor.Enter();
                while (cursor.NextChild(fmly))
                {
                    if (cursor.Name == "Cd")
                    {
                        family = cursor.ReadText();
                    }
                    else if (cursor.Name == "SubFmlyCd")
                    {
                        subFamily = cursor.ReadText();
                    }
                }
            }
        }
    }
}
