using System.Xml.Linq;
using Billing.Cli.Tests.Support;
using MimeKit;
using UglyToad.PdfPig;

namespace Billing.Cli.Tests.Commands;

public sealed class DemoCommandTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private string InvoicesFolder => Path.Combine(demo.Data, "blobs", "invoices");

    [Fact]
    public void Demo_EightAccountsTwoMonths_ExitsZeroAndSaysWhereToLook()
    {
        Assert.True(demo.Demo.ExitCode == 0, demo.Demo.Error);
        Assert.Empty(demo.Demo.Error);
        Assert.Contains("Issued", demo.Demo.Out, StringComparison.Ordinal);
        Assert.Contains("Where to look:", demo.Demo.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(demo.Data, "billing.db")));
        Assert.True(File.Exists(Path.Combine(demo.Data, "settings.json")));
    }

    [Fact]
    public void Demo_EightAccountsTwoMonths_WritesPdfsThatOpenAndShowTheirNumber()
    {
        var pdfs = Directory.GetFiles(InvoicesFolder, "*.pdf", SearchOption.AllDirectories);

        Assert.True(pdfs.Length >= 8, $"only {pdfs.Length} PDFs");
        foreach (var pdf in pdfs)
        {
            using var document = PdfDocument.Open(pdf);
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains(Path.GetFileNameWithoutExtension(pdf), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_EightAccountsTwoMonths_WritesOneUblXmlPerPdf()
    {
        var pdfs = Directory.GetFiles(InvoicesFolder, "*.pdf", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).Order();
        var xmls = Directory.GetFiles(InvoicesFolder, "*.xml", SearchOption.AllDirectories);

        Assert.Equal(pdfs, xmls.Select(Path.GetFileNameWithoutExtension).Order());
        foreach (var xml in xmls)
        {
            var root = XDocument.Load(xml).Root!;
            Assert.Contains(root.Name.LocalName, new[] { "Invoice", "CreditNote" });
            Assert.Contains(Path.GetFileNameWithoutExtension(xml), root.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_EightAccountsTwoMonths_WritesOneParsableEmlPerInvoice()
    {
        var pdfs = Directory.GetFiles(InvoicesFolder, "*.pdf", SearchOption.AllDirectories);
        var emls = Directory.GetFiles(Path.Combine(demo.Data, "outbox"), "*.eml");

        Assert.Equal(pdfs.Length, emls.Length);
        using var message = await MimeMessage.LoadAsync(emls[0]);
        Assert.Equal(2, message.Attachments.Count());
        Assert.NotNull(message.Headers["X-Billing-InvoiceNumber"]);
    }

    [Fact]
    public void Demo_EightAccountsTwoMonths_EndsByWritingTheReportsOfTheLastDay_AndSaysWhere()
    {
        var index = Path.Combine(demo.Data, "blobs", "reports", "2026-02-28", "index.html");

        Assert.True(File.Exists(index));
        Assert.True(File.Exists(Path.Combine(demo.Data, "blobs", "reports", "2026-02-28", "aging.html")));
        Assert.Contains($"reports           {index}", demo.Demo.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(demo.Data, "outbox"), "dunning-*.eml"));
    }

    [Fact]
    public async Task Demo_SecondRunOverTheSameFolder_CreatesNothingNew()
    {
        var emailsBefore = Directory.GetFiles(Path.Combine(demo.Data, "outbox"), "*.eml").Length;

        var replay = await CliRun.RunAsync("demo", "--accounts", "8", "--months", "2", "--bill-only", "--data", demo.Data);

        Assert.Equal(0, replay.ExitCode);
        Assert.Contains("Nothing new", replay.Out, StringComparison.Ordinal);
        Assert.Equal(emailsBefore, Directory.GetFiles(Path.Combine(demo.Data, "outbox"), "*.eml").Length);
    }
}
