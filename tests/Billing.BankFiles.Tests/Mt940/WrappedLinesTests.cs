using System.Text;

namespace Billing.BankFiles.Tests.Mt940;

/// <summary>:61: and :86: fields wrapped at the bank's line length (SWIFT's 65 characters, or narrower).</summary>
public sealed class WrappedLinesTests
{
    private const string Head = ":20:STMT\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C260101EUR0,00\r\n";

    /// <summary>A field written as the bank does: its tag line cut every <paramref name="width"/> characters.</summary>
    private static string Wrap(string field, int width = 65)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < field.Length; i += width)
        {
            lines.Append(field.AsSpan(i, Math.Min(width, field.Length - i))).Append("\r\n");
        }

        return lines.ToString();
    }

    private static BankFile Read(string fields, string closing) => BankText.Read(Head + fields + $":62F:C260131EUR{closing}\r\n");

    [Fact]
    public void Read_StatementLineWrappedInsideTheBankReference_JoinsTheReference()
    {
        var file = Read(Wrap(":61:2601200120C1234567890,12NTRFINV2026000001ABC//1234567890ABCDEF") + "SUPPLEMENTARY DETAILS\r\n", "1234567890,12");

        var entry = Assert.Single(Assert.Single(file.Statements).Entries);
        Assert.Equal("INV2026000001ABC", entry.EntryReference);
        Assert.Equal("1234567890ABCDEF", entry.AccountServicerReference);
        Assert.Equal("SUPPLEMENTARY DETAILS", entry.SupplementaryDetails);
        Assert.Equal(1234567890.12m, entry.Amount);
        Assert.Contains(file.Warnings, w => w.Contains(":61: continues on the next line", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_StatementLineWrappedBeforeTheTypeCode_JoinsTheLine()
    {
        var file = Read(Wrap(":61:2601200120C1234,56NTRFREF-1//BANK-1", width: 20), "1234,56");

        var entry = Assert.Single(Assert.Single(file.Statements).Entries);
        Assert.Equal(1234.56m, entry.Amount);
        Assert.Equal("NTRF", entry.BankTransactionCode);
        Assert.Equal("REF-1", entry.EntryReference);
        Assert.Equal("BANK-1", entry.AccountServicerReference);
        Assert.Null(entry.SupplementaryDetails);
    }

    [Fact]
    public void Read_BankReferenceOnTheNextLine_IsTheBankReferenceNotSupplementaryDetails()
    {
        var entry = Assert.Single(Assert.Single(Read(":61:2601200120C12,50NTRFREF-1\r\n//BANK-1\r\nDETAILS\r\n", "12,50").Statements).Entries);

        Assert.Equal("REF-1", entry.EntryReference);
        Assert.Equal("BANK-1", entry.AccountServicerReference);
        Assert.Equal("DETAILS", entry.SupplementaryDetails);
    }

    [Fact]
    public void Read_ShortStatementLineWithDetails_KeepsTheDetailsApart()
    {
        var file = Read(":61:2601200120C12,50NTRFREF-1//BANK\r\nAB12\r\n", "12,50");

        var entry = Assert.Single(Assert.Single(file.Statements).Entries);
        Assert.Equal("BANK", entry.AccountServicerReference);
        Assert.Equal("AB12", entry.SupplementaryDetails);
        Assert.DoesNotContain(file.Warnings, w => w.Contains("continues on the next line", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_StructuredDetailsWrappedMidSubfield_JoinsEachSubfieldWithoutAddingSpaces()
    {
        var details = Wrap(":86:166?00SEPA-GUTSCHRIFT?20EREF+E2E-REF-2026-0001?21SVWZ+INV-2026-000001 Miete J?22anuar 2026?30COBADEFFXXX?31DE02120300000000202051?32ACME TRADING LTD");

        var entry = Assert.Single(Assert.Single(Read(":61:2601200120C12,50NTRFNONREF\r\n" + details, "12,50").Statements).Entries);

        Assert.Equal(3, details.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("E2E-REF-2026-0001", entry.EndToEndId);
        Assert.Equal("INV-2026-000001 Miete Januar 2026", entry.RemittanceInfo);
        Assert.Equal("DE02120300000000202051", entry.CounterpartyIban);
        Assert.Equal("COBADEFFXXX", entry.CounterpartyBic);
        Assert.Equal("ACME TRADING LTD", entry.CounterpartyName);
    }

    [Fact]
    public void Read_StructuredDetailsWrappedInsideTheSubfieldMarker_FindsTheSubfield()
    {
        var entry = Assert.Single(Assert.Single(Read(":61:2601200120C12,50NTRFNONREF\r\n:86:166?00GUTSCHRIFT?2\r\n0SVWZ+INV-7?3\r\n2PAYER\r\n", "12,50").Statements).Entries);

        Assert.Equal("INV-7", entry.RemittanceInfo);
        Assert.Equal("PAYER", entry.CounterpartyName);
    }

    [Fact]
    public void Read_FreeTextDetailsOverSeveralLines_KeepsTheLineBreaks()
    {
        var entry = Assert.Single(Assert.Single(Read(":61:2601200120C12,50NTRFNONREF\r\n:86:Invoice INV-7\r\nthank you\r\n", "12,50").Statements).Entries);

        Assert.Equal("Invoice INV-7\nthank you", entry.Details);
    }
}
