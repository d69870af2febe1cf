using Billing.Core.Accounts;
using Billing.Core.Monetary;
using Billing.Core.Sellers;

namespace Billing.Core.Invoicing;

/// <summary>
/// Turns charges into a draft invoice with EN 16931 totals: each line amount is rounded to the minor unit;
/// the VAT breakdown groups lines by category and rate, and VAT is computed once per group on the summed
/// base and rounded half away from zero (not summed per line); totals are sums of those rounded figures.
/// </summary>
public static class InvoiceCalculator
{
    public const string ReverseChargeReason = "Reverse charge";
    public const string ReverseChargeReasonCode = "VATEX-EU-AE";
    public const string DefaultExemptionReason = "Exempt from VAT";

    public static Invoice Draft(
        string id, Account account, SellerOptions seller, DateOnly billingDate, DateOnly issueDate, IReadOnlyCollection<Charge> charges)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(charges);
        if (charges.Count == 0)
        {
            throw new ArgumentException("An invoice needs at least one charge.", nameof(charges));
        }

        var (category, rate) = account.TaxTreatment switch
        {
            TaxTreatment.Domestic => (VatCategory.Standard, seller.DomesticVatRate),
            TaxTreatment.ReverseCharge => (VatCategory.ReverseCharge, 0m),
            TaxTreatment.Exempt => (VatCategory.Exempt, 0m),
            _ => throw new ArgumentOutOfRangeException(nameof(account), account.TaxTreatment, "Unknown tax treatment."),
        };

        var lines = charges.OrderBy(c => c.Date).ThenBy(c => c.Key, StringComparer.Ordinal).Select(charge =>
        {
            if (charge.UnitPrice.Currency != account.Currency)
            {
                throw new CurrencyMismatchException(account.Currency, charge.UnitPrice.Currency);
            }

            return new InvoiceLine
            {
                Key = charge.Key,
                Kind = charge.Kind,
                Description = charge.Description,
                PeriodStart = charge.PeriodStart,
                PeriodEnd = charge.PeriodEnd,
                Quantity = charge.Quantity,
                UnitPrice = charge.UnitPrice,
                NetAmount = charge.NetAmount,
                VatCategory = category,
                VatRate = rate,
                SubscriptionId = charge.SubscriptionId,
                PlanId = charge.PlanId,
            };
        }).ToList();

        var breakdown = VatBreakdown(lines, account);
        var currency = account.Currency;
        var net = Money.Sum(lines.Select(l => l.NetAmount), currency);
        var vat = Money.Sum(breakdown.Select(b => b.TaxAmount), currency);
        return new Invoice
        {
            Id = id,
            AccountId = account.Id,
            BillingDate = billingDate,
            IssueDate = issueDate,
            DueDate = issueDate.AddDays(account.PaymentTermsDays),
            Currency = currency,
            Seller = SellerParty(seller),
            Buyer = new Party
            {
                LegalName = account.LegalName, VatId = account.VatId, Address = account.Address, Email = account.BillingEmails[0],
                ElectronicAddress = account.ElectronicAddress,
            },
            Lines = lines,
            VatBreakdown = breakdown,
            NetTotal = net,
            VatTotal = vat,
            GrossTotal = net + vat,
            AmountPaid = Money.Zero(currency),
            PayeeIban = seller.Iban,
            PayeeBic = seller.Bic,
        };
    }

    public static IReadOnlyList<VatSubtotal> VatBreakdown(IReadOnlyCollection<InvoiceLine> lines, Account account)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(account);
        return lines.GroupBy(l => (l.VatCategory, l.VatRate)).OrderBy(g => g.Key.VatCategory).ThenBy(g => g.Key.VatRate).Select(group =>
        {
            var taxable = Money.Sum(group.Select(l => l.NetAmount), account.Currency);
            return new VatSubtotal
            {
                Category = group.Key.VatCategory,
                Rate = group.Key.VatRate,
                TaxableAmount = taxable,
                TaxAmount = (taxable * (group.Key.VatRate / 100m)).Round(),
                ExemptionReason = group.Key.VatCategory switch
                {
                    VatCategory.ReverseCharge => ReverseChargeReason,
                    VatCategory.Exempt => account.TaxExemptionReason ?? DefaultExemptionReason,
                    _ => null,
                },
                ExemptionReasonCode = group.Key.VatCategory == VatCategory.ReverseCharge ? ReverseChargeReasonCode : null,
            };
        }).ToList();
    }

    public static Party SellerParty(SellerOptions seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        return new Party
        {
            LegalName = seller.LegalName,
            VatId = seller.VatId,
            Email = seller.Email,
            ElectronicAddress = string.IsNullOrWhiteSpace(seller.ElectronicAddress)
                ? new ElectronicAddress { Scheme = ElectronicAddressSchemes.Email, Id = seller.Email }
                : SellerAddress(seller.ElectronicAddress),
            ContactName = seller.ContactName,
            ContactPhone = seller.ContactPhone,
            Address = new PostalAddress { Street = seller.Street, City = seller.City, PostalCode = seller.PostalCode, CountryCode = seller.CountryCode },
        };
    }

    private static ElectronicAddress SellerAddress(string value)
    {
        try
        {
            return ElectronicAddress.Parse(value);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Setting {SellerOptions.Section}:{nameof(SellerOptions.ElectronicAddress)}: {e.Message}", e);
        }
    }
}
