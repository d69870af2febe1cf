using System.Collections.Frozen;

namespace Billing.Core.Dunning;

/// <summary>
/// The built-in email texts, per template and language (English and German; any other language falls back to
/// English). <see cref="Names"/> is in order of severity: a grouped email uses the most severe template among
/// its notices.
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
        [(Reminder, "en")] = new("Payment reminder from {0}", "this is a friendly reminder that the following invoices fall due soon.", "If you have already paid, please disregard this message."),
        [(FirstNotice, "en")] = new("Overdue invoices at {0}", "we have not yet received payment for the following invoices, which are now overdue.", "Please pay the amount due within the next few days. If you have already paid, please disregard this message."),
        [(SecondNotice, "en")] = new("Second notice: overdue invoices at {0}", "despite our reminder, the following invoices are still unpaid.", "Please pay the amount due without delay, or contact us if there is a problem with an invoice."),
        [(FinalNotice, "en")] = new("Final notice from {0}", "the following invoices are still unpaid. This is our final notice before we hand them over to collections.", "Please pay the amount due within 14 days."),
        [(Collections, "en")] = new("Invoices handed over to collections by {0}", "as we have not received payment, the following invoices have been handed over to collections.", "Please contact us if you believe this is a mistake."),
        [(Reminder, "de")] = new("Zahlungserinnerung von {0}", "wir möchten Sie freundlich daran erinnern, dass die folgenden Rechnungen bald fällig werden.", "Falls Sie bereits bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos."),
        [(FirstNotice, "de")] = new("Überfällige Rechnungen bei {0}", "für die folgenden Rechnungen ist bei uns noch keine Zahlung eingegangen; sie sind inzwischen überfällig.", "Bitte begleichen Sie den offenen Betrag in den nächsten Tagen. Falls Sie bereits bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos."),
        [(SecondNotice, "de")] = new("Zweite Mahnung von {0}", "trotz unserer Erinnerung sind die folgenden Rechnungen weiterhin offen.", "Bitte begleichen Sie den offenen Betrag umgehend oder melden Sie sich, falls es ein Problem mit einer Rechnung gibt."),
        [(FinalNotice, "de")] = new("Letzte Mahnung von {0}", "die folgenden Rechnungen sind weiterhin unbezahlt. Dies ist unsere letzte Mahnung vor der Übergabe an ein Inkassounternehmen.", "Bitte begleichen Sie den offenen Betrag innerhalb von 14 Tagen."),
        [(Collections, "de")] = new("Übergabe an das Inkasso durch {0}", "da keine Zahlung eingegangen ist, haben wir die folgenden Rechnungen an ein Inkassounternehmen übergeben.", "Bitte melden Sie sich, falls Sie dies für einen Irrtum halten."),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, DunningLabels> s_labels = new Dictionary<string, DunningLabels>
    {
        ["en"] = new("Dear {0},", "Invoice", "Amount due", "Due date", "Days overdue", "Reference", "Total due", "Please transfer the amount to IBAN {0}{1}, quoting each invoice's reference.", "A late fee of {0} is charged on invoice {1}.", " (BIC {0})", "yyyy-MM-dd", "Kind regards"),
        ["de"] = new("Sehr geehrte Damen und Herren ({0}),", "Rechnung", "Offener Betrag", "Fällig am", "Tage überfällig", "Verwendungszweck", "Gesamtbetrag", "Bitte überweisen Sie den Betrag auf IBAN {0}{1} unter Angabe des Verwendungszwecks der jeweiligen Rechnung.", "Für Rechnung {1} berechnen wir eine Mahngebühr von {0}.", " (BIC {0})", "dd.MM.yyyy", "Mit freundlichen Grüßen"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The language used for <paramref name="language"/>: itself when there are texts for it, else English.</summary>
    public static string Resolve(string? language) =>
        language is not null && s_labels.ContainsKey(language) ? language.ToLowerInvariant() : "en";

    public static DunningTemplateText Text(string template, string language) => s_texts[(template, Resolve(language))];

    public static DunningLabels Labels(string language) => s_labels[Resolve(language)];

    /// <summary>The most severe of <paramref name="templates"/>.</summary>
    public static string MostSevere(IEnumerable<string> templates) =>
        templates.MaxBy(t => Names.ToList().IndexOf(t)) ?? FirstNotice;
}

/// <summary>The words of one template in one language; <see cref="Subject"/> takes the seller's name.</summary>
public sealed record DunningTemplateText(string Subject, string Intro, string Closing);

/// <summary>The fixed words of a dunning email in one language.</summary>
public sealed record DunningLabels(
    string Greeting, string Invoice, string AmountDue, string DueDate, string DaysOverdue, string Reference, string Total,
    string PaymentInstruction, string LateFee, string Bic, string DateFormat, string SignOff);
