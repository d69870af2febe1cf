namespace Billing.BankFiles.Bai2;

/// <summary>A BAI2 group header (02) and its trailer (98).</summary>
public sealed class Bai2Group
{
    /// <summary>Ultimate receiver identification.</summary>
    public string? Receiver { get; internal set; }

    /// <summary>Originator identification (the bank).</summary>
    public string? Originator { get; internal set; }

    /// <summary>Group status: 1 update, 2 deletion, 3 correction, 4 test only.</summary>
    public int? Status { get; internal set; }

    /// <summary>As-of date of the balances and transactions in the group.</summary>
    public DateOnly? AsOfDate { get; internal set; }

    /// <summary>As-of time; BAI2 "2400" (end of day) is <see cref="TimeOnly.MaxValue"/>.</summary>
    public TimeOnly? AsOfTime { get; internal set; }

    /// <summary>Group currency (default for its accounts; BAI2 defaults to USD when absent everywhere).</summary>
    public string? Currency { get; internal set; }

    /// <summary>Group control total from the 98 trailer.</summary>
    public decimal? ControlTotal { get; internal set; }

    /// <summary>Number of accounts from the 98 trailer.</summary>
    public int? AccountCount { get; internal set; }

    /// <summary>Number of records from the 98 trailer.</summary>
    public int? RecordCount { get; internal set; }
}
