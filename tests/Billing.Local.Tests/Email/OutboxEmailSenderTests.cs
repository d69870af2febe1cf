using System.Text;
using Billing.Core.Email;
using Billing.Local.Email;
using Billing.Local.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Billing.Local.Tests.Email;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly OutboxEmailSender _sender;

    public OutboxEmailSenderTests() =>
        _sender = new OutboxEmailSender(_dir.Data, new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero)));

    private static EmailMessage Message(string id = "invoice-inv-acc-1-20260105") => new()
    {
        MessageId = id,
        From = new EmailAddress("billing@seller.example", "Seller GmbH"),
        To = [new EmailAddress("ap@buyer.example", "Buyer Ltd")],
        Subject = "Invoice INV-2026-000001 from Seller GmbH",
        TextBody = "Dear Buyer Ltd, please find attached…",
        HtmlBody = "<p>Dear Buyer Ltd, please find attached…</p>",
        Attachments =
        [
            new EmailAttachment("INV-2026-000001.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7 fake")),
            new EmailAttachment("INV-2026-000001.xml", "application/xml", Encoding.UTF8.GetBytes("<Invoice/>")),
        ],
        CustomArgs = new Dictionary<string, string> { ["invoiceId"] = "inv-acc-1-20260105", ["accountId"] = "acc-1" },
    };

    [Fact]
    public async Task SendAsync_Message_WritesEmlThatMimeKitParsesWithBothBodiesAndAttachments()
    {
        var id = await _sender.SendAsync(Message());

        var file = Path.Combine(_dir.Path, "outbox", "invoice-inv-acc-1-20260105.eml");
        Assert.Equal("invoice-inv-acc-1-20260105", id);
        using var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal("Invoice INV-2026-000001 from Seller GmbH", parsed.Subject);
        Assert.Equal("invoice-inv-acc-1-20260105@billing.local", parsed.MessageId);
        Assert.Equal("ap@buyer.example", parsed.To.Mailboxes.Single().Address);
        Assert.Contains("please find attached", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>", parsed.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("inv-acc-1-20260105", parsed.Headers["X-Billing-InvoiceId"]);
        Assert.Equal("acc-1", parsed.Headers["X-Billing-AccountId"]);
        var attachments = parsed.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["INV-2026-000001.pdf", "INV-2026-000001.xml"], attachments.Select(a => a.FileName));
        using var pdf = new MemoryStream();
        await attachments[0].Content!.DecodeToAsync(pdf);
        Assert.Equal("%PDF-1.7 fake", Encoding.ASCII.GetString(pdf.ToArray()));
    }

    [Fact]
    public async Task SendAsync_SameMessageIdTwice_WritesOneFileAndReturnsSameId()
    {
        var first = await _sender.SendAsync(Message());
        var second = await _sender.SendAsync(Message() with { Subject = "changed" });

        Assert.Equal(first, second);
        var files = Directory.GetFiles(Path.Combine(_dir.Path, "outbox"), "*.eml");
        Assert.Single(files);
        using var parsed = await MimeMessage.LoadAsync(files[0]);
        Assert.NotEqual("changed", parsed.Subject);
    }

    [Fact]
    public async Task SendAsync_SameMessageIdConcurrently_WritesOneFile()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _sender.SendAsync(Message("invoice-x")))));

        Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "outbox"), "*.eml"));
    }

    public void Dispose() => _dir.Dispose();
}
