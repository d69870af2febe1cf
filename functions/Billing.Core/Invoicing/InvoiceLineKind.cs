namespace Billing.Core.Invoicing;

/// <summary>Why a line is on an invoice.</summary>
public enum InvoiceLineKind
{
    /// <summary>A full billing period of a subscription, billed in advance.</summary>
    Recurring,

    /// <summary>Credit for the unused part of a period already billed (change or cancellation).</summary>
    ProrationCredit,

    /// <summary>Charge for the rest of a period under new terms (plan or quantity change).</summary>
    ProrationCharge,

    OneOff,

    LateFee,
}
