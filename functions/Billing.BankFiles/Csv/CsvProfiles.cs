namespace Billing.BankFiles.Csv;

/// <summary>
/// The CSV profiles shipped with the library. Each is recognised from its header line; pass your own list in
/// <see cref="BankFileReaderOptions.CsvProfiles"/> to add more.
/// </summary>
public static class CsvProfiles
{
    /// <summary>Berner Kantonalbank (BEKB) e-banking export: ';', one signed "Betrag" column, dd.MM.yyyy.</summary>
    public static CsvProfile Bekb { get; } = new()
    {
        Name = "bekb",
        HeaderColumns = ["Datum", "Valuta", "Buchungstext", "Betrag", "Mitteilung / Referenz"],
        BookingDateColumn = "Datum",
        ValueDateColumn = "Valuta",
        AmountColumn = "Betrag",
        DescriptionColumns = ["Buchungstext", "Mitteilung / Referenz"],
        CounterpartyNameColumn = "Name Auftraggeber / Begünstigter",
        CounterpartyAccountColumn = "Konto / Bank",
        Currency = "CHF",
    };

    /// <summary>Migros Bank export (Italian headers): account preamble, then Data;Testo di registrazione;Importo;Valuta with dd.MM.yy dates.</summary>
    public static CsvProfile MigrosBank { get; } = new()
    {
        Name = "migrosbank",
        HeaderColumns = ["Data", "Testo di registrazione", "Importo", "Valuta"],
        BookingDateColumn = "Data",
        ValueDateColumn = "Valuta",
        AmountColumn = "Importo",
        DescriptionColumns = ["Testo di registrazione"],
        Currency = "CHF",
    };

    /// <summary>Zürcher Kantonalbank (ZKB) export: quoted ';' fields, separate Belastung/Gutschrift columns, "'" thousands, detail rows without a date.</summary>
    public static CsvProfile Zkb { get; } = new()
    {
        Name = "zkb",
        HeaderColumns = ["Datum", "Buchungstext", "Belastung CHF", "Gutschrift CHF", "Valuta"],
        BookingDateColumn = "Datum",
        ValueDateColumn = "Valuta",
        DebitColumn = "Belastung CHF",
        CreditColumn = "Gutschrift CHF",
        DescriptionColumns = ["Buchungstext"],
        ReferenceColumn = "ZKB-Referenz",
        Currency = "CHF",
        RowsWithoutDateContinuePreviousEntry = true,
    };

    /// <summary>All built-in profiles, most specific first.</summary>
    public static IReadOnlyList<CsvProfile> BuiltIn { get; } = [Zkb, Bekb, MigrosBank];
}
