using Billing.Core.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Documents.Tests;

public sealed class InvoiceDocumentRendererTests
{
    [Fact]
    public void AddInvoiceDocuments_ResolvedTwice_ReturnsOneSingleton()
    {
        using var provider = new ServiceCollection().AddInvoiceDocuments().AddInvoiceDocuments().BuildServiceProvider();

        var first = provider.GetRequiredService<IInvoiceDocumentRenderer>();

        Assert.IsType<InvoiceDocumentRenderer>(first);
        Assert.Same(first, provider.GetRequiredService<IInvoiceDocumentRenderer>());
    }

    [Fact]
    public void WritePdfAndWriteUbl_ResolvedRenderer_WritesPdfAndUblInvoice()
    {
        using var provider = new ServiceCollection().AddInvoiceDocuments().BuildServiceProvider();
        var renderer = provider.GetRequiredService<IInvoiceDocumentRenderer>();
        var invoice = SampleInvoices.Get(SampleInvoices.Domestic);
        using var pdf = new MemoryStream();
        using var ubl = new MemoryStream();

        renderer.WritePdf(invoice, pdf);
        renderer.WriteUbl(invoice, ubl);

        Assert.Equal("%PDF-"u8.ToArray(), pdf.ToArray()[..5]);
        var xml = System.Text.Encoding.UTF8.GetString(ubl.ToArray());
        Assert.Contains("<Invoice ", xml, StringComparison.Ordinal);
        Assert.Contains("xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"", xml, StringComparison.Ordinal);
    }
}
