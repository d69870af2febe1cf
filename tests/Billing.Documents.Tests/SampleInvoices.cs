using System.Globalization;
using System.Numerics;
using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;

namespace Billing.Documents.Tests;

/// <summary>
/// Issued invoices covering the cases the documents must handle. Totals are computed here from the lines the
/// way EN 16931 wants them: each line net rounded to the minor unit, VAT per (category, rate) on the summed
/// base, rounded once, half away from zero; gross = net + VAT; due = gross − paid.
/// </summary>
public static class SampleInvoices
{
    public const string Domestic = "domestic";
    public const string ReverseCharge = "reverse-charge";
    public const string Exempt = "exempt";
    public const string CreditNote = "credit-note";
    public const string Yen = "jpy";
    public const string SixtyLines = "sixty-lines";
    public const string Prepaid = "prepaid";
    public const string PeppolInvoice = "peppol-invoice";
    public const string PeppolCreditNote = "peppol-credit-note";
    public const string XRechnung = "xrechnung";
    public const string Kuwaiti = "kwd-peppol";

    /// <summary>The samples whose buyer has an electronic address: Peppol BIS Billing 3.0 or XRechnung documents.</summary>
    public static TheoryData<string> PeppolNames => new(PeppolInvoice, PeppolCreditNote, XRechnung, Kuwaiti);

    /// <summary>The invoice the Peppol credit note credits (BT-25/BT-26).</summary>
    public static InvoiceReference CreditedByPeppolCreditNote { get; } = new() { Id = "inv-acct-bel-20260201", Number = "INV-2026-000042", IssueDate = new DateOnly(2026, 2, 1) };

    public const string LeitwegId = "04011000-1234512345-06";

    public const string SellerIban = "DE89370400440532013000";

    private static readonly DateOnly s_issue = new(2026, 3, 12);

    private static readonly DateOnly s_periodStart = new(2026, 3, 1);
    private static readonly DateOnly s_periodEnd = new(2026, 3, 31);
    private static readonly DateOnly s_changeDate = new(2026, 3, 12);

    // Lazy: built after every static field above has its value.
    private static readonly Lazy<Dictionary<string, Invoice>> s_all = new(() => new(StringComparer.Ordinal)
    {
        [Domestic] = BuildDomestic(),
        [ReverseCharge] = BuildReverseCharge(),
        [Exempt] = BuildExempt(),
        [CreditNote] = BuildCreditNote(),
        [Yen] = BuildYen(),
        [SixtyLines] = BuildSixtyLines(),
        [Prepaid] = BuildPrepaid(),
        [PeppolInvoice] = BuildPeppolInvoice(),
        [PeppolCreditNote] = BuildPeppolCreditNote(),
        [XRechnung] = BuildXRechnung(),
        [Kuwaiti] = BuildKuwaiti(),
    });

    public static TheoryData<string> Names => new(s_all.Value.Keys);

    public static IReadOnlyList<string> AllNames => [.. s_all.Value.Keys];

    public static Invoice Get(string name) => s_all.Value[name];

    public static Party Seller { get; } = new()
    {
        LegalName = "Nordlicht Software GmbH",
        VatId = "DE123456789",
        Address = new PostalAddress { Street = "Friedrichstraße 12", City = "Berlin", PostalCode = "10117", CountryCode = "DE" },
        Email = "billing@nordlicht.example",
    };

    /// <summary>The seller as a Peppol sender: its electronic address (German VAT scheme) and its contact (DE-R-002…007).</summary>
    public static Party PeppolSeller { get; } = Seller with
    {
        VatId = "DE123456788",
        ElectronicAddress = new ElectronicAddress { Scheme = "9930", Id = "DE123456788" },
        ContactName = "Accounts receivable",
        ContactPhone = "+49 30 1234567",
    };

    private static Party BelgianBuyer => new()
    {
        LegalName = "Brasserie Numérique SA",
        VatId = "BE0403170701",
        Address = new PostalAddress { Street = "Rue Neuve 10", City = "Bruxelles", PostalCode = "1000", CountryCode = "BE" },
        Email = "factures@brasserie.example",
        ElectronicAddress = new ElectronicAddress { Scheme = "0208", Id = "0403170701" },
    };

    private static Party DomesticBuyer => new()
    {
        LegalName = "Hafenkontor Müller AG",
        VatId = "DE987654321",
        Address = new PostalAddress { Street = "Am Sandtorkai 5", AdditionalLine = "3. OG", City = "Hamburg", PostalCode = "20457", CountryCode = "DE" },
        Email = "ap@hafenkontor.example",
    };

    private static Invoice BuildDomestic() => Build("INV-2026-000101", Currency.EUR, DomesticBuyer, paid: 0m,
    [
        Line("Team plan, 5 seats", 5m, 29.90m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd),
        Line("Additional storage 100 GB", 3m, 4.99m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd),
        Line("Unused time on Starter plan", -1m, 19.90m, InvoiceLineKind.ProrationCredit, VatCategory.Standard, 19m, s_changeDate, s_periodEnd, fraction: 20m / 31m),
        Line("Remaining time on Business plan", 1m, 49.90m, InvoiceLineKind.ProrationCharge, VatCategory.Standard, 19m, s_changeDate, s_periodEnd, fraction: 20m / 31m),
        Line("Printed administrator handbook", 1m, 12.00m, InvoiceLineKind.OneOff, VatCategory.Standard, 7m),
    ]);

    private static Invoice BuildReverseCharge() => Build("INV-2026-000102", Currency.EUR, new Party
    {
        LegalName = "Atelier Lumière SARL",
        VatId = "FR12345678901",
        Address = new PostalAddress { Street = "12 rue de la Paix", City = "Paris", PostalCode = "75002", CountryCode = "FR" },
    }, paid: 0m,
    [
        Line("Business plan, 12 seats", 12m, 49.90m, InvoiceLineKind.Recurring, VatCategory.ReverseCharge, 0m, s_periodStart, s_periodEnd),
        Line("Onboarding workshop", 1m, 450.00m, InvoiceLineKind.OneOff, VatCategory.ReverseCharge, 0m),
    ]);

    private static Invoice BuildExempt() => Build("INV-2026-000103", Currency.EUR, new Party
    {
        LegalName = "Volkshochschule Nord e.V.",
        Address = new PostalAddress { Street = "Schulweg 1", City = "Kiel", PostalCode = "24103", CountryCode = "DE" },
    }, paid: 0m,
    [
        Line("Training course: spreadsheet basics", 8m, 65.00m, InvoiceLineKind.OneOff, VatCategory.Exempt, 0m, s_periodStart, s_periodEnd),
        Line("Team plan, 5 seats", 5m, 29.90m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd),
    ]);

    private static Invoice BuildCreditNote() => Build("CN-2026-000007", Currency.EUR, DomesticBuyer, paid: 0m,
    [
        Line("Unused time on Business plan after cancellation", -10m, 49.90m, InvoiceLineKind.ProrationCredit, VatCategory.Standard, 19m, s_changeDate, s_periodEnd, fraction: 20m / 31m),
        Line("Goodwill credit for outage on 2026-03-03", -1m, 25.00m, InvoiceLineKind.OneOff, VatCategory.Standard, 19m),
    ]);

    private static Invoice BuildYen() => Build("INV-2026-000104", Currency.JPY, DomesticBuyer, paid: 0m,
    [
        Line("Team plan, 5 seats", 5m, 1980m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd),
        Line("Unused time on Starter plan", -1m, 1980m, InvoiceLineKind.ProrationCredit, VatCategory.Standard, 19m, s_changeDate, s_periodEnd, fraction: 20m / 31m),
    ]);

    private static Invoice BuildSixtyLines() => Build("INV-2026-000105", Currency.EUR, DomesticBuyer, paid: 0m,
        [.. Enumerable.Range(1, 60).Select(i => Line(
            i == 7
                ? "Seat licence for user7@hafenkontor.example including premium support, audit log retention of 400 days and single sign-on"
                : $"Seat licence for user{i}@hafenkontor.example",
            1m, 9.90m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd))]);

    private static Invoice BuildPrepaid() => Build("INV-2026-000106", Currency.EUR, DomesticBuyer, paid: 50.00m,
    [
        Line("Team plan, 5 seats", 5m, 29.90m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd),
        Line("Priority support", 1m, 39.00m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd),
    ]);

    private static Invoice BuildPeppolInvoice() => Build("INV-2026-000107", Currency.EUR, BelgianBuyer, paid: 0m,
    [
        Line("Business plan, 12 seats", 12m, 49.90m, InvoiceLineKind.Recurring, VatCategory.ReverseCharge, 0m, s_periodStart, s_periodEnd),
        Line("Onboarding workshop", 1m, 450.00m, InvoiceLineKind.OneOff, VatCategory.ReverseCharge, 0m),
    ], PeppolSeller);

    /// <summary>A cancellation on 2026-03-12 credits 20/31 of the March seats billed by INV-2026-000042 (unit price prorated and rounded, as the biller does).</summary>
    private static Invoice BuildPeppolCreditNote() => Build("CN-2026-000008", Currency.EUR, BelgianBuyer with
    {
        ElectronicAddress = new ElectronicAddress { Scheme = "0088", Id = "5409999999992" },
    }, paid: 0m,
    [
        Line("Unused time on Business plan", -12m, 32.19m, InvoiceLineKind.ProrationCredit, VatCategory.ReverseCharge, 0m, s_changeDate, s_periodEnd, credits: CreditedByPeppolCreditNote),
    ], PeppolSeller);

    private static Invoice BuildXRechnung() => Build("INV-2026-000108", Currency.EUR, new Party
    {
        LegalName = "Bezirksamt Hamburg-Nord",
        Address = new PostalAddress { Street = "Kümmellstraße 6", City = "Hamburg", PostalCode = "20249", CountryCode = "DE" },
        Email = "rechnungen@bezirksamt.example",
        ElectronicAddress = new ElectronicAddress { Scheme = "0204", Id = LeitwegId },
    }, paid: 0m,
    [
        Line("Team plan, 25 seats", 25m, 29.90m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd),
        Line("Remaining time on Business plan", 5m, 32.19m, InvoiceLineKind.ProrationCharge, VatCategory.Standard, 19m, s_changeDate, s_periodEnd),
    ], PeppolSeller);

    /// <summary>Kuwaiti dinars (three minor digits): line amounts 123.455 and 10.335 need document-level rounding in the UBL.</summary>
    private static Invoice BuildKuwaiti() => Build("INV-2026-000109", Currency.FromCode("KWD"), BelgianBuyer with
    {
        Address = new PostalAddress { Street = "Gulf Road 1", City = "Kuwait City", PostalCode = "13001", CountryCode = "KW" },
        VatId = null,
        ElectronicAddress = new ElectronicAddress { Scheme = "EM", Id = "ap@gulf-trading.example" },
    }, paid: 0m,
    [
        Line("Analytics plan", 1m, 123.455m, InvoiceLineKind.Recurring, VatCategory.Exempt, 0m, s_periodStart, s_periodEnd),
        Line("Additional seats", 1m, 10.335m, InvoiceLineKind.Recurring, VatCategory.Standard, 19m, s_periodStart, s_periodEnd),
    ], PeppolSeller);

    private static LineSpec Line(
        string description, decimal quantity, decimal unitPrice, InvoiceLineKind kind, VatCategory category, decimal rate,
        DateOnly? start = null, DateOnly? end = null, decimal fraction = 1m, InvoiceReference? credits = null) =>
        new(description, quantity, unitPrice, kind, category, rate, start, end, fraction, credits);

    private static Invoice Build(string number, Currency currency, Party buyer, decimal paid, IReadOnlyList<LineSpec> specs, Party? seller = null)
    {
        var lines = specs.Select((spec, i) => spec.ToLine(currency, i)).ToList();
        var breakdown = lines
            .GroupBy(line => (line.VatCategory, line.VatRate))
            .Select(group =>
            {
                var taxable = Money.Sum(group.Select(line => line.NetAmount), currency);
                return new VatSubtotal
                {
                    Category = group.Key.VatCategory,
                    Rate = group.Key.VatRate,
                    TaxableAmount = taxable,
                    TaxAmount = (taxable * (group.Key.VatRate / 100m)).Round(),
                    ExemptionReason = group.Key.VatCategory switch
                    {
                        VatCategory.ReverseCharge => "Reverse charge",
                        VatCategory.Exempt => "Exempt under Article 132(1)(i) of Directive 2006/112/EC",
                        _ => null,
                    },
                    ExemptionReasonCode = group.Key.VatCategory switch
                    {
                        VatCategory.ReverseCharge => "VATEX-EU-AE",
                        VatCategory.Exempt => "VATEX-EU-132",
                        _ => null,
                    },
                };
            })
            .ToList();
        var net = Money.Sum(lines.Select(line => line.NetAmount), currency);
        var vat = Money.Sum(breakdown.Select(subtotal => subtotal.TaxAmount), currency);
        var accountId = "acct-" + number[^3..];
        return new Invoice
        {
            Id = Invoice.IdFor(accountId, s_periodStart),
            AccountId = accountId,
            BillingDate = s_periodStart,
            Status = InvoiceStatus.Open,
            Number = number,
            IssueDate = s_issue,
            DueDate = s_issue.AddDays(14),
            Currency = currency,
            Seller = seller ?? Seller,
            Buyer = buyer,
            Lines = lines,
            VatBreakdown = breakdown,
            NetTotal = net,
            VatTotal = vat,
            GrossTotal = net + vat,
            AmountPaid = new Money(paid, currency),
            PayeeIban = SellerIban,
            PayeeBic = "COBADEFFXXX",
            CreditorReference = CreditorReferenceFor(number),
        };
    }

    /// <summary>An ISO 11649 reference: RF, two check digits (98 − mod 97 of the rearranged digits), the reference.</summary>
    public static string CreditorReferenceFor(string number)
    {
        var reference = new string([.. number.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
        var digits = string.Concat((reference + "RF00").Select(c => char.IsAsciiDigit(c) ? c.ToString(CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
        return $"RF{check:00}{reference}";
    }

    private sealed record LineSpec(
        string Description, decimal Quantity, decimal UnitPrice, InvoiceLineKind Kind, VatCategory Category, decimal Rate,
        DateOnly? Start, DateOnly? End, decimal Fraction, InvoiceReference? Credits)
    {
        public InvoiceLine ToLine(Currency currency, int index) => new()
        {
            Key = $"line-{index}",
            Kind = Kind,
            Description = Description,
            PeriodStart = Start,
            PeriodEnd = End,
            Quantity = Quantity,
            UnitPrice = new Money(UnitPrice, currency),
            NetAmount = new Money(Quantity * UnitPrice * Fraction, currency).Round(),
            VatCategory = Category,
            VatRate = Rate,
            PlanId = Kind == InvoiceLineKind.Recurring ? "plan-team" : null,
            SubscriptionId = Kind is InvoiceLineKind.OneOff ? null : "sub-1",
            CreditedInvoice = Credits,
        };
    }
}
