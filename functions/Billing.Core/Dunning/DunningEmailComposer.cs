using System.Globalization;
using System.Net;
using System.Text;
using Billing.Core.Accounts;
using Billing.Core.Email;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;

namespace Billing.Core.Dunning;

/// <summary>
/// Writes a dunning email from the built-in templates (<see cref="DunningTemplates"/>): one email for all the
/// notices of a batch, in the account's language, listing each invoice's number, amount due, due date, days
/// overdue and RF reference, the IBAN to pay into, and any late fee; the invoices' PDFs are attached. The
/// message id is deterministic from the notice ids, so a retry of the same batch produces the same id.
/// </summary>
public static class DunningEmailComposer
{
    public static EmailMessage Compose(
        Account account, string messageId, IReadOnlyList<DunningLetterLine> lines, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> pdfsByInvoiceId)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(pdfsByInvoiceId);
        if (lines.Count == 0)
        {
            throw new ArgumentException("A dunning email needs at least one invoice.", nameof(lines));
        }

        var language = DunningTemplates.Resolve(account.Language);
        var labels = DunningTemplates.Labels(language);
        var template = DunningTemplates.MostSevere(lines.Select(l => l.Stage.Template));
        var text = DunningTemplates.Text(template, language);
        var first = lines[0].Invoice;
        var seller = first.Seller;
        var subject = Format(text.Subject, seller.LegalName);
        var noticeIds = lines.Select(l => l.Notice.Id).ToList();
        var rows = lines.Select(l => Row(l, labels)).ToList();
        var totals = string.Join(" + ", lines.GroupBy(l => l.Invoice.Currency).Select(g => Money.Sum(g.Select(l => l.Invoice.AmountDue), g.Key).ToString()));
        var payment = Format(labels.PaymentInstruction, first.PayeeIban, first.PayeeBic is null ? "" : Format(labels.Bic, first.PayeeBic));
        var fees = lines.Where(l => l.LateFee is not null).Select(l => Format(labels.LateFee, l.LateFee!.Value.ToString(), l.Invoice.Number!)).ToList();

        var body = new StringBuilder()
            .AppendLine(Format(labels.Greeting, account.LegalName)).AppendLine()
            .AppendLine(text.Intro).AppendLine();
        foreach (var row in rows)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- {labels.Invoice} {row.Number}: {labels.AmountDue} {row.AmountDue}, {labels.DueDate} {row.DueDate}, {labels.DaysOverdue} {row.DaysOverdue}, {labels.Reference} {row.Reference}");
        }

        body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{labels.Total}: {totals}").AppendLine().AppendLine(payment);
        foreach (var fee in fees)
        {
            body.AppendLine(fee);
        }

        body.AppendLine().AppendLine(text.Closing).AppendLine().AppendLine(labels.SignOff).Append(seller.LegalName);

        return new EmailMessage
        {
            MessageId = messageId,
            From = new EmailAddress(seller.Email ?? throw new ArgumentException("The seller has no email address.", nameof(lines)), seller.LegalName),
            To = account.BillingEmails.Select(e => new EmailAddress(e, account.LegalName)).ToList(),
            Subject = subject,
            TextBody = body.ToString(),
            HtmlBody = Html(account, labels, text, rows, totals, payment, fees, seller.LegalName),
            Attachments = lines.Where(l => pdfsByInvoiceId.ContainsKey(l.Invoice.Id))
                .Select(l => new EmailAttachment($"{l.Invoice.Number}.pdf", "application/pdf", pdfsByInvoiceId[l.Invoice.Id])).ToList(),
            CustomArgs = CustomArgs(account, noticeIds),
            TemplateId = lines.Select(l => l.Stage).Where(s => s.Template == template)
                .Select(s => s.SendGridTemplates.GetValueOrDefault(language)).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id)),
            TemplateData = new Dictionary<string, object?>
            {
                ["subject"] = subject,
                ["template"] = template,
                ["language"] = language,
                ["customerName"] = account.LegalName,
                ["sellerName"] = seller.LegalName,
                ["iban"] = first.PayeeIban,
                ["bic"] = first.PayeeBic,
                ["totalDue"] = totals,
                ["invoices"] = rows.Select(r => new Dictionary<string, object?>
                {
                    ["number"] = r.Number, ["amountDue"] = r.AmountDue, ["dueDate"] = r.DueDate, ["daysOverdue"] = r.DaysOverdue,
                    ["reference"] = r.Reference, ["iban"] = r.Iban, ["stage"] = r.Stage, ["lateFee"] = r.LateFee,
                }).ToList(),
            },
        };
    }

    private static Dictionary<string, string> CustomArgs(Account account, List<string> noticeIds)
    {
        var args = new Dictionary<string, string> { ["accountId"] = account.Id, ["noticeIds"] = string.Join(',', noticeIds) };
        if (noticeIds.Count == 1)
        {
            args["noticeId"] = noticeIds[0];
        }

        return args;
    }

    private sealed record LetterRow(string Number, string AmountDue, string DueDate, int DaysOverdue, string Reference, string Iban, int Stage, string? LateFee);

    private static LetterRow Row(DunningLetterLine line, DunningLabels labels)
    {
        var invoice = line.Invoice;
        var number = invoice.Number ?? throw new ArgumentException($"Invoice {invoice.Id} has no number; only issued invoices are dunned.", nameof(line));
        var reference = invoice.CreditorReference is null ? number : CreditorReference.ToPrintFormat(invoice.CreditorReference);
        return new LetterRow(number, invoice.AmountDue.ToString(), invoice.DueDate.ToString(labels.DateFormat, CultureInfo.InvariantCulture),
            Math.Max(0, line.DaysOverdue), reference, invoice.PayeeIban, line.Notice.Stage, line.LateFee?.ToString());
    }

    private static string Html(
        Account account, DunningLabels labels, DunningTemplateText text, List<LetterRow> rows, string totals, string payment, List<string> fees, string seller)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder("<html><body>")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(Format(labels.Greeting, account.LegalName))}</p><p>{E(text.Intro)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<table><tr><th>{E(labels.Invoice)}</th><th>{E(labels.AmountDue)}</th><th>{E(labels.DueDate)}</th><th>{E(labels.DaysOverdue)}</th><th>{E(labels.Reference)}</th></tr>");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Number)}</td><td>{E(row.AmountDue)}</td><td>{E(row.DueDate)}</td><td>{row.DaysOverdue}</td><td>{E(row.Reference)}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</table><p><strong>{E(labels.Total)}: {E(totals)}</strong></p><p>{E(payment)}</p>");
        foreach (var fee in fees)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(fee)}</p>");
        }

        return html.Append(CultureInfo.InvariantCulture, $"<p>{E(text.Closing)}</p><p>{E(labels.SignOff)}<br>{E(seller)}</p></body></html>").ToString();
    }

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
