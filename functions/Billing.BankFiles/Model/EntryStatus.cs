namespace Billing.BankFiles;

/// <summary>Whether an entry is booked on the account or only announced.</summary>
public enum EntryStatus
{
    /// <summary>Booked: affects the booked (ledger) balance.</summary>
    Booked,

    /// <summary>Pending: announced but not yet booked (camt PDNG, MT942 items, BAI2 float).</summary>
    Pending,

    /// <summary>Information only (camt INFO): never affects a balance.</summary>
    Information,
}
