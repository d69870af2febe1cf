using System.Globalization;
using System.Net;
using Billing.Core.Email;
using Billing.Core.Invoicing;

namespace Billing.Core.Billing;

/// <summary>Writes the email that carries an issued invoice: amount due, due date and how to pay.</summary>
public static class InvoiceEmailComposer
{
    /// <summary>The deterministic message id of an invoice's email.</summary>
    public static string MessageIdOf(Invoice invoice) => $"invoice-{invoice?.Id}";

    public static EmailMessage Compose(Invoice invoice, IReadOnlyList<string> recipients, ReadOnlyMemory<byte> pdf, ReadOnlyMemory<byte> ubl)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(recipients);
        var kind = invoice.IsCreditNote ? "Credit note" : "Invoice";
        var number = invoice.Number ?? throw new ArgumentException("Only numbered invoices are emailed.", nameof(invoice));
        var due = invoice.AmountDue.ToString();
        var reference = invoice.CreditorReference is null ? number : CreditorReference.ToPrintFormat(invoice.CreditorReference);
        var text = invoice.IsCreditNote
            ? $"""
              Dear {invoice.Buyer.LegalName},

              please find attached credit note {number} over {invoice.GrossTotal.Abs()}.
              The amount is credited to your account and used on your next invoice.

              {invoice.Seller.LegalName}
              """
            : $"""
              Dear {invoice.Buyer.LegalName},

              please find attached invoice {number} of {invoice.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.
              Amount due: {due}, payable by {invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.

              Please transfer it to IBAN {invoice.PayeeIban}{(invoice.PayeeBic is null ? "" : $" (BIC {invoice.PayeeBic})")}
              quoting the reference {reference}.

              {invoice.Seller.LegalName}
              """;
        var html = "<html><body><p>" + WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal) + "</p></body></html>";
        return new EmailMessage
        {
            MessageId = MessageIdOf(invoice),
            From = new EmailAddress(invoice.Seller.Email ?? throw new ArgumentException("The seller has no email address.", nameof(invoice)), invoice.Seller.LegalName),
            To = recipients.Select(r => new EmailAddress(r, invoice.Buyer.LegalName)).ToList(),
            Subject = $"{kind} {number} from {invoice.Seller.LegalName}",
            TextBody = text,
            HtmlBody = html,
            Attachments =
            [
                new EmailAttachment($"{number}.pdf", "application/pdf", pdf),
                new EmailAttachment($"{number}.xml", "application/xml", ubl),
            ],
            CustomArgs = new Dictionary<string, string> { ["invoiceId"] = invoice.Id, ["invoiceNumber"] = number, ["accountId"] = invoice.AccountId },
        };
    }
}
