using System.Globalization;
using Billing.Core.Invoicing;

namespace Billing.Cli.Commands;

/// <summary>One line of an <see cref="InvoiceListItem"/>; amounts as decimal strings.</summary>
public sealed record InvoiceListLine(string Description, string Quantity, string UnitPrice, string NetAmount, string VatCategory, string VatRate)
{
    public static InvoiceListLine From(InvoiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(
            line.Description,
            line.Quantity.ToString(CultureInfo.InvariantCulture),
            line.UnitPrice.ToDecimalString(),
            line.NetAmount.ToDecimalString(),
            line.VatCategory.ToCode(),
            line.VatRate.ToString(CultureInfo.InvariantCulture));
    }
}
