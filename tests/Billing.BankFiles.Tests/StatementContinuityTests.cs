namespace Billing.BankFiles.Tests;

/// <summary>Statements of one account in one file that do not follow each other are reported, so a missing one is noticed.</summary>
public sealed class StatementContinuityTests
{
    private static string Mt940(string number, string opening, string closing) =>
        $":20:S{number}\r\n:25:DE89370400440532013000\r\n:28C:{number}\r\n:60F:C240101EUR{opening}\r\n:62F:C240131EUR{closing}\r\n";

    [Fact]
    public void Read_ConsecutiveStatements_HaveNoWarning()
    {
        Assert.Empty(BankText.Read(Mt940("41/1", "10,00", "10,00") + Mt940("42/1", "10,00", "10,00")).Warnings);
    }

    [Fact]
    public void Read_FurtherPageOfTheSameStatement_IsConsecutive()
    {
        Assert.Empty(BankText.Read(Mt940("42/1", "10,00", "10,00") + Mt940("42/2", "10,00", "10,00")).Warnings);
    }

    [Fact]
    public void Read_StatementNumberGap_IsAWarning()
    {
        var file = BankText.Read(Mt940("41/1", "10,00", "10,00") + Mt940("43/1", "10,00", "10,00"));

        Assert.Equal("account DE89370400440532013000: statement number :28C: 43/1 follows 41/1: a statement may be missing", Assert.Single(file.Warnings));
    }

    [Fact]
    public void Read_OpeningThatIsNotThePreviousClosing_IsAWarningNamingBothBalances()
    {
        var file = BankText.Read(Mt940("41/1", "20,00", "20,00") + Mt940("42/1", "25,00", "25,00"));

        Assert.Equal("statement S42/1 of account DE89370400440532013000 opens with 25.00 EUR, but the previous statement S41/1 closed with 20.00 EUR: a statement may be missing", Assert.Single(file.Warnings));
    }

    [Fact]
    public void Read_CamtElectronicSequenceGap_IsAWarning()
    {
        var statement = (string seq) => $"<Stmt><Id>S{seq}</Id><ElctrncSeqNb>{seq}</ElctrncSeqNb><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>{Camt.CamtDocument.Entry("")}</Stmt>";
        var document = Camt.CamtDocument.Create("").Replace("<Stmt>", statement("7") + statement("9") + "<Stmt>", StringComparison.Ordinal);

        var file = BankText.Read(document);

        Assert.Contains("account CH9300762011623852957: electronic sequence number 9 follows 7: a statement may be missing", file.Warnings);
    }
}
