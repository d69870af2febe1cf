namespace Billing.BankFiles.Tests.Mt940;

/// <summary>The German structured :86: field: ?NN subfields and the SEPA keywords in the purpose text.</summary>
public sealed class StructuredDetailsTests
{
    private static StatementEntry Entry(params string[] details86) => BankText.SingleEntry(
        ":20:STMT\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C240101EUR100,00\r\n:61:240115C12,50NTRFNONREF\r\n"
        + ":86:" + string.Join("\r\n", details86) + "\r\n:62F:C240131EUR112,50\r\n");

    [Fact]
    public void TryApply_GermanSubfields_AreKeyedByTheirTwoDigits()
    {
        var entry = Entry("166?00SEPA-GUTSCHRIFT?109310?20EREF+E2E-1?21SVWZ+Rechnung 42?30COBADEFFXXX?31DE02120300000000202051?32Max Muster?33mann?34997");

        Assert.Equal("166", entry.TransactionTypeCode);
        Assert.Equal("SEPA-GUTSCHRIFT", entry.StructuredDetails["00"]);
        Assert.Equal("9310", entry.StructuredDetails["10"]);
        Assert.Equal("997", entry.StructuredDetails["34"]);
        Assert.Equal("COBADEFFXXX", entry.CounterpartyBic);
        Assert.Equal("DE02120300000000202051", entry.CounterpartyIban);
        Assert.Equal("Max Mustermann", entry.CounterpartyName);
    }

    [Fact]
    public void TryApply_NameInTwoSubfields_IsConcatenatedWithoutSeparator()
    {
        var entry = Entry("166?20SVWZ+X?32Max Muster?33mann");

        Assert.Equal("Max Mustermann", entry.CounterpartyName);
    }

    [Fact]
    public void TryApply_PurposeOverSeveralSubfieldsAndLines_IsJoinedInNumberOrder()
    {
        var entry = Entry("166?00GUTSCHRIFT?20Rechnung 4711 vo", "m 15.01.?21danke?60Teil 60?63Teil 63");

        Assert.Equal("Rechnung 4711 vom 15.01.dankeTeil 60Teil 63", entry.RemittanceInfo);
        Assert.Equal("Rechnung 4711 vom 15.01.", entry.StructuredDetails["20"]);
        Assert.Empty(entry.SepaKeywords);
    }

    public static TheoryData<string, string, string> Keywords => new()
    {
        { "?20EREF+E2E-77?21SVWZ+Invoice 1", "EREF", "E2E-77" },
        { "?20KREF+KR-1?21SVWZ+Invoice 1", "KREF", "KR-1" },
        { "?20MREF+MANDATE-9?21CRED+DE98ZZZ09999999999?22SVWZ+Beitrag", "MREF", "MANDATE-9" },
        { "?20MREF+MANDATE-9?21CRED+DE98ZZZ09999999999?22SVWZ+Beitrag", "CRED", "DE98ZZZ09999999999" },
        { "?20EREF+E2E-77?21SVWZ+Invoice 1", "SVWZ", "Invoice 1" },
        { "?20SVWZ+Miete Januar?21ABWA+Hausverwaltung", "ABWA", "Hausverwaltung" },
    };

    [Theory]
    [MemberData(nameof(Keywords))]
    public void TryApply_SepaKeyword_RunsToTheNextKeyword(string subfields, string keyword, string value)
    {
        var entry = Entry("105" + subfields);

        Assert.Equal(value, entry.SepaKeywords[keyword]);
    }

    [Fact]
    public void TryApply_EndToEndIdAndRemittance_ComeFromErefAndSvwz()
    {
        var entry = Entry("166?20EREF+E2E-77?21SVWZ+Invoice 1 of ?22January");

        Assert.Equal("E2E-77", entry.EndToEndId);
        Assert.Equal("Invoice 1 of January", entry.RemittanceInfo);
    }

    [Fact]
    public void TryApply_KeywordSplitAcrossSubfields_IsFoundInTheJoinedPurpose()
    {
        var entry = Entry("166?20EREF+E2E?21-SPLIT?22SVWZ+Text");

        Assert.Equal("E2E-SPLIT", entry.EndToEndId);
    }

    [Fact]
    public void TryApply_UnstructuredText_IsTheRemittanceAndNoSubfields()
    {
        var entry = Entry("Payment for invoice 42", "thank you");

        Assert.Equal("Payment for invoice 42\nthank you", entry.Details);
        Assert.Equal("Payment for invoice 42\nthank you", entry.RemittanceInfo);
        Assert.Empty(entry.StructuredDetails);
        Assert.Null(entry.TransactionTypeCode);
    }

    [Fact]
    public void TryApply_SlashSeparator_IsAcceptedLikeQuestionMark()
    {
        var entry = Entry("166/00GUTSCHRIFT/20SVWZ+Text/32Name");

        Assert.Equal("GUTSCHRIFT", entry.StructuredDetails["00"]);
        Assert.Equal("Name", entry.CounterpartyName);
        Assert.Equal("Text", entry.RemittanceInfo);
    }

    [Fact]
    public void TryApply_SubfieldNumberRepeated_JoinsItsValues()
    {
        var entry = Entry("166?20Part one ?20part two");

        Assert.Equal("Part one part two", entry.StructuredDetails["20"]);
        Assert.Equal("Part one part two", entry.RemittanceInfo);
    }

    [Fact]
    public void TryApply_PurposeWithoutSvwz_IsTheWholePurposeText()
    {
        var entry = Entry("166?20EREF+E2E-1?21Free text");

        Assert.Equal("E2E-1Free text", entry.SepaKeywords["EREF"]);
        Assert.Equal("EREF+E2E-1Free text", entry.RemittanceInfo);
    }
}
