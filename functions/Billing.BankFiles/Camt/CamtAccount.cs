namespace Billing.BankFiles.Camt;

/// <summary>Reads Acct: Id/IBAN or Id/Othr/Id, Ccy, Ownr/Nm, Svcr/FinInstnId/BIC|BICFI and Nm.</summary>
internal static class CamtAccount
{
    public static void Read(XmlCursor cursor, BankStatement statement)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            switch (cursor.Name)
            {
                case "Id":
                    ReadId(cursor, statement);
                    break;
                case "Ccy":
                    statement.Currency = cursor.ReadText();
                    break;
                case "Ownr":
                    var owner = cursor.Enter();
                    while (cursor.NextChild(owner))
                    {
                        if (cursor.Name == "Nm")
                        {
                            statement.AccountOwnerName = cursor.ReadText();
                        }
                    }

                    break;
                case "Svcr":
                    ReadServicer(cursor, statement);
                    break;
            }
        }
    }

    private static void ReadId(XmlCursor cursor, BankStatement statement)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            if (cursor.Name == "IBAN")
            {
                statement.Iban = cursor.ReadText();
                statement.Account = statement.Iban;
            }
            else if (cursor.Name == "Othr")
            {
                var other = cursor.Enter();
                while (cursor.NextChild(other))
                {
                    if (cursor.Name == "Id")
                    {
                        var id = cursor.ReadText();
                        statement.Account ??= id;
                    }
                }
            }
        }
    }

    private static void ReadServicer(XmlCursor cursor, BankStatement statement)
    {
        var parent = cursor.Enter();
        while (cursor.NextChild(parent))
        {
            if (cursor.Name != "FinInstnId")
            {
                continue;
            }

            var institution = cursor.Enter();
            while (cursor.NextChild(institution))
            {
                switch (cursor.Name)
                {
                    case "BIC" or "BICFI":
                        statement.AccountServicerBic = cursor.ReadText();
                        break;
                    case "Nm":
                        statement.AccountServicerName = cursor.ReadText();
                        break;
                }
            }
        }
    }
}
