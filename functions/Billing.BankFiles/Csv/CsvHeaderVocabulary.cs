using System.Globalization;
using System.Text;

namespace Billing.BankFiles.Csv;

/// <summary>
/// Header words of bank CSV exports in English, German, French and Italian, per column role, best first. A header is
/// compared after lower-casing, removing accents, a currency code ("Betrag CHF", "Gutschrift in CHF") and punctuation;
/// a trailing number ("Beschreibung1") is dropped; an exact word scores higher than a header that merely starts with it. "Valuta" is a value date in German bank
/// exports and a currency in Italian: the column's values decide.
/// </summary>
internal static class CsvHeaderVocabulary
{
    private static readonly (CsvColumnRole Role, string[] Words)[] _words =
    [
        (CsvColumnRole.BookingDate, ["buchungsdatum", "buchungstag", "booking date", "booked at", "date comptable", "date de comptabilisation", "data contabile", "data di registrazione", "data registrazione", "transaction date", "datum", "date", "data", "abschlussdatum"]),
        (CsvColumnRole.ValueDate, ["valutadatum", "valuta datum", "valuta date", "value date", "date valeur", "date de valeur", "data valuta", "wertstellung", "valuta"]),
        (CsvColumnRole.Debit, ["belastung", "belastungen", "lastschrift", "soll", "debit", "debit amount", "debits", "addebito", "addebiti", "ausgang", "money out"]),
        (CsvColumnRole.Credit, ["gutschrift", "gutschriften", "haben", "credit", "credit amount", "credits", "accredito", "accrediti", "eingang", "money in"]),
        (CsvColumnRole.Amount, ["betrag", "amount", "credit debit amount", "montant", "importo", "umsatz", "transaction amount"]),
        (CsvColumnRole.Currency, ["wahrung", "currency", "devise", "monnaie", "divisa", "ccy", "valuta"]),
        (CsvColumnRole.Balance, ["saldo", "balance", "solde", "kontostand"]),
        (CsvColumnRole.Reference, ["referenz", "reference", "zkb referenz", "transaktions nr", "transaktionsnummer", "transaction no", "transaction id", "numero de transaction", "n de transaction", "riferimento", "ref"]),
        (CsvColumnRole.Counterparty, ["auftraggeber", "begunstigter", "empfanger", "name auftraggeber begunstigter", "counterparty", "payee", "payer", "beneficiaire", "donneur d ordre", "beneficiario", "ordinante"]),
        (CsvColumnRole.Text, ["buchungstext", "avisierungstext", "text", "beschreibung", "beschreibung1", "description", "details", "mitteilung", "verwendungszweck", "booking text", "libelle", "texte", "communication", "descrizione", "testo", "testo di registrazione", "motivo"]),
    ];

    /// <summary>How well <paramref name="header"/> names <paramref name="role"/>: 1 exact, 0.7 starts with the word, 0 not at all.</summary>
    public static double Score(string header, CsvColumnRole role)
    {
        var normal = Normalize(header);
        var best = 0.0;
        foreach (var (r, words) in _words)
        {
            if (r != role)
            {
                continue;
            }

            for (var i = 0; i < words.Length; i++)
            {
                // Earlier words are the more specific ones: a small bonus keeps "Buchungsdatum" ahead of "Abschlussdatum".
                var rank = 0.01 * (words.Length - i) / words.Length;
                if (normal == words[i])
                {
                    best = Math.Max(best, 1 + rank);
                }
                else if (normal.StartsWith(words[i] + " ", StringComparison.Ordinal))
                {
                    best = Math.Max(best, 0.7 + rank);
                }
            }
        }

        return best;
    }

    /// <summary>Lower case, no accents, no currency code, punctuation as single spaces.</summary>
    public static string Normalize(string header)
    {
        var decomposed = header.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        // "Beschreibung1", "Description 2": a numbered column is one of several of its kind.
        var text = builder.ToString().TrimEnd("0123456789 ".ToCharArray());
        foreach (var suffix in new[] { " in chf", " in eur", " in usd", " chf", " eur", " usd", " gbp" })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return text[..^suffix.Length];
            }
        }

        return text;
    }
}
