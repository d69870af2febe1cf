using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Billing.Azure.Email;
using Billing.Core.Email;
using SendGrid;
using WireMock.RequestBuilders;
using Response = WireMock.ResponseBuilders.Response;
using WireMock.Server;
using WireMock.Settings;

namespace Billing.Azure.Tests.Email;

public sealed class SendGridEmailSenderTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });

    private SendGridEmailSender Sender() =>
        new(new SendGridClient(new SendGridClientOptions { ApiKey = "SG.test", Host = _server.Url! }));

    private static EmailMessage Message(string? templateId = null) => new()
    {
        MessageId = "invoice-inv-acc-1-20260331",
        From = new EmailAddress("billing@example.com", "Example GmbH"),
        To = [new EmailAddress("ap@customer.example", "Customer AG"), new EmailAddress("cfo@customer.example")],
        Subject = "Invoice INV-2026-000001 from Example GmbH",
        TextBody = "Amount due: EUR 119.00",
        HtmlBody = "<p>Amount due: EUR 119.00</p>",
        Attachments = [new EmailAttachment("INV-2026-000001.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7"))],
        CustomArgs = new Dictionary<string, string> { ["invoiceId"] = "inv-acc-1-20260331" },
        TemplateId = templateId,
        TemplateData = templateId is null ? null : new Dictionary<string, object?> { ["amountDue"] = "119.00" },
    };

    private void Answer(int status, string body = "", string? messageId = null)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        if (messageId is not null)
        {
            response = response.WithHeader("X-Message-Id", messageId);
        }

        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(response);
    }

    [Fact]
    public async Task Send_PostsFromToSubjectContentAttachmentsAndCustomArgs_AndReturnsTheProviderId()
    {
        Answer(202, messageId: "sg-123");

        var id = await Sender().SendAsync(Message());

        Assert.Equal("sg-123", id);
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal("Bearer SG.test", request.Headers!["Authorization"].Single());
        using var json = JsonDocument.Parse(request.Body!);
        var root = json.RootElement;
        Assert.Equal("billing@example.com", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Example GmbH", root.GetProperty("from").GetProperty("name").GetString());
        var to = root.GetProperty("personalizations")[0].GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString());
        Assert.Equal(["ap@customer.example", "cfo@customer.example"], to);
        Assert.Equal("Invoice INV-2026-000001 from Example GmbH", root.GetProperty("subject").GetString());
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString());
        Assert.Equal("Amount due: EUR 119.00", content["text/plain"]);
        Assert.Equal("<p>Amount due: EUR 119.00</p>", content["text/html"]);
        var attachment = root.GetProperty("attachments")[0];
        Assert.Equal("INV-2026-000001.pdf", attachment.GetProperty("filename").GetString());
        Assert.Equal("application/pdf", attachment.GetProperty("type").GetString());
        Assert.Equal("%PDF-1.7", Encoding.ASCII.GetString(Convert.FromBase64String(attachment.GetProperty("content").GetString()!)));
        var args = root.GetProperty("custom_args");
        Assert.Equal("invoice-inv-acc-1-20260331", args.GetProperty("messageId").GetString());
        Assert.Equal("inv-acc-1-20260331", args.GetProperty("invoiceId").GetString());
        Assert.False(root.TryGetProperty("template_id", out _));
    }

    [Fact]
    public async Task Send_WithTemplate_PostsTemplateIdAndDynamicData()
    {
        Answer(202, messageId: "sg-124");

        await Sender().SendAsync(Message("d-0123456789abcdef0123456789abcdef"));

        using var json = JsonDocument.Parse(Assert.Single(_server.LogEntries).RequestMessage.Body!);
        Assert.Equal("d-0123456789abcdef0123456789abcdef", json.RootElement.GetProperty("template_id").GetString());
        var data = json.RootElement.GetProperty("personalizations")[0].GetProperty("dynamic_template_data");
        Assert.Equal("119.00", data.GetProperty("amountDue").GetString());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(500)]
    public async Task Send_WhenSendGridRefuses_ThrowsWithStatusAndBody(int status)
    {
        Answer(status, "{\"errors\":[{\"message\":\"nope\"}]}");

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(Message()));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains("nope", error.ResponseBody, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _server.Stop();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
