using System.Globalization;
using System.Text;

namespace Billing.Testing;

/// <summary>One entry of a test bank file.</summary>
public sealed record TestEntry(decimal Amount, string Reference)
{
    public string Currency { get; init; } = "EUR";

    public bool Credit { get; init; } = true;

    public string? EndToEndId { get; init; }

    public string? CreditorReference { get; init; }

    public string? Text { get; init; }

    public string? PayerName { get; init; }

    public string? PayerIban { get; init; }

    public bool Reversal { get; init; }

    public string? ReturnReason { get; init; }

    public string Date { get; init; } = "2026-01-20";
}

/// <summary>Writes small, valid camt.053 and MT940 files for tests (the parsers that read them are the real ones).</summary>
public static class TestBankFiles
{
    public const string OwnIban = "DE89370400440532013000";

    public static MemoryStream Camt053(IEnumerable<TestEntry> entries, string account = OwnIban, string statementId = "STMT-1")
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-{statementId}</MsgId><CreDtTm>2026-01-20T18:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>{statementId}</Id><CreDtTm>2026-01-20T18:00:00+01:00</CreDtTm>
            <Acct><Id><IBAN>{account}</IBAN></Id><Ccy>EUR</Ccy></Acct>

            """);
        foreach (var e in entries)
        {
            var amount = e.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"{e.Currency}\">{amount}</Amt><CdtDbtInd>{(e.Credit ? "CRDT" : "DBIT")}</CdtDbtInd>");
            if (e.Reversal)
            {
                text.Append("<RvslInd>true</RvslInd>");
            }

            text.Append(CultureInfo.InvariantCulture, $"<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{e.Date}</Dt></BookgDt><ValDt><Dt>{e.Date}</Dt></ValDt><AcctSvcrRef>{e.Reference}</AcctSvcrRef>");
            text.Append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>");
            text.Append(CultureInfo.InvariantCulture, $"<Refs><EndToEndId>{e.EndToEndId ?? "NOTPROVIDED"}</EndToEndId></Refs>");
            text.Append(CultureInfo.InvariantCulture, $"<Amt Ccy=\"{e.Currency}\">{amount}</Amt>");
            var party = e.Credit ? "Dbtr" : "Cdtr";
            if (e.PayerName is not null || e.PayerIban is not null)
            {
                text.Append("<RltdPties>");
                if (e.PayerName is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"<{party}><Pty><Nm>{e.PayerName}</Nm></Pty></{party}>");
                }

                if (e.PayerIban is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"<{party}Acct><Id><IBAN>{e.PayerIban}</IBAN></Id></{party}Acct>");
                }

                text.Append("</RltdPties>");
            }

            if (e.Text is not null || e.CreditorReference is not null)
            {
                text.Append("<RmtInf>");
                if (e.Text is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"<Ustrd>{e.Text}</Ustrd>");
                }

                if (e.CreditorReference is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{e.CreditorReference}</Ref></CdtrRefInf></Strd>");
                }

                text.Append("</RmtInf>");
            }

            if (e.ReturnReason is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"<RtrInf><Rsn><Cd>{e.ReturnReason}</Cd></Rsn></RtrInf>");
            }

            text.Append("</TxDtls></NtryDtls></Ntry>\n");
        }

        text.Append("</Stmt></BkToCstmrStmt></Document>\n");
        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>An MT940 (or MT942 with <paramref name="interim"/>) statement on the own account given as BLZ/account number.</summary>
    public static MemoryStream Mt940(IEnumerable<TestEntry> entries, bool interim = false, string account = "37040044/0532013000")
    {
        var text = new StringBuilder();
        var type = interim ? "942" : "940";
        text.Append(CultureInfo.InvariantCulture, $"{{1:F01BANKDEFFXXXX0000000000}}{{2:O{type}1200260120BANKDEFFXXXX00000000002601201200N}}{{4:\r\n:20:STMT{type}\r\n:25:{account}\r\n:28C:1/1\r\n");
        text.Append(interim ? ":34F:EUR0,\r\n:13D:2601201200+0100\r\n" : ":60F:C260119EUR0,00\r\n");
        var total = 0m;
        foreach (var e in entries)
        {
            var amount = e.Amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
            total += e.Credit ? e.Amount : -e.Amount;
            var date = DateOnly.ParseExact(e.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $":61:{date:yyMMdd}{date:MMdd}{(e.Credit ? "C" : "D")}{amount}NTRFNONREF//{e.Reference}\r\n");
            text.Append(CultureInfo.InvariantCulture, $":86:166?00GUTSCHRIFT?20EREF+{e.EndToEndId ?? "NOTPROVIDED"}?21SVWZ+{e.Text ?? ""}?32{e.PayerName ?? "UNKNOWN"}\r\n");
        }

        if (!interim)
        {
            text.Append(CultureInfo.InvariantCulture, $":62F:C260120EUR{total.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')}\r\n");
        }

        text.Append("-}\r\n");
        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
