using System.Text;

namespace Billing.BankFiles.Csv;

/// <summary>
/// Describes one bank's CSV export: how to find the header line, and which column holds what. Amounts come
/// either from <see cref="AmountColumn"/> (signed by <see cref="SignConvention"/>) or from separate
/// <see cref="DebitColumn"/>/<see cref="CreditColumn"/> (a debit is always negative, whatever sign it is written
/// with). Column names are matched case-insensitively after trimming quotes and spaces.
/// </summary>
public sealed class CsvProfile
{
    /// <summary>Profile name, reported as the format version.</summary>
    public required string Name { get; init; }

    /// <summary>Field delimiter, e.g. ';' or ','.</summary>
    public char Delimiter { get; init; } = ';';

    /// <summary>Decimal separator of amounts: '.' or ','.</summary>
    public char DecimalSeparator { get; init; } = '.';

    /// <summary>Thousands separators to ignore in amounts (e.g. "'" for Swiss, "." for German exports).</summary>
    public string ThousandsSeparators { get; init; } = "'";

    /// <summary>Accepted date formats (.NET custom formats), tried in order.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = ["dd.MM.yyyy", "dd.MM.yy", "yyyy-MM-dd"];

    /// <summary>Text encoding; null to detect it (UTF-8 with/without BOM, else Windows-1252).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Encoding? Encoding { get; init; }

    /// <summary>Columns that must all be present in the header line for this profile to match.</summary>
    public required IReadOnlyList<string> HeaderColumns { get; init; }

    /// <summary>Booking date column.</summary>
    public required string BookingDateColumn { get; init; }

    /// <summary>Value date column, if any.</summary>
    public string? ValueDateColumn { get; init; }

    /// <summary>Single signed amount column, if the export has one.</summary>
    public string? AmountColumn { get; init; }

    /// <summary>Debit amount column, when debits and credits are separate.</summary>
    public string? DebitColumn { get; init; }

    /// <summary>Credit amount column, when debits and credits are separate.</summary>
    public string? CreditColumn { get; init; }

    /// <summary>How <see cref="AmountColumn"/> is signed.</summary>
    public CsvSignConvention SignConvention { get; init; } = CsvSignConvention.CreditPositive;

    /// <summary>Columns joined with ", " (empty ones skipped) into the remittance text.</summary>
    public IReadOnlyList<string> DescriptionColumns { get; init; } = [];

    /// <summary>Bank reference column, if any.</summary>
    public string? ReferenceColumn { get; init; }

    /// <summary>Counterparty name column, if any.</summary>
    public string? CounterpartyNameColumn { get; init; }

    /// <summary>Counterparty account/IBAN column, if any.</summary>
    public string? CounterpartyAccountColumn { get; init; }

    /// <summary>Currency column, if any.</summary>
    public string? CurrencyColumn { get; init; }

    /// <summary>Currency when there is no currency column.</summary>
    public string? Currency { get; init; }

    /// <summary>
    /// When true, a row without a booking date continues the previous entry (its description text is appended),
    /// as in exports that list the details of a booking on the following lines.
    /// </summary>
    public bool RowsWithoutDateContinuePreviousEntry { get; init; }

    /// <summary>
    /// When true, a row whose booking date cell holds no date (a total, a balance line, a disclaimer) is skipped and
    /// counted in the file's warnings instead of being an error. Inferred profiles set it.
    /// </summary>
    public bool SkipRowsWithoutDate { get; init; }

    /// <summary>How many lines before the header may be skipped (account preamble).</summary>
    public int MaxPreambleLines { get; init; } = 30;
}
