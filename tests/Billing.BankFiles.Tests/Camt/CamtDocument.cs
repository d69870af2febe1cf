namespace Billing.BankFiles.Tests.Camt;

/// <summary>Builds minimal camt documents around entries, for the camt unit tests.</summary>
internal static class CamtDocument
{
    public const string Booked = "<Sts><Cd>BOOK</Cd></Sts>";

    /// <summary>A camt.05<paramref name="message"/>.001.<paramref name="version"/> document with one statement holding <paramref name="entries"/>.</summary>
    public static string Create(string entries, int message = 3, string version = "08")
    {
        var (root, statement) = message switch
        {
            2 => ("BkToCstmrAcctRpt", "Rpt"),
            3 => ("BkToCstmrStmt", "Stmt"),
            _ => ("BkToCstmrDbtCdtNtfctn", "Ntfctn"),
        };
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.05{message}.001.{version}">
              <{root}>
                <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-01-31T18:00:00+01:00</CreDtTm></GrpHdr>
                <{statement}>
                  <Id>STMT-1</Id>
                  <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
                  {entries}
                </{statement}>
              </{root}>
            </Document>
            """;
    }

    /// <summary>An Ntry with a credit of 10.00 CHF, booked, plus <paramref name="inner"/>.</summary>
    public static string Entry(string inner, string indicator = "CRDT") =>
        $"<Ntry><Amt Ccy=\"CHF\">10.00</Amt><CdtDbtInd>{indicator}</CdtDbtInd>{Booked}<BookgDt><Dt>2024-01-31</Dt></BookgDt>{inner}</Ntry>";

    public static StatementEntry SingleEntry(string inner, string indicator = "CRDT") =>
        BankText.SingleEntry(Create(Entry(inner, indicator)));
}
