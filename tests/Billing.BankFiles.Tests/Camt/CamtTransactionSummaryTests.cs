namespace Billing.BankFiles.Tests.Camt;

/// <summary>The statement's TxsSummry against the entries actually read.</summary>
public sealed class CamtTransactionSummaryTests
{
    private static readonly BankFileReaderOptions _strict = new() { RequireStatedTotals = true };

    private static string Summary(int count, string sum, int credits, string creditSum) =>
        $"<TxsSummry><TtlNtries><NbOfNtries>{count}</NbOfNtries><Sum>{sum}</Sum><TtlNetNtry><Amt>{sum}</Amt><CdtDbtInd>CRDT</CdtDbtInd></TtlNetNtry></TtlNtries>"
        + $"<TtlCdtNtries><NbOfNtries>{credits}</NbOfNtries><Sum>{creditSum}</Sum></TtlCdtNtries></TxsSummry>";

    private static BankFile Read(string document, BankFileReaderOptions? options = null) => BankText.Read(System.Text.Encoding.UTF8.GetBytes(document), options);

    [Fact]
    public void Read_SummaryMatchingTheEntries_Passes()
    {
        var document = CamtDocument.Create(Summary(2, "20.00", 2, "20.00") + CamtDocument.Entry("") + CamtDocument.Entry(""));

        Assert.Equal(2, Assert.Single(Read(document, _strict).Statements).Entries.Count);
    }

    [Fact]
    public void Read_SummaryCountingAnEntryTheFileLacks_IsRefusedNamingBothFigures()
    {
        var document = CamtDocument.Create(Summary(3, "30.00", 3, "30.00") + CamtDocument.Entry("") + CamtDocument.Entry(""));

        var error = Assert.Throws<BankFileFormatException>(() => Read(document, _strict));

        Assert.EndsWith("/Stmt/TxsSummry: TxsSummry TtlNtries/NbOfNtries states 3, the statement's entries give 2: the file is not whole", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SummaryWithAnotherCreditSum_IsAWarningWhenOnlyInspecting()
    {
        var document = CamtDocument.Create(Summary(1, "10.00", 1, "11.00") + CamtDocument.Entry(""));

        Assert.Contains(Read(document).Warnings, w => w.EndsWith("TxsSummry TtlCdtNtries/Sum states 11.00, the statement's entries give 10.00", StringComparison.Ordinal));
    }
}
