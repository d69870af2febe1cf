using System.Globalization;
using System.Text;

namespace Billing.Cli.Tests.Support;

/// <summary>One credit on a test statement: amount, the bank's reference, and what the payer wrote.</summary>
public sealed record StatementCredit(decimal Amount, string BankReference)
{
    public string? CreditorReference { get; init; }

    public string? Text { get; init; }

    public string PayerName { get; init; } = "Payer GmbH";

    public string Date { get; init; } = "2026-03-02";
}

/// <summary>Small camt.053 and MT940 statements on the demo seller's EUR account, as a bank would send them.</summary>
public static class StatementText
{
    public const string OwnIban = "DE89370400440532013000";

    public static string Camt053(string statementId, params StatementCredit[] credits)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-{statementId}</MsgId><CreDtTm>2026-03-02T18:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>{statementId}</Id><CreDtTm>2026-03-02T18:00:00+01:00</CreDtTm>
            <Acct><Id><IBAN>{OwnIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>

            """);
        foreach (var c in credits)
        {
            var amount = c.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>");
            text.Append(CultureInfo.InvariantCulture, $"<BookgDt><Dt>{c.Date}</Dt></BookgDt><ValDt><Dt>{c.Date}</Dt></ValDt><AcctSvcrRef>{c.BankReference}</AcctSvcrRef>");
            text.Append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>");
            text.Append(CultureInfo.InvariantCulture, $"<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy=\"EUR\">{amount}</Amt>");
            text.Append(CultureInfo.InvariantCulture, $"<RltdPties><Dbtr><Pty><Nm>{c.PayerName}</Nm></Pty></Dbtr></RltdPties><RmtInf>");
            if (c.Text is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"<Ustrd>{c.Text}</Ustrd>");
            }

            if (c.CreditorReference is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{c.CreditorReference}</Ref></CdtrRefInf></Strd>");
            }

            text.Append("</RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }

        text.Append("</Stmt></BkToCstmrStmt></Document>\n");
        return text.ToString();
    }

    /// <summary>An MT940 on the own account given as BLZ/account number, as German banks send it.</summary>
    public static string Mt940(string statementNumber, params StatementCredit[] credits)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $":20:{statementNumber}\r\n:25:37040044/0532013000\r\n:28C:00001/001\r\n:60F:C260301EUR0,00\r\n");
        var total = 0m;
        foreach (var c in credits)
        {
            total += c.Amount;
            var date = DateOnly.ParseExact(c.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $":61:{date:yyMMdd}{date:MMdd}C{Comma(c.Amount)}NTRFNONREF//{c.BankReference}\r\n");
            text.Append(CultureInfo.InvariantCulture, $":86:166?00GUTSCHRIFT?20EREF+NOTPROVIDED?21SVWZ+{c.Text ?? c.CreditorReference ?? ""}?32{c.PayerName}\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $":62F:C260302EUR{Comma(total)}\r\n-\r\n");
        return text.ToString();
    }

    /// <summary>Writes the text to a file in a fresh temp folder and returns its path.</summary>
    public static string Write(string fileName, string content)
    {
        var folder = CliRun.NewDataDirectory();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Comma(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
