using System.ComponentModel.DataAnnotations;

namespace Billing.Core.Messaging;

/// <summary>
/// How much one timer invocation (or one page message) does before handing the rest to the next page message: the bound
/// that keeps every invocation's work independent of the number of accounts and invoices (settings
/// <c>BILLING_SCHEDULE_PAGE_SIZE</c>, <c>DUNNING_SCHEDULE_PAGE_SIZE</c>).
/// </summary>
public sealed class SchedulePageOptions
{
    /// <summary>Due accounts per billing page (one billing-state document read and one <c>bill-account</c> message each).</summary>
    [Range(1, 10_000)]
    public int BillingPageSize { get; set; } = 500;

    /// <summary>Open invoices per dunning page (extended to the end of the last account, so an account's notices stay in one email).</summary>
    [Range(1, 10_000)]
    public int DunningPageSize { get; set; } = 500;
}
