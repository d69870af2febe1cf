namespace Billing.BankFiles;

/// <summary>
/// The one exception every parser in this library throws for malformed input. The message names the
/// position (line number, or element path for XML) and what was expected there.
/// </summary>
public sealed class BankFileFormatException : Exception
{
    /// <summary>Creates an exception for a problem at <paramref name="position"/>.</summary>
    public BankFileFormatException(string position, string message, Exception? innerException = null)
        : base($"{position}: {message}", innerException)
    {
        Position = position;
    }

    /// <summary>Creates an exception without a position (used only for whole-file problems).</summary>
    public BankFileFormatException(string message)
        : base(message)
    {
        Position = string.Empty;
    }

    /// <summary>Creates an exception without a message (required by serialisation conventions).</summary>
    public BankFileFormatException()
        : this("malformed bank file")
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    public BankFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Position = string.Empty;
    }

    /// <summary>Where the problem was found: "line 12", "line 3, record 16", or an XML element path; empty when unknown.</summary>
    public string Position { get; }
}
