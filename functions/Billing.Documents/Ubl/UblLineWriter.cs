using System.Globalization;
using Billing.Core.Invoicing;

namespace Billing.Documents.Ubl;

/// <summary>
/// Writes one invoice line (BG-25) as cac:InvoiceLine or cac:CreditNoteLine. The item net price (BT-146) may
/// not be negative (BR-27), so a credit is stated with a negative quantity and a positive price; the
/// quantity's sign always follows the line's net amount as written.
/// </summary>
internal static class UblLineWriter
{
    /// <summary>UN/ECE Recommendation 20 "one": subscriptions are billed per unit.</summary>
    private const string UnitCode = "C62";

    public static void Write(UblXml ubl, InvoiceLine line, decimal lineNet, int position, bool creditNote)
    {
        var net = lineNet * ubl.Sign;
        var quantity = net < 0 ? -Math.Abs(line.Quantity) : Math.Abs(line.Quantity);

        ubl.Start(creditNote ? "CreditNoteLine" : "InvoiceLine");
        ubl.Text("ID", position.ToString(CultureInfo.InvariantCulture));
        ubl.Quantity(creditNote ? "CreditedQuantity" : "InvoicedQuantity", quantity, UnitCode);
        ubl.Amount("LineExtensionAmount", lineNet);

        if (line.PeriodStart is not null || line.PeriodEnd is not null)
        {
            ubl.Start("InvoicePeriod");
            if (line.PeriodStart is { } start)
            {
                ubl.Date("StartDate", start);
            }

            if (line.PeriodEnd is { } end)
            {
                ubl.Date("EndDate", end);
            }

            ubl.End();
        }

        ubl.Start("Item");
        ubl.Text("Name", line.Description);
        if (!string.IsNullOrWhiteSpace(line.PlanId))
        {
            ubl.Identified("SellersItemIdentification", line.PlanId);
        }

        ubl.Start("ClassifiedTaxCategory");
        ubl.Text("ID", line.VatCategory.ToCode());
        ubl.Decimal("Percent", line.VatRate);
        ubl.Identified("TaxScheme", "VAT");
        ubl.End();
        ubl.End();

        ubl.Start("Price");
        ubl.Price("PriceAmount", Math.Abs(line.UnitPrice.Amount));
        ubl.End();

        ubl.End();
    }
}
