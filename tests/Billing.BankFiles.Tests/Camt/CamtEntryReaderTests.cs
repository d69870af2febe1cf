namespace Billing.BankFiles.Tests.Camt;

/// <summary>One Ntry element at a time: dates, reversal, status, return reasons, references and batches.</summary>
public sealed class CamtEntryReaderTests
{
    [Fact]
    public void Read_ValueDateAsDtTm_KeepsTheTimestampAndItsDate()
    {
        var entry = CamtDocument.SingleEntry("<ValDt><DtTm>2024-02-01T23:30:00+01:00</DtTm></ValDt>");

        Assert.Equal(new DateTimeOffset(2024, 2, 1, 23, 30, 0, TimeSpan.FromHours(1)), entry.ValueTime);
        Assert.Equal(new DateOnly(2024, 2, 1), entry.ValueDate);
        Assert.Equal(new DateOnly(2024, 1, 31), entry.BookingDate);
        Assert.Null(entry.BookingTime);
    }

    [Fact]
    public void Read_DtTmWithoutZone_IsTakenAsUtc()
    {
        var entry = CamtDocument.SingleEntry("<ValDt><DtTm>2024-02-01T08:00:00</DtTm></ValDt>");

        Assert.Equal(TimeSpan.Zero, entry.ValueTime!.Value.Offset);
    }

    [Theory]
    [InlineData("true", "CRDT", true, "10.00")]
    [InlineData("false", "CRDT", false, "10.00")]
    [InlineData("true", "DBIT", true, "-10.00")]
    public void Read_ReversalIndicator_KeepsTheBooksDirection(string indicator, string creditDebit, bool reversal, string amount)
    {
        var entry = CamtDocument.SingleEntry($"<RvslInd>{indicator}</RvslInd>", creditDebit);

        Assert.Equal(reversal, entry.IsReversal);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), entry.Amount);
    }

    [Theory]
    [InlineData("<Sts>BOOK</Sts>", EntryStatus.Booked)]
    [InlineData("<Sts><Cd>PDNG</Cd></Sts>", EntryStatus.Pending)]
    [InlineData("<Sts>INFO</Sts>", EntryStatus.Information)]
    public void Read_StatusPlainOrCoded_IsMapped(string status, EntryStatus expected)
    {
        var document = CamtDocument.Create($"<Ntry><Amt Ccy=\"CHF\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>{status}</Ntry>");

        Assert.Equal(expected, Assert.Single(BankText.Read(document).Statements.Single().Entries).Status);
    }

    [Fact]
    public void Read_ReturnInformation_GivesTheReasonCode()
    {
        var entry = CamtDocument.SingleEntry("<NtryDtls><TxDtls><RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Account closed</AddtlInf></RtrInf></TxDtls></NtryDtls>", "DBIT");

        Assert.Equal("AC04", entry.ReturnReason);
        Assert.Equal("Account closed", entry.TransactionDetails.Single().ReturnAdditionalInfo);
    }

    [Fact]
    public void Read_StructuredCreditorReference_IsTheEntryReference()
    {
        var entry = CamtDocument.SingleEntry("<NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>");

        Assert.Equal("RF18539007547034", entry.CreditorReference);
        Assert.Equal("SCOR", entry.TransactionDetails.Single().CreditorReferenceType);
    }

    [Fact]
    public void Read_BatchWithSeveralTransactions_KeepsEachWithItsOwnAmountAndTheFirstForTheEntry()
    {
        var entry = CamtDocument.SingleEntry("""
            <NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
              <TxDtls><Refs><EndToEndId>E2E-A</EndToEndId></Refs><Amt Ccy="CHF">6.00</Amt><RmtInf><Ustrd>First</Ustrd></RmtInf>
                <RltdPties><Dbtr><Pty><Nm>Alice</Nm></Pty></Dbtr></RltdPties></TxDtls>
              <TxDtls><Refs><EndToEndId>E2E-B</EndToEndId></Refs><Amt Ccy="CHF">4.00</Amt><RmtInf><Ustrd>Second</Ustrd></RmtInf>
                <RltdPties><Dbtr><Nm>Bob</Nm></Dbtr></RltdPties></TxDtls>
            </NtryDtls>
            """);

        Assert.Equal(["E2E-A", "E2E-B"], entry.TransactionDetails.Select(d => d.EndToEndId));
        Assert.Equal([6.00m, 4.00m], entry.TransactionDetails.Select(d => d.Amount!.Value));
        Assert.Equal("E2E-A", entry.EndToEndId);
        Assert.Equal("First", entry.RemittanceInfo);
        Assert.Equal("Alice", entry.CounterpartyName);
        Assert.Equal("Bob", entry.TransactionDetails[1].Counterparty(isCredit: true)!.Name);
    }

    [Fact]
    public void Read_SingleTransactionWithoutAmount_TakesTheEntryAmount()
    {
        var entry = CamtDocument.SingleEntry("<NtryDtls><TxDtls><Refs><EndToEndId>E</EndToEndId></Refs></TxDtls></NtryDtls>", "DBIT");

        Assert.Equal(-10.00m, entry.TransactionDetails.Single().Amount);
    }

    [Fact]
    public void Read_BankTransactionCode_IsDomainFamilySubFamily()
    {
        var entry = CamtDocument.SingleEntry("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>");

        Assert.Equal("PMNT/RCDT/ESCT", entry.BankTransactionCode);
    }

    [Fact]
    public void Read_DocumentTypeDeclaration_IsRejected()
    {
        var document = CamtDocument.Create(CamtDocument.Entry(string.Empty)).Replace("<Document", "<!DOCTYPE Document [<!ENTITY e \"x\">]>\n<Document", StringComparison.Ordinal);

        var message = BankText.Failure(document);

        Assert.StartsWith("prolog, before the root element: malformed XML: For security reasons DTD is prohibited", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Ntry><Amt Ccy=\"CHF\">1.0.0</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>", "line 8, /Document/BkToCstmrStmt/Stmt/Ntry/Amt: expected an unsigned decimal amount, found \"1.0.0\"")]
    [InlineData("<Ntry><Amt Ccy=\"CHF\">-1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>", "line 8, /Document/BkToCstmrStmt/Stmt/Ntry/Amt: expected an unsigned decimal amount, found \"-1.00\"")]
    [InlineData("<Ntry><Amt Ccy=\"CHF\">1.00</Amt><CdtDbtInd>CREDIT</CdtDbtInd></Ntry>", "line 8, /Document/BkToCstmrStmt/Stmt/Ntry: expected <CdtDbtInd> CRDT or DBIT in <Ntry>, found \"CREDIT\"")]
    [InlineData("<Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry>", "line 8, /Document/BkToCstmrStmt/Stmt/Ntry: expected <Amt> in <Ntry>")]
    [InlineData("<Ntry><Amt Ccy=\"CHF\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-02-30</Dt></BookgDt></Ntry>", "line 8, /Document/BkToCstmrStmt/Stmt/Ntry/BookgDt/Dt: expected a date YYYY-MM-DD, found \"2024-02-30\"")]
    [InlineData("<Ntry><Amt Ccy=\"CHF\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><ValDt><DtTm>yesterday</DtTm></ValDt></Ntry>", "line 8, /Document/BkToCstmrStmt/Stmt/Ntry/ValDt/DtTm: expected a date-time YYYY-MM-DDThh:mm:ss, found \"yesterday\"")]
    [InlineData("<Ntry><Amt Ccy=\"CHF\"><Value>1</Value></Amt></Ntry>", "line 8, /Document/BkToCstmrStmt/Stmt/Ntry/Amt/Value: expected text, found a child element")]
    public void Read_MalformedEntry_NamesLineElementPathAndExpectation(string entry, string message)
    {
        Assert.Equal(message, BankText.Failure(CamtDocument.Create(entry)));
    }
}
