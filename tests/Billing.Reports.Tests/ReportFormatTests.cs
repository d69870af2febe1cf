using System.Text;
using Billing.Core.Reporting;
using Billing.Documents.Reports;

namespace Billing.Reports.Tests;

public sealed class ReportFormatTests(PublishedReports reports) : IClassFixture<PublishedReports>
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+49 30 1234", "'+49 30 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("-12.30", "-12.30")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("plain", "plain")]
    public void CsvCell_Escape_GuardsFormulasAndQuotesPerRfc4180(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Escape(value));

    [Theory]
    [InlineData("1234.5", "EUR", "€1,234.50")]
    [InlineData("-12.3", "USD", "-$12.30")]
    [InlineData("1200", "JPY", "¥1,200")]
    [InlineData("1.2345", "KWD", "KWD 1.235")]
    [InlineData("99", "CHF", "CHF 99.00")]
    public void CurrencyDisplay_Amount_UsesTheCurrencysSymbolAndDigits(string value, string currency, string expected) =>
        Assert.Equal(expected, CurrencyDisplay.Amount(value, currency));

    [Fact]
    public void Csv_EveryLineHasTheSameNumberOfFieldsAndHostileCellsAreGuarded()
    {
        var csv = File.ReadAllText(reports.PathOf("2026-04-01/unapplied.csv"), Encoding.UTF8);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines.Select(FieldCount).Distinct());
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EncodesCustomerNamesAndLoadsNothingFromElsewhere()
    {
        var html = File.ReadAllText(reports.PathOf("2026-04-01/aging.html"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; =SUM(A1) &quot;Ltd&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlIndex_OfACloseDay_ListsThePeriodClosesFirstUnderTheirOwnHeading()
    {
        var index = File.ReadAllText(reports.PathOf("2026-04-01/index.html"));
        int At(string text) => index.IndexOf(text, StringComparison.Ordinal);

        Assert.InRange(At("<h2>Period close</h2>"), 0, At("<h2>Daily snapshots</h2>"));
        Assert.InRange(At("href=\"close-quarter.html\""), At("<h2>Period close</h2>"), At("<h2>Daily snapshots</h2>"));
        Assert.InRange(At("href=\"close-month.html\""), At("<h2>Period close</h2>"), At("<h2>Daily snapshots</h2>"));
        Assert.True(At("href=\"aging.html\"") > At("<h2>Daily snapshots</h2>"), "the daily snapshots follow the period closes");
        Assert.Contains("2 closed periods", index, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlIndex_OfADayWithoutClose_ListsOnlyTheDailySnapshots()
    {
        var index = File.ReadAllText(reports.PathOf("2026-03-31/index.html"));

        Assert.DoesNotContain("Period close", index, StringComparison.Ordinal);
        Assert.DoesNotContain("close-month.html", index, StringComparison.Ordinal);
        Assert.Contains("href=\"aging.html\"", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTripsToTheSnapshotWithTheSameHash()
    {
        var json = File.ReadAllText(reports.PathOf("2026-04-01/close-month.json"));

        var snapshot = Core.Serialization.BillingJson.Deserialize<ReportSnapshot>(json);

        Assert.Equal("close-month-2026-03-31", snapshot.Id);
        Assert.Equal(snapshot.ContentHash, ReportSnapshot.HashOf(snapshot.Content));
    }

    [Fact]
    public void Formats_SameSnapshot_WriteTheSameBytes()
    {
        var json = File.ReadAllText(reports.PathOf("2026-04-01/aging.json"));
        var snapshot = Core.Serialization.BillingJson.Deserialize<ReportSnapshot>(json);
        IReportFormat[] formats = [new ReportHtmlFormat(), new ReportCsvFormat(), new ReportJsonFormat()];

        foreach (var format in formats)
        {
            Assert.Equal(Render(format, snapshot), File.ReadAllBytes(reports.PathOf($"2026-04-01/aging.{format.Extension}")));
        }
    }

    private static byte[] Render(IReportFormat format, ReportSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        format.Write(snapshot, stream);
        return stream.ToArray();
    }

    private static int FieldCount(string line)
    {
        var count = 1;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
