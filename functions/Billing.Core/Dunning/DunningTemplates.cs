using System.Collections.Frozen;
using Billing.Core.Formatting;

namespace Billing.Core.Dunning;

/// <summary>
/// The built-in email texts, per template and language (English and German; any other language falls back to
/// English). <see cref="Names"/> is in order of severity. A grouped email takes its subject and opening from its
/// most serious stage and lists every invoice in the section of its own stage, under that stage's heading, lead and
/// closing, so no invoice is described by another stage's action.
/// </summary>
public static class DunningTemplates
{
    public const string Reminder = "reminder";
    public const string FirstNotice = "first-notice";
    public const string SecondNotice = "second-notice";
    public const string FinalNotice = "final-notice";
    public const string Collections = "collections";

    public static IReadOnlyList<string> Names { get; } = [Reminder, FirstNotice, SecondNotice, FinalNotice, Collections];

    private static readonly FrozenDictionary<(string Template, string Language), DunningTemplateText> s_texts = new Dictionary<(string, string), DunningTemplateText>
    {
        [(Reminder, "en")] = new(
            "Payment reminder from {0}", "this is a friendly reminder about invoices that fall due soon.", "Falling due soon",
            "These invoices fall due in the next few days.", "If you have already paid them, please disregard this reminder."),
        [(FirstNotice, "en")] = new(
            "Overdue invoices at {0}", "we have not yet received payment for overdue invoices on your account.", "Overdue",
            "We have not yet received payment for these invoices, which are now overdue.", "Please pay them within the next few days. If you have already paid, please disregard this notice."),
        [(SecondNotice, "en")] = new(
            "Second notice: overdue invoices at {0}", "invoices on your account are still unpaid although we have reminded you of them.", "Second notice",
            "Despite our reminder, these invoices are still unpaid.", "Please pay them without delay, or contact us if there is a problem with an invoice."),
        [(FinalNotice, "en")] = new(
            "Final notice from {0}", "this is our final notice before we hand unpaid invoices over to a collection agency.", "Final notice",
            "These invoices are still unpaid. This is our final notice before we hand them over to a collection agency.", "Please pay them within 14 days."),
        [(Collections, "en")] = new(
            "Invoices handed over to collections by {0}", "as we have not received payment, we have handed invoices on your account over to a collection agency.", "Handed over to collections",
            "As we have not received payment, we have handed these invoices over to a collection agency.", "Please contact us if you believe this is a mistake."),
        [(Reminder, "de")] = new(
            "Zahlungserinnerung von {0}", "wir möchten Sie freundlich an bald fällige Rechnungen erinnern.", "Bald fällig",
            "Diese Rechnungen werden in den nächsten Tagen fällig.", "Falls Sie sie bereits bezahlt haben, betrachten Sie diese Erinnerung bitte als gegenstandslos."),
        [(FirstNotice, "de")] = new(
            "Überfällige Rechnungen bei {0}", "für überfällige Rechnungen auf Ihrem Kundenkonto ist bei uns noch keine Zahlung eingegangen.", "Überfällig",
            "Für diese Rechnungen ist bei uns noch keine Zahlung eingegangen; sie sind inzwischen überfällig.", "Bitte begleichen Sie sie in den nächsten Tagen. Falls Sie bereits bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos."),
        [(SecondNotice, "de")] = new(
            "Zweite Mahnung von {0}", "Rechnungen auf Ihrem Kundenkonto sind trotz unserer Erinnerung weiterhin offen.", "Zweite Mahnung",
            "Trotz unserer Erinnerung sind diese Rechnungen weiterhin offen.", "Bitte begleichen Sie sie umgehend oder melden Sie sich, falls es ein Problem mit einer Rechnung gibt."),
        [(FinalNotice, "de")] = new(
            "Letzte Mahnung von {0}", "dies ist unsere letzte Mahnung, bevor wir unbezahlte Rechnungen an ein Inkassounternehmen übergeben.", "Letzte Mahnung",
            "Diese Rechnungen sind weiterhin unbezahlt. Dies ist unsere letzte Mahnung vor der Übergabe an ein Inkassounternehmen.", "Bitte begleichen Sie sie innerhalb von 14 Tagen."),
        [(Collections, "de")] = new(
            "Übergabe an das Inkasso durch {0}", "da keine Zahlung eingegangen ist, haben wir Rechnungen Ihres Kundenkontos an ein Inkassounternehmen übergeben.", "An das Inkasso übergeben",
            "Da keine Zahlung eingegangen ist, haben wir diese Rechnungen an ein Inkassounternehmen übergeben.", "Bitte melden Sie sich, falls Sie dies für einen Irrtum halten."),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, DunningLabels> s_labels = new Dictionary<string, DunningLabels>
    {
        ["en"] = new(
            "Dear {0},", "Each invoice is listed below under the step it has reached.", "Invoice", "Amount due", "Due date", "Days overdue", "Reference", "Total due",
            "Please transfer the amount to IBAN {0}{1}, quoting each invoice's reference.", "A late fee of {0} is charged on invoice {1}.", " (BIC {0})", "Kind regards"),
        ["de"] = new(
            "Sehr geehrte Damen und Herren ({0}),", "Unten steht jede Rechnung bei der Mahnstufe, die sie erreicht hat.", "Rechnung", "Offener Betrag", "Fällig am", "Tage überfällig", "Verwendungszweck", "Gesamtbetrag",
            "Bitte überweisen Sie den Betrag auf IBAN {0}{1} unter Angabe des Verwendungszwecks der jeweiligen Rechnung.", "Für Rechnung {1} berechnen wir eine Mahngebühr von {0}.", " (BIC {0})", "Mit freundlichen Grüßen"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The languages with built-in texts.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "de"];

    /// <summary>The language used for <paramref name="language"/>: the one whose texts and formats (<see cref="CustomerFormat"/>) apply, else English.</summary>
    public static string Resolve(string? language) => CustomerFormat.For(language).Language;

    public static DunningTemplateText Text(string template, string language) => s_texts[(template, Resolve(language))];

    public static DunningLabels Labels(string language) => s_labels[Resolve(language)];
}

/// <summary>
/// The words of one template in one language. <see cref="Subject"/> (it takes the seller's name) and
/// <see cref="Opening"/> are used when this is the email's most serious stage and must stay true when the email
/// also lists invoices at lower stages; <see cref="Heading"/>, <see cref="Lead"/> and <see cref="Closing"/> frame the
/// section of the invoices at this stage and speak only of them.
/// </summary>
public sealed record DunningTemplateText(string Subject, string Opening, string Heading, string Lead, string Closing);

/// <summary>The fixed words of a dunning email in one language; <see cref="Sections"/> follows the opening when the email has more than one stage.</summary>
public sealed record DunningLabels(
    string Greeting, string Sections, string Invoice, string AmountDue, string DueDate, string DaysOverdue, string Reference, string Total,
    string PaymentInstruction, string LateFee, string Bic, string SignOff);
