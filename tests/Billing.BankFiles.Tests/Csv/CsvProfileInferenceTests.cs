using System.Globalization;
using Billing.BankFiles.Csv;

namespace Billing.BankFiles.Tests.Csv;

/// <summary>
/// Swiss bank exports that no built-in profile knows (files in Csv/Exports, written for these tests in the shapes the
/// banks use): the mapping is inferred from the header and the values, and the entries come out signed and dated.
/// </summary>
public sealed class CsvProfileInferenceTests
{
    private static BankFile ReadExport(string name) => BankFileReader.Read(Path.Combine(AppContext.BaseDirectory, "Csv", "Exports", name));

    private static string Export(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Csv", "Exports", name));

    public static TheoryData<string, int, string, string, string, string> Exports() => new()
    {
        // file, entries, first entry's booking date, its signed amount, the sum of all, a text the first entry holds
        { "postfinance-2019.csv", 4, "2024-01-31", "1250.00", "1480.75", "INV-2024-000017" },
        { "postfinance-2024.csv", 3, "2024-02-28", "2400.00", "3385.60", "INV-2024-000021" },
        { "raiffeisen.csv", 3, "2024-03-28", "1840.00", "2187.40", "INV-2024-000033" },
        { "ubs-fr.csv", 3, "2024-04-29", "12345.60", "12345.60", "INV-2024-000041" },
        { "bancastato-it.csv", 2, "2024-05-30", "1234.50", "1135.50", "INV-2024-000052" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public void Read_SwissExportWithoutProfile_InfersTheMappingAndReadsEveryEntry(string name, int count, string date, string amount, string sum, string text)
    {
        var file = ReadExport(name);

        Assert.Equal(BankFileFormat.Csv, file.Format);
        Assert.Equal("inferred", file.FormatVersion);
        var entries = Assert.Single(file.Statements).Entries;
        Assert.Equal(count, entries.Count);
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), entries[0].BookingDate);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), entries[0].Amount);
        Assert.Equal(decimal.Parse(sum, CultureInfo.InvariantCulture), entries.Sum(e => e.Amount));
        Assert.Contains(text, entries[0].RemittanceInfo, StringComparison.Ordinal);
        Assert.Contains(file.Warnings, w => w.StartsWith("CSV mapping inferred (confidence high)", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PostFinanceExport_TakesCurrencyFromTheHeaderAndIbanFromThePreamble()
    {
        var statement = Assert.Single(ReadExport("postfinance-2019.csv").Statements);

        Assert.Equal("CHF", statement.Currency);
        Assert.Equal("CH9309000000123456789", statement.Iban);
        Assert.Equal(-84.25m, statement.Entries[1].Amount);
        Assert.Contains("BÄCKEREI MÜLLER", statement.Entries[2].RemittanceInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UbsExportWithTotalsRow_SkipsTheTotalsAndSaysSo()
    {
        var file = ReadExport("ubs-fr.csv");

        Assert.Equal(3, file.Statements[0].Entries.Count);
        Assert.Contains(file.Warnings, w => w.StartsWith("skipped 1 rows without a booking date", StringComparison.Ordinal));
        Assert.Equal(-1000.00m, file.Statements[0].Entries[1].Amount);
        Assert.Equal("9930109TI7654321", file.Statements[0].Entries[1].AccountServicerReference);
    }

    [Fact]
    public void Infer_UbsExport_PicksTheBookingDateOverTheTradeDateAndIgnoresTheEmptyIndividualAmount()
    {
        var inference = CsvProfileInference.Infer(Export("ubs-fr.csv"));

        var profile = Assert.IsType<CsvProfile>(inference.Profile);
        Assert.Equal("Date comptable", profile.BookingDateColumn);
        Assert.Equal("Date de valeur", profile.ValueDateColumn);
        Assert.Equal("Débit", profile.DebitColumn);
        Assert.Equal("Crédit", profile.CreditColumn);
        Assert.Null(profile.AmountColumn);
        Assert.Equal(["Description1", "Description2", "Description3"], profile.DescriptionColumns);
        Assert.Equal(["dd.MM.yyyy"], profile.DateFormats);
    }

    [Fact]
    public void Infer_ItalianExport_ReadsDecimalCommaAndDotThousands()
    {
        var profile = CsvProfileInference.Infer(Export("bancastato-it.csv")).Profile!;

        Assert.Equal(',', profile.DecimalSeparator);
        Assert.Contains('.', profile.ThousandsSeparators);
        Assert.Equal("Importo", profile.AmountColumn);
        Assert.Equal("Valuta", profile.ValueDateColumn);
    }

    [Fact]
    public void Read_TwoColumnsEquallyLikeTheBookingDate_IsRefusedNamingTheCandidates()
    {
        var error = Assert.Throws<BankFileFormatException>(() => ReadExport("ambiguous-dates.csv"));

        Assert.Contains("cannot tell which column is the booking date: candidates \"Date\", \"Date\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("--profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AllAmountsPositiveInOneColumn_IsOnlyMediumConfidence()
    {
        var file = BankText.Read("Datum;Text;Betrag\n31.01.2024;one;10.00\n30.01.2024;two;20.00\n");

        Assert.Contains(file.Warnings, w => w.StartsWith("CSV mapping inferred (confidence medium)", StringComparison.Ordinal) && w.Contains("every amount read as a credit", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InferredExportCutMidRecord_IsRefusedNotReadAsZero()
    {
        var content = Export("raiffeisen.csv");
        var cut = content[..(content.LastIndexOf("Rossi", StringComparison.Ordinal) + 2)];

        var error = Assert.Throws<BankFileFormatException>(() => BankText.Read(cut));

        Assert.Equal("line 4: expected 6 columns as in the header, found 3: the record is incomplete (is the file cut off?)", error.Message);
    }

    [Fact]
    public void Read_LastRecordWithAnOpenQuote_IsRefused()
    {
        var error = Assert.Throws<BankFileFormatException>(() => BankText.Read("Datum;Text;Betrag\n31.01.2024;one;10.00\n30.01.2024;\"two\n"));

        Assert.Contains("a quoted CSV field is still open at the end of the file", error.Message, StringComparison.Ordinal);
    }
}
