using System.Globalization;
using Billing.Core.Accounts;
using Billing.Core.Invoicing;
using Billing.Core.Matching;
using Billing.Core.Monetary;
using Billing.Testing;

namespace Billing.Core.Tests.Matching;

/// <summary>
/// The matcher's rules, confidences, order and bounds, over an index built the way ingestion builds it
/// (<see cref="OpenInvoiceIndex.BuildAsync"/> over stored accounts and invoices). Payments quote invoices by name:
/// in the case data <c>{A}</c> is invoice A's number, <c>{rf A}</c> its RF reference, <c>{print A}</c> that
/// reference printed in blocks of four and <c>{wrong A}</c> that reference with wrong check digits.
/// </summary>
public sealed class PaymentMatcherTests
{
    private const string AcmeIban = "DE02120300000000202051";
    private const string SharedIban = "DE89370400440532013000";
    private static readonly DateOnly Today = new(2026, 6, 1);

    /// <summary>acme's invoices A (100.00, oldest) and B (200.00), P (50.00, paid), and globex's G (119.00), all EUR.</summary>
    private static async Task<Book> StandardBookAsync()
    {
        var book = new Book();
        await book.InvoiceAsync("A", "acme", 100m);
        await book.InvoiceAsync("B", "acme", 200m);
        await book.InvoiceAsync("P", "acme", 50m, InvoiceStatus.Paid);
        await book.InvoiceAsync("G", "globex", 119m);
        return book;
    }

    public static TheoryData<string, string, decimal, MatchRule, decimal> EachRule => new()
    {
        // field, value, amount, rule, confidence: every case quotes invoice A (100.00) in one way only.
        { "reference", "{rf A}", 100m, MatchRule.CreditorReference, 1.0m },
        { "text", "payment {rf A} thanks", 100m, MatchRule.CreditorReference, 0.95m },
        { "text", "paid {print A} regards", 100m, MatchRule.CreditorReference, 0.95m },
        { "text", "Invoice {A}", 100m, MatchRule.InvoiceNumber, 0.9m },
        { "text", "inv 2026 1", 100m, MatchRule.InvoiceNumber, 0.9m },
        { "e2e", "{rf A}", 100m, MatchRule.EndToEndId, 0.9m },
        { "e2e", "{A}", 100m, MatchRule.EndToEndId, 0.9m },
        { "iban", AcmeIban, 100m, MatchRule.PayerIbanAndAmount, 0.8m },
        { "iban", AcmeIban, 300m, MatchRule.PayerIbanAndAmount, 0.7m },
    };

    [Theory]
    [MemberData(nameof(EachRule))]
    public async Task Match_EachRule_MatchesAcmeWithItsConfidence(string field, string value, decimal amount, MatchRule rule, decimal confidence)
    {
        var book = await StandardBookAsync();
        var matcher = await book.MatcherAsync();

        var result = Assert.IsType<MatchResult.Matched>(
            matcher.Match(book.Payment(amount, field == "text" ? value : null, field == "reference" ? value : null, field == "e2e" ? value : null, field == "iban" ? value : null)));

        Assert.Equal((rule, confidence, "acme"), (result.Rule, result.Confidence, result.AccountId));
        Assert.Equal(book.Numbers(amount == 300m ? "A B" : "A"), result.Allocations.Select(a => a.Invoice.Number));
        Assert.Equal(0L, result.RestMinor);
    }

    public static TheoryData<string?, string?, string?, decimal, MatchRule, decimal, string> Precedence => new()
    {
        // reference, text, e2e, amount (acme's IBAN always given), rule, confidence, invoices paid.
        { "{rf A}", "Invoice {B}", null, 100m, MatchRule.CreditorReference, 1.0m, "A" },
        { "{rf B}", "{rf A}", null, 100m, MatchRule.CreditorReference, 1.0m, "B" },
        { null, "{rf A} and invoice {B}", null, 100m, MatchRule.CreditorReference, 0.95m, "A" },
        { null, "Invoice {A}", "{rf B}", 100m, MatchRule.InvoiceNumber, 0.9m, "A" },
        { null, null, "{A}", 200m, MatchRule.EndToEndId, 0.9m, "A" },
        { "{rf P}", "Invoice {B}", null, 100m, MatchRule.InvoiceNumber, 0.9m, "B" },
        { "{wrong A}", "Invoice {B}", null, 100m, MatchRule.InvoiceNumber, 0.9m, "B" },
        { null, "{rf P} and invoice {B}", null, 100m, MatchRule.InvoiceNumber, 0.9m, "B" },
        { null, "Invoice {P}", "{B}", 100m, MatchRule.EndToEndId, 0.9m, "B" },
        { null, null, "{P}", 200m, MatchRule.PayerIbanAndAmount, 0.8m, "B" },
    };

    [Theory]
    [MemberData(nameof(Precedence))]
    public async Task Match_SeveralRulesApply_TheFirstThatFindsAnOpenInvoiceWins(
        string? reference, string? text, string? e2e, decimal amount, MatchRule rule, decimal confidence, string paid)
    {
        var book = await StandardBookAsync();
        var matcher = await book.MatcherAsync();

        var result = Assert.IsType<MatchResult.Matched>(matcher.Match(book.Payment(amount, text, reference, e2e, AcmeIban)));

        Assert.Equal((rule, confidence), (result.Rule, result.Confidence));
        Assert.Equal(book.Numbers(paid), result.Allocations.Select(a => a.Invoice.Number));
    }

    public static TheoryData<string?, string?, string, string> Parked => new()
    {
        // text, payer IBAN, currency, what the reason says.
        { "Invoices {A} and {G}", null, "EUR", "several accounts" },
        { "{rf A} {rf G}", null, "EUR", "several accounts" },
        { "Invoice {A}", null, "CHF", "money is not converted" },
        { null, AcmeIban, "CHF", "No rule matched" },
        { null, SharedIban, "EUR", "No rule matched" },
        { null, "DE75512108001245126199", "EUR", "No rule matched" },
        { "Invoice {P}", null, "EUR", "No rule matched" },
        { "thank you", null, "EUR", "No rule matched" },
    };

    [Theory]
    [MemberData(nameof(Parked))]
    public async Task Match_NothingSafeToApply_ParksWithTheReason(string? text, string? iban, string currency, string reason)
    {
        var book = await StandardBookAsync();
        var matcher = await book.MatcherAsync();

        var result = Assert.IsType<MatchResult.Parked>(matcher.Match(book.Payment(100m, text, iban: iban, currency: currency)));

        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<int[], decimal, int[], decimal> PayerAndAmount => new()
    {
        // acme's open invoices in EUR, oldest first; payment; the 1-based invoices paid (none: parked); confidence.
        { [100, 200, 300], 300m, [3], 0.8m },
        { [100, 300, 200, 200], 400m, [1, 2], 0.7m },
        { [100, 200, 300], 600m, [1, 2, 3], 0.7m },
        { [100, 200], 50m, [], 0m },
        { PowersOfTwo(13), 3m, [1, 2], 0.7m },
        { PowersOfTwo(13), 31m, [1, 2, 3, 4, 5], 0.7m },
        { PowersOfTwo(13), 63m, [], 0m },
        { PowersOfTwo(13), 2049m, [1, 12], 0.7m },
        { PowersOfTwo(13), 4097m, [], 0m },
        { PowersOfTwo(13), 4096m, [13], 0.8m },
    };

    [Theory]
    [MemberData(nameof(PayerAndAmount))]
    public async Task Match_KnownPayerIban_PaysTheOneOrTheOldestFewInvoicesTheAmountFits(int[] amounts, decimal payment, int[] paid, decimal confidence)
    {
        var book = new Book();
        for (var i = 0; i < amounts.Length; i++)
        {
            await book.InvoiceAsync($"I{i + 1}", "acme", amounts[i]);
        }

        var result = (await book.MatcherAsync()).Match(book.Payment(payment, iban: AcmeIban));

        if (paid.Length == 0)
        {
            Assert.IsType<MatchResult.Parked>(result);
            return;
        }

        var matched = Assert.IsType<MatchResult.Matched>(result);
        Assert.Equal(paid.Select(i => book.Numbers($"I{i}")[0]), matched.Allocations.Select(a => a.Invoice.Number));
        Assert.Equal((MatchRule.PayerIbanAndAmount, confidence), (matched.Rule, matched.Confidence));
    }

    public static TheoryData<decimal, long, long, long> Allocation => new()
    {
        // payment quoting "{B} {A}" (newest first); paid to A, to B, rest (minor units).
        { 60m, 6000, 0, 0 },
        { 150m, 10000, 5000, 0 },
        { 300m, 10000, 20000, 0 },
        { 312.34m, 10000, 20000, 1234 },
    };

    [Theory]
    [MemberData(nameof(Allocation))]
    public async Task Match_SeveralInvoicesQuoted_PaysOldestFirstAndLeavesTheRest(decimal amount, long toA, long toB, long rest)
    {
        var book = await StandardBookAsync();
        var matcher = await book.MatcherAsync();

        var result = Assert.IsType<MatchResult.Matched>(matcher.Match(book.Payment(amount, "Invoices {B} and {A}")));

        var expected = new List<(string, long)> { (book.Numbers("A")[0], toA) };
        if (toB > 0)
        {
            expected.Add((book.Numbers("B")[0], toB));
        }

        Assert.Equal(expected, result.Allocations.Select(a => (a.Invoice.Number, a.Minor)));
        Assert.Equal(rest, result.RestMinor);
    }

    [Theory]
    [InlineData("{rf A}, {rf B}")]
    [InlineData("{rf A} {rf B}")]
    [InlineData("{rf A} and {rf B}")]
    [InlineData("{print A} {print B}")]
    [InlineData("{rf B} / {rf A}")]
    public async Task Match_TwoReferencesInText_PaysBothInvoices(string text)
    {
        var book = await StandardBookAsync();
        var matcher = await book.MatcherAsync();

        var result = Assert.IsType<MatchResult.Matched>(matcher.Match(book.Payment(300m, text)));

        Assert.Equal((MatchRule.CreditorReference, 0.95m), (result.Rule, result.Confidence));
        Assert.Equal([(book.Numbers("A")[0], 10000L), (book.Numbers("B")[0], 20000L)], result.Allocations.Select(a => (a.Invoice.Number, a.Minor)));
        Assert.Equal(0L, result.RestMinor);
    }

    [Fact]
    public async Task Match_LaterEntryOfTheSameFile_SeesWhatEarlierEntriesReserved()
    {
        var book = await StandardBookAsync();
        var matcher = await book.MatcherAsync();

        var first = Assert.IsType<MatchResult.Matched>(matcher.Match(book.Payment(60m, "Invoice {A}")));
        var second = Assert.IsType<MatchResult.Matched>(matcher.Match(book.Payment(40m, iban: AcmeIban)));
        var third = matcher.Match(book.Payment(240m, iban: AcmeIban));

        Assert.Equal(6000L, Assert.Single(first.Allocations).Minor);
        Assert.Equal((MatchRule.PayerIbanAndAmount, 0.8m), (second.Rule, second.Confidence));
        Assert.Equal(book.Numbers("A"), second.Allocations.Select(a => a.Invoice.Number));
        Assert.IsType<MatchResult.Parked>(third);
    }

    public static TheoryData<string, string?, string?> QuotedAgain => new()
    {
        // how both entries quote invoice A: field, value.
        { "text", "Invoice {A}", null },
        { "text", "{rf A}", null },
        { "reference", null, "{rf A}" },
        { "e2e", null, "{A}" },
    };

    /// <summary>
    /// An invoice paid in full by an earlier entry of the file is no longer open: a second payment quoting it is
    /// parked (as it would be in the next file, where the invoice is paid), not booked as credit under rule 1.
    /// </summary>
    [Theory]
    [MemberData(nameof(QuotedAgain))]
    public async Task Match_InvoicePaidByAnEarlierEntry_IsNotMatchedAgain(string field, string? text, string? other)
    {
        var book = await StandardBookAsync();
        var matcher = await book.MatcherAsync();
        IncomingPayment Quote() => book.Payment(100m, text, field == "reference" ? other : null, field == "e2e" ? other : null);

        var first = Assert.IsType<MatchResult.Matched>(matcher.Match(Quote()));
        var second = matcher.Match(Quote());

        Assert.Equal(10000L, Assert.Single(first.Allocations).Minor);
        Assert.True(second is MatchResult.Parked, $"matched again: {second}");
    }

    private static int[] PowersOfTwo(int count) => Enumerable.Range(0, count).Select(i => 1 << i).ToArray();

    /// <summary>Stored accounts (acme pays from its IBAN and a shared one, globex from the shared one) and invoices issued a day apart.</summary>
    private sealed class Book
    {
        private readonly InMemoryDocumentStore _store = new();
        private readonly Dictionary<string, string> _numbers = [];
        private bool _accounts;
        private int _payments;

        public async Task InvoiceAsync(string name, string accountId, decimal gross, InvoiceStatus status = InvoiceStatus.Open)
        {
            if (!_accounts)
            {
                _accounts = true;
                await Store(BillingWorld.Account("acme") with { KnownPayerIbans = [AcmeIban, SharedIban] });
                await Store(BillingWorld.Account("globex") with { KnownPayerIbans = [SharedIban] });
            }

            var sequence = _numbers.Count + 1;
            var number = $"INV-2026-{sequence:D6}";
            _numbers[name] = number;
            var issued = new DateOnly(2026, 1, 1).AddDays(sequence);
            var invoice = new Invoice
            {
                Id = $"inv-{accountId}-{sequence}", AccountId = accountId, BillingDate = issued, Status = status, Number = number,
                IssueDate = issued, DueDate = Today.AddDays(-10), Currency = Currency.EUR,
                Seller = Party("Seller"), Buyer = Party(accountId), Lines = [], VatBreakdown = [],
                NetTotal = Money.Of(gross, "EUR"), VatTotal = Money.Of(0m, "EUR"), GrossTotal = Money.Of(gross, "EUR"),
                AmountPaid = Money.Of(status == InvoiceStatus.Paid ? gross : 0m, "EUR"),
                PayeeIban = "DE44500105175407324931", CreditorReference = CreditorReference.Create(number),
            };
            Assert.NotNull(await _store.TryCreateAsync(accountId, invoice.Id, invoice));
        }

        public async Task<PaymentMatcher> MatcherAsync() => new(await OpenInvoiceIndex.BuildAsync(_store, Today));

        /// <summary>The numbers of the invoices named (space separated).</summary>
        public List<string> Numbers(string names) => names.Split(' ').Select(n => _numbers[n]).ToList();

        public IncomingPayment Payment(decimal amount, string? text = null, string? reference = null, string? e2e = null, string? iban = null, string currency = "EUR") => new()
        {
            PaymentId = $"pay-{++_payments}", AmountMinor = (long)(amount * 100), CurrencyCode = currency, BookingDate = Today,
            RemittanceInfo = Fill(text), CreditorReference = Fill(reference), EndToEndId = Fill(e2e), PayerIban = iban,
        };

        private string? Fill(string? template)
        {
            if (template is null)
            {
                return null;
            }

            foreach (var (name, number) in _numbers)
            {
                var rf = CreditorReference.Create(number);
                var wrong = $"RF{(int.Parse(rf[2..4], CultureInfo.InvariantCulture) + 1) % 100:D2}{rf[4..]}";
                template = template.Replace($"{{rf {name}}}", rf, StringComparison.Ordinal)
                    .Replace($"{{wrong {name}}}", wrong, StringComparison.Ordinal)
                    .Replace($"{{print {name}}}", CreditorReference.ToPrintFormat(rf), StringComparison.Ordinal)
                    .Replace($"{{{name}}}", number, StringComparison.Ordinal);
            }

            return template;
        }

        private async Task Store(Account account) => Assert.NotNull(await _store.TryCreateAsync(account.Id, account.Id, account));

        private static Party Party(string name) =>
            new() { LegalName = name, Address = new PostalAddress { Street = "Hafenstraße 1", City = "Hamburg", PostalCode = "20457", CountryCode = "DE" } };
    }
}
