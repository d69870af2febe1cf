namespace Billing.BankFiles.Camt;

/// <summary>Reads Acct: Id/IBAN or Id/Othr/Id, Ccy, Ownr/Nm, Svcr/FinInstnId/BIC|BICFI and Nm.</summary>
internal static class CamtAccount
{
    public static void Read(XmlCursor cursor, BankStatement statement)
    {
        cursor.Children(() =>
        {
            switch (cursor.Name)
            {
                case "Id":
                    cursor.Children(() =>
                    {
                        if (cursor.Name == "IBAN")
                        {
                            statement.Iban = cursor.ReadText();
                            statement.Account = statement.Iban;
                        }
                        else if (cursor.Name == "Othr")
                        {
                            cursor.Children(() =>
                            {
                                if (cursor.Name == "Id")
                                {
                                    statement.Account ??= cursor.ReadText();
                                }
                            });
                        }
                    });
                    break;
                case "Ccy":
                    statement.Currency = cursor.ReadText();
                    break;
                case "Ownr":
                    cursor.Children(() =>
                    {
                        if (cursor.Name == "Nm")
                        {
                            statement.AccountOwnerName = cursor.ReadText();
                        }
                    });
                    break;
                case "Svcr":
                    cursor.Children(() =>
                    {
                        if (cursor.Name == "FinInstnId")
                        {
                            cursor.Children(() =>
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
                            });
                        }
                    });
                    break;
            }
        });
    }
}
