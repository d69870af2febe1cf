using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Billing.Core.Accounts;
using Billing.Core.Email;
using Billing.Core.Formatting;
using Billing.Core.Invoicing;
using Billing.Core.Monetary;

namespace Billing.Core.Dunning;

/// <summary>
/// Writes a dunning email from the built-in templates (<see cref="DunningTemplates"/>) in the account's language, with
/// amounts, dates and the IBAN as <see cref="CustomerFormat"/> writes them. One email carries all the notices of a
/// batch, organised by stage: the subject and opening follow the most serious stage (the highest stage number); then
/// one section per stage, most serious first, with that stage's heading, lead and closing around exactly the invoices
/// at that stage (number, amount due, due date, days overdue, RF reference) and the late fee each of them is charged,
/// if its stage charges one. Then the total, the IBAN to pay into, and the invoices' PDFs attached. The same content
/// goes to a SendGrid dynamic template as <see cref="EmailMessage.TemplateData"/> (the fields are listed in the README).
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

        var format = CustomerFormat.For(account.Language);
        var labels = DunningTemplates.Labels(format.Language);
        var sections = lines.GroupBy(l => l.Notice.Stage).OrderByDescending(g => g.Key)
            .Select(g => new Section(g.Key, g.First().Stage, DunningTemplates.Text(g.First().Stage.Template, format.Language), g.Select(l => Row(l, format, labels)).ToList()))
            .ToList();
        var top = sections[0];
        var first = lines[0].Invoice;
        var seller = first.Seller;
        var subject = Format(top.Text.Subject, seller.LegalName);
        var opening = sections.Count > 1 ? $"{top.Text.Opening} {labels.Sections}" : top.Text.Opening;
        var totals = string.Join(" + ", lines.GroupBy(l => l.Invoice.Currency).Select(g => format.Money(Money.Sum(g.Select(l => l.Invoice.AmountDue), g.Key))));
        var payment = Format(labels.PaymentInstruction, CustomerFormat.Iban(first.PayeeIban), first.PayeeBic is null ? "" : Format(labels.Bic, first.PayeeBic));
        var letter = new Letter(Format(labels.Greeting, account.LegalName), opening, sections, $"{labels.Total}: {totals}", payment, labels.SignOff, seller.LegalName);

        return new EmailMessage
        {
            MessageId = messageId,
            From = new EmailAddress(seller.Email ?? throw new ArgumentException("The seller has no email address.", nameof(lines)), seller.LegalName),
            To = account.BillingEmails.Select(e => new EmailAddress(e, account.LegalName)).ToList(),
            Subject = subject,
            TextBody = Text(letter, labels),
            HtmlBody = Html(letter, labels),
            Attachments = lines.Where(l => pdfsByInvoiceId.ContainsKey(l.Invoice.Id))
                .Select(l => new EmailAttachment($"{l.Notice.InvoiceNumber}.pdf", "application/pdf", pdfsByInvoiceId[l.Invoice.Id])).ToList(),
            CustomArgs = CustomArgs(account, lines.Select(l => l.Notice.Id).ToList()),
            TemplateId = top.Stage.SendGridTemplates.GetValueOrDefault(format.Language) is { } id && !string.IsNullOrWhiteSpace(id) ? id : null,
            TemplateData = new Dictionary<string, object?>
            {
                ["subject"] = subject,
                ["template"] = top.Stage.Template,
                ["stage"] = top.Number,
                ["language"] = format.Language,
                ["customerName"] = account.LegalName,
                ["sellerName"] = seller.LegalName,
                ["opening"] = opening,
                ["iban"] = CustomerFormat.Iban(first.PayeeIban),
                ["bic"] = first.PayeeBic,
                ["totalDue"] = totals,
                ["sections"] = sections.Select(s => new Dictionary<string, object?>
                {
                    ["stage"] = s.Number, ["template"] = s.Stage.Template, ["action"] = ActionName(s.Stage.Action),
                    ["heading"] = s.Text.Heading, ["lead"] = s.Text.Lead, ["closing"] = s.Text.Closing,
                    ["invoices"] = s.Rows.Select(TemplateRow).ToList(),
                }).ToList(),
                ["invoices"] = sections.SelectMany(s => s.Rows).Select(TemplateRow).ToList(),
            },
        };
    }

    /// <summary>The camelCase name of an action, as template data carries it (<c>email</c>, <c>lateFee</c>, <c>suspend</c>, <c>collections</c>).</summary>
    public static string ActionName(DunningAction action) => JsonNamingPolicy.CamelCase.ConvertName(action.ToString());

    private sealed record Section(int Number, DunningStage Stage, DunningTemplateText Text, List<LetterRow> Rows);

    private sealed record Letter(string Greeting, string Opening, List<Section> Sections, string Total, string Payment, string SignOff, string Seller);

    private sealed record LetterRow(
        string Number, string AmountDue, string DueDate, int DaysOverdue, string Reference, string Iban, int Stage, string Template, DunningAction Action, string? LateFee, string? LateFeeText);

    private static LetterRow Row(DunningLetterLine line, CustomerFormat format, DunningLabels labels)
    {
        var invoice = line.Invoice;
        var number = line.Notice.InvoiceNumber;
        var reference = invoice.CreditorReference is null ? number : CreditorReference.ToPrintFormat(invoice.CreditorReference);
        var fee = line.LateFee is { } f ? format.Money(f) : null;
        return new LetterRow(
            number, format.Money(invoice.AmountDue), format.Date(invoice.DueDate), Math.Max(0, line.DaysOverdue), reference, CustomerFormat.Iban(invoice.PayeeIban),
            line.Notice.Stage, line.Stage.Template, line.Stage.Action, fee, fee is null ? null : Format(labels.LateFee, fee, number));
    }

    private static Dictionary<string, object?> TemplateRow(LetterRow r) => new()
    {
        ["number"] = r.Number, ["amountDue"] = r.AmountDue, ["dueDate"] = r.DueDate, ["daysOverdue"] = r.DaysOverdue, ["reference"] = r.Reference,
        ["iban"] = r.Iban, ["stage"] = r.Stage, ["template"] = r.Template, ["action"] = ActionName(r.Action), ["lateFee"] = r.LateFee, ["lateFeeText"] = r.LateFeeText,
    };

    private static Dictionary<string, string> CustomArgs(Account account, List<string> noticeIds)
    {
        var args = new Dictionary<string, string> { ["accountId"] = account.Id, ["noticeIds"] = string.Join(',', noticeIds) };
        if (noticeIds.Count == 1)
        {
            args["noticeId"] = noticeIds[0];
        }

        return args;
    }

    private static string Text(Letter letter, DunningLabels labels)
    {
        var body = new StringBuilder().AppendLine(letter.Greeting).AppendLine().AppendLine(letter.Opening);
        foreach (var section in letter.Sections)
        {
            body.AppendLine().AppendLine(section.Text.Heading).AppendLine(section.Text.Lead);
            foreach (var row in section.Rows)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {labels.Invoice} {row.Number}: {labels.AmountDue} {row.AmountDue}, {labels.DueDate} {row.DueDate}, {labels.DaysOverdue} {row.DaysOverdue}, {labels.Reference} {row.Reference}");
            }

            foreach (var fee in section.Rows.Select(r => r.LateFeeText).OfType<string>())
            {
                body.AppendLine(fee);
            }

            body.AppendLine(section.Text.Closing);
        }

        return body.AppendLine().AppendLine(letter.Total).AppendLine().AppendLine(letter.Payment)
            .AppendLine().AppendLine(letter.SignOff).Append(letter.Seller).ToString();
    }

    private static string Html(Letter letter, DunningLabels labels)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder("<html><body>").Append(CultureInfo.InvariantCulture, $"<p>{E(letter.Greeting)}</p><p>{E(letter.Opening)}</p>");
        foreach (var section in letter.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(section.Text.Heading)}</h3><p>{E(section.Text.Lead)}</p>")
                .Append(CultureInfo.InvariantCulture, $"<table><tr><th>{E(labels.Invoice)}</th><th>{E(labels.AmountDue)}</th><th>{E(labels.DueDate)}</th><th>{E(labels.DaysOverdue)}</th><th>{E(labels.Reference)}</th></tr>");
            foreach (var row in section.Rows)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Number)}</td><td>{E(row.AmountDue)}</td><td>{E(row.DueDate)}</td><td>{row.DaysOverdue}</td><td>{E(row.Reference)}</td></tr>");
            }

            html.Append("</table>");
            foreach (var fee in section.Rows.Select(r => r.LateFeeText).OfType<string>())
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{E(fee)}</p>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<p>{E(section.Text.Closing)}</p>");
        }

        return html.Append(CultureInfo.InvariantCulture, $"<p><strong>{E(letter.Total)}</strong></p><p>{E(letter.Payment)}</p><p>{E(letter.SignOff)}<br>{E(letter.Seller)}</p></body></html>").ToString();
    }

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
