namespace Billing.Core.Dunning;

/// <summary>A command named an invoice number that no invoice carries.</summary>
public sealed class InvoiceNotFoundException(string number) : Exception($"No invoice has the number '{number}'.")
{
    public string Number { get; } = number;
}
