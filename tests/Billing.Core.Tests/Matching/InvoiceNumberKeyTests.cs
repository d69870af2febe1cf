using Billing.Core.Matching;

namespace Billing.Core.Tests.Matching;

public sealed class InvoiceNumberKeyTests
{
    [Theory]
    [InlineData("INV-2026-000123", "INV|2026|123")]
    [InlineData("inv 2026 123", "INV|2026|123")]
    [InlineData("INV2026-000123", "INV|2026|123")]
    [InlineData("INV-2026-00123", "INV|2026|123")]
    [InlineData("INV2026000123", "INV|2026|123")]
    public void Of_TypedVariants_GiveOneKey(string typed, string key) => Assert.Equal(key, InvoiceNumberKey.Of(typed));

    [Fact]
    public void Scan_TextWithSeveralNumbers_FindsEachWithKnownPrefix()
    {
        var keys = new List<string>();

        InvoiceNumberKey.Scan("PaymentINV2026-1, inv-2026-0002; order 2026-5", ["INV"], keys.Add);

        Assert.Equal(["INV|2026|1", "INV|2026|2"], keys);
    }

    [Fact]
    public void CreditorReferenceScanner_FindsPrintedReferenceOnlyWithValidCheckDigits()
    {
        var bodies = new List<string>();

        CreditorReferenceScanner.Scan("pay RF18 5390 0754 7034 now, not RF19 5390 0754 7034", bodies.Add);

        Assert.Equal(["539007547034"], bodies);
    }
}
