namespace Billing.Core.Invoicing;

/// <summary>
/// An earlier invoice a line refers to (EN 16931 BG-3): its id, its number (BT-25, null while it is a draft) and
/// its issue date (BT-26).
/// </summary>
public sealed record InvoiceReference
{
    public required string Id { get; init; }

    public string? Number { get; init; }

    public required DateOnly IssueDate { get; init; }
}
