using System.Net;
using Billing.Core.Email;
using Billing.Core.Formatting;
using Billing.Core.Invoicing;

namespace Billing.Core.Delivery;

/// <summary>
/// Writes the email that carries an issued invoice (amount due, due date and how to pay) or credit note, in the
/// customer's language (English or German, any other language English), with amounts, dates and the IBAN as
/// <see cref="CustomerFormat"/> writes them.
/// </summary>
public static class InvoiceEmailComposer
{
    /// <summary>The deterministic message id of an invoice's email.</summary>
    public static string MessageIdOf(Invoice invoice) => $"invoice-{invoice?.Id}";

    /// <param name="language">The account's language (ISO 639-1); null is English.</param>
    public static EmailMessage Compose(Invoice invoice, IReadOnlyList<string> recipients, ReadOnlyMemory<byte> pdf, ReadOnlyMemory<byte> ubl, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(recipients);
        var format = CustomerFormat.For(language);
        var german = format.Language == "de";
        var number = invoice.Number ?? throw new ArgumentException("Only numbered invoices are emailed.", nameof(invoice));
        var reference = invoice.CreditorReference is null ? number : CreditorReference.ToPrintFormat(invoice.CreditorReference);
        var (buyer, seller) = (invoice.Buyer.LegalName, invoice.Seller.LegalName);
        var bic = invoice.PayeeBic is null ? "" : $" (BIC {invoice.PayeeBic})";
        var iban = CustomerFormat.Iban(invoice.PayeeIban);
        var (due, total, issued, payBy) = (format.Money(invoice.AmountDue), format.Money(invoice.GrossTotal.Abs()), format.Date(invoice.IssueDate), format.Date(invoice.DueDate));
        var text = (invoice.IsCreditNote, german) switch
        {
            (true, false) => $"""
                Dear {buyer},

                please find attached credit note {number} over {total}.
                The amount is credited to your account and used on your next invoice.

                {seller}
                """,
            (true, true) => $"""
                Sehr geehrte Damen und Herren ({buyer}),

                anbei erhalten Sie die Gutschrift {number} über {total}.
                Der Betrag wird Ihrem Kundenkonto gutgeschrieben und mit Ihrer nächsten Rechnung verrechnet.

                {seller}
                """,
            (false, false) => $"""
                Dear {buyer},

                please find attached invoice {number} of {issued}.
                Amount due: {due}, payable by {payBy}.

                Please transfer it to IBAN {iban}{bic}
                quoting the reference {reference}.

                {seller}
                """,
            (false, true) => $"""
                Sehr geehrte Damen und Herren ({buyer}),

                anbei erhalten Sie die Rechnung {number} vom {issued}.
                Offener Betrag: {due}, zahlbar bis {payBy}.

                Bitte überweisen Sie ihn auf IBAN {iban}{bic}
                unter Angabe des Verwendungszwecks {reference}.

                {seller}
                """,
        };
        var kind = (invoice.IsCreditNote, german) switch
        {
            (true, false) => "Credit note",
            (true, true) => "Gutschrift",
            (false, false) => "Invoice",
            (false, true) => "Rechnung",
        };
        var html = "<html><body><p>" + WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal) + "</p></body></html>";
        return new EmailMessage
        {
            MessageId = MessageIdOf(invoice),
            From = new EmailAddress(invoice.Seller.Email ?? throw new ArgumentException("The seller has no email address.", nameof(invoice)), seller),
            To = recipients.Select(r => new EmailAddress(r, buyer)).ToList(),
            Subject = german ? $"{kind} {number} von {seller}" : $"{kind} {number} from {seller}",
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
