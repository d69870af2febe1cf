namespace Billing.Core.Matching;

/// <summary>
/// An open invoice as the matcher sees it: identity, age and the amount still open in minor units. The open
/// amount is reduced as payments of the same ingestion are matched to it, so two payments in one file never
/// both pay the same euro.
/// </summary>
public sealed class OpenInvoice(string id, string accountId, string number, string currencyCode, DateOnly issueDate, long openMinor)
{
    public string Id { get; } = id;

    public string AccountId { get; } = accountId;

    public string Number { get; } = number;

    public string CurrencyCode { get; } = currencyCode;

    public DateOnly IssueDate { get; } = issueDate;

    /// <summary>Still open, in minor units; 0 once fully allocated.</summary>
    public long OpenMinor { get; set; } = openMinor;

    public bool IsOpen => OpenMinor > 0;

    /// <summary>Oldest first: issue date, then number.</summary>
    internal static int CompareByAge(OpenInvoice a, OpenInvoice b)
    {
        var byDate = a.IssueDate.CompareTo(b.IssueDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Number, b.Number);
    }
}
