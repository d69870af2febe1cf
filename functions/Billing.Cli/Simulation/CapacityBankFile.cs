using System.Globalization;
using System.Text;
using Billing.Cli.Demo;
using Billing.Core.Invoicing;

namespace Billing.Cli.Simulation;

/// <summary>
/// The bank statement <c>billing simulate</c> ingests: one camt.053 of the seller's EUR account booked on one day, with one
/// credit per paying customer, paying its invoice's amount due with the invoice's RF creditor reference (the way most
/// payers pay), so every entry is matched by the structured-reference rule.
/// </summary>
public static class CapacityBankFile
{
    public static byte[] Camt053(IReadOnlyList<Invoice> paid, DateOnly bookingDay)
    {
        ArgumentNullException.ThrowIfNull(paid);
        var id = string.Create(CultureInfo.InvariantCulture, $"SIM-{bookingDay:yyyyMMdd}");
        var total = paid.Sum(i => i.AmountDue.Amount);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-{id}</MsgId><CreDtTm>{bookingDay:yyyy-MM-dd}T18:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>{id}</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>{bookingDay:yyyy-MM-dd}T18:00:00+01:00</CreDtTm>
            <Acct><Id><IBAN>{DemoSeller.EurIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{bookingDay:yyyy-MM-dd}</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{total:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{bookingDay:yyyy-MM-dd}</Dt></Dt></Bal>

            """);
        for (var n = 0; n < paid.Count; n++)
        {
            var invoice = paid[n];
            var amount = invoice.AmountDue.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            var reference = string.Create(CultureInfo.InvariantCulture, $"{bookingDay:yyMMdd}{n + 1:D7}");
            text.Append(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>");
            text.Append(CultureInfo.InvariantCulture, $"<BookgDt><Dt>{bookingDay:yyyy-MM-dd}</Dt></BookgDt><ValDt><Dt>{bookingDay:yyyy-MM-dd}</Dt></ValDt><AcctSvcrRef>{reference}</AcctSvcrRef>");
            text.Append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>");
            text.Append(CultureInfo.InvariantCulture, $"<Refs><AcctSvcrRef>{reference}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy=\"EUR\">{amount}</Amt>");
            text.Append(CultureInfo.InvariantCulture, $"<RltdPties><Dbtr><Pty><Nm>{System.Security.SecurityElement.Escape(invoice.Buyer.LegalName)}</Nm></Pty></Dbtr></RltdPties>");
            text.Append(CultureInfo.InvariantCulture, $"<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{invoice.CreditorReference}</Ref></CdtrRefInf></Strd></RmtInf>");
            text.Append("</TxDtls></NtryDtls></Ntry>\n");
        }

        text.Append("</Stmt></BkToCstmrStmt></Document>\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
