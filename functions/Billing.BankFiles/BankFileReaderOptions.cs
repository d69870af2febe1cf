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

    /// <summary>Deepest accepted XML element nesting.</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>
    /// CSV profiles to try, in order, when the content is CSV. Defaults to <see cref="CsvProfiles.BuiltIn"/>;
    /// add your own <see cref="CsvProfile"/> for another bank's export.
    /// </summary>
    public IReadOnlyList<CsvProfile> CsvProfiles { get; init; } = Csv.CsvProfiles.BuiltIn;

    /// <summary>Whether to check opening + booked entries = closing and report a warning when it does not hold.</summary>
    public bool CheckBalances { get; init; } = true;
}
