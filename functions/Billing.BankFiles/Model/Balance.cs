namespace Billing.BankFiles;

/// <summary>
/// A balance as the bank reports it. <see cref="Amount"/> is signed: a debit (overdrawn) balance is negative.
/// </summary>
/// <param name="Amount">Signed amount; negative when the account is in debit.</param>
/// <param name="Currency">ISO 4217 code, or empty when the file does not say.</param>
/// <param name="Date">Balance date, when the file gives one.</param>
/// <param name="Type">The file's own balance code: camt OPBD/CLBD/ITBD..., MT940 60F/60M/62F/62M/64/65, BAI2 010/015/040...</param>
public sealed record Balance(decimal Amount, string Currency, DateOnly? Date, string Type)
{
    /// <summary>The timestamp when the file gives one (camt Dt/DtTm).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>True for intermediate balances (MT940 60M/62M), which continue a statement split over several messages.</summary>
    public bool IsIntermediate { get; init; }

    /// <summary>Number of items the bank counted for this summary (BAI2 account summaries), when given.</summary>
    public int? ItemCount { get; init; }

    /// <summary>BAI2 funds type of a summary, when given.</summary>
    public string? FundsType { get; init; }

    /// <summary>BAI2 availability date of a value-dated (V) summary.</summary>
    public DateOnly? FundsDate { get; init; }
}
