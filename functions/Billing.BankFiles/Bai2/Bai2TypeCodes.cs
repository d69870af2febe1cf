namespace Billing.BankFiles.Bai2;

/// <summary>
/// BAI2 type codes: 001-099 are account status (balances), 100-399 credits, 400-699 debits, 700-799 loan
/// detail, 900-999 bank-specific (920-959 treated as credits and 960-999 as debits, the common convention).
/// </summary>
public static class Bai2TypeCodes
{
    private static readonly Dictionary<int, string> _descriptions = new()
    {
        [10] = "Opening Ledger", [15] = "Closing Ledger", [20] = "Average Closing Ledger MTD", [40] = "Opening Available",
        [45] = "Closing Available", [50] = "Average Closing Available MTD", [56] = "Loan Balance", [57] = "Total Investment Position",
        [60] = "Current Available", [72] = "One-Day Float", [74] = "Two or More Days Float", [75] = "Total Float",
        [100] = "Total Credits", [108] = "Deposit", [115] = "Lockbox Deposit", [142] = "ACH Credit Received",
        [145] = "ACH Credit Received", [165] = "Preauthorized ACH Credit", [169] = "Miscellaneous ACH Credit",
        [175] = "Check Deposit Package", [191] = "Individual Incoming Internal Money Transfer", [195] = "Incoming Money Transfer",
        [201] = "Individual Automatic Transfer Credit", [206] = "Book Transfer Credit", [208] = "Individual International Money Transfer",
        [275] = "ZBA Credit", [301] = "Commercial Deposit", [354] = "Interest Credit", [399] = "Miscellaneous Credit",
        [400] = "Total Debits", [409] = "Returned Item", [451] = "ACH Debit Received", [455] = "Preauthorized ACH Debit",
        [469] = "Miscellaneous ACH Debit", [475] = "Check Paid", [495] = "Outgoing Money Transfer",
        [501] = "Individual Automatic Transfer Debit", [506] = "Book Transfer Debit", [555] = "Deposited Item Returned",
        [575] = "ZBA Debit", [631] = "Miscellaneous Fee Refund", [661] = "Account Analysis Fee",
        [698] = "Miscellaneous Fees", [699] = "Miscellaneous Debit",
    };

    /// <summary>True when a detail with this type code credits the account.</summary>
    public static bool IsCredit(int typeCode) => typeCode is (>= 100 and < 400) or (>= 920 and < 960);

    /// <summary>True when a detail with this type code debits the account.</summary>
    public static bool IsDebit(int typeCode) => typeCode is (>= 400 and < 700) or >= 960;

    /// <summary>The BAI description of a well-known type code, or null.</summary>
    public static string? Describe(int typeCode) => _descriptions.GetValueOrDefault(typeCode);
}
