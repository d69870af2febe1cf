using Billing.Core.Storage;

namespace Billing.Core.Invoicing;

/// <summary>
/// The invoice queries the use cases make, each on indexed properties (<c>status</c>, <c>dueDate</c>, <c>number</c>):
/// what is open, what is closed but recent, what is looked up by number. None reads the invoice history.
/// </summary>
public static class InvoiceQueries
{
    private static readonly string[] s_closed = [Wire(InvoiceStatus.Paid), Wire(InvoiceStatus.Void), Wire(InvoiceStatus.Uncollectible)];

    /// <summary>Open invoices of every account.</summary>
    public static DocumentQuery Open { get; } = DocumentQuery.Across(DocumentFilter.Equal("status", Wire(InvoiceStatus.Open)));

    /// <summary>Open and draft invoices of every account (what dunning considers besides recently closed ones).</summary>
    public static DocumentQuery OpenOrDraft { get; } =
        DocumentQuery.Across(DocumentFilter.In("status", [Wire(InvoiceStatus.Open), Wire(InvoiceStatus.Draft)]));

    /// <summary>Open invoices of one account.</summary>
    public static DocumentQuery OpenOf(string accountId) =>
        DocumentQuery.InPartition(accountId).Where(DocumentFilter.Equal("status", Wire(InvoiceStatus.Open)));

    /// <summary>
    /// Paid, void and uncollectible invoices that fall due on or after <paramref name="dueSince"/>. The date comes first: a
    /// store that answers from the first condition's index (SQLite) then reads the recent invoices, not every closed one.
    /// </summary>
    public static DocumentQuery ClosedDueSince(DateOnly dueSince) =>
        DocumentQuery.Across(DocumentFilter.AtLeast("dueDate", Wire(dueSince))).Where(DocumentFilter.In("status", s_closed));

    /// <summary>The invoices numbered one of <paramref name="numbers"/>, in any account.</summary>
    public static DocumentQuery Numbered(IEnumerable<string> numbers) => DocumentQuery.Across(DocumentFilter.In("number", numbers));

    /// <summary>A status as stored (camelCase, as <see cref="Serialization.BillingJson"/> writes enums).</summary>
    public static string Wire(InvoiceStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>A date as stored (ISO 8601), so that ordinal order is date order.</summary>
    public static string Wire(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
