using System.Globalization;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Documents.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;

namespace Billing.Documents.Tests.Pdf;

public sealed class InvoicePdfRendererTests
{
    private static readonly InvoicePdfRenderer s_renderer = new();

    public static TheoryData<string> Samples => SampleInvoices.Names;

    [Fact]
    public void Write_DomesticInvoice_ShowsNumberTotalsIbanAndCreditorReference()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Domestic);

        var text = PdfText.Read(Render(invoice)).All;

        Assert.Contains("Invoice", text, StringComparison.Ordinal);
        Assert.Contains(invoice.Number!, text, StringComparison.Ordinal);
        Assert.Contains(Printed(invoice.GrossTotal), text, StringComparison.Ordinal);
        Assert.Contains("Amount due", text, StringComparison.Ordinal);
        Assert.Contains(Printed(invoice.AmountDue), text, StringComparison.Ordinal);
        Assert.Contains("DE89 3704 0044 0532 0130 00", text, StringComparison.Ordinal);
        Assert.Contains("COBADEFFXXX", text, StringComparison.Ordinal);
        Assert.Contains(invoice.CreditorReference!, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DomesticInvoice_ShowsPartiesDatesLinesAndVatBreakdown()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Domestic);

        var text = PdfText.Read(Render(invoice)).All;

        Assert.Contains("Nordlicht Software GmbH", text, StringComparison.Ordinal);
        Assert.Contains("Hafenkontor Müller AG", text, StringComparison.Ordinal);
        Assert.Contains("VAT ID: DE987654321", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-26", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 – 2026-03-31", text, StringComparison.Ordinal);
        Assert.Contains("Unused time on Starter plan", text, StringComparison.Ordinal);
        Assert.Contains("-12.84 EUR", text, StringComparison.Ordinal);
        Assert.Contains("Standard rate (S)", text, StringComparison.Ordinal);
        Assert.Contains("7 %", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SixtyLineInvoice_FlowsOntoFurtherNumberedPages()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.SixtyLines);

        var pdf = PdfText.Read(Render(invoice));

        Assert.True(pdf.Pages.Count > 1, $"expected several pages, got {pdf.Pages.Count}");
        Assert.Contains($"Page 1 of {pdf.Pages.Count}", pdf.Pages[0], StringComparison.Ordinal);
        Assert.Contains($"Page {pdf.Pages.Count} of {pdf.Pages.Count}", pdf.Pages[^1], StringComparison.Ordinal);
        Assert.Contains("Description", pdf.Pages[1], StringComparison.Ordinal);
        for (var i = 1; i <= 60; i++)
        {
            Assert.Contains($"user{i}@hafenkontor.example", pdf.All, StringComparison.Ordinal);
        }

        Assert.Contains(Printed(invoice.AmountDue), pdf.Pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CreditNote_IsTitledCreditNoteAndStatesTheCredit()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.CreditNote);

        var text = PdfText.Read(Render(invoice)).All;

        Assert.Contains("Credit note", text, StringComparison.Ordinal);
        Assert.Contains(Printed(-invoice.GrossTotal), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Printed(invoice.GrossTotal), text, StringComparison.Ordinal);
        Assert.Contains($"The credit of {Printed(invoice.AmountDue.Abs())} is to be refunded to you or set against your next invoice.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CreditNoteForAnInvoice_NamesItAndShowsPositiveAmountsWithoutPayeeAccount()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.PeppolCreditNote);

        var text = PdfText.Read(Render(invoice)).All;

        Assert.Contains("Credit note for invoice INV-2026-000042", text, StringComparison.Ordinal);
        Assert.Contains("unused time after a cancellation on 2026-03-12", text, StringComparison.Ordinal);
        Assert.Contains(Printed(-invoice.Lines[0].NetAmount), text, StringComparison.Ordinal);
        Assert.DoesNotContain("-386.28", text, StringComparison.Ordinal);
        Assert.Contains("Credit due to you", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IBAN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ReverseChargeInvoice_ShowsExemptionReason()
    {
        var text = PdfText.Read(Render(SampleInvoices.Get(SampleInvoices.ReverseCharge))).All;

        Assert.Contains("Reverse charge (AE)", text, StringComparison.Ordinal);
        Assert.Contains("VAT ID: FR12345678901", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_YenInvoice_PrintsAmountsWithoutMinorDigits()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Yen);

        var text = PdfText.Read(Render(invoice)).All;

        Assert.Contains("9,900 JPY", text, StringComparison.Ordinal);
        Assert.Contains(Printed(invoice.GrossTotal), text, StringComparison.Ordinal);
        Assert.DoesNotContain(".00 JPY", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PrepaidInvoice_ShowsPaidAndRemainingAmountDue()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Prepaid);

        var text = PdfText.Read(Render(invoice)).All;

        Assert.Contains("Paid", text, StringComparison.Ordinal);
        Assert.Contains("50.00 EUR", text, StringComparison.Ordinal);
        Assert.Contains($"Please transfer {Printed(invoice.AmountDue)}", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_AnySample_SetsAllTextInEmbeddedDejaVuSans(string sample)
    {
        var bytes = Render(SampleInvoices.Get(sample));

        var pdf = PdfText.Read(bytes);

        Assert.NotEmpty(pdf.FontNames);
        Assert.All(pdf.FontNames, name => Assert.Matches(@"^[A-Z]{6}\+DejaVu Sans(,Bold)?$", name)); // subset of the embedded face
        Assert.All(FontDescriptors(bytes), descriptor => Assert.True(descriptor.ContainsKey(NameToken.FontFile2), "font program embedded (FontFile2)"));
    }

    [Fact]
    public void Write_CalledConcurrently_RendersEveryDocumentCompletely()
    {
        var names = SampleInvoices.AllNames;
        var expected = names.ToDictionary(name => name, name => PdfText.Read(Render(SampleInvoices.Get(name))).All);

        var results = new (string Name, string Text)[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var name = names[i % names.Count];
            results[i] = (name, PdfText.Read(Render(SampleInvoices.Get(name))).All);
        });

        Assert.All(results, result => Assert.Equal(expected[result.Name], result.Text));
    }

    [Fact]
    public void Write_SameInvoiceTwice_WritesTheSamePageText()
    {
        var invoice = SampleInvoices.Get(SampleInvoices.Domestic);

        Assert.Equal(PdfText.Read(Render(invoice)).All, PdfText.Read(Render(invoice)).All);
    }

    private static byte[] Render(Invoice invoice)
    {
        using var stream = new MemoryStream();
        s_renderer.Write(invoice, stream);
        return stream.ToArray();
    }

    /// <summary>How a total is printed: thousands separators, the currency's minor digits, then the code.</summary>
    private static string Printed(Money money) =>
        money.Amount.ToString("N" + money.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + money.Currency.Code;

    /// <summary>The font descriptors of every font the pages use, following Type0 fonts to their descendant.</summary>
    private static List<DictionaryToken> FontDescriptors(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var scanner = document.Structure.TokenScanner;
        var descriptors = new List<DictionaryToken>();
        foreach (var page in document.GetPages())
        {
            var resources = Dictionary(page.Dictionary.Data[NameToken.Resources], scanner);
            var fonts = Dictionary(resources.Data[NameToken.Font], scanner);
            foreach (var reference in fonts.Data.Values)
            {
                var font = Dictionary(reference, scanner);
                if (font.TryGet(NameToken.DescendantFonts, scanner, out ArrayToken? descendants))
                {
                    font = Dictionary(descendants.Data[0], scanner);
                }

                descriptors.Add(Dictionary(font.Data[NameToken.FontDescriptor], scanner));
            }
        }

        Assert.NotEmpty(descriptors);
        return descriptors;
    }

    private static DictionaryToken Dictionary(IToken token, UglyToad.PdfPig.Tokenization.Scanner.IPdfTokenScanner scanner) =>
        DirectObjectFinder.Get<DictionaryToken>(token, scanner) ?? throw new Xunit.Sdk.XunitException($"{token} is not a dictionary.");
}
