using System.Globalization;
using System.Text;

namespace Billing.Benchmarks.BankFiles;

/// <summary>Generates large, valid bank files for benchmarks, so no big file is committed.</summary>
public static class BankFileGenerator
{
    /// <summary>One camt.053.001.08 statement with <paramref name="entries"/> entries.</summary>
    public static byte[] Camt053(int entries) => Encoding.UTF8.GetBytes(string.Concat(CamtChunks(entries)));

    /// <summary>The camt.053 text in chunks (header, one chunk per entry, trailer), for streaming generation.</summary>
    public static IEnumerable<string> CamtChunks(long entries)
    {
        yield return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
            <BkToCstmrStmt><GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2024-01-31T18:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>STMT-1</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2024-01-31T18:00:00+01:00</CreDtTm>
            <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-31</Dt></Dt></Bal>

            """;
        for (long i = 0; i < entries; i++)
        {
            var credit = i % 3 != 0;
            yield return string.Create(CultureInfo.InvariantCulture, $"""
                <Ntry><NtryRef>N{i}</NtryRef><Amt Ccy="CHF">{(i % 9000) + 1}.{i % 100:00}</Amt><CdtDbtInd>{(credit ? "CRDT" : "DBIT")}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2024-01-31</Dt></BookgDt><ValDt><Dt>2024-01-31</Dt></ValDt><AcctSvcrRef>ASR{i}</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>E2E-{i}</EndToEndId></Refs><Amt Ccy="CHF">{(i % 9000) + 1}.{i % 100:00}</Amt>
                <RltdPties><Dbtr><Pty><Nm>Customer {i % 5000}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>CH5604835012345678009</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf><Ustrd>Invoice INV-{i}</Ustrd><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
                </TxDtls></NtryDtls></Ntry>

                """);
        }

        yield return "</Stmt></BkToCstmrStmt></Document>\n";
    }

    /// <summary>One MT940 statement with <paramref name="transactions"/> :61:/:86: pairs.</summary>
    public static byte[] Mt940(int transactions)
    {
        var builder = new StringBuilder(transactions * 120);
        builder.Append("{1:F01BANKDEFFXXXX0000000000}{2:O9401200240131BANKDEFFXXXX00000000002401311200N}{4:\r\n:20:BENCH\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240131EUR1000,00\r\n");
        var balance = 1000.00m;
        for (var i = 0; i < transactions; i++)
        {
            var debit = i % 3 == 0;
            balance += (debit ? -1 : 1) * ((i % 9000) + 1 + ((i % 100) / 100m));
            builder.Append(CultureInfo.InvariantCulture, $":61:2401310131{(debit ? 'D' : 'C')}{(i % 9000) + 1},{i % 100:00}NTRFREF{i}//B{i}\r\n");
            builder.Append(CultureInfo.InvariantCulture, $":86:166?00GUTSCHRIFT?20EREF+E2E{i}?21SVWZ+Invoice {i}?32Customer {i % 5000}\r\n");
        }

        // The closing balance is what the entries add up to: a statement that does not balance is refused by ingestion.
        builder.Append(CultureInfo.InvariantCulture, $":62F:{(balance < 0 ? 'D' : 'C')}240131EUR{Math.Abs(balance).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')}\r\n-}}\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// One MT940 statement with <paramref name="transactions"/> entries as German banks write them (about 170 bytes each,
    /// 34 MB for 200,000: the size of the issue's comparison file): :61: with entry date and both references, a
    /// structured :86: with SEPA keywords, BIC, IBAN and name, its lines wrapped at SWIFT's 65 characters.
    /// </summary>
    public static byte[] Mt940Wrapped(int transactions)
    {
        var builder = new StringBuilder(transactions * 180);
        builder.Append("{1:F01BANKDEFFXXXX0000000000}{2:O9401200240131BANKDEFFXXXX00000000002401311200N}{4:\r\n:20:BENCH\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240131EUR1000,00\r\n");
        var balance = 1000.00m;
        for (var i = 0; i < transactions; i++)
        {
            var debit = i % 3 == 0;
            var amount = (i % 9000) + 1 + ((i % 100) / 100m);
            balance += debit ? -amount : amount;
            builder.Append(CultureInfo.InvariantCulture, $":61:2401310131{(debit ? 'D' : 'C')}{amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')}NTRFKREF{i:D8}//{i:D8}\r\n");
            var details = string.Create(CultureInfo.InvariantCulture,
                $":86:166?00GUTSCHRIFT?20EREF+E2E{i:D8}?21SVWZ+Rechnung INV-{i % 100000:D6}?30COBADEFFXXX?31DE02120300000000202051?32Kunde {i % 5000}");
            for (var at = 0; at < details.Length; at += 65)
            {
                builder.Append(details.AsSpan(at, Math.Min(65, details.Length - at))).Append("\r\n");
            }
        }

        builder.Append(CultureInfo.InvariantCulture, $":62F:{(balance < 0 ? 'D' : 'C')}240131EUR{Math.Abs(balance).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')}\r\n-}}\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// Writes a generated file for a whole-process measurement of <c>billing bankfile inspect</c>:
    /// <c>dotnet run -c Release --project tests/Billing.Benchmarks -- bankfile mt940|bai2|camt053 200000 /tmp/big.sta</c>.
    /// </summary>
    public static void Write(string format, int transactions, string path)
    {
        var bytes = format switch
        {
            "mt940" => Mt940Wrapped(transactions),
            "bai2" => Bai2(transactions),
            "camt053" => Camt053(transactions),
            _ => throw new ArgumentException($"unknown format {format}: expected mt940, bai2 or camt053", nameof(format)),
        };
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>One BAI2 file with <paramref name="transactions"/> 16 records in one account.</summary>
    public static byte[] Bai2(int transactions)
    {
        var builder = new StringBuilder(transactions * 60);
        builder.Append("01,SENDER,RECEIVER,240131,1200,1,80,1,2/\n02,RECEIVER,BANK,1,240131,2400,USD,2/\n03,123456789,USD,010,100000,,,015,100000,,/\n");
        long total = 200000;
        for (var i = 0; i < transactions; i++)
        {
            var amount = (i % 9000) + 100;
            total += amount;
            builder.Append(CultureInfo.InvariantCulture, $"16,{(i % 3 == 0 ? 451 : 142)},{amount},0,B{i},C{i},Payment text {i}/\n");
        }

        builder.Append(CultureInfo.InvariantCulture, $"49,{total},{transactions + 2}/\n98,{total},1,{transactions + 4}/\n99,{total},1,{transactions + 6}/\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
