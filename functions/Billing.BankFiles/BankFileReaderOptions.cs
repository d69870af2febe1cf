using Billing.BankFiles.Csv;

namespace Billing.BankFiles;

/// <summary>Limits and choices for <see cref="BankFileReader"/>. The defaults suit real bank files.</summary>
public sealed class BankFileReaderOptions
{
    /// <summary>The default options.</summary>
    public static BankFileReaderOptions Default { get; } = new();

    /// <summary>Longest accepted text line (characters). Longer lines are malformed input, not a reason to buffer.</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>Longest accepted field or XML text value (characters).</summary>
    public int MaxFieldLength { get; init; } = 16 * 1024;

    /// <summary>
    /// Longest accepted XML token in bytes: a start or end tag with all its attributes, a run of text between tags, a
    /// comment, a CDATA section. Checked on the raw bytes before the XML reader buffers them, so memory stays bounded
    /// whatever the document's shape.
    /// </summary>
    public int MaxXmlTokenLength { get; init; } = 256 * 1024;

    /// <summary>Most characters of distinct XML names (elements, attributes, prefixes, namespaces) a document may use.</summary>
    public int MaxXmlNameCharacters { get; init; } = 1024 * 1024;

    /// <summary>Deepest accepted XML element nesting.</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>
    /// CSV profiles to try, in order, when the content is CSV. Defaults to <see cref="CsvProfiles.BuiltIn"/>;
    /// add your own <see cref="CsvProfile"/> for another bank's export.
    /// </summary>
    public IReadOnlyList<CsvProfile> CsvProfiles { get; init; } = Csv.CsvProfiles.BuiltIn;

    /// <summary>
    /// Whether a CSV export that no profile in <see cref="CsvProfiles"/> matches gets its mapping inferred
    /// (<see cref="CsvProfileInference"/>). Off when a profile is pinned.
    /// </summary>
    public bool InferCsvProfiles { get; init; } = true;

    /// <summary>
    /// Whether a statement whose stated figures disagree with its entries is refused: opening + booked entries = closing
    /// balance in MT940 and camt.053 statements, camt TxsSummry counts and sums, and an MT940 statement's closing balance
    /// (a file cut off after an entry has none). When true the file ends in a
    /// <see cref="BankFileFormatException"/> naming both figures (ingestion sets it: money is never applied from a file
    /// that does not add up); when false (the default, for inspecting) the difference is a warning.
    /// </summary>
    public bool RequireStatedTotals { get; init; }

    /// <summary>Whether to check opening + booked entries = closing and report a warning when it does not hold.</summary>
    public bool CheckBalances { get; init; } = true;
}
