using Billing.Core.Storage;

namespace Billing.Core.Messaging;

/// <summary>
/// Continue a timer's fan-out on <see cref="Date"/> after the cursor (<see cref="AfterValue"/>, <see cref="AfterPartitionKey"/>,
/// <see cref="AfterId"/>: the last document the previous page read) with the next page (<c>schedule-billing-page</c>,
/// <c>schedule-dunning-page</c>). Its content is a function of the date and the page before, so a redelivered or
/// re-enqueued message reads the same page again, and what that page enqueues is idempotent downstream.
/// </summary>
public sealed record SchedulePageMessage(DateOnly Date, string AfterValue, string AfterPartitionKey, string AfterId)
{
    public static SchedulePageMessage After(DateOnly date, DocumentCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return new(date, cursor.Value, cursor.PartitionKey, cursor.Id);
    }

    public DocumentCursor Cursor => new(AfterValue, AfterPartitionKey, AfterId);
}
